package dev.ladder.bench.rag;

import dev.ladder.core.Passage;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.Filter;
import dev.ladder.rag.InMemoryVectorStore;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Times top-10 search over random unit vectors: Ladder's exact and quantized in-memory stores
 * against LangChain4j's {@code InMemoryEmbeddingStore}, same vectors and queries, same run. Also
 * measures recall@10 of the quantized store against exact search and the heap the exact store
 * takes per dimension.
 *
 * <p>Usage: {@code VectorStoreBench [vectors=100000] [dimensions=384] [queries=100] [seed=42]}.
 * Prints a Markdown table to standard output; {@code bash bench/run} runs it with the other benchmarks.
 */
public final class VectorStoreBench {

    private static final int TOP = 10;

    private VectorStoreBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dims = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        System.out.print(measure(n, dims, queries, seed).markdown());
    }

    /**
     * Builds the three stores over {@code n} random unit vectors of {@code dims} dimensions and times
     * {@code queryCount} top-10 searches on each.
     */
    public static Figures measure(int n, int dims, int queryCount, long seed) {
        Random random = new Random(seed);
        float[][] vectors = randomUnitVectors(random, n, dims);
        float[][] queries = randomUnitVectors(random, queryCount, dims);
        List<Chunk> chunks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            chunks.add(Chunk.of("v" + i, ""));
        }

        long before = usedHeap();
        InMemoryVectorStore exact =
                InMemoryVectorStore.builder().dimensions(dims).build();
        exact.upsert(chunks, List.of(vectors));
        long exactBytes = usedHeap() - before;

        InMemoryVectorStore quantized =
                InMemoryVectorStore.builder().dimensions(dims).quantized(true).build();
        quantized.upsert(chunks, List.of(vectors));

        InMemoryEmbeddingStore<TextSegment> langchain = new InMemoryEmbeddingStore<>();
        List<Embedding> embeddings = new ArrayList<>(n);
        List<String> ids = new ArrayList<>(n);
        List<TextSegment> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            embeddings.add(Embedding.from(vectors[i]));
            ids.add("v" + i);
            segments.add(TextSegment.from("v" + i));
        }
        langchain.addAll(ids, embeddings, segments);

        Function<float[], List<String>> ours = q -> ids(exact.search(q, TOP, Filter.ALL));
        Function<float[], List<String>> ours8 = q -> ids(quantized.search(q, TOP, Filter.ALL));
        Function<float[], List<String>> theirs = q -> langchain
                .search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(Embedding.from(q))
                        .maxResults(TOP)
                        .minScore(0.0)
                        .build())
                .matches()
                .stream()
                .map(EmbeddingMatch::embeddingId)
                .toList();

        double[] ms = time(List.of(theirs, ours, ours8), queries);
        double cells = (double) n * dims;
        return new Figures(
                n,
                dims,
                queryCount,
                ms[0],
                ms[1],
                ms[2],
                recall(ours8, ours, queries),
                recall(theirs, ours, queries),
                exactBytes / cells,
                exact.vectorBytes() / cells,
                quantized.vectorBytes() / cells);
    }

    /**
     * What one run measured: milliseconds per query of each store, recall@10 against exact search,
     * and bytes per dimension (the exact store's heap, its vector blocks, the quantized store's).
     */
    public record Figures(
            int vectors,
            int dimensions,
            int queries,
            double langchainMs,
            double exactMs,
            double quantizedMs,
            double quantizedRecall,
            double langchainAgreement,
            double heapBytesPerDimension,
            double vectorBytesPerDimension,
            double quantizedBytesPerDimension) {

        /** Returns the table and the memory figures as a Markdown section. */
        public String markdown() {
            StringBuilder out = new StringBuilder();
            out.append(format(
                    "## In-memory vector store: %,d vectors x %d dims, top-%d, %d queries%n%n",
                    vectors, dimensions, TOP, queries));
            out.append("| store | ms/query | speed-up vs LangChain4j | recall@10 vs exact |\n");
            out.append("|---|---:|---:|---:|\n");
            out.append(format(
                    "| LangChain4j 1.19 InMemoryEmbeddingStore | %.2f | 1.0x | %.3f |%n",
                    langchainMs, langchainAgreement));
            out.append(
                    format("| Ladder InMemoryVectorStore (exact) | %.2f | %.1fx | 1.000 |%n", exactMs, exactSpeedUp()));
            out.append(format(
                    "| Ladder InMemoryVectorStore (quantized + rescoring) | %.2f | %.1fx | %.3f |%n%n",
                    quantizedMs, quantizedSpeedUp(), quantizedRecall));
            out.append(format(
                    "Exact store heap: %.2f bytes per dimension (vector blocks alone: %.2f; ideal 4.00)."
                            + " Quantized store: vectors and codes %.2f bytes per dimension.%n",
                    heapBytesPerDimension, vectorBytesPerDimension, quantizedBytesPerDimension));
            return out.toString();
        }

        /** How many times faster exact search is than LangChain4j's store. */
        public double exactSpeedUp() {
            return langchainMs / exactMs;
        }

        /** How many times faster quantized search is than LangChain4j's store. */
        public double quantizedSpeedUp() {
            return langchainMs / quantizedMs;
        }

        private static String format(String format, Object... args) {
            return String.format(Locale.ROOT, format, args);
        }
    }

    /**
     * Returns mean milliseconds per query of each search. Each query runs on every store in turn, so
     * load from other processes on a shared machine falls on all of them alike.
     */
    private static double[] time(List<Function<float[], List<String>>> searches, float[][] queries) {
        for (Function<float[], List<String>> search : searches) {
            for (int i = 0; i < Math.min(20, queries.length); i++) {
                search.apply(queries[i]);
            }
        }
        long[] nanos = new long[searches.size()];
        for (float[] query : queries) {
            for (int s = 0; s < searches.size(); s++) {
                long start = System.nanoTime();
                if (searches.get(s).apply(query).size() != TOP) {
                    throw new IllegalStateException("search " + s + " did not return " + TOP + " results");
                }
                nanos[s] += System.nanoTime() - start;
            }
        }
        double[] ms = new double[nanos.length];
        for (int s = 0; s < ms.length; s++) {
            ms[s] = nanos[s] / 1e6 / queries.length;
        }
        return ms;
    }

    private static double recall(
            Function<float[], List<String>> candidate, Function<float[], List<String>> truth, float[][] queries) {
        double sum = 0;
        for (float[] query : queries) {
            Set<String> expected = new HashSet<>(truth.apply(query));
            sum += candidate.apply(query).stream().filter(expected::contains).count() / (double) expected.size();
        }
        return sum / queries.length;
    }

    private static List<String> ids(List<Passage> passages) {
        return passages.stream().map(Passage::id).toList();
    }

    private static float[][] randomUnitVectors(Random random, int n, int dims) {
        float[][] vectors = new float[n][dims];
        for (float[] vector : vectors) {
            double norm = 0;
            for (int d = 0; d < dims; d++) {
                vector[d] = (float) random.nextGaussian();
                norm += vector[d] * vector[d];
            }
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dims; d++) {
                vector[d] *= scale;
            }
        }
        return vectors;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
