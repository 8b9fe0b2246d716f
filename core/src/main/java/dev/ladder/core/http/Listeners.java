package dev.ladder.core.http;

import dev.ladder.core.LadderException;
import dev.ladder.core.Usage;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Notifies listeners, logging and ignoring any that throw. */
final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<CallListener> listeners;

    Listeners(List<CallListener> listeners) {
        this.listeners = listeners;
    }

    void request(CallInfo call, int attempt) {
        notify("onRequest", call, listener -> listener.onRequest(call, attempt));
    }

    void response(CallInfo call, int attempt, int status, Duration latency) {
        notify("onResponse", call, listener -> listener.onResponse(call, attempt, status, latency));
    }

    void retry(CallInfo call, int attempt, Duration delay, LadderException cause) {
        notify("onRetry", call, listener -> listener.onRetry(call, attempt, delay, cause));
    }

    void usage(CallInfo call, Usage usage) {
        notify("onUsage", call, listener -> listener.onUsage(call, usage));
    }

    void complete(CallInfo call, Duration latency) {
        notify("onComplete", call, listener -> listener.onComplete(call, latency));
    }

    void error(CallInfo call, LadderException error, Duration latency) {
        notify("onError", call, listener -> listener.onError(call, error, latency));
    }

    private void notify(String event, CallInfo call, Consumer<CallListener> action) {
        for (CallListener listener : listeners) {
            try {
                action.accept(listener);
            } catch (RuntimeException e) {
                log.warn("listener {} threw from {} for {} {}; ignored", listener, event, call.method(), call.url(), e);
            }
        }
    }
}
