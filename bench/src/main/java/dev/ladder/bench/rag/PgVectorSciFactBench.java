package dev.ladder.bench.rag;

import dev.ladder.core.Retriever;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.Filter;
import dev.ladder.rag.HybridRetriever;
import dev.ladder.rag.eval.BeirDataset;
import dev.ladder.rag.onnx.MiniLmEmbedder;
import dev.ladder.rag.pgvector.PgHybridRetriever;
import dev.ladder.rag.pgvector.PgVectorStore;
import dev.ladder.rag.pgvector.TextMatch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SciFact on PostgreSQL + pgvector: the same corpus, queries and MiniLM vectors as {@link
 * SciFactBench}, written through {@link PgVectorStore} into the server at {@code LADDER_PGVECTOR_URL};
 * reports write throughput and nDCG@10 for full-text search, pgvector HNSW and {@link
 * PgHybridRetriever}. Prints a line saying it skipped when the variable is not set.
 *
 * <p>The store reads a full-text query with {@code websearch_to_tsquery}, which requires every
 * word; a SciFact claim is a whole sentence, so the benchmark also measures the any-word form (the
 * claim's words joined by {@code or}), which is what BM25 does, and its fusion with the vectors.
 *
 * <p>Usage: {@code PgVectorSciFactBench <scifact-beir folder> [vector cache file]}.
 */
public final class PgVectorSciFactBench {
    private static final String TABLE = "ladder_bench_scifact";

    private PgVectorSciFactBench() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: PgVectorSciFactBench <scifact-beir folder> [vector cache file]");
        }
        run(
                Path.of(args[0]),
                args.length > 1 ? Path.of(args[1]) : null,
                System.getenv("LADDER_PGVECTOR_URL"),
                System.out);
    }

    /** Runs the benchmark against {@code jdbcUrl} and prints a Markdown section to {@code out}. */
    public static void run(Path folder, Path cache, String jdbcUrl, PrintStream out) {
        out.printf("## SciFact on PostgreSQL + pgvector (HNSW, full-text search)%n%n");
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            out.printf("Skipped: LADDER_PGVECTOR_URL is not set (bash .ci/run starts a pgvector server).%n%n");
            return;
        }
        // pglite-socket shares one session between connections: no named server-side statements.
        String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "prepareThreshold=0";
        BeirDataset test = BeirDataset.load(folder, "test");
        List<Chunk> chunks = SciFactCorpus.chunks(test);
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            List<float[]> vectors = SciFactCorpus.vectors(embedder, chunks, cache);
            dropTable(url);
            PgVectorStore store = PgVectorStore.builder()
                    .jdbcUrl(url)
                    .table(TABLE)
                    .dimension(MiniLmEmbedder.DIMENSIONS)
                    .build();
            store.size(); // creates the table and its indexes outside the timing
            long start = System.nanoTime();
            store.upsert(chunks, vectors);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    "Write: %,d documents with %d-dimension vectors in %.1f s, %,.0f documents per second"
                            + " (one transaction, HNSW and GIN indexes maintained on insert; %s).%n%n",
                    chunks.size(), MiniLmEmbedder.DIMENSIONS, seconds, chunks.size() / seconds, server(jdbcUrl));

            Retriever everyWord = store.fullTextRetriever(Filter.ALL, TextMatch.WEB_SEARCH);
            Retriever anyWord = store.fullTextRetriever(Filter.ALL, TextMatch.ANY_WORD);
            Retriever vector = store.vectorRetriever(embedder, Filter.ALL);
            SciFactCorpus.header(out);
            SciFactCorpus.row(out, "full-text, every word (TextMatch.WEB_SEARCH), ts_rank", test, everyWord);
            SciFactCorpus.row(out, "full-text, any word (TextMatch.ANY_WORD, the default), ts_rank", test, anyWord);
            SciFactCorpus.row(out, "pgvector HNSW (MiniLM, cosine)", test, vector);
            SciFactCorpus.row(
                    out,
                    "PgHybridRetriever (any word, RRF k=60, 1 : 1, 100 candidates)",
                    test,
                    PgHybridRetriever.builder(store, embedder).candidates(100).build());
            SciFactCorpus.row(
                    out,
                    "HybridRetriever over the two (RRF k=" + SciFactBench.RRF_K + ", " + SciFactBench.BM25_WEIGHT
                            + " : 1)",
                    test,
                    HybridRetriever.builder()
                            .add(anyWord, SciFactBench.BM25_WEIGHT)
                            .add(vector, 1.0)
                            .k(SciFactBench.RRF_K)
                            .build());
            out.println();
            dropTable(url);
        }
    }

    private static String server(String jdbcUrl) {
        String hostAndPort = jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[/?].*$", "");
        return "server at " + hostAndPort;
    }

    private static void dropTable(String url) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + TABLE + " at " + url + ": " + e.getMessage(), e);
        }
    }
}
