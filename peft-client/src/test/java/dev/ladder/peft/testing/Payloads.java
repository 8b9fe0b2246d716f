package dev.ladder.peft.testing;

import dev.ladder.peft.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import okio.ByteString;

/** Reads recorded payloads from test resources and turns them into mock responses. */
public final class Payloads {
    private Payloads() {}

    /** Returns the text of test resource {@code name}, such as {@code openai-openapi/file.json}. */
    public static String text(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns resource {@code name} parsed as a JSON tree. */
    public static Object json(String name) {
        return parse(text(name));
    }

    /** Parses {@code text} as a JSON tree. */
    public static Object parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a recorded request body as a JSON tree. */
    public static Object parse(ByteString body) {
        return parse(body.utf8());
    }

    /** Returns a 200 JSON response with resource {@code name} as its body. */
    public static MockResponse ok(String name) {
        return json(200, text(name));
    }

    /** Returns a JSON response with {@code status} and {@code body}. */
    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
