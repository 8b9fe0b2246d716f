package dev.ladder.rag;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory keyword index ranking chunks by Okapi BM25:
 * {@code sum over query terms of idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avgLength))}
 * with {@code idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))}, the Lucene form that is never negative.
 * Text goes through an {@link Analyzer} (default {@link Analyzer#english()}); a query term that
 * appears several times counts once per appearance.
 *
 * <p>Thread-safe: searches share a read lock, writes take the write lock. Deleted chunks are
 * dropped from the postings when more than a third of the slots are dead.
 */
public final class Bm25Index implements Retriever {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Analyzer analyzer;
    private final float k1;
    private final float b;
    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<String, Integer> slots = new HashMap<>();
    private final List<Chunk> chunks = new ArrayList<>();
    private int[] lengths = new int[16];
    private long totalLength;
    private int dead;

    private Bm25Index(Builder builder) {
        this.analyzer = builder.analyzer;
        this.k1 = builder.k1;
        this.b = builder.b;
    }

    /** Returns an empty index with the English analyzer, k1 = 1.2 and b = 0.75. */
    public static Bm25Index create() {
        return builder().build();
    }

    /** Returns a builder for an index with its own analyzer or parameters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds {@code chunks}, replacing chunks with the same id. */
    public void upsert(Collection<Chunk> chunks) {
        lock.writeLock().lock();
        try {
            for (Chunk chunk : chunks) {
                Objects.requireNonNull(chunk, "chunk");
                removeSlot(chunk.id());
                addSlot(chunk);
            }
            compactIfSparse();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes the chunks with these ids; ids not present are ignored. */
    public void delete(Collection<String> ids) {
        lock.writeLock().lock();
        try {
            ids.forEach(this::removeSlot);
            compactIfSparse();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Returns how many chunks are indexed. */
    public int size() {
        lock.readLock().lock();
        try {
            return slots.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The passage score is the BM25 score; chunks sharing no term with the query are not returned.
     */
    @Override
    public List<Passage> retrieve(String query, int limit) {
        return retrieve(query, limit, Filter.ALL);
    }

    /**
     * Returns at most {@code limit} chunks passing {@code filter}, best BM25 score first.
     *
     * @throws IllegalArgumentException if {@code query} is blank or {@code limit} is not positive.
     */
    public List<Passage> retrieve(String query, int limit, Filter filter) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is blank: pass the text to search for");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Objects.requireNonNull(filter, "filter");
        List<String> terms = analyzer.analyze(query);
        lock.readLock().lock();
        try {
            return top(score(terms), limit, filter);
        } finally {
            lock.readLock().unlock();
        }
    }

    private float[] score(List<String> terms) {
        float[] scores = new float[chunks.size()];
        int n = slots.size();
        float averageLength = n == 0 ? 1 : (float) totalLength / n;
        for (String term : terms) {
            Postings list = postings.get(term);
            if (list == null) {
                continue;
            }
            int df = list.live(lengths);
            float idf = (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
            for (int i = 0; i < list.size; i++) {
                int slot = list.slots[i];
                int length = lengths[slot];
                if (length >= 0) {
                    int tf = list.counts[i];
                    float norm = k1 * (1 - b + b * length / averageLength);
                    scores[slot] += idf * tf * (k1 + 1) / (tf + norm);
                }
            }
        }
        return scores;
    }

    private List<Passage> top(float[] scores, int limit, Filter filter) {
        TopK top = new TopK(limit);
        for (int slot = 0; slot < scores.length; slot++) {
            if (scores[slot] > 0
                    && scores[slot] > top.threshold()
                    && filter.test(chunks.get(slot).metadata())) {
                top.offer(scores[slot], slot);
            }
        }
        List<Passage> passages = new ArrayList<>();
        for (int slot : top.rowsBestFirst()) {
            Chunk chunk = chunks.get(slot);
            passages.add(new Passage(chunk.id(), chunk.text(), scores[slot], chunk.metadata()));
        }
        return passages;
    }

    private void addSlot(Chunk chunk) {
        int slot = chunks.size();
        chunks.add(chunk);
        if (slot == lengths.length) {
            lengths = Arrays.copyOf(lengths, slot + (slot >> 1));
        }
        List<String> terms = analyzer.analyze(chunk.text());
        lengths[slot] = terms.size();
        totalLength += terms.size();
        Map<String, Integer> counts = new LinkedHashMap<>();
        terms.forEach(term -> counts.merge(term, 1, Integer::sum));
        counts.forEach((term, count) ->
                postings.computeIfAbsent(term, t -> new Postings()).add(slot, count));
        slots.put(chunk.id(), slot);
    }

    private void removeSlot(String id) {
        Integer slot = slots.remove(id);
        if (slot != null) {
            totalLength -= lengths[slot];
            lengths[slot] = -1;
            dead++;
        }
    }

    private void compactIfSparse() {
        if (dead * 3 <= chunks.size()) {
            return;
        }
        List<Chunk> live = new ArrayList<>();
        for (int slot = 0; slot < chunks.size(); slot++) {
            if (lengths[slot] >= 0) {
                live.add(chunks.get(slot));
            }
        }
        postings.clear();
        slots.clear();
        chunks.clear();
        totalLength = 0;
        dead = 0;
        live.forEach(this::addSlot);
    }

    /** The slots holding a term and how often; dead slots are skipped by their length of -1. */
    private static final class Postings {

        int[] slots = new int[4];
        int[] counts = new int[4];
        int size;

        void add(int slot, int count) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            slots[size] = slot;
            counts[size] = count;
            size++;
        }

        int live(int[] lengths) {
            int live = 0;
            for (int i = 0; i < size; i++) {
                live += lengths[slots[i]] >= 0 ? 1 : 0;
            }
            return live;
        }
    }

    /** Settings of a {@link Bm25Index}. Not thread-safe. */
    public static final class Builder {

        private Analyzer analyzer = Analyzer.english();
        private float k1 = 1.2f;
        private float b = 0.75f;

        private Builder() {}

        /** Sets the analyzer for chunks and queries (default {@link Analyzer#english()}). */
        public Builder analyzer(Analyzer analyzer) {
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
            return this;
        }

        /**
         * Sets k1, how fast repeated terms saturate (default 1.2).
         *
         * @throws IllegalArgumentException if negative or not finite.
         */
        public Builder k1(float k1) {
            if (!(k1 >= 0) || Float.isInfinite(k1)) {
                throw new IllegalArgumentException("k1 must be a finite number >= 0, was " + k1);
            }
            this.k1 = k1;
            return this;
        }

        /**
         * Sets b, how much document length normalises scores, from 0 (none) to 1 (default 0.75).
         *
         * @throws IllegalArgumentException if outside [0, 1].
         */
        public Builder b(float b) {
            if (!(b >= 0 && b <= 1)) {
                throw new IllegalArgumentException("b must be between 0 and 1, was " + b);
            }
            this.b = b;
            return this;
        }

        /** Builds an empty index. */
        public Bm25Index build() {
            return new Bm25Index(this);
        }
    }
}
