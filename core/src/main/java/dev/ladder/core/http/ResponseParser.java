package dev.ladder.core.http;

import java.io.IOException;
import okio.Buffer;

/**
 * Turns a successful response body into a value. Throwing {@link IOException} or {@link
 * com.squareup.moshi.JsonDataException} means the body did not have the promised shape; the transport
 * reports it as a {@link dev.ladder.core.MalformedResponseException} quoting the body.
 *
 * @param <T> the value the body becomes.
 */
@FunctionalInterface
public interface ResponseParser<T> {

    /** Reads {@code body}, the whole response body, and returns its value. */
    T parse(Buffer body) throws IOException;
}
