package dev.ladder.rag;

import dev.ladder.core.Passage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps chunks and their vectors in memory and finds the nearest ones by exact cosine similarity.
 * Vectors are stored normalised, contiguous in float blocks (4 bytes per dimension plus at most one
 * partly filled 4 MB block); a search scans them all, split across the cores of a
 * {@link ForkJoinPool}. With {@link Builder#quantized(boolean)} a compact 7-bit copy of every
 * vector is scanned first and only the best candidates are rescored exactly.
 *
 * <p>Thread-safe: searches share a read lock and run concurrently; writes take the write lock, so a
 * search sees every write completely or not at all. {@link #save} writes the format described in
 * {@link VectorStoreFile}.
 */
public final class InMemoryVectorStore implements VectorStore {

    private static final int SEQUENTIAL_ROWS = 4096;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final boolean quantized;
    private final int rescoreCandidates;
    private final ForkJoinPool pool;
    private final Map<String, Integer> rows = new HashMap<>();
    private Chunk[] chunks = new Chunk[16];
    private FloatRows vectors;
    private QuantizedRows codes;

    private InMemoryVectorStore(Builder builder) {
        this.quantized = builder.quantized;
        this.rescoreCandidates = builder.rescoreCandidates;
        this.pool = builder.pool;
        if (builder.dimensions > 0) {
            allocate(builder.dimensions);
        }
    }

    /** Returns an empty exact store; the first vector stored fixes the dimensions. */
    public static InMemoryVectorStore create() {
        return builder().build();
    }

    /** Returns a builder for a store with its own settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a store saved with {@link #save}, with default settings.
     *
     * @throws VectorStoreFileException if the file is not a vector store file, has an unsupported
     *     version, is truncated or fails its checksum; the message names the problem.
     * @throws java.io.UncheckedIOException if the file cannot be read.
     */
    public static InMemoryVectorStore load(Path file) {
        return builder().load(file);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Vectors are copied and normalised; the first one fixes the dimensions of the store.
     *
     * @throws IllegalArgumentException also if a vector is all zeros or not finite.
     */
    @Override
    public void upsert(List<Chunk> chunks, List<float[]> vectors) {
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException("upsert got " + chunks.size() + " chunks but " + vectors.size()
                    + " vectors: pass one vector per chunk");
        }
        lock.writeLock().lock();
        try {
            List<float[]> units = validate(chunks, vectors);
            for (int i = 0; i < units.size(); i++) {
                put(chunks.get(i), units.get(i));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void delete(Collection<String> ids) {
        lock.writeLock().lock();
        try {
            for (String id : ids) {
                Integer row = rows.remove(id);
                if (row != null) {
                    removeRow(row);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code limit} is not positive, or the query has the wrong
     *     dimensions, is all zeros or is not finite.
     */
    @Override
    public List<Passage> search(float[] query, int limit, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        float[] unit = Vectors.normalized(query, "query vector");
        lock.readLock().lock();
        try {
            if (vectors == null) {
                return List.of();
            }
            checkDimensions(unit, "query vector");
            if (rows.isEmpty()) {
                return List.of();
            }
            int[] best = quantized
                    ? approximateThenRescore(unit, limit, filter)
                    : scan(new Scan.Exact(vectors, unit), limit, filter);
            return passages(best, unit);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return rows.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Returns the chunk stored under {@code id}, if any. */
    public Optional<Chunk> get(String id) {
        lock.readLock().lock();
        try {
            Integer row = rows.get(id);
            return row == null ? Optional.empty() : Optional.of(chunks[row]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Returns a copy of the normalised vector stored under {@code id}, if any. */
    public Optional<float[]> vector(String id) {
        lock.readLock().lock();
        try {
            Integer row = rows.get(id);
            return row == null ? Optional.empty() : Optional.of(vectors.row(row));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Returns the dimensions of the stored vectors, or 0 before the first vector is stored. */
    public int dimensions() {
        lock.readLock().lock();
        try {
            return vectors == null ? 0 : vectors.dimensions;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Returns the bytes allocated for vectors (and their quantized copies), excluding chunks and ids. */
    public long vectorBytes() {
        lock.readLock().lock();
        try {
            return vectors == null ? 0 : vectors.bytes() + (codes == null ? 0 : codes.bytes());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Writes every chunk and vector to {@code file} in the format of {@link VectorStoreFile}. The file
     * is written beside the target and moved into place, so a failure leaves any old file intact.
     * Writers wait while it saves; readers do not.
     *
     * @throws java.io.UncheckedIOException if the file cannot be written.
     */
    public void save(Path file) {
        lock.readLock().lock();
        try {
            VectorStoreFile.write(
                    file,
                    vectors == null ? 0 : vectors.dimensions,
                    rows.size(),
                    row -> chunks[row],
                    row -> vectors.row(row));
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<float[]> validate(List<Chunk> chunks, List<float[]> vectors) {
        int dimensions = this.vectors == null ? -1 : this.vectors.dimensions;
        List<float[]> units = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            Chunk chunk = Objects.requireNonNull(chunks.get(i), "chunk " + i);
            float[] vector = Objects.requireNonNull(vectors.get(i), "vector of chunk '" + chunk.id() + "'");
            dimensions = dimensions < 0 ? vector.length : dimensions;
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("vector of chunk '" + chunk.id() + "' has "
                        + vector.length + " dimensions, the store holds " + dimensions
                        + ": embed every chunk with the same model");
            }
            units.add(Vectors.normalized(vector, "vector of chunk '" + chunk.id() + "'"));
        }
        if (this.vectors == null && dimensions > 0) {
            allocate(dimensions);
        }
        return units;
    }

    private void allocate(int dimensions) {
        vectors = new FloatRows(dimensions);
        codes = quantized ? new QuantizedRows(dimensions) : null;
    }

    private void put(Chunk chunk, float[] unit) {
        Integer row = rows.get(chunk.id());
        if (row != null) {
            chunks[row] = chunk;
            vectors.set(row, unit);
            if (codes != null) {
                codes.set(row, unit);
            }
            return;
        }
        int next = rows.size();
        if (next == chunks.length) {
            chunks = Arrays.copyOf(chunks, next + (next >> 1));
        }
        chunks[next] = chunk;
        vectors.append(unit);
        if (codes != null) {
            codes.append(unit);
        }
        rows.put(chunk.id(), next);
    }

    private void removeRow(int row) {
        int last = rows.size();
        if (row != last) {
            chunks[row] = chunks[last];
            rows.put(chunks[row].id(), row);
        }
        chunks[last] = null;
        vectors.removeBySwap(row);
        if (codes != null) {
            codes.removeBySwap(row);
        }
    }

    private void checkDimensions(float[] query, String what) {
        if (query.length != vectors.dimensions) {
            throw new IllegalArgumentException(what + " has " + query.length + " dimensions, the store holds "
                    + vectors.dimensions + ": embed the query with the model used for the chunks");
        }
    }

    private int[] approximateThenRescore(float[] unit, int limit, Filter filter) {
        int candidates = Math.max(rescoreCandidates, 2 * limit);
        int[] rough = scan(new Scan.Approximate(codes, QuantizedRows.encode(unit)), candidates, filter);
        TopK exact = new TopK(limit);
        for (int row : rough) {
            exact.offer(vectors.dot(row, unit), row);
        }
        return exact.rowsBestFirst();
    }

    private int[] scan(Scan scan, int limit, Filter filter) {
        int size = rows.size();
        Chunk[] snapshot = chunks;
        ScanTask task = new ScanTask(scan, snapshot, filter, limit, 0, size, grain(size));
        TopK top = size <= SEQUENTIAL_ROWS ? task.compute() : pool == null ? task.invoke() : pool.invoke(task);
        return top.rowsBestFirst();
    }

    private int grain(int size) {
        int workers = (pool == null ? ForkJoinPool.getCommonPoolParallelism() + 1 : pool.getParallelism());
        return Math.max(SEQUENTIAL_ROWS / 4, size / (workers * 4) + 1);
    }

    private List<Passage> passages(int[] best, float[] unit) {
        List<Passage> passages = new ArrayList<>(best.length);
        for (int row : best) {
            Chunk chunk = chunks[row];
            passages.add(new Passage(chunk.id(), chunk.text(), vectors.dot(row, unit), chunk.metadata()));
        }
        return passages;
    }

    /** Settings of an {@link InMemoryVectorStore}. Not thread-safe. */
    public static final class Builder {

        private int dimensions;
        private boolean quantized;
        private int rescoreCandidates = 100;
        private ForkJoinPool pool;

        private Builder() {}

        /**
         * Fixes the dimensions up front (default: taken from the first vector stored).
         *
         * @throws IllegalArgumentException if not positive.
         */
        public Builder dimensions(int dimensions) {
            if (dimensions <= 0) {
                throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /**
         * Keeps a 7-bit scalar-quantized copy of every vector (2 more bytes per dimension) and
         * searches it first, rescoring the best candidates exactly (default false: exact scan only).
         */
        public Builder quantized(boolean quantized) {
            this.quantized = quantized;
            return this;
        }

        /**
         * Sets how many candidates of the quantized pass are rescored exactly (default 100; at
         * least twice the limit of a search is always rescored). More candidates, higher recall.
         *
         * @throws IllegalArgumentException if not positive.
         */
        public Builder rescoreCandidates(int rescoreCandidates) {
            if (rescoreCandidates <= 0) {
                throw new IllegalArgumentException("rescoreCandidates must be positive, was " + rescoreCandidates);
            }
            this.rescoreCandidates = rescoreCandidates;
            return this;
        }

        /** Runs searches on {@code pool} (default: the common pool, with the calling thread helping). */
        public Builder pool(ForkJoinPool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /** Builds an empty store. */
        public InMemoryVectorStore build() {
            return new InMemoryVectorStore(this);
        }

        /**
         * Builds a store with these settings holding the content of a file written by {@link #save}.
         *
         * @throws VectorStoreFileException if the file is not a vector store file, has an unsupported
         *     version, is truncated or fails its checksum; the message names the problem.
         * @throws IllegalArgumentException if {@link #dimensions} was set and differs from the file's.
         * @throws java.io.UncheckedIOException if the file cannot be read.
         */
        public InMemoryVectorStore load(Path file) {
            InMemoryVectorStore store = build();
            VectorStoreFile.read(file, (chunks, vectors) -> store.upsert(chunks, vectors));
            return store;
        }
    }
}
