package dev.ladder.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads server-sent events from a byte stream as the WHATWG specification defines them: lines end
 * in CR LF, LF or CR; {@code data:} lines join with LF; a blank line dispatches; comment lines start
 * with a colon; an event left unfinished at the end of the stream is dropped. Data moves from the
 * source into the event without being decoded, so no string is made per event.
 *
 * <p>Not thread-safe; one parser reads one stream.
 */
final class SseParser {
    /** The largest line accepted, so a stream without line breaks cannot exhaust memory. */
    static final long MAX_LINE = 16L * 1024 * 1024;

    private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
    private static final ByteString DATA = ByteString.encodeUtf8("data");
    private static final ByteString EVENT = ByteString.encodeUtf8("event");
    private static final ByteString ID = ByteString.encodeUtf8("id");

    /** Receives each event the parser dispatches. */
    interface Sink {
        void event(SseEvent event) throws IOException;
    }

    private final BufferedSource source;
    private final Buffer buffer;
    private final SseEvent event = new SseEvent();
    private static final ByteString BYTE_ORDER_MARK = ByteString.decodeHex("efbbbf");

    private boolean started;
    private boolean skipLineFeed;
    private boolean hasData;
    private ByteString lastTypeBytes = ByteString.EMPTY;
    private String lastType = SseEvent.DEFAULT_TYPE;

    SseParser(BufferedSource source) {
        this.source = source;
        this.buffer = source.getBuffer();
    }

    /**
     * Reads lines until the next event and hands it to {@code sink}.
     *
     * @return false when the source is exhausted and no event remained.
     * @throws IOException if reading fails or a line exceeds {@link #MAX_LINE}.
     */
    boolean next(Sink sink) throws IOException {
        if (!started) {
            started = true;
            if (source.rangeEquals(0, BYTE_ORDER_MARK)) {
                buffer.skip(BYTE_ORDER_MARK.size());
            }
        }
        while (true) {
            long lineEnd = findLineEnd();
            if (lineEnd < 0) {
                return false;
            }
            if (lineEnd == 0) {
                consumeLineEnd();
                if (hasData) {
                    dispatch(sink);
                    return true;
                }
                event.reset();
                continue;
            }
            processLine(lineEnd);
            consumeLineEnd();
        }
    }

    private void dispatch(Sink sink) throws IOException {
        try {
            sink.event(event);
        } finally {
            event.reset();
            hasData = false;
        }
    }

    /** Returns the index of the next line end in the buffer, or -1 at the end of the stream. */
    private long findLineEnd() throws IOException {
        if (skipLineFeed) {
            if (!source.request(1)) {
                return -1;
            }
            if (buffer.getByte(0) == '\n') {
                buffer.skip(1);
            }
            skipLineFeed = false;
        }
        long scanned = 0;
        while (true) {
            long index = buffer.indexOfElement(LINE_ENDS, scanned);
            if (index >= 0) {
                return index;
            }
            scanned = buffer.size();
            if (scanned > MAX_LINE) {
                throw new IOException("event stream line longer than " + MAX_LINE + " bytes");
            }
            if (!source.request(scanned + 1)) {
                return -1;
            }
        }
    }

    private void consumeLineEnd() throws IOException {
        byte end = buffer.readByte();
        skipLineFeed = end == '\r';
    }

    private void processLine(long length) throws IOException {
        if (buffer.getByte(0) == ':') {
            buffer.skip(length);
            return;
        }
        long colon = buffer.indexOf((byte) ':', 0, length);
        long nameLength = colon < 0 ? length : colon;
        long valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && buffer.getByte(valueStart) == ' ') {
            valueStart++;
        }
        long valueLength = length - valueStart;
        if (isField(DATA, nameLength)) {
            buffer.skip(valueStart);
            appendData(valueLength);
        } else if (isField(EVENT, nameLength)) {
            buffer.skip(valueStart);
            event.type(readType(valueLength));
        } else if (isField(ID, nameLength)) {
            buffer.skip(valueStart);
            String id = buffer.readUtf8(valueLength);
            if (id.indexOf('\0') < 0) {
                event.id(id);
            }
        } else {
            buffer.skip(length);
        }
    }

    private boolean isField(ByteString name, long nameLength) {
        return nameLength == name.size() && buffer.rangeEquals(0, name);
    }

    private void appendData(long length) {
        Buffer data = event.buffer();
        if (hasData) {
            data.writeByte('\n');
        }
        data.write(buffer, length);
        hasData = true;
    }

    /** Reads the event type, reusing the previous string when the type repeats. */
    private String readType(long length) throws IOException {
        if (length == lastTypeBytes.size() && buffer.rangeEquals(0, lastTypeBytes)) {
            buffer.skip(length);
            return lastType;
        }
        lastTypeBytes = buffer.readByteString(length);
        lastType = lastTypeBytes.size() == 0 ? SseEvent.DEFAULT_TYPE : lastTypeBytes.string(StandardCharsets.UTF_8);
        return lastType;
    }
}
