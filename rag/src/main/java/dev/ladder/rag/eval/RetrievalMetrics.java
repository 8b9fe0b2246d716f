package dev.ladder.rag.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Standard ranking metrics for one query, as trec_eval computes them: a document is relevant when
 * its grade is above 0; nDCG uses the grade as gain and {@code log2(rank + 1)} as discount. A
 * ranking listing a document twice counts it at its first rank only. Stateless and thread-safe.
 */
public final class RetrievalMetrics {

    private RetrievalMetrics() {}

    /**
     * Returns the share of relevant documents found in the first {@code k} of {@code ranking}, or 0
     * when the query has no relevant document.
     */
    public static double recall(List<String> ranking, Map<String, Integer> grades, int k) {
        long relevant = grades.values().stream().filter(grade -> grade > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = top(ranking, k).stream()
                .filter(id -> grades.getOrDefault(id, 0) > 0)
                .count();
        return (double) found / relevant;
    }

    /** Returns 1 / rank of the first relevant document within the first {@code k}, or 0 if none. */
    public static double reciprocalRank(List<String> ranking, Map<String, Integer> grades, int k) {
        List<String> top = top(ranking, k);
        for (int i = 0; i < top.size(); i++) {
            if (grades.getOrDefault(top.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * Returns nDCG@k: the discounted gain of the first {@code k} documents divided by that of the
     * ideal ranking, or 0 when the query has no relevant document.
     */
    public static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        List<String> top = top(ranking, k);
        double dcg = 0;
        for (int i = 0; i < top.size(); i++) {
            dcg += Math.max(0, grades.getOrDefault(top.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort((a, b) -> Integer.compare(b, a));
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += Math.max(0, ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static List<String> top(List<String> ranking, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        Set<String> seen = new HashSet<>();
        List<String> top = new ArrayList<>();
        for (String id : ranking) {
            if (top.size() == k) {
                break;
            }
            if (seen.add(id)) {
                top.add(id);
            }
        }
        return top;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
