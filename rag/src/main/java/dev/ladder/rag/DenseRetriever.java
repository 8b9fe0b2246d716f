package dev.ladder.rag;

import dev.ladder.core.Embedder;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.List;
import java.util.Objects;

/**
 * Retrieves by meaning: embeds the query with an {@link Embedder} and searches a
 * {@link VectorStore}, optionally restricted by a metadata {@link Filter}. Passage scores are cosine
 * similarities. Immutable; thread-safe when its embedder and store are.
 */
public final class DenseRetriever implements Retriever {

    private final Embedder embedder;
    private final VectorStore store;
    private final Filter filter;

    private DenseRetriever(Embedder embedder, VectorStore store, Filter filter) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.store = Objects.requireNonNull(store, "store");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** Returns a retriever over every chunk of {@code store}. */
    public static DenseRetriever of(Embedder embedder, VectorStore store) {
        return new DenseRetriever(embedder, store, Filter.ALL);
    }

    /** Returns a retriever over the chunks of {@code store} that pass {@code filter}. */
    public static DenseRetriever of(Embedder embedder, VectorStore store, Filter filter) {
        return new DenseRetriever(embedder, store, filter);
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.ladder.core.LadderException if embedding the query fails.
     */
    @Override
    public List<Passage> retrieve(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is blank: pass the text to search for");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return store.search(embedder.embed(query), limit, filter);
    }
}
