package dev.ladder.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which checkpoints of a thread a checkpointer keeps. The newest checkpoint of a thread is always
 * kept, so a thread can always continue. Immutable and thread-safe.
 *
 * @param keepLast how many of the newest checkpoints to keep per thread; 0 for no limit.
 * @param maxAge how old a checkpoint may grow before it is deleted; null for no limit.
 */
public record Retention(int keepLast, Duration maxAge) {

    /** Keeps every checkpoint. */
    public static final Retention ALL = new Retention(0, null);

    public Retention {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must not be negative, was " + keepLast);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
    }

    /** Keeps the newest {@code count} checkpoints of each thread. */
    public static Retention keepLast(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("keepLast must be at least 1, was " + count);
        }
        return new Retention(count, null);
    }

    /** Keeps the checkpoints younger than {@code age}, and always the newest one. */
    public static Retention maxAge(Duration age) {
        return new Retention(0, Objects.requireNonNull(age, "age"));
    }

    /** Returns true if a checkpoint at {@code position} (0 = newest) created at {@code createdAt} goes. */
    boolean drops(int position, Instant createdAt, Instant now) {
        if (position == 0) {
            return false;
        }
        boolean tooMany = keepLast > 0 && position >= keepLast;
        boolean tooOld = maxAge != null && createdAt.isBefore(now.minus(maxAge));
        return tooMany || tooOld;
    }

    /** Returns the oldest creation time kept, or null when age does not matter. */
    Instant cutoff(Instant now) {
        return maxAge == null ? null : now.minus(maxAge);
    }
}
