package dev.ladder.core.http;

import dev.ladder.core.LadderException;
import dev.ladder.core.Usage;
import java.time.Duration;

/**
 * Observes calls for metrics, tracing or cost accounting. Every method has an empty default.
 *
 * <p>For one call, methods are invoked in order from one thread at a time: {@code onRequest}, then
 * {@code onResponse} or a failure, then {@code onRetry} and the next {@code onRequest} if the call is
 * tried again; finally {@code onUsage} when the provider reported usage and exactly one of {@code
 * onComplete} or {@code onError}. Different calls notify concurrently, so implementations must be
 * thread-safe. A listener that throws is logged at WARN and ignored; the call goes on.
 */
public interface CallListener {

    /** Called before attempt number {@code attempt} (from 1) is sent. */
    default void onRequest(CallInfo call, int attempt) {}

    /** Called when response headers arrived, {@code latency} after the attempt was sent. */
    default void onResponse(CallInfo call, int attempt, int status, Duration latency) {}

    /** Called when attempt {@code attempt} failed with {@code cause} and the next one starts after {@code delay}. */
    default void onRetry(CallInfo call, int attempt, Duration delay, LadderException cause) {}

    /** Called with the tokens the call consumed, when the provider reported them. */
    default void onUsage(CallInfo call, Usage usage) {}

    /** Called when the call succeeded, {@code latency} after its first attempt was sent. */
    default void onComplete(CallInfo call, Duration latency) {}

    /** Called when the call failed for good, {@code latency} after its first attempt was sent. */
    default void onError(CallInfo call, LadderException error, Duration latency) {}
}
