package dev.ladder.bench.rag;

import dev.ladder.core.Retriever;
import dev.ladder.rag.Chunk;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SciFact benchmarks of the external stores share: the corpus as chunks, its MiniLM vectors
 * from the cache {@link SciFactBench} writes (embedded and cached here when the cache is missing),
 * and a table row timed per query.
 */
final class SciFactCorpus {
    private static final Logger log = LoggerFactory.getLogger(SciFactCorpus.class);

    private SciFactCorpus() {}

    static List<Chunk> chunks(BeirDataset data) {
        List<Chunk> chunks = new ArrayList<>();
        for (BeirDocument document : data.corpus().values()) {
            chunks.add(Chunk.of(document.id(), document.fullText()));
        }
        return chunks;
    }

    /** Returns one vector per chunk, from {@code cache} when it exists. */
    static List<float[]> vectors(MiniLmEmbedder embedder, List<Chunk> chunks, Path cache) {
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

    static void header(PrintStream out) {
        out.println("| retriever | nDCG@10 | MRR@10 | recall@100 | ms/query |");
        out.println("|---|---:|---:|---:|---:|");
    }

    /** Evaluates {@code retriever} on {@code test} and prints its row, with the mean time per query. */
    static void row(PrintStream out, String name, BeirDataset test, Retriever retriever) {
        long start = System.nanoTime();
        RetrievalReport report = RetrievalEvaluator.evaluate(test, retriever, 100);
        double millis = (System.nanoTime() - start) / 1e6 / test.queries().size();
        out.printf(
                "| %s | %.4f | %.4f | %.4f | %.1f |%n",
                name, report.ndcgAt10(), report.mrrAt10(), report.recallAtK(), millis);
        out.flush();
    }
}
