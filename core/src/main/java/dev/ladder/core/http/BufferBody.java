package dev.ladder.core.http;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.ByteString;

/**
 * A JSON request body written once and sent by every attempt. It keeps immutable bytes rather than a
 * buffer: sending a copy of a buffer would share its segments, which okio then never returns to its
 * pool, costing a fresh 8 KiB segment per call.
 */
final class BufferBody extends RequestBody {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ByteString content;

    BufferBody(ByteString content) {
        this.content = content;
    }

    @Override
    public MediaType contentType() {
        return JSON;
    }

    @Override
    public long contentLength() {
        return content.size();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(content);
    }
}
