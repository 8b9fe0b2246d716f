package dev.ladder.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryCheckpointerTest extends CheckpointerContract {
    private final MemoryCheckpointer shared = MemoryCheckpointer.create();

    @Override
    Checkpointer checkpointer() {
        return shared;
    }

    @Override
    Checkpointer reopen() {
        return shared;
    }

    @Override
    Checkpointer checkpointerFor(Schema schema) {
        return shared;
    }

    @Override
    Checkpointer withRetention(Retention retention) {
        return MemoryCheckpointer.create(retention);
    }

    @Test
    void maxAgeRetentionDropsOldCheckpointsButKeepsTheNewest() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        MemoryCheckpointer checkpointer =
                MemoryCheckpointer.create(Retention.maxAge(Duration.ofMinutes(5)), Clock.fixed(now, ZoneOffset.UTC));
        checkpointer.put(checkpoint("old", now.minus(Duration.ofMinutes(10))));
        checkpointer.put(checkpoint("recent", now.minus(Duration.ofMinutes(1))));
        checkpointer.put(checkpoint("stale-but-newest", now.minus(Duration.ofHours(1))));

        assertThat(checkpointer.history("t")).extracting(Checkpoint::id).containsExactly("stale-but-newest", "recent");
    }

    private static Checkpoint checkpoint(String id, Instant createdAt) {
        return new Checkpoint(
                "t",
                id,
                null,
                0,
                Map.of(),
                java.util.List.of(),
                Map.of(),
                java.util.List.of(),
                java.util.List.of(),
                Map.of(),
                "loop",
                null,
                null,
                createdAt);
    }
}
