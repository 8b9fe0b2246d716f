package dev.ladder.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * A chunked response body that a test scripts step by step: write a chunk, wait, end cleanly, or cut
 * the connection without the final chunk. The server shuts the connection down after the body.
 */
public final class ScriptedBody implements MockResponseBody {

    /** One step of the script, run on the server's thread. */
    public interface Step {
        void run(BufferedSink sink) throws IOException;
    }

    private final List<Step> steps;

    private ScriptedBody(List<Step> steps) {
        this.steps = steps;
    }

    /** Returns an event-stream response that plays {@code steps}. */
    public static MockResponse stream(Step... steps) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "text/event-stream")
                .setHeader("Transfer-Encoding", "chunked")
                .body(new ScriptedBody(List.of(steps)))
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }

    public static Step chunk(String text) {
        return sink -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            sink.writeUtf8(Integer.toHexString(bytes.length))
                    .writeUtf8("\r\n")
                    .write(bytes)
                    .writeUtf8("\r\n");
            sink.flush();
        };
    }

    public static Step end() {
        return sink -> {
            sink.writeUtf8("0\r\n\r\n");
            sink.flush();
        };
    }

    /** Ends the body without its final chunk; the connection is then shut down, cutting the stream. */
    public static Step disconnect() {
        return BufferedSink::flush;
    }

    public static Step await(CountDownLatch latch) {
        return sink -> {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        for (Step step : steps) {
            step.run(sink);
        }
    }
}
