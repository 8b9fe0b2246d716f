package dev.ladder.rag.query;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.List;
import java.util.Objects;

/**
 * Retrieves {@code max(limit, candidates)} passages from a delegate and lets a {@link Reranker}
 * choose and order the best {@code limit}. Immutable and thread-safe.
 */
public final class RerankingRetriever implements Retriever {
    private final Retriever delegate;
    private final Reranker reranker;
    private final int candidates;

    /**
     * Creates a retriever that reranks the first {@code candidates} passages of {@code delegate}.
     *
     * @throws IllegalArgumentException if {@code candidates} is not positive.
     */
    public RerankingRetriever(Retriever delegate, Reranker reranker, int candidates) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.reranker = Objects.requireNonNull(reranker, "reranker");
        this.candidates = Queries.positive("candidates", candidates);
    }

    @Override
    public List<Passage> retrieve(String query, int limit) {
        Queries.check(query, limit);
        List<Passage> found = delegate.retrieve(query, Math.max(limit, candidates));
        return found.isEmpty() ? found : reranker.rerank(query, found, limit);
    }
}
