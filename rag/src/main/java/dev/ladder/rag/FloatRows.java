package dev.ladder.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of {@code dimensions} floats kept contiguous in blocks of about 4 MB, so that growth never
 * copies everything and at most one partly filled block is wasted. Not thread-safe: the store guards it.
 */
final class FloatRows {

    private static final int BLOCK_FLOATS = 1 << 20;

    final int dimensions;
    final int rowsPerBlock;
    private final List<float[]> blocks = new ArrayList<>();
    private int size;

    FloatRows(int dimensions) {
        this.dimensions = dimensions;
        this.rowsPerBlock = Math.max(1, BLOCK_FLOATS / dimensions);
    }

    int size() {
        return size;
    }

    float[] block(int row) {
        return blocks.get(row / rowsPerBlock);
    }

    int offset(int row) {
        return (row % rowsPerBlock) * dimensions;
    }

    void append(float[] vector) {
        if (size == blocks.size() * rowsPerBlock) {
            blocks.add(new float[rowsPerBlock * dimensions]);
        }
        size++;
        set(size - 1, vector);
    }

    void set(int row, float[] vector) {
        System.arraycopy(vector, 0, block(row), offset(row), dimensions);
    }

    float[] row(int row) {
        float[] copy = new float[dimensions];
        System.arraycopy(block(row), offset(row), copy, 0, dimensions);
        return copy;
    }

    /** Moves the last row into {@code row} and drops the last row. */
    void removeBySwap(int row) {
        int last = size - 1;
        if (row != last) {
            System.arraycopy(block(last), offset(last), block(row), offset(row), dimensions);
        }
        size--;
        if (size <= (blocks.size() - 1) * rowsPerBlock) {
            blocks.remove(blocks.size() - 1);
        }
    }

    /** Returns the dot product of {@code row} with {@code query}. */
    float dot(int row, float[] query) {
        return Vectors.dot(block(row), offset(row), query, dimensions);
    }

    long bytes() {
        return (long) blocks.size() * rowsPerBlock * dimensions * Float.BYTES;
    }
}
