package dev.ladder.core.http;

import com.squareup.moshi.JsonWriter;
import dev.ladder.core.CallTimeoutException;
import dev.ladder.core.CancelledException;
import dev.ladder.core.ConnectionException;
import dev.ladder.core.LadderException;
import dev.ladder.core.ServiceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Runs one logical call: sends attempts, maps failures, waits and retries within the policy, and
 * notifies listeners. Cancellable from any thread; otherwise used by one thread.
 */
final class CallRunner {
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    /** Reads a successful response into the call's value. */
    interface Reader<T> {
        T read(Response response) throws IOException;
    }

    private final HttpTransport transport;
    private final HttpCall call;
    private final Request request;
    private final ByteString body;
    private final int maxRetries;
    private final Duration timeout;
    private final long startNanos;
    private final long deadlineNanos;
    private final CountDownLatch cancelSignal = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile boolean idleExpired;
    private volatile Call current;
    private boolean retryForbidden;
    private int attempt; // written under this lock by the calling thread, which alone reads it unlocked

    CallRunner(HttpTransport transport, HttpCall call, String accept) {
        this.transport = transport;
        this.call = call;
        this.body = call.body() == null ? null : encode(call);
        this.request = transport.request(call, body == null ? call.rawBody() : new BufferBody(body), accept);
        this.maxRetries = call.maxRetries() != null
                ? call.maxRetries()
                : transport.config().retryPolicy().maxRetries();
        this.timeout =
                call.timeout() != null ? call.timeout() : transport.config().callTimeout();
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + timeout.toNanos();
    }

    HttpCall call() {
        return call;
    }

    /** Runs attempts until one succeeds or the failure may not be retried, which is then thrown. */
    <T> T run(Reader<T> reader) {
        while (true) {
            startAttempt();
            LadderException failure;
            try {
                T value = attempt(reader);
                transport.listeners().complete(call.info(), elapsed());
                return value;
            } catch (LadderException e) {
                failure = e;
            }
            Duration delay = retryDelay(failure);
            if (delay != null) {
                transport.listeners().retry(call.info(), attempt, delay, failure);
                failure = pause(delay) ? null : cancelledError();
            }
            if (failure != null) {
                transport.listeners().error(call.info(), failure, elapsed());
                throw failure;
            }
        }
    }

    /** Aborts the call in flight, or the wait before the next attempt. Safe from any thread. */
    void cancel() {
        cancelled = true;
        cancelSignal.countDown();
        Call inFlight = current;
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    /**
     * Aborts attempt number {@code forAttempt} because its stream went idle too long; does nothing
     * if that attempt is over. Safe from any thread.
     */
    synchronized void expireIdle(int forAttempt) {
        if (forAttempt != attempt) {
            return;
        }
        idleExpired = true;
        Call inFlight = current;
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    /** The number of the attempt in flight, from 1. */
    synchronized int attemptNumber() {
        return attempt;
    }

    /** Counts the next attempt; an idle expiry of an earlier one no longer applies. */
    private synchronized void startAttempt() {
        attempt++;
        idleExpired = false;
    }

    /** Forbids retries from now on: the caller's handler has seen part of the response. */
    void forbidRetry() {
        retryForbidden = true;
    }

    private <T> T attempt(Reader<T> reader) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw callTimeout(null);
        }
        Call okCall = transport.okHttp().newCall(request);
        okCall.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        current = okCall;
        if (cancelled) {
            okCall.cancel();
        }
        transport.listeners().request(call.info(), attempt);
        transport.wire().request(request, body);
        long sent = System.nanoTime();
        Response response;
        try {
            response = okCall.execute();
        } catch (IOException e) {
            throw failure(e, false);
        }
        try (response) {
            Duration latency = Duration.ofNanos(System.nanoTime() - sent);
            transport.listeners().response(call.info(), attempt, response.code(), latency);
            transport.wire().response(response, latency);
            if (!response.isSuccessful()) {
                throw serviceError(response);
            }
            return reader.read(response);
        } catch (IOException e) {
            throw failure(e, true);
        }
    }

