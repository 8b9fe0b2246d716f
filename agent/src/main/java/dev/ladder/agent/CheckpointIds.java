package dev.ladder.agent;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Makes checkpoint ids: a per-JVM random prefix and a counter, cheap and unique across JVMs. */
final class CheckpointIds {
    private static final String PREFIX = prefix();
    private static final AtomicLong COUNTER = new AtomicLong();

    private CheckpointIds() {}

    static String next() {
        return PREFIX + Long.toString(COUNTER.incrementAndGet(), 36);
    }

    private static String prefix() {
        SecureRandom random = new SecureRandom();
        return Long.toString(System.currentTimeMillis(), 36) + Integer.toString(random.nextInt(1 << 30), 36) + "-";
    }
}
