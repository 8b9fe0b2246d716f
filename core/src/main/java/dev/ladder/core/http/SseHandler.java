package dev.ladder.core.http;

import dev.ladder.core.LadderException;
import java.io.IOException;

/**
 * Receives the events of a server-sent event stream opened by {@link HttpTransport#stream}. A provider
 * implements it to turn its events into calls of a {@link dev.ladder.core.StreamHandler}.
 *
 * <p>Methods are called from one thread at a time. After zero or more {@link #onEvent} calls, exactly
 * one of {@link #onEnd} and {@link #onError} follows, unless the stream is cancelled first.
 */
public interface SseHandler {

    /**
     * Receives the next event. {@code event} is reused for the next one, so read what you need now.
     *
     * @throws IOException or {@link com.squareup.moshi.JsonDataException} if the event's data is
     *     malformed; the stream then fails with a {@link dev.ladder.core.MalformedResponseException}.
     * @throws LadderException to end the stream with that error.
     */
    void onEvent(SseEvent event) throws IOException;

    /**
     * Called when the server closed the stream normally.
     *
     * @throws LadderException (typically {@link dev.ladder.core.MalformedResponseException}) if the
     *     stream ended before its terminal event; the error goes to {@link #onError}.
     */
    void onEnd();

    /** Receives the failure that ended the stream, after any retries. */
    void onError(LadderException error);
}
