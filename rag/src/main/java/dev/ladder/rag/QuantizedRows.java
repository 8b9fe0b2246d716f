package dev.ladder.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * Scalar-quantized copies of unit vectors for a fast first pass: each component becomes a signed
 * 7-bit code in [-63, 63] (scale: the largest magnitude of the row), stored offset by 63 in a 16-bit
 * lane, four lanes to a {@code long}. One 64-bit multiply of a row word by the query word (lanes
 * reversed) leaves the four-term dot product in the top 16 bits exactly (4 x 126 x 126 < 65,536,
 * and no lower lane can carry into them), so a scan does a quarter of the multiplies of a float
 * loop at half the memory. Not thread-safe: the store guards it.
 */
final class QuantizedRows {

    static final int LEVELS = 63;
    private static final int BLOCK_LONGS = 1 << 19;

    final int dimensions;
    final int words;
    final int rowsPerBlock;
    private final List<long[]> blocks = new ArrayList<>();
    private float[] scales = new float[16];
    private int[] codeSums = new int[16];
    private int size;

    QuantizedRows(int dimensions) {
        this.dimensions = dimensions;
        this.words = (dimensions + 3) / 4;
        this.rowsPerBlock = Math.max(1, BLOCK_LONGS / words);
    }

    /** A query encoded for {@link #approximateDot}. */
    record Query(long[] packed, int codeSum) {}

    static Query encode(float[] unit) {
        int[] codes = codes(unit);
        long[] packed = new long[(unit.length + 3) / 4];
        int sum = 0;
        for (int i = 0; i < codes.length; i++) {
            packed[i / 4] |= (long) (codes[i] + LEVELS) << (16 * (3 - i % 4));
            sum += codes[i];
        }
        return new Query(packed, sum);
    }

    void append(float[] unit) {
        if (size == blocks.size() * rowsPerBlock) {
            blocks.add(new long[rowsPerBlock * words]);
        }
        if (size == scales.length) {
            scales = java.util.Arrays.copyOf(scales, size + (size >> 1));
            codeSums = java.util.Arrays.copyOf(codeSums, scales.length);
        }
        size++;
        set(size - 1, unit);
    }

    void set(int row, float[] unit) {
        int[] codes = codes(unit);
        long[] block = blocks.get(row / rowsPerBlock);
        int offset = (row % rowsPerBlock) * words;
        java.util.Arrays.fill(block, offset, offset + words, 0L);
        int sum = 0;
        for (int i = 0; i < codes.length; i++) {
            block[offset + i / 4] |= (long) (codes[i] + LEVELS) << (16 * (i % 4));
            sum += codes[i];
        }
        scales[row] = maxAbs(unit) / LEVELS;
        codeSums[row] = sum;
    }

    void removeBySwap(int row) {
        int last = size - 1;
        if (row != last) {
            System.arraycopy(
                    blocks.get(last / rowsPerBlock),
                    (last % rowsPerBlock) * words,
                    blocks.get(row / rowsPerBlock),
                    (row % rowsPerBlock) * words,
                    words);
            scales[row] = scales[last];
            codeSums[row] = codeSums[last];
        }
        size--;
        if (size <= (blocks.size() - 1) * rowsPerBlock) {
            blocks.remove(blocks.size() - 1);
        }
    }

    /** Returns the approximate dot product of {@code row} with the query, up to the query's scale. */
    float approximateDot(int row, Query query) {
        long[] block = blocks.get(row / rowsPerBlock);
        int offset = (row % rowsPerBlock) * words;
        long[] q = query.packed();
        long sum = 0;
        for (int i = 0; i < words; i++) {
            sum += (block[offset + i] * q[i]) >>> 48;
        }
        long centred = sum - (long) LEVELS * (codeSums[row] + query.codeSum()) - (long) LEVELS * LEVELS * dimensions;
        return scales[row] * centred;
    }

    long bytes() {
        return (long) blocks.size() * rowsPerBlock * words * Long.BYTES + (long) scales.length * 8;
    }

    private static int[] codes(float[] unit) {
        float max = maxAbs(unit);
        int[] codes = new int[unit.length];
        for (int i = 0; i < unit.length; i++) {
            codes[i] = max == 0 ? 0 : Math.round(unit[i] / max * LEVELS);
        }
        return codes;
    }

    private static float maxAbs(float[] vector) {
        float max = 0;
        for (float x : vector) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
