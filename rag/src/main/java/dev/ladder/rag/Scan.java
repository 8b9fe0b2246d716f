package dev.ladder.rag;

/** Scores one row of a store against a query; implementations only read, so scans run in parallel. */
interface Scan {

    float score(int row);

    /** Exact cosine similarity on unit vectors. */
    record Exact(FloatRows vectors, float[] unit) implements Scan {
        @Override
        public float score(int row) {
            return vectors.dot(row, unit);
        }
    }

    /** Approximate similarity on the quantized copies, for ranking only. */
    record Approximate(QuantizedRows codes, QuantizedRows.Query query) implements Scan {
        @Override
        public float score(int row) {
            return codes.approximateDot(row, query);
        }
    }
}
