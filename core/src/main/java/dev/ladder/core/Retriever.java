package dev.ladder.core;

import java.util.List;

/**
 * Finds the passages most relevant to a query. RAG, agents and reflection all consume this one
 * type, so a user's own search service drops in by implementing one method.
 *
 * <p>Implementations are thread-safe.
 */
public interface Retriever {

    /**
     * Returns at most {@code limit} passages for {@code query}, best first. Scores are comparable
     * only within one retriever's results.
     *
     * @throws IllegalArgumentException if {@code query} is blank or {@code limit} is not positive.
     */
    List<Passage> retrieve(String query, int limit);
}
