package dev.ladder.rag.onnx;

import java.nio.FloatBuffer;

/** Mean pooling over the attention mask followed by L2 normalisation. */
final class Pooling {

    private Pooling() {}

    /** Pools a [rows, length, dimensions] hidden state into unit vectors, one per row. */
    static float[][] meanNormalized(FloatBuffer hidden, long[] mask, int rows, int length, int dimensions) {
        float[][] vectors = new float[rows][dimensions];
        for (int row = 0; row < rows; row++) {
            float[] sum = vectors[row];
            int tokens = 0;
            for (int t = 0; t < length; t++) {
                if (mask[row * length + t] == 0) {
                    continue;
                }
                tokens++;
                int base = (row * length + t) * dimensions;
                for (int d = 0; d < dimensions; d++) {
                    sum[d] += hidden.get(base + d);
                }
            }
            normalize(sum, Math.max(tokens, 1));
        }
        return vectors;
    }

    private static void normalize(float[] sum, int tokens) {
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= tokens;
            norm += (double) sum[d] * sum[d];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
    }
}
