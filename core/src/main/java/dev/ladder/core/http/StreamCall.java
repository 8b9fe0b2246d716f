package dev.ladder.core.http;

import com.squareup.moshi.JsonDataException;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.StreamHandle;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one server-sent event stream on the client's executor: retries only until the first event has
 * reached the handler, watches for idle gaps, and cancels on request. Its handle methods are
 * thread-safe.
 */
final class StreamCall implements StreamHandle, Runnable {
    private static final Logger log = LoggerFactory.getLogger(StreamCall.class);

    private final HttpTransport transport;
    private final CallRunner runner;
    private final SseHandler handler;
    private final long idleNanos;
    private volatile boolean done;
    private volatile long lastEventNanos;
    private volatile ScheduledFuture<?> watchdog;
    private volatile boolean watching;
    private int events;

    StreamCall(HttpTransport transport, CallRunner runner, SseHandler handler) {
        this.transport = transport;
        this.runner = runner;
        this.handler = handler;
        this.idleNanos = transport.config().streamIdleTimeout().toNanos();
    }

    @Override
    public void run() {
        try {
            runner.run(this::pump);
        } catch (LadderException e) {
            if (!runner.cancelled()) {
                deliverError(e);
            }
        } catch (RuntimeException e) {
            deliverError(
                    new LadderException("stream from " + runner.call().info().url() + " failed: " + e, e));
        } finally {
            done = true;
        }
    }

    @Override
    public void cancel() {
        runner.cancel();
        done = true;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    private Void pump(Response response) throws IOException {
        ResponseBody body = response.body();
        rejectNonStream(response, body);
        SseParser parser = new SseParser(body.source());
        int attempt = runner.attemptNumber();
        lastEventNanos = System.nanoTime();
        watching = true;
        watchdog = SharedResources.scheduler().schedule(() -> checkIdle(attempt), idleNanos, TimeUnit.NANOSECONDS);
        try {
            while (parser.next(this::deliver)) {
                if (runner.cancelled()) {
                    return null;
                }
            }
        } finally {
            watching = false;
            watchdog.cancel(false);
        }
        runner.forbidRetry();
        if (!runner.cancelled()) {
            handler.onEnd();
        }
        return null;
    }

    private void deliver(SseEvent event) {
        if (runner.cancelled()) {
            return;
        }
        runner.forbidRetry();
        lastEventNanos = System.nanoTime();
        events++;
        transport.wire().event(event);
        dispatch(handler, event, events, runner.call().info().url());
    }

    /**
     * Hands {@code event}, number {@code events} of the stream from {@code url}, to {@code handler},
     * mapping what it throws: malformed data to {@link MalformedResponseException}, anything else
     * but a {@link LadderException} to a {@link LadderException}.
     */
    static void dispatch(SseHandler handler, SseEvent event, int events, String url) {
        try {
            handler.onEvent(event);
        } catch (IOException | JsonDataException e) {
            String rest = ErrorMapper.snippet(event.buffer().snapshot().utf8());
            throw new MalformedResponseException(
                    "malformed event " + events + " from " + url + ": " + e.getMessage()
                            + (rest.isEmpty() ? "" : "; unread data: " + rest),
                    e);
        } catch (LadderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LadderException("stream handler failed on event " + events + " from " + url + ": " + e, e);
        }
    }

    private void rejectNonStream(Response response, ResponseBody body) throws IOException {
        MediaType type = body.contentType();
        if (type == null || type.subtype().equalsIgnoreCase("event-stream")) {
            return;
        }
        if (type.subtype().equalsIgnoreCase("json") || type.subtype().equalsIgnoreCase("html")) {
            String text = body.source().readUtf8();
            throw new MalformedResponseException("expected an event stream from "
                    + runner.call().info().url()
                    + " (HTTP " + response.code() + ") but got " + type.type() + "/" + type.subtype() + ": "
                    + ErrorMapper.snippet(transport.redact(text)) + ": check the base URL and that the server streams");
        }
    }

    private void checkIdle(int attempt) {
        if (!watching) {
            return;
        }
        long idle = System.nanoTime() - lastEventNanos;
        if (idle >= idleNanos) {
            runner.expireIdle(attempt);
        } else {
            watchdog = SharedResources.scheduler()
                    .schedule(() -> checkIdle(attempt), idleNanos - idle, TimeUnit.NANOSECONDS);
        }
    }

    private void deliverError(LadderException error) {
        try {
            handler.onError(error);
        } catch (RuntimeException e) {
            log.warn(
                    "stream handler threw from onError for {}; ignored",
                    runner.call().info().url(),
                    e);
        }
    }
}
