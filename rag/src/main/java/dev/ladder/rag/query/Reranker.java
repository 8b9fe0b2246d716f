package dev.ladder.rag.query;

import dev.ladder.core.Passage;
import java.util.List;

/**
 * Reorders passages by their relevance to a query, typically with a model stronger than the first
 * retrieval stage (an LLM, a cross-encoder). Implementations are thread-safe.
 */
public interface Reranker {

    /**
     * Returns at most {@code limit} of {@code passages}, most relevant to {@code query} first.
     *
     * @throws IllegalArgumentException if {@code query} is blank or {@code limit} is not positive.
     * @throws dev.ladder.core.LadderException if a model call fails.
     */
    List<Passage> rerank(String query, List<Passage> passages, int limit);
}
