package dev.ladder.core.http;

import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/** A source that returns given bytes in pieces of given sizes, one piece per read, as a network might. */
public final class PiecewiseSource implements Source {
    private final byte[] bytes;
    private final List<Integer> pieces;
    private int piece;
    private int offset;

    public PiecewiseSource(byte[] bytes, List<Integer> pieces) {
        this.bytes = bytes;
        this.pieces = new ArrayList<>(pieces);
    }

    @Override
    public long read(Buffer sink, long byteCount) {
        while (piece < pieces.size() && pieces.get(piece) == 0) {
            piece++;
        }
        if (piece == pieces.size()) {
            return -1;
        }
        int size = (int) Math.min(byteCount, pieces.get(piece));
        sink.write(bytes, offset, size);
        offset += size;
        if (size == pieces.get(piece)) {
            piece++;
        } else {
            pieces.set(piece, pieces.get(piece) - size);
        }
        return size;
    }

    @Override
    public Timeout timeout() {
        return Timeout.NONE;
    }

    @Override
    public void close() {}
}
