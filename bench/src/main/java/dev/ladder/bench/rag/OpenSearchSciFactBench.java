package dev.ladder.bench.rag;

import dev.ladder.core.Retriever;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.HybridRetriever;
import dev.ladder.rag.InMemoryVectorStore;
import dev.ladder.rag.Ingestor;
import dev.ladder.rag.eval.BeirDataset;
import dev.ladder.rag.eval.BeirDocument;
import dev.ladder.rag.eval.RetrievalEvaluator;
import dev.ladder.rag.eval.RetrievalReport;
import dev.ladder.rag.onnx.MiniLmEmbedder;
import dev.ladder.rag.opensearch.EmbeddedOpenSearch;
import dev.ladder.rag.opensearch.OpenSearchConfig;
import dev.ladder.rag.opensearch.OpenSearchStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SciFact on OpenSearch: the same corpus, queries and MiniLM vectors as {@link SciFactBench}, indexed
 * into a real OpenSearch 2.19 node (embedded, k-NN plugin with the lucene engine) through {@link
 * OpenSearchStore}; reports bulk indexing throughput and nDCG@10 for BM25, k-NN and hybrid.
 *
 * <p>Usage: {@code OpenSearchSciFactBench <scifact-beir folder> [vector cache file]}; the cache is
 * the one {@link SciFactBench} writes, so the corpus is embedded once for both.
 */
public final class OpenSearchSciFactBench {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchSciFactBench.class);

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
        List<Chunk> chunks = new ArrayList<>();
        for (BeirDocument document : test.corpus().values()) {
            chunks.add(Chunk.of(document.id(), document.fullText()));
        }
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            List<float[]> vectors = vectors(embedder, chunks, cache);
            OpenSearchStore store = OpenSearchStore.create(
                    OpenSearchConfig.builder(EmbeddedOpenSearch.get().url())
                            .index("scifact")
                            .dimensions(MiniLmEmbedder.DIMENSIONS)
                            .refreshOnWrite(false)
                            .build());
            store.dropIndex();
            long start = System.nanoTime();
            store.upsert(chunks, vectors);
            store.refresh();
            double seconds = (System.nanoTime() - start) / 1e9;

            Retriever keyword = store.keywordRetriever();
            Retriever knn = store.vectorRetriever(embedder);
            Retriever hybrid = HybridRetriever.builder()
                    .add(keyword, SciFactBench.BM25_WEIGHT)
                    .add(knn, 1.0)
                    .k(SciFactBench.RRF_K)
                    .build();
            out.printf("## SciFact on OpenSearch 2.19 (embedded node, k-NN lucene HNSW)%n%n");
            out.printf(
                    "Bulk indexing: %,d documents with 384-dimension vectors in %.1f s, %,.0f documents per second"
                            + " (batches of 500, one refresh at the end).%n%n",
                    chunks.size(), seconds, chunks.size() / seconds);
            out.println("| retriever | nDCG@10 | MRR@10 | recall@100 |");
            out.println("|---|---:|---:|---:|");
            row(out, "OpenSearch BM25 (english analyzer)", RetrievalEvaluator.evaluate(test, keyword, 100));
            row(out, "OpenSearch k-NN (HNSW, MiniLM)", RetrievalEvaluator.evaluate(test, knn, 100));
            row(out, "hybrid (Ladder RRF over both)", RetrievalEvaluator.evaluate(test, hybrid, 100));
            out.println();
            store.dropIndex();
        }
    }

    private static List<float[]> vectors(MiniLmEmbedder embedder, List<Chunk> chunks, Path cache) {
        InMemoryVectorStore store;
        if (cache != null && Files.exists(cache)) {
            log.info("loading vectors from {}", cache);
            store = InMemoryVectorStore.load(cache);
        } else {
            store = InMemoryVectorStore.create();
            Ingestor.builder(embedder, store).batchSize(64).build().ingestChunks(chunks);
            if (cache != null) {
                store.save(cache);
            }
        }
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            vectors.add(store.vector(chunk.id())
                    .orElseThrow(
                            () -> new IllegalStateException("no vector for document " + chunk.id() + " in " + cache)));
        }
        return vectors;
    }

    private static void row(PrintStream out, String name, RetrievalReport report) {
        out.printf("| %s | %.4f | %.4f | %.4f |%n", name, report.ndcgAt10(), report.mrrAt10(), report.recallAtK());
    }
}
