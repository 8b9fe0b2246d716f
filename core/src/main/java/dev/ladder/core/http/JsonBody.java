package dev.ladder.core.http;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/** Writes a request body as JSON. The transport calls it once per call, before the first attempt. */
@FunctionalInterface
public interface JsonBody {

    /** Writes the body to {@code writer}: one top-level JSON value. */
    void writeTo(JsonWriter writer) throws IOException;
}
