package dev.ladder.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");

    @Test
    void readsRetryAfterSeconds() {
        assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 20:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void readsAPastHttpDateAsNoWait() {
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 19:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    }

    @Test
    void doublesTheBackoffUpToTheCap() {
        RetryPolicy policy = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(500))
                .maxBackoff(Duration.ofSeconds(3))
                .build();

        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(4, 0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoff(40, 0)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shortensTheBackoffByAtMostTheJitter() {
        RetryPolicy policy = RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(1))
                .jitter(0.25)
                .build();

        assertThat(policy.backoff(1, 0.999999)).isBetween(Duration.ofMillis(750), Duration.ofMillis(751));
    }

    @Test
    void rejectsAMaxBackoffShorterThanTheInitialOne() {
        RetryPolicy.Builder builder =
                RetryPolicy.builder().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackoff PT1S is shorter than initialBackoff PT2S: raise maxBackoff or lower"
                        + " initialBackoff");
    }

    @Test
    void rejectsABlankApiKey() {
        assertThatThrownBy(() -> ApiKey.of("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("API key is blank: pass the key itself, or leave it unset");
    }

    @Test
    void redactsTheKeyFromText() {
        assertThat(ApiKey.of("sk-123").redact("bad key sk-123 given")).isEqualTo("bad key [redacted] given");
    }
}
