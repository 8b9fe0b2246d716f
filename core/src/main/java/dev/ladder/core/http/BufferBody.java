package dev.ladder.core.http;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/** A JSON request body written once and sent by every attempt without copying its bytes. */
final class BufferBody extends RequestBody {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Buffer content;

    BufferBody(Buffer content) {
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
        // A copy shares the segments, so each attempt sends the same bytes without duplicating them.
        Buffer copy = content.copy();
        sink.write(copy, copy.size());
    }
}
