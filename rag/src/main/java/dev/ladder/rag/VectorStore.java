package dev.ladder.rag;

import dev.ladder.core.Passage;
import java.util.Collection;
import java.util.List;

/**
 * Stores chunks with their embedding vectors and finds the nearest ones to a query vector. The
 * in-memory store, PostgreSQL with pgvector and OpenSearch all implement it, so code written against
 * one moves to another unchanged.
 *
 * <p>Implementations are thread-safe: concurrent readers and writers are allowed.
 */
public interface VectorStore {

    /**
     * Adds {@code chunks} with their {@code vectors} (same order), replacing chunks with the same id.
     * Either all are stored or, on failure, none.
     *
     * @throws IllegalArgumentException if the lists differ in size or a vector has the wrong
     *     dimension; the message names the chunk.
     */
    void upsert(List<Chunk> chunks, List<float[]> vectors);

    /** Deletes the chunks with these ids; ids not present are ignored. */
    void delete(Collection<String> ids);

    /**
     * Returns at most {@code limit} chunks that pass {@code filter}, nearest to {@code query} by
     * cosine similarity, best first; the passage score is the cosine similarity.
     */
    List<Passage> search(float[] query, int limit, Filter filter);

    /** Returns how many chunks are stored. */
    int size();
}
