package dev.ladder.rag;

/** Arithmetic on float vectors, written so the JIT keeps eight sums in flight. */
final class Vectors {

    private Vectors() {}

    static float dot(float[] a, int offset, float[] b, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < length; i += 8) {
            int j = offset + i;
            s0 += a[j] * b[i];
            s1 += a[j + 1] * b[i + 1];
            s2 += a[j + 2] * b[i + 2];
            s3 += a[j + 3] * b[i + 3];
            s4 += a[j + 4] * b[i + 4];
            s5 += a[j + 5] * b[i + 5];
            s6 += a[j + 6] * b[i + 6];
            s7 += a[j + 7] * b[i + 7];
        }
        for (; i < length; i++) {
            s0 += a[offset + i] * b[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * Returns a unit-length copy of {@code vector}.
     *
     * @throws IllegalArgumentException if it has no direction (all zeros) or holds NaN or infinity;
     *     {@code what} names it in the message.
     */
    static float[] normalized(float[] vector, String what) {
        double sum = 0;
        for (float x : vector) {
            sum += (double) x * x;
        }
        if (sum == 0 || !Double.isFinite(sum)) {
            throw new IllegalArgumentException(what + (sum == 0 ? " is all zeros" : " holds NaN or infinity")
                    + ": cosine similarity needs a finite vector with a direction");
        }
        float scale = (float) (1 / Math.sqrt(sum));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
