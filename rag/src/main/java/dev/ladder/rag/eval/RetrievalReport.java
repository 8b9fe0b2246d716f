package dev.ladder.rag.eval;

/**
 * Mean metrics of a retriever over the judged queries of a {@link BeirDataset}.
 *
 * @param queries how many queries were evaluated.
 * @param ndcgAt10 mean nDCG@10.
 * @param mrrAt10 mean reciprocal rank of the first relevant document within 10.
 * @param recallAtK mean recall within the first {@code k}.
 * @param k the cut-off of {@code recallAtK}.
 */
public record RetrievalReport(int queries, double ndcgAt10, double mrrAt10, double recallAtK, int k) {

    public RetrievalReport {
        if (queries < 0 || k <= 0) {
            throw new IllegalArgumentException("queries must be >= 0 and k positive, were " + queries + " and " + k);
        }
    }
}
