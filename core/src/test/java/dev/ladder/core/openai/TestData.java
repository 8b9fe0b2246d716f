package dev.ladder.core.openai;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import okio.Buffer;

/** Loads the recorded OpenAI data in the test resources and reads JSON into trees for comparison. */
final class TestData {
    static final String KEY = "sk-proj-test-abcdefghijklmnop";

    private TestData() {}

    static byte[] bytes(String path) {
        try (InputStream in = TestData.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** Reads JSON text into a tree of maps, lists, strings, doubles, booleans and nulls. */
    static Object tree(String json) {
        try {
            return JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a JSON tree back to text. */
    static String json(Object tree) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.jsonValue(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    @SuppressWarnings("unchecked") // JSON objects read by Moshi are maps with string keys
    static Map<String, Object> object(Object tree) {
        return (Map<String, Object>) tree;
    }

    @SuppressWarnings("unchecked") // JSON arrays read by Moshi are lists
    static List<Object> array(Object tree) {
        return (List<Object>) tree;
    }

    static MockResponse jsonResponse(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse sseResponse(byte[] body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "text/event-stream")
                .chunkedBody(new Buffer().write(body), 256)
                .build();
    }
}
