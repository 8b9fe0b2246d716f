package dev.ladder.core.http;

import com.squareup.moshi.JsonReader;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * One server-sent event, as a view that the stream reuses for every event so that reading a stream
 * does not copy each event's data. Valid only during {@link SseHandler#onEvent}.
 *
 * <p>Not thread-safe.
 */
public final class SseEvent {
    static final String DEFAULT_TYPE = "message";

    private final Buffer data = new Buffer();
    private String type = DEFAULT_TYPE;
    private String id;
    private JsonReader json;

    SseEvent() {}

    /** The event's type from its {@code event:} field, or {@code message} when it had none. */
    public String type() {
        return type;
    }

    /** The event's {@code id:} field, or null when it had none. */
    public String id() {
        return id;
    }

    /** The number of bytes of data, multi-line data joined by {@code \n}. */
    public long dataSize() {
        return data.size();
    }

    /** Returns true if the data is exactly {@code text}, such as OpenAI's {@code [DONE]}, without copying it. */
    public boolean dataEquals(ByteString text) {
        return data.size() == text.size() && data.rangeEquals(0, text);
    }

    /** Returns the data as text. Allocates a string; prefer {@link #json()} for JSON data. */
    public String dataUtf8() {
        return data.snapshot().string(StandardCharsets.UTF_8);
    }

    /** Returns the data's bytes to read; what is not read is discarded after the event. */
    public BufferedSource data() {
        return data;
    }

    /**
     * Returns a lenient JSON reader positioned at the data, reused for every event of the stream: read
     * exactly one value from it (or none), and don't peek past that value.
     */
    public JsonReader json() {
        if (json == null) {
            json = JsonReader.of(data);
            json.setLenient(true);
        }
        return json;
    }

    Buffer buffer() {
        return data;
    }

    void type(String type) {
        this.type = type;
    }

    void id(String id) {
        this.id = id;
    }

    void reset() {
        data.clear();
        type = DEFAULT_TYPE;
    }

    @Override
    public String toString() {
        return "SseEvent{type=" + type + ", id=" + id + ", dataSize=" + data.size() + "}";
    }
}
