package dev.ladder.core.http;

import java.time.Duration;

/**
 * When and how long to wait before trying a failed call again.
 *
 * <p>A failure is retried when it is a connection failure or timeout, or an HTTP 408, 409, 429,
 * 5xx or 529, unless the provider sends {@code x-should-retry: false}; {@code x-should-retry: true}
 * makes any failure retriable. The wait doubles from {@link #initialBackoff()} up to {@link
 * #maxBackoff()}, shortened by a random fraction of up to {@link #jitter()}; a {@code retry-after-ms}
 * or {@code Retry-After} header (seconds or an HTTP date) replaces it. No retry starts once {@link
 * #maxRetries()} retries were made or when waiting would run past {@link #maxElapsed()} since the
 * first attempt began, or past the call's timeout.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxRetries(0).build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxElapsed;

    private RetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.jitter = builder.jitter;
        this.maxElapsed = builder.maxElapsed;
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff "
                    + initialBackoff + ": raise maxBackoff or lower initialBackoff");
        }
    }

    /** Returns the default policy: 2 retries, 0.5 s doubling to 8 s, 25 % jitter, within 2 minutes. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** Returns a policy that never retries. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this policy's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** How many times a failed call is tried again; 0 means never. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The wait before the first retry, before jitter. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest computed wait between attempts; a server's {@code Retry-After} may ask for more. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The largest fraction, from 0 to 1, by which a computed wait is randomly shortened. */
    public double jitter() {
        return jitter;
    }

    /** The most time from the start of the first attempt to the start of the last retry. */
    public Duration maxElapsed() {
        return maxElapsed;
    }

    /**
     * Returns the computed wait before retry number {@code retry} (from 1), given a uniformly random
     * {@code random} in [0, 1).
     */
    public Duration backoff(int retry, double random) {
        long base = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        long nanos = base;
        for (int i = 1; i < retry && nanos < cap; i++) {
            nanos = nanos * 2;
        }
        nanos = Math.min(nanos, cap);
        return Duration.ofNanos((long) (nanos * (1 - jitter * random)));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", jitter=" + jitter + ", maxElapsed=" + maxElapsed + "}";
    }

    /** Builds a {@link RetryPolicy}. Not thread-safe. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double jitter = 0.25;
        private Duration maxElapsed = Duration.ofMinutes(2);

        private Builder() {}

        private Builder(RetryPolicy policy) {
            maxRetries = policy.maxRetries;
            initialBackoff = policy.initialBackoff;
            maxBackoff = policy.maxBackoff;
            jitter = policy.jitter;
            maxElapsed = policy.maxElapsed;
        }

        /** Sets how many times a failed call is tried again; 0 turns retries off. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets the wait before the first retry. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Durations.positive("initialBackoff", initialBackoff);
            return this;
        }

        /** Sets the longest computed wait between attempts. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Durations.positive("maxBackoff", maxBackoff);
            return this;
        }

        /** Sets the largest fraction, from 0 to 1, by which a wait is randomly shortened. */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** Sets the most time from the first attempt's start to the last retry's start. */
        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = Durations.positive("maxElapsed", maxElapsed);
            return this;
        }

        /**
         * Returns the policy.
         *
         * @throws IllegalArgumentException if maxBackoff is shorter than initialBackoff.
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
