package dev.ladder.rag.eval;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs every judged query of a {@link BeirDataset} through a retriever and averages
 * {@link RetrievalMetrics}. Passage ids must be the corpus ids (index each document as one chunk with
 * its corpus id, or map ids with {@link #evaluate(BeirDataset, Function, int)}). Stateless and
 * thread-safe.
 */
public final class RetrievalEvaluator {

    private RetrievalEvaluator() {}

    /**
     * Evaluates {@code retriever}, asking it for {@code max(k, 10)} passages per query.
     *
     * @throws IllegalArgumentException if {@code k} is not positive.
     */
    public static RetrievalReport evaluate(BeirDataset data, Retriever retriever, int k) {
        Objects.requireNonNull(retriever, "retriever");
        int depth = Math.max(k, 10);
        return evaluate(
                data,
                query -> retriever.retrieve(query, depth).stream()
                        .map(Passage::id)
                        .toList(),
                k);
    }

    /**
     * Evaluates a ranking function from query text to document ids, best first.
     *
     * @throws IllegalArgumentException if {@code k} is not positive.
     */
    public static RetrievalReport evaluate(BeirDataset data, Function<String, List<String>> ranking, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        double ndcg = 0;
        double mrr = 0;
        double recall = 0;
        int queries = 0;
        for (Map.Entry<String, String> query : data.queries().entrySet()) {
            Map<String, Integer> grades = data.qrels().get(query.getKey());
            List<String> ranked = ranking.apply(query.getValue());
            ndcg += RetrievalMetrics.ndcg(ranked, grades, 10);
            mrr += RetrievalMetrics.reciprocalRank(ranked, grades, 10);
            recall += RetrievalMetrics.recall(ranked, grades, k);
            queries++;
        }
        int n = Math.max(queries, 1);
        return new RetrievalReport(queries, ndcg / n, mrr / n, recall / n, k);
    }
}
