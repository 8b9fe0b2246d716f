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
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * Prints a Markdown table to standard output.
 */
public final class VectorStoreBench {

    private static final int TOP = 10;

    private VectorStoreBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dims = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        run(n, dims, queries, seed, System.out);
    }

    static void run(int n, int dims, int queryCount, long seed, PrintStream out) {
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
        double langchainMs = ms[0];
        double oursMs = ms[1];
        double ours8Ms = ms[2];

        double recall = recall(ours8, ours, queries);
        double agreement = recall(theirs, ours, queries);
        double bytesPerDim = (double) exactBytes / ((long) n * dims);

        out.printf(
                "## In-memory vector store: %,d vectors x %d dims, top-%d, %d queries%n%n", n, dims, TOP, queryCount);
        out.printf(
                "Java %s, %d cores%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.println("| store | ms/query | speed-up vs LangChain4j | recall@10 vs exact |");
        out.println("|---|---:|---:|---:|");
        out.printf("| LangChain4j 1.19 InMemoryEmbeddingStore | %.2f | 1.0x | %.3f |%n", langchainMs, agreement);
        out.printf("| Ladder InMemoryVectorStore (exact) | %.2f | %.1fx | 1.000 |%n", oursMs, langchainMs / oursMs);
        out.printf(
                "| Ladder InMemoryVectorStore (quantized + rescoring) | %.2f | %.1fx | %.3f |%n",
                ours8Ms, langchainMs / ours8Ms, recall);
        out.println();
        out.printf(
                "Exact store heap: %.1f MB for %,d x %d floats = %.2f bytes per dimension "
                        + "(vector blocks alone: %.2f; ideal 4.00)%n",
                exactBytes / 1e6, n, dims, bytesPerDim, (double) exact.vectorBytes() / ((long) n * dims));
        out.printf(
                "Quantized store: vectors and codes %.2f bytes per dimension%n",
                (double) quantized.vectorBytes() / ((long) n * dims));
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
