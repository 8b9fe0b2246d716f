package dev.ladder.rag.opensearch;

import dev.ladder.core.Embedder;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.Filter;
import dev.ladder.rag.HybridRetriever;
import dev.ladder.rag.VectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VectorStore} on an OpenSearch (or Elasticsearch-compatible) cluster, for corpora that
 * outgrow one machine. Talks to the REST API with OkHttp and Moshi, so it adds no client library.
 *
 * <p>The index is created on first use: a {@code knn_vector} field (HNSW graph, lucene engine,
 * cosine similarity), the text analysed for BM25, and metadata strings mapped as keywords so filters
 * match them exactly. Writes go through the bulk API in batches. Unlike the in-memory and
 * PostgreSQL stores, a bulk write is not atomic: OpenSearch accepts or rejects each chunk, so {@link
 * #upsert} writes every chunk it can and then throws a {@link BulkIndexException} naming each
 * rejected chunk and its reason; nothing is dropped silently.
 *
 * <p>Three retrievers read the index: {@link #vectorRetriever(Embedder)} (k-NN), {@link
 * #keywordRetriever()} (BM25) and {@link #hybridRetriever(Embedder, double, double)}, Ladder's rank
 * fusion over those two (see {@code rag/README-opensearch.md} for why fusion happens in Ladder rather
 * than in an OpenSearch search pipeline).
 *
 * <p>Thread-safe: one instance serves concurrent readers and writers.
 */
public final class OpenSearchStore implements VectorStore {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchStore.class);

    private final OpenSearchConfig config;
    private final OpenSearchHttp http;
    private final BulkWriter bulk;
    private volatile boolean indexReady;

    private OpenSearchStore(OpenSearchConfig config) {
        this.config = config;
        this.http = new OpenSearchHttp(config);
        this.bulk = new BulkWriter(http, config);
    }

    /** Creates a store; the index is created, if missing, on first use. */
    public static OpenSearchStore create(OpenSearchConfig config) {
        return new OpenSearchStore(Objects.requireNonNull(config, "config"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Vectors are checked before anything is sent: a wrong dimension or a non-finite value fails
     * the whole call with nothing written. Of chunks sharing an id only the last is sent. After that,
     * chunks go out in batches; chunks OpenSearch turns away as overloaded (429) are sent again after
     * the retry policy's backoff; if OpenSearch rejects some for good, the rest are still written and
     * a {@link BulkIndexException} lists the rejected ones.
     *
     * @throws BulkIndexException naming each chunk OpenSearch refused, after writing all the others.
     * @throws dev.ladder.core.LadderException (a subclass) when a whole request failed after its retries.
     */
    @Override
    public void upsert(List<Chunk> chunks, List<float[]> vectors) {
        checkBatch(chunks, vectors);
        ensureIndex();
        List<Chunk> kept = new ArrayList<>();
        List<float[]> keptVectors = new ArrayList<>();
        for (int i : lastOccurrences(chunks)) {
            kept.add(chunks.get(i));
            keptVectors.add(vectors.get(i));
        }
        List<BulkIndexException.Rejection> rejections = bulk.index(kept, keptVectors);
        if (!rejections.isEmpty()) {
            throw new BulkIndexException(config.index(), rejections, kept.size() - rejections.size());
        }
    }

    @Override
    public void delete(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return;
        }
        ensureIndex();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<BulkIndexException.Rejection> rejections = bulk.delete(distinct);
        if (!rejections.isEmpty()) {
            throw new BulkIndexException(config.index(), rejections, distinct.size() - rejections.size(), true);
        }
    }

    @Override
    public List<Passage> search(float[] query, int limit, Filter filter) {
        checkVector("the query", query);
        checkLimit(limit);
        ensureIndex();
        Map<String, Object> response = http.post(searchPath(), OpenSearchQueries.knn(query, limit, filter), "search");
        // The lucene engine scores cosine similarity as (1 + cos) / 2; report the cosine itself.
        return Hits.passages(response, score -> 2 * score - 1);
    }

    /**
     * Returns the chunks whose text best matches {@code query} by BM25, restricted by {@code filter},
     * best first; scores are OpenSearch's BM25 scores.
     */
    public List<Passage> keywordSearch(String query, int limit, Filter filter) {
        checkQuery(query);
        checkLimit(limit);
        ensureIndex();
        Map<String, Object> response =
                http.post(searchPath(), OpenSearchQueries.bm25(query, limit, filter), "keyword-search");
        return Hits.passages(response, score -> score);
    }

    /** Returns a BM25 {@link Retriever} over the whole index. */
    public Retriever keywordRetriever() {
        return keywordRetriever(Filter.ALL);
    }

    /** Returns a BM25 {@link Retriever} over the chunks passing {@code filter}. */
    public Retriever keywordRetriever(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return (query, limit) -> keywordSearch(query, limit, filter);
    }

    /** Returns a k-NN {@link Retriever} over the whole index that embeds each query with {@code embedder}. */
    public Retriever vectorRetriever(Embedder embedder) {
        return vectorRetriever(embedder, Filter.ALL);
    }

    /**
     * Returns a k-NN {@link Retriever} over the chunks passing {@code filter} (applied inside the HNSW
     * search, so a filtered search still returns {@code limit} chunks when that many pass) that embeds
     * each query with {@code embedder}.
     */
    public Retriever vectorRetriever(Embedder embedder, Filter filter) {
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(filter, "filter");
        return (query, limit) -> {
            checkQuery(query);
            return search(embedder.embed(query), limit, filter);
        };
    }

    /**
     * Returns a hybrid {@link Retriever}: this index's BM25 and k-NN rankings fused by Ladder's
     * weighted reciprocal rank fusion ({@link HybridRetriever}; rank constant 60, the best 100 of each
     * ranking), so a chunk either half finds can surface. Scores are fused scores. For a filter, other
     * rank constants or candidate counts, build a {@link HybridRetriever} from {@link
     * #keywordRetriever(Filter)} and {@link #vectorRetriever(Embedder, Filter)}.
     *
     * <p>Fusion happens in Ladder rather than in an OpenSearch search pipeline so that it needs no
     * neural-search plugin, ranks exactly as the in-memory and PostgreSQL stores do, and works on
     * Elasticsearch too; the two searches are two requests.
     *
     * @throws IllegalArgumentException if a weight is not a positive finite number.
     */
    public Retriever hybridRetriever(Embedder embedder, double keywordWeight, double vectorWeight) {
        return HybridRetriever.builder()
                .add(keywordRetriever(), keywordWeight)
                .add(vectorRetriever(embedder), vectorWeight)
                .build();
    }

    @Override
    public int size() {
        ensureIndex();
        Object count = http.get(config.index() + "/_count", "count").get("count");
        return ((Number) count).intValue();
    }

    /** Makes every write so far visible to searches; needed only with {@code refreshOnWrite(false)}. */
    public void refresh() {
        ensureIndex();
        http.post(config.index() + "/_refresh", Map.of(), "refresh");
    }

    /** Deletes the whole index and everything in it. The next use creates it again. */
    public void dropIndex() {
        http.delete(config.index(), "delete-index");
        indexReady = false;
    }

    private void ensureIndex() {
        if (indexReady) {
            return;
        }
        synchronized (this) {
            if (indexReady) {
                return;
            }
            Optional<Map<String, Object>> existing = http.getIfExists(config.index(), "get-index");
            if (existing.isPresent()) {
                checkExistingDimensions(existing.get());
            } else {
                log.debug("creating OpenSearch index {}", config.index());
                http.createIndex(config.index(), OpenSearchQueries.indexDefinition(config));
            }
            indexReady = true;
        }
    }

    private void checkExistingDimensions(Map<String, Object> indexes) {
        // Keyed by the concrete index name, which differs from the configured one when that is an alias.
        Object index = indexes.size() == 1 ? indexes.values().iterator().next() : indexes.get(config.index());
        Object dimension = index instanceof Map<?, ?> map
                ? Hits.path(map, "mappings", "properties", OpenSearchQueries.VECTOR, "dimension")
                : null;
        if (!(dimension instanceof Number n)) {
            throw new IllegalStateException(
                    "OpenSearch index '" + config.index() + "' exists but has no knn_vector field '"
                            + OpenSearchQueries.VECTOR + "': use another index name or drop the index");
        }
        if (n.intValue() != config.dimensions()) {
            throw new IllegalStateException("OpenSearch index '" + config.index() + "' holds vectors of " + n.intValue()
                    + " dimensions, but this store is configured for " + config.dimensions()
                    + ": use the same embedding model, another index name, or drop the index");
        }
    }

    private void checkBatch(List<Chunk> chunks, List<float[]> vectors) {
        Objects.requireNonNull(chunks, "chunks");
        Objects.requireNonNull(vectors, "vectors");
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException(
                    "got " + chunks.size() + " chunks but " + vectors.size() + " vectors: pass one vector per chunk");
        }
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = Objects.requireNonNull(chunks.get(i), "chunk " + i);
            checkVector("chunk '" + chunk.id() + "'", vectors.get(i));
            for (String key : chunk.metadata().keySet()) {
                if (key.isEmpty() || key.contains(".")) {
                    throw new IllegalArgumentException("chunk '" + chunk.id() + "': metadata key '" + key
                            + "' cannot be stored in OpenSearch: use a non-empty key without '.'");
                }
            }
        }
    }

    /**
     * Returns the positions to write: of chunks sharing an id, only the last, as in every store. One
     * write per id keeps the outcome independent of how requests are split into batches.
     */
    private static List<Integer> lastOccurrences(List<Chunk> chunks) {
        Map<String, Integer> last = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            last.put(chunks.get(i).id(), i);
        }
        List<Integer> kept = new ArrayList<>(last.size());
        for (int i = 0; i < chunks.size(); i++) {
            if (last.get(chunks.get(i).id()) == i) {
                kept.add(i);
            }
        }
        return kept;
    }

    private void checkVector(String what, float[] vector) {
        Objects.requireNonNull(vector, what + " vector");
        if (vector.length != config.dimensions()) {
            throw new IllegalArgumentException(what + " has a vector of " + vector.length + " dimensions, but index '"
                    + config.index() + "' holds " + config.dimensions() + ": embed with the same model");
        }
        double norm = 0;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(what + " has a vector with a non-finite value (" + v + ")");
            }
            norm += v * v;
        }
        if (norm == 0) {
            throw new IllegalArgumentException(what + " has an all-zero vector, which has no cosine similarity");
        }
    }

    private static void checkQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank, was '" + query + "'");
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    private String searchPath() {
        return config.index() + "/_search";
    }
}
