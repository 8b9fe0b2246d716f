package dev.ladder.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ConnectionException;
import dev.ladder.core.Embedder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReplayEmbedderTest {
    private static final List<String> TEXTS = List.of("the cat sat", "markets fell");

    @TempDir
    Path dir;

    @Test
    void replaysRecordedVectorsBitForBit() {
        Path file = dir.resolve("vectors.json");
        List<float[]> recorded = RecordReplayEmbedder.of(file, RecordMode.RECORD, new HashingEmbedder())
                .embed(TEXTS);

        List<float[]> replayed = RecordReplayEmbedder.replay(file).embed(TEXTS);

        assertThat(replayed).hasSize(2);
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(replayed.get(i)).containsExactly(recorded.get(i));
        }
    }

    @Test
    void recordIfMissingEmbedsOnlyNewBatches() {
        Path file = dir.resolve("vectors.json");
        RecordReplayEmbedder.of(file, RecordMode.RECORD, new HashingEmbedder()).embed(TEXTS);
        HashingEmbedder real = new HashingEmbedder();
        Embedder embedder = RecordReplayEmbedder.of(file, RecordMode.RECORD_IF_MISSING, real);

        embedder.embed(TEXTS);
        embedder.embed(List.of("a new text"));

        assertThat(real.calls()).isEqualTo(1);
    }

    @Test
    void failsOnAMissNamingTheTexts() {
        Path file = dir.resolve("vectors.json");
        RecordReplayEmbedder.of(file, RecordMode.RECORD, new HashingEmbedder()).embed(TEXTS);

        assertThatThrownBy(() -> RecordReplayEmbedder.replay(file).embed(List.of("the cat sat", "markets rose")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"markets rose\"")
                .hasMessageContaining("  recorded: \"markets fell\"\n  this:     \"markets rose\"");
    }

    @Test
    void replaysARecordedFailure() {
        Path file = dir.resolve("vectors.json");
        ConnectionException broken = new ConnectionException("connection reset by https://embed.example.com", null);
        Embedder failing = texts -> {
            throw broken;
        };
        assertThatThrownBy(() -> RecordReplayEmbedder.of(file, RecordMode.RECORD, failing)
                        .embed(TEXTS))
                .isSameAs(broken);

        assertThatThrownBy(() -> RecordReplayEmbedder.replay(file).embed(TEXTS))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("connection reset by https://embed.example.com");
    }

    @Test
    void rejectsANullTextBeforeLookingItUp() {
        Path file = dir.resolve("vectors.json");
        RecordReplayEmbedder.of(file, RecordMode.RECORD, new HashingEmbedder()).embed(TEXTS);

        assertThatThrownBy(() -> RecordReplayEmbedder.replay(file).embed(Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text 1 of 2 is null: embed only non-null texts");
    }
}
