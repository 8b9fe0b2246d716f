package dev.ladder.rag.internal;

import dev.ladder.core.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses ranked passage lists by weighted reciprocal rank fusion: a passage at rank {@code r} (from
 * 1) in list {@code i} earns {@code weight[i] / (k + r)}, and its fused score is the sum over the
 * lists it appears in. Passages are identified by id; the first list that holds a passage supplies
 * its text and metadata. Ties keep the order of first appearance.
 *
 * <p>Internal to the rag module: not part of its public API. Stateless and thread-safe.
 */
public final class RankFusion {
    /** The rank constant from Cormack, Clarke and Buettcher (2009). */
    public static final int DEFAULT_K = 60;

    private RankFusion() {}

    /**
     * Returns at most {@code limit} passages from {@code rankings}, best fused score first.
     *
     * @throws IllegalArgumentException if the weights do not match the rankings, a weight is
     *     negative, {@code k} is negative or {@code limit} is not positive.
     */
    public static List<Passage> fuse(List<List<Passage>> rankings, List<Double> weights, int k, int limit) {
        check(rankings, weights, k, limit);
        Map<String, Passage> first = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int list = 0; list < rankings.size(); list++) {
            List<Passage> ranking = rankings.get(list);
            for (int rank = 0; rank < ranking.size(); rank++) {
                Passage passage = ranking.get(rank);
                first.putIfAbsent(passage.id(), passage);
                double share = weights.get(list) / (k + rank + 1.0);
                scores.merge(passage.id(), share, Double::sum);
            }
        }
        List<Passage> fused = new ArrayList<>();
        first.forEach((id, passage) -> fused.add(passage.withScore(scores.get(id))));
        fused.sort(Comparator.comparingDouble(Passage::score).reversed());
        return List.copyOf(fused.subList(0, Math.min(limit, fused.size())));
    }

    /** Fuses {@code rankings} with equal weights and the default rank constant. */
    public static List<Passage> fuse(List<List<Passage>> rankings, int limit) {
        return fuse(rankings, rankings.stream().map(r -> 1.0).toList(), DEFAULT_K, limit);
    }

    private static void check(List<List<Passage>> rankings, List<Double> weights, int k, int limit) {
        if (rankings.size() != weights.size()) {
            throw new IllegalArgumentException(
                    rankings.size() + " rankings but " + weights.size() + " weights: give one weight per ranking");
        }
        for (Double weight : weights) {
            if (weight == null || weight < 0 || weight.isNaN()) {
                throw new IllegalArgumentException("fusion weight must be zero or more, was " + weight);
            }
        }
        if (k < 0) {
            throw new IllegalArgumentException("rank constant k must be zero or more, was " + k);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }
}
