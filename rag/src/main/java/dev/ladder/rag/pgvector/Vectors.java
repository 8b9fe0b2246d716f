package dev.ladder.rag.pgvector;

/** Checks vectors and writes them in pgvector's text form, {@code [1.0,2.5,...]}. */
final class Vectors {
    private Vectors() {}

    /**
     * Returns {@code vector} as a pgvector literal.
     *
     * @throws IllegalArgumentException naming {@code what} if the vector is null, has another
     *     dimension than {@code dimension}, a NaN or infinite component, or length zero (cosine
     *     similarity is undefined for it).
     */
    static String literal(float[] vector, int dimension, String what) {
        if (vector == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (vector.length != dimension) {
            throw new IllegalArgumentException(
                    what + " has " + vector.length + " dimensions, the store holds " + dimension);
        }
        StringBuilder literal = new StringBuilder(vector.length * 10).append('[');
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            float component = vector[i];
            if (!Float.isFinite(component)) {
                throw new IllegalArgumentException(what + " has the non-finite component " + component + " at " + i);
            }
            norm += (double) component * component;
            literal.append(i == 0 ? "" : ",").append(component);
        }
        if (norm == 0) {
            throw new IllegalArgumentException(what + " has length zero: cosine similarity is undefined for it");
        }
        return literal.append(']').toString();
    }
}
