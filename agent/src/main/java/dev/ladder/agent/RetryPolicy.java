package dev.ladder.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How often a failing node runs before its failure fails the run, and how long to wait between
 * attempts. Immutable and thread-safe.
 *
 * @param maxAttempts how many times the node runs at most, 1 for no retry.
 * @param initialBackoff the wait before the second attempt.
 * @param multiplier the factor each later wait grows by.
 * @param retryOn which failures are worth another attempt.
 */
public record RetryPolicy(
        int maxAttempts, Duration initialBackoff, double multiplier, Predicate<RuntimeException> retryOn) {

    /** Runs a node once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, e -> false);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative, was " + initialBackoff);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        Objects.requireNonNull(retryOn, "retryOn");
    }

    /** Creates a policy of {@code maxAttempts} attempts, retrying every failure without waiting. */
    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ZERO, 1, e -> true);
    }

    /** Returns the wait before attempt number {@code attempt} (2 for the first retry). */
    Duration backoff(int attempt) {
        double factor = Math.pow(multiplier, Math.max(0, attempt - 2));
        return Duration.ofNanos((long) (initialBackoff.toNanos() * factor));
    }
}
