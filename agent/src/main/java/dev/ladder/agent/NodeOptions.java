package dev.ladder.agent;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a node runs: its retry policy, the longest one attempt may take, and the nodes it may send
 * the run to with {@link Update#goTo}. Immutable and thread-safe.
 *
 * @param retry the retry policy; {@link RetryPolicy#NONE} runs the node once.
 * @param timeout the longest one attempt may take, or null for no limit; an attempt that takes
 *     longer is interrupted and counts as failed; code that ignores interrupts keeps running on
 *     the executor after the attempt has failed.
 * @param routesTo the nodes the node may go to through {@link Update#goTo}, declared so that
 *     validation and the Mermaid diagram know them.
 * @param deferred whether the node, once triggered, waits until no other node is left to run, so
 *     that it runs once after branches of different lengths have all finished.
 */
public record NodeOptions(RetryPolicy retry, Duration timeout, List<String> routesTo, boolean deferred) {

    /** Runs a node once, without a time limit. */
    public static final NodeOptions DEFAULT = new NodeOptions(RetryPolicy.NONE, null, List.of(), false);

    public NodeOptions {
        Objects.requireNonNull(retry, "retry");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        routesTo = List.copyOf(routesTo);
    }

    /** Returns options running the node under {@code retry}. */
    public static NodeOptions retry(RetryPolicy retry) {
        return DEFAULT.withRetry(retry);
    }

    /** Returns options limiting each attempt of the node to {@code timeout}. */
    public static NodeOptions timeout(Duration timeout) {
        return DEFAULT.withTimeout(timeout);
    }

    /** Returns options declaring the nodes the node may go to with {@link Update#goTo}. */
    public static NodeOptions routesTo(String... nodes) {
        return new NodeOptions(RetryPolicy.NONE, null, Arrays.asList(nodes), false);
    }

    /** Returns options for a node that runs only once no other node is left to run. */
    public static NodeOptions defer() {
        return DEFAULT.withDeferred(true);
    }

    /** Returns a copy that is deferred or not. */
    public NodeOptions withDeferred(boolean deferred) {
        return new NodeOptions(retry, timeout, routesTo, deferred);
    }

    /** Returns a copy with {@code retry}. */
    public NodeOptions withRetry(RetryPolicy retry) {
        return new NodeOptions(retry, timeout, routesTo, deferred);
    }

    /** Returns a copy with {@code timeout}. */
    public NodeOptions withTimeout(Duration timeout) {
        return new NodeOptions(retry, timeout, routesTo, deferred);
    }
}