    private ServiceException serviceError(Response response) {
        String text;
        try {
            text = readLimited(response.body());
        } catch (IOException e) {
            text = "";
        }
        transport.wire().body(text);
        return transport.errors().map(call.info(), response.code(), response.headers(), text);
    }

    private static String readLimited(ResponseBody body) throws IOException {
        BufferedSource source = body.source();
        source.request(ERROR_BODY_LIMIT);
        Buffer buffer = source.getBuffer();
        return buffer.readUtf8(Math.min(buffer.size(), ERROR_BODY_LIMIT));
    }

    /** Maps an I/O failure of the current attempt to Ladder's exception for it. */
    LadderException failure(IOException e, boolean afterHeaders) {
        String url = call.info().url();
        if (cancelled) {
            return cancelledError();
        }
        if (idleExpired) {
            Duration idle = transport.config().streamIdleTimeout();
            return new CallTimeoutException(
                    "stream from " + url + " sent no event for " + Durations.text(idle)
                            + " (stream idle timeout): raise streamIdleTimeout or check the server",
                    e);
        }
        if (System.nanoTime() >= deadlineNanos
                || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))) {
            return callTimeout(e);
        }
        if (e instanceof SocketTimeoutException) {
            return socketTimeout(e, url);
        }
        String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return afterHeaders
                ? new ConnectionException(
                        "connection to " + url + " broke while reading the response (" + cause + "): retry", e)
                : new ConnectionException(
                        "no response from " + url + " (" + cause + "): check the base URL and the network", e);
    }

    private CallTimeoutException socketTimeout(IOException e, String url) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("connect")) {
            return new CallTimeoutException(
                    "could not connect to " + url + " within "
                            + Durations.text(transport.config().connectTimeout())
                            + " (connect timeout): check the base URL and the network",
                    e);
        }
        return new CallTimeoutException(
                "no data from " + url + " for "
                        + Durations.text(transport.config().readTimeout())
                        + " (read timeout): raise readTimeout or retry later",
                e);
    }

    private CallTimeoutException callTimeout(IOException e) {
        return new CallTimeoutException(
                "call to " + call.info().url() + " timed out after " + Durations.text(timeout)
                        + " (call timeout): raise the timeout or ask for a shorter answer",
                e);
    }

    private CancelledException cancelledError() {
        return new CancelledException("call to " + call.info().url() + " was cancelled");
    }

    /** Returns how long to wait before retrying after {@code failure}, or null to give up. */
    private Duration retryDelay(LadderException failure) {
        if (cancelled || retryForbidden || attempt > maxRetries) {
            return null;
        }
        ServiceException service = failure instanceof ServiceException s ? s : null;
        Optional<String> shouldRetry = service == null ? Optional.empty() : service.header("x-should-retry");
        boolean retriable = shouldRetry.map("true"::equalsIgnoreCase).orElse(failure.retriable());
        if (!retriable) {
            return null;
        }
        RetryPolicy policy = transport.config().retryPolicy();
        Duration delay =
                service == null ? null : RetryAfter.of(service, Instant.now()).orElse(null);
        if (delay == null) {
            delay = policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
        }
        long nextStart = System.nanoTime() + delay.toNanos();
        if (nextStart - startNanos > policy.maxElapsed().toNanos() || nextStart >= deadlineNanos) {
            return null;
        }
        return delay;
    }

    /** Waits {@code delay}; returns false if the call was cancelled meanwhile. */
    private boolean pause(Duration delay) {
        try {
            return !cancelSignal.await(delay.toNanos(), TimeUnit.NANOSECONDS) && !cancelled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            return false;
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static ByteString encode(HttpCall call) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            call.body().writeTo(writer);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "could not write the request body of " + call + ": " + e.getMessage(), e);
        }
        // Reading the buffer out returns its segments to okio's pool for the next call.
        return buffer.readByteString();
    }
}
