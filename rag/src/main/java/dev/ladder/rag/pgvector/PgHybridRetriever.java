package dev.ladder.rag.pgvector;

import dev.ladder.core.Embedder;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.Filter;
import dev.ladder.rag.internal.RankFusion;
import java.util.List;
import java.util.Objects;

/**
 * Retrieves from a {@link PgVectorStore} by both vector similarity and PostgreSQL full-text search,
 * and fuses the two rankings by weighted reciprocal rank fusion: a passage at rank {@code r} of a
 * list earns {@code weight / (k + r)}, summed over both lists. The passage score is the fused score.
 *
 * <p>Each list holds up to {@code max(limit, candidates)} passages. Immutable and thread-safe.
 *
 * <p>Known shortcoming: the two searches are two statements on two connections, not one snapshot, so
 * a write that lands between them can appear in one ranking only.
 */
public final class PgHybridRetriever implements Retriever {
    private final PgVectorStore store;
    private final Embedder embedder;
    private final Filter filter;
    private final double vectorWeight;
    private final double textWeight;
    private final int k;
    private final int candidates;
    private final TextMatch textMatch;

    private PgHybridRetriever(Builder builder) {
        this.store = builder.store;
        this.embedder = builder.embedder;
        this.filter = builder.filter;
        this.vectorWeight = builder.vectorWeight;
        this.textWeight = builder.textWeight;
        this.k = builder.k;
        this.candidates = builder.candidates;
        this.textMatch = builder.textMatch;
    }

    /** Returns a builder for hybrid retrieval from {@code store}, embedding queries with {@code embedder}. */
    public static Builder builder(PgVectorStore store, Embedder embedder) {
        return new Builder(store, embedder);
    }

    /**
     * {@inheritDoc}
     *
     * @throws PgVectorException if PostgreSQL fails.
     */
    @Override
    public List<Passage> retrieve(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank, was '" + query + "'");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        int depth = Math.max(limit, candidates);
        List<Passage> byVector = store.search(embedder.embed(query), depth, filter);
        List<Passage> byText = store.searchText(query, depth, filter, textMatch);
        return RankFusion.fuse(List.of(byVector, byText), List.of(vectorWeight, textWeight), k, limit);
    }

    /** Builds a {@link PgHybridRetriever}. Not thread-safe. */
    public static final class Builder {
        private final PgVectorStore store;
        private final Embedder embedder;
        private Filter filter = Filter.ALL;
        private double vectorWeight = 1;
        private double textWeight = 1;
        private int k = RankFusion.DEFAULT_K;
        private int candidates = 50;
        private TextMatch textMatch = TextMatch.ANY_WORD;

        private Builder(PgVectorStore store, Embedder embedder) {
            this.store = Objects.requireNonNull(store, "store");
            this.embedder = Objects.requireNonNull(embedder, "embedder");
        }

        /** Restricts both searches to chunks passing {@code filter}; {@link Filter#ALL} unless set. */
        public Builder filter(Filter filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** Sets the weights of the vector and the full-text ranking; 1 and 1 unless set. */
        public Builder weights(double vectorWeight, double textWeight) {
            this.vectorWeight = checkWeight("vectorWeight", vectorWeight);
            this.textWeight = checkWeight("textWeight", textWeight);
            return this;
        }

        /** Sets the rank constant {@code k}; 60 unless set. */
        public Builder k(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("k must be zero or more, was " + k);
            }
            this.k = k;
            return this;
        }

        /** Sets how many passages each search returns before fusion, at least the limit; 50 unless set. */
        public Builder candidates(int candidates) {
            if (candidates < 1) {
                throw new IllegalArgumentException("candidates must be positive, was " + candidates);
            }
            this.candidates = candidates;
            return this;
        }

        /**
         * Sets how the full-text search reads the query; {@link TextMatch#ANY_WORD} unless set, which
         * suits questions (with {@link TextMatch#WEB_SEARCH} a question's every word must occur).
         */
        public Builder textMatch(TextMatch textMatch) {
            this.textMatch = Objects.requireNonNull(textMatch, "textMatch");
            return this;
        }

        /** Returns the retriever. */
        public PgHybridRetriever build() {
            return new PgHybridRetriever(this);
        }

        private static double checkWeight(String name, double weight) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(name + " must be a finite number of zero or more, was " + weight);
            }
            return weight;
        }
    }
}
