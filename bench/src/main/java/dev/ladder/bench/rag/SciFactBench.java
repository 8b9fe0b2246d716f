package dev.ladder.bench.rag;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.Bm25Index;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.DenseRetriever;
import dev.ladder.rag.HybridRetriever;
import dev.ladder.rag.InMemoryVectorStore;
import dev.ladder.rag.Ingestor;
import dev.ladder.rag.eval.BeirDataset;
import dev.ladder.rag.eval.BeirDocument;
import dev.ladder.rag.eval.RetrievalEvaluator;
import dev.ladder.rag.eval.RetrievalReport;
import dev.ladder.rag.onnx.MiniLmEmbedder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs BM25, dense (all-MiniLM-L6-v2) and hybrid retrieval over SciFact in BEIR layout and prints
 * nDCG@10, MRR@10 and recall@100 of each as a Markdown table. The hybrid uses the library's
 * defaults (equal weights, k = 60), never tuned on the test split; {@code --tune} prints a grid of
 * weights and k on the train split, where the defaults come within 0.01 nDCG@10 of the best point.
 *
 * <p>Usage: {@code SciFactBench <scifact-beir folder> [vector cache file] [--tune]}. The corpus is
 * embedded once (a few minutes on two cores) and saved to the cache file when one is given.
 */
public final class SciFactBench {

    private static final Logger log = LoggerFactory.getLogger(SciFactBench.class);

    /** Weight of BM25 against dense (1.0) in the fusion: the default, near the best on the train split. */
    static final double BM25_WEIGHT = 1.0;

    /** RRF rank constant, the customary 60. */
    static final int RRF_K = 60;

    private SciFactBench() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException(
                    "usage: SciFactBench <scifact-beir folder> [vector cache file] [--tune]");
        }
        Path folder = Path.of(args[0]);
        Path cache = args.length > 1 && !args[1].startsWith("--") ? Path.of(args[1]) : null;
        boolean tune = List.of(args).contains("--tune");
        System.out.print(measure(folder, cache, tune ? System.out : null).markdown());
    }

    /**
     * Measures BM25, dense and hybrid retrieval on the test split of the SciFact folder, embedding the
     * corpus or loading its vectors from {@code cache} (null for none). When {@code tuning} is not
     * null, first prints the hybrid weight grid on the train split to it.
     *
     * @throws IllegalArgumentException if the folder is not SciFact in BEIR layout.
     */
    public static Figures measure(Path folder, Path cache, PrintStream tuning) {
        BeirDataset test = BeirDataset.load(folder, "test");
        List<Chunk> chunks = new ArrayList<>();
        for (BeirDocument document : test.corpus().values()) {
            chunks.add(Chunk.of(document.id(), document.fullText()));
        }
        Bm25Index bm25 = Bm25Index.create();
        bm25.upsert(chunks);
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            InMemoryVectorStore store = vectors(embedder, chunks, cache);
            Retriever dense = memo(DenseRetriever.of(embedder, store));
            Retriever keyword = memo(bm25);
            if (tuning != null) {
                tune(BeirDataset.load(folder, "train"), keyword, dense, tuning);
            }
            Retriever hybrid = HybridRetriever.builder()
                    .add(keyword, BM25_WEIGHT)
                    .add(dense, 1.0)
                    .k(RRF_K)
                    .build();
            return new Figures(
                    test.queries().size(),
                    test.corpus().size(),
                    RetrievalEvaluator.evaluate(test, keyword, 100),
                    RetrievalEvaluator.evaluate(test, dense, 100),
                    RetrievalEvaluator.evaluate(test, hybrid, 100));
        }
    }

    /** The metrics of each retriever on the SciFact test split. */
    public record Figures(
            int queries, int documents, RetrievalReport bm25, RetrievalReport dense, RetrievalReport hybrid) {

        /** Returns the table as a Markdown section. */
        public String markdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT, "## SciFact test split (%d queries, %,d documents)%n%n", queries, documents));
            out.append("| retriever | nDCG@10 | MRR@10 | recall@100 |\n|---|---:|---:|---:|\n");
            row(out, "BM25 (English analyzer, k1=1.2, b=0.75)", bm25);
            row(out, "dense (all-MiniLM-L6-v2 q, 256 tokens)", dense);
            row(out, "hybrid (RRF k=" + RRF_K + ", weights " + BM25_WEIGHT + " : 1)", hybrid);
            out.append("\nBEIR (Thakur et al. 2021) reports BM25 nDCG@10 = 0.665 on this split.\n");
            return out.toString();
        }

        private static void row(StringBuilder out, String name, RetrievalReport report) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %.4f |%n",
                    name,
                    report.ndcgAt10(),
                    report.mrrAt10(),
                    report.recallAtK()));
        }
    }

    private static void tune(BeirDataset train, Retriever keyword, Retriever dense, PrintStream out) {
        out.printf(
                "## Hybrid tuning on the SciFact train split (%d queries), nDCG@10%n%n",
                train.queries().size());
        out.println("| BM25 weight : dense weight | k=20 | k=60 | k=100 |");
        out.println("|---|---:|---:|---:|");
        for (double weight : new double[] {0.5, 0.75, 1.0, 1.5, 2.0}) {
            StringBuilder line = new StringBuilder("| " + weight + " : 1 |");
            for (int k : new int[] {20, 60, 100}) {
                Retriever hybrid = HybridRetriever.builder()
                        .add(keyword, weight)
                        .add(dense, 1.0)
                        .k(k)
                        .build();
                line.append(String.format(
                        " %.4f |",
                        RetrievalEvaluator.evaluate(train, hybrid, 100).ndcgAt10()));
            }
            out.println(line);
        }
        out.printf(
                "| BM25 alone | %.4f | | |%n",
                RetrievalEvaluator.evaluate(train, keyword, 100).ndcgAt10());
        out.printf(
                "| dense alone | %.4f | | |%n%n",
                RetrievalEvaluator.evaluate(train, dense, 100).ndcgAt10());
    }

    private static InMemoryVectorStore vectors(MiniLmEmbedder embedder, List<Chunk> chunks, Path cache) {
        if (cache != null && Files.exists(cache)) {
            log.info("loading vectors from {}", cache);
            return InMemoryVectorStore.load(cache);
        }
        InMemoryVectorStore store = InMemoryVectorStore.create();
        long start = System.nanoTime();
        Ingestor.builder(embedder, store)
                .batchSize(64)
                .listener(progress -> {
                    if (progress.chunksStored() % 1024 == 0 || progress.fraction() == 1.0) {
                        log.info("embedded {} of {} documents", progress.chunksStored(), progress.chunksTotal());
                    }
                })
                .build()
                .ingestChunks(chunks);
        log.info("embedded {} documents in {} s", chunks.size(), (System.nanoTime() - start) / 1_000_000_000L);
        if (cache != null) {
            store.save(cache);
        }
        return store;
    }

    /** Remembers each query's passages so that tuning runs every retriever once per query. */
    private static Retriever memo(Retriever retriever) {
        Map<String, List<Passage>> seen = new ConcurrentHashMap<>();
        return (query, limit) -> {
            List<Passage> passages = seen.computeIfAbsent(query, q -> retriever.retrieve(q, 100));
            return passages.subList(0, Math.min(limit, passages.size()));
        };
    }
}
