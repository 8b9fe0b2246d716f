package dev.ladder.core.http;

import java.util.concurrent.CompletableFuture;

/** A future whose {@link #cancel} aborts the HTTP call behind it. */
final class CallFuture<T> extends CompletableFuture<T> {
    private final CallRunner runner;

    CallFuture(CallRunner runner) {
        this.runner = runner;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        runner.cancel();
        return cancelled;
    }
}
