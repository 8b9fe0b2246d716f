package dev.ladder.rag;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.internal.RankFusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fuses the rankings of several retrievers (typically {@link Bm25Index} and
 * {@link DenseRetriever}) by weighted reciprocal rank fusion: a passage scores
 * {@code sum of weight / (k + rank)} over the retrievers that returned it (rank from 1), so scores
 * on different scales never need calibrating. Each retriever is asked for
 * {@link Builder#candidates} passages; ties keep the order of first appearance.
 *
 * <p>Immutable; thread-safe when its retrievers are. Retrievers are called one after the other on
 * the calling thread; an exception from any of them propagates.
 */
public final class HybridRetriever implements Retriever {

    private final List<Retriever> retrievers;
    private final List<Double> weights;
    private final int k;
    private final int candidates;

    private HybridRetriever(Builder builder) {
        this.retrievers = List.copyOf(builder.retrievers);
        this.weights = List.copyOf(builder.weights);
        this.k = builder.k;
        this.candidates = builder.candidates;
    }

    /** Returns a builder; add at least one retriever. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The passage score is the fused score; text and metadata come from the first retriever
     * that returned the passage.
     */
    @Override
    public List<Passage> retrieve(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is blank: pass the text to search for");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        int depth = Math.max(candidates, limit);
        List<List<Passage>> rankings = new ArrayList<>(retrievers.size());
        for (Retriever retriever : retrievers) {
            rankings.add(retriever.retrieve(query, depth));
        }
        return RankFusion.fuse(rankings, weights, k, limit);
    }

    /** Settings of a {@link HybridRetriever}. Not thread-safe. */
    public static final class Builder {

        private final List<Retriever> retrievers = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();
        private int k = 60;
        private int candidates = 100;

        private Builder() {}

        /** Adds a retriever with weight 1. */
        public Builder add(Retriever retriever) {
            return add(retriever, 1.0);
        }

        /**
         * Adds a retriever whose reciprocal ranks count {@code weight} times.
         *
         * @throws IllegalArgumentException if the weight is not a positive finite number.
         */
        public Builder add(Retriever retriever, double weight) {
            Objects.requireNonNull(retriever, "retriever");
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be a positive finite number, was " + weight);
            }
            retrievers.add(retriever);
            weights.add(weight);
            return this;
        }

        /**
         * Sets the rank constant k of the fusion (default 60, as in Cormack et al. 2009); smaller
         * values favour the top of each ranking.
         *
         * @throws IllegalArgumentException if negative.
         */
        public Builder k(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("k must not be negative, was " + k);
            }
            this.k = k;
            return this;
        }

        /**
         * Sets how many passages each retriever is asked for (default 100; never fewer than the
         * limit of a call).
         *
         * @throws IllegalArgumentException if not positive.
         */
        public Builder candidates(int candidates) {
            if (candidates <= 0) {
                throw new IllegalArgumentException("candidates must be positive, was " + candidates);
            }
            this.candidates = candidates;
            return this;
        }

        /**
         * Builds the retriever.
         *
         * @throws IllegalStateException if no retriever was added.
         */
        public HybridRetriever build() {
            if (retrievers.isEmpty()) {
                throw new IllegalStateException("add at least one retriever before build()");
            }
            return new HybridRetriever(this);
        }
    }
}
