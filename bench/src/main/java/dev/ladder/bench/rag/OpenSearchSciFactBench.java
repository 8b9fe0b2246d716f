package dev.ladder.bench.rag;

import dev.ladder.rag.Chunk;
import dev.ladder.rag.eval.BeirDataset;
import dev.ladder.rag.onnx.MiniLmEmbedder;
import dev.ladder.rag.opensearch.EmbeddedOpenSearch;
import dev.ladder.rag.opensearch.OpenSearchConfig;
import dev.ladder.rag.opensearch.OpenSearchStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * SciFact on OpenSearch: the same corpus, queries and MiniLM vectors as {@link SciFactBench}, indexed
 * into a real OpenSearch 2.19 node (embedded in this JVM, k-NN plugin with the lucene engine) through
 * {@link OpenSearchStore}; reports bulk indexing throughput and nDCG@10 for BM25, k-NN and hybrid
 * (Ladder's rank fusion over both, with the weights and rank constant of {@link SciFactBench}).
 *
 * <p>Usage: {@code OpenSearchSciFactBench <scifact-beir folder> [vector cache file]}; the cache is
 * the one {@link SciFactBench} writes, so the corpus is embedded once for all the benchmarks. The
 * node shares the machine's cores with the benchmark, so the timings are a floor for a real cluster,
 * not a measure of one.
 */
public final class OpenSearchSciFactBench {
    private static final int BATCH = 500;

    private OpenSearchSciFactBench() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException(
                    "usage: OpenSearchSciFactBench <scifact-beir folder> [vector cache file]");
        }
        run(Path.of(args[0]), args.length > 1 ? Path.of(args[1]) : null, System.out);
        System.exit(0);
    }

    /** Runs the benchmark and prints a Markdown section to {@code out}. */
    public static void run(Path folder, Path cache, PrintStream out) {
        BeirDataset test = BeirDataset.load(folder, "test");
        List<Chunk> chunks = SciFactCorpus.chunks(test);
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            List<float[]> vectors = SciFactCorpus.vectors(embedder, chunks, cache);
            OpenSearchStore store = OpenSearchStore.create(
                    OpenSearchConfig.builder(EmbeddedOpenSearch.get().url())
                            .index("scifact")
                            .dimensions(MiniLmEmbedder.DIMENSIONS)
                            .batchSize(BATCH)
                            .refreshOnWrite(false)
                            .build());
            store.dropIndex();
            store.size(); // creates the empty index outside the timing
            long start = System.nanoTime();
            store.upsert(chunks, vectors);
            store.refresh();
            double seconds = (System.nanoTime() - start) / 1e9;

            out.printf("## SciFact on OpenSearch 2.19 (embedded node, k-NN lucene HNSW m=16, ef_construction=128)%n%n");
            out.printf(
                    "Bulk indexing: %,d documents with %d-dimension vectors in %.1f s, %,.0f documents per second"
                            + " (batches of %d, one refresh at the end, node and client on the same %d cores).%n%n",
                    chunks.size(),
                    MiniLmEmbedder.DIMENSIONS,
                    seconds,
                    chunks.size() / seconds,
                    BATCH,
                    Runtime.getRuntime().availableProcessors());
            SciFactCorpus.header(out);
            SciFactCorpus.row(out, "OpenSearch BM25 (english analyzer)", test, store.keywordRetriever());
            SciFactCorpus.row(out, "OpenSearch k-NN (HNSW, MiniLM)", test, store.vectorRetriever(embedder));
            SciFactCorpus.row(
                    out,
                    "hybrid (Ladder RRF k=" + SciFactBench.RRF_K + ", weights " + SciFactBench.BM25_WEIGHT + " : 1)",
                    test,
                    store.hybridRetriever(embedder, SciFactBench.BM25_WEIGHT, 1.0));
            out.println();
            store.dropIndex();
        }
    }
}
