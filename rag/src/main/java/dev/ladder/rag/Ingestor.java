package dev.ladder.rag;

import dev.ladder.core.Embedder;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits documents, embeds the chunks in batches and stores them: the ingestion pipeline. Chunk ids
 * are deterministic ({@code <source>#<position>}), so ingesting the same document again replaces
 * its chunks, and an ingestion that failed part-way can simply be run again.
 *
 * <p>Known shortcoming: when a document is ingested again and now gives fewer chunks, its old chunks
 * past the new last position stay stored; delete those ids ({@code <source>#<n>} and up) yourself.
 *
 * <p>Immutable and thread-safe if its embedder, store and keyword index are.
 */
public final class Ingestor {

    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    private final Embedder embedder;
    private final VectorStore store;
    private final TextSplitter splitter;
    private final int batchSize;
    private final IngestListener listener;
    private final Bm25Index keywordIndex;

    private Ingestor(Builder builder) {
        this.embedder = builder.embedder;
        this.store = builder.store;
        this.splitter = builder.splitter;
        this.batchSize = builder.batchSize;
        this.listener = builder.listener;
        this.keywordIndex = builder.keywordIndex;
    }

    /** Returns a builder for an ingestor that embeds with {@code embedder} into {@code store}. */
    public static Builder builder(Embedder embedder, VectorStore store) {
        return new Builder(embedder, store);
    }

    /**
     * Splits, embeds and stores {@code documents}, returning the chunks stored in order.
     *
     * @throws IllegalStateException if the embedder returns a different number of vectors than texts.
     * @throws dev.ladder.core.LadderException if embedding fails; the batches before it stay stored
     *     and the listener has been told how many.
     */
    public List<Chunk> ingest(List<Document> documents) {
        List<Chunk> chunks = splitter.splitAll(documents);
        store(chunks, documents.size());
        return chunks;
    }

    /**
     * Embeds and stores chunks already split, in batches.
     *
     * @throws IllegalStateException if the embedder returns a different number of vectors than texts.
     */
    public void ingestChunks(List<Chunk> chunks) {
        store(List.copyOf(chunks), 0);
    }

    private void store(List<Chunk> chunks, int documents) {
        log.debug("ingesting {} chunks of {} documents in batches of {}", chunks.size(), documents, batchSize);
        for (int from = 0; from < chunks.size(); from += batchSize) {
            List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + batchSize));
            List<float[]> vectors =
                    embedder.embed(batch.stream().map(Chunk::text).toList());
            if (vectors.size() != batch.size()) {
                throw new IllegalStateException(
                        "embedder " + embedder.getClass().getName() + " returned " + vectors.size() + " vectors for "
                                + batch.size() + " texts");
            }
            store.upsert(batch, vectors);
            if (keywordIndex != null) {
                keywordIndex.upsert(batch);
            }
            report(new IngestProgress(from + batch.size(), chunks.size(), documents));
        }
    }

    private void report(IngestProgress progress) {
        try {
            listener.onProgress(progress);
        } catch (RuntimeException e) {
            log.warn("ingest listener failed on {}; ingestion continues", progress, e);
        }
    }

    /** Settings of an {@link Ingestor}. Not thread-safe. */
    public static final class Builder {

        private final Embedder embedder;
        private final VectorStore store;
        private TextSplitter splitter = TextSplitter.create();
        private int batchSize = 32;
        private IngestListener listener = progress -> {};
        private Bm25Index keywordIndex;

        private Builder(Embedder embedder, VectorStore store) {
            this.embedder = Objects.requireNonNull(embedder, "embedder");
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Sets the splitter (default {@link TextSplitter#create()}). */
        public Builder splitter(TextSplitter splitter) {
            this.splitter = Objects.requireNonNull(splitter, "splitter");
            return this;
        }

        /**
         * Sets how many chunks go to the embedder in one call (default 32).
         *
         * @throws IllegalArgumentException if not positive.
         */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Sets the listener told after each stored batch. */
        public Builder listener(IngestListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Also adds every stored chunk to {@code index}, for keyword or hybrid retrieval. */
        public Builder keywordIndex(Bm25Index index) {
            this.keywordIndex = Objects.requireNonNull(index, "index");
            return this;
        }

        /** Builds the ingestor. */
        public Ingestor build() {
            return new Ingestor(this);
        }
    }
}
