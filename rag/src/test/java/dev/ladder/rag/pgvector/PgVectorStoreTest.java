package dev.ladder.rag.pgvector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Passage;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.Filter;
import dev.ladder.rag.VectorStore;
import dev.ladder.rag.VectorStoreContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PgVectorStoreTest extends VectorStoreContract {
    private static final String TABLE = "rag_pgvector_contract";

    private PgVectorStore store;

    @Override
    protected VectorStore emptyStore() {
        store = PgVectorStore.builder()
                .jdbcUrl(PgDatabase.url())
                .table(TABLE)
                .dimension(DIMENSION)
                .build();
        store.size();
        PgDatabase.execute("TRUNCATE " + TABLE);
        return store;
    }

    @AfterAll
    static void dropTables() {
        if (System.getenv("LADDER_PGVECTOR_URL") != null) {
            PgDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @Test
    void firstUseCreatesAnHnswCosineIndexAndAGinTextIndex() {
        List<String> indexes = PgDatabase.strings(
                "SELECT indexdef FROM pg_indexes WHERE tablename = '" + TABLE + "' ORDER BY indexname");

        assertThat(indexes)
                .anySatisfy(index -> assertThat(index).contains("USING hnsw (embedding vector_cosine_ops)"))
                .anySatisfy(index -> assertThat(index).contains("USING gin (text_search)"));
    }

    @Test
    void vectorSearchCanUseTheHnswIndex() throws SQLException {
        TableSchema schema = new TableSchema(TABLE, DIMENSION, "english");
        String plan;
        try (Connection connection = DriverManager.getConnection(PgDatabase.url());
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            String sql = schema.nearest(FilterSql.of(Filter.ALL))
                    .replace("?::vector", "'[1,0,0,0]'::vector")
                    .replace("LIMIT ?", "LIMIT 3");
            try (ResultSet result = statement.executeQuery("EXPLAIN " + sql)) {
                result.next();
                plan = result.getString(1) + (result.next() ? result.getString(1) : "");
            }
            connection.rollback();
        }

        assertThat(plan).contains("Index Scan using rag_pgvector_contract_embedding_hnsw");
    }

    @Test
    void worksWithADataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PgDatabase.url());
        PgVectorStore viaDataSource = PgVectorStore.builder()
                .dataSource(dataSource)
                .table(TABLE)
                .dimension(DIMENSION)
                .build();

        viaDataSource.upsert(List.of(Chunk.of("a", "a")), List.of(v(1, 0, 0, 0)));

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void numbersCompareAsNumbersNotAsText() {
        store.upsert(
                List.of(
                        new Chunk("nine", "nine", Map.of("n", 9)),
                        new Chunk("ten", "ten", Map.of("n", 10)),
                        new Chunk("text", "text", Map.of("n", "10"))),
                List.of(v(1, 0, 0, 0), v(1, 1, 0, 0), v(1, 2, 0, 0)));

        assertThat(ids(Filter.gt("n", 9.5))).containsExactly("ten");
        assertThat(ids(Filter.eq("n", 10.0))).containsExactly("ten");
        assertThat(ids(Filter.eq("n", "10"))).containsExactly("text");
    }

    @Test
    void filterValuesAreBoundNotWrittenIntoTheSql() {
        store.upsert(List.of(new Chunk("a", "a", Map.of("lang", "en"))), List.of(v(1, 0, 0, 0)));

        assertThat(ids(Filter.eq("lang", "en' OR TRUE --"))).isEmpty();
        assertThat(ids(Filter.eq("lang' OR TRUE --", "en"))).isEmpty();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void failedUpsertRollsBackTheWholeBatch() {
        store.upsert(List.of(Chunk.of("kept", "original")), List.of(v(1, 0, 0, 0)));
        List<Chunk> chunks = List.of(Chunk.of("kept", "replaced"), Chunk.of("bad", "nul \u0000 byte"));

        assertThatThrownBy(() -> store.upsert(chunks, List.of(v(1, 0, 0, 0), v(0, 1, 0, 0))))
                .isInstanceOf(PgVectorException.class)
                .hasMessageStartingWith("upsert of 2 chunks on table 'rag_pgvector_contract' failed: ");

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.search(v(1, 0, 0, 0), 1, Filter.ALL).get(0).text()).isEqualTo("original");
    }

    @Test
    void failureInALaterStatementRollsBackTheEarlierOnes() {
        List<Chunk> chunks = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            chunks.add(Chunk.of("c" + i, "chunk " + i));
            vectors.add(v(1, i, 0, 0));
        }
        chunks.add(Chunk.of("bad", "nul \u0000 byte"));
        vectors.add(v(0, 1, 0, 0));

        assertThatThrownBy(() -> store.upsert(chunks, vectors)).isInstanceOf(PgVectorException.class);

        assertThat(store.size()).isZero();
    }

    @Test
    void wrongDimensionMessageNamesChunkAndBothDimensions() {
        assertThatThrownBy(() -> store.upsert(List.of(Chunk.of("x", "x")), List.of(new float[] {1, 2})))
                .hasMessage("vector of chunk 'x' has 2 dimensions, the store holds 4");
    }

    @Test
    void zeroVectorIsRejectedBecauseCosineIsUndefined() {
        assertThatThrownBy(() -> store.search(new float[4], 1, Filter.ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query vector has length zero: cosine similarity is undefined for it");
    }

    @Test
    void existingTableOfAnotherDimensionIsReportedOnFirstUse() {
        PgVectorStore wrong = PgVectorStore.builder()
                .jdbcUrl(PgDatabase.url())
                .table(TABLE)
                .dimension(8)
                .build();

        assertThatThrownBy(wrong::size)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("table 'rag_pgvector_contract' holds vectors of 4 dimensions but the store was built"
                        + " for 8: use another table or the dimension 4");
    }

    @Test
    void tableNameThatIsNotAnIdentifierIsRejected() {
        PgVectorStore.Builder builder =
                PgVectorStore.builder().jdbcUrl(PgDatabase.url()).dimension(4).table("chunks; DROP TABLE x");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table name 'chunks; DROP TABLE x' is not a plain identifier: use lower-case letters,"
                        + " digits and underscores, starting with a letter or underscore, at most 48 characters"
                        + " (optionally schema.table for a table)");
    }

    @Test
    void fullTextSearchRanksByTsRankAndAppliesTheFilter() {
        store.upsert(
                List.of(
                        new Chunk("once", "The battery lasts a day.", Map.of("lang", "en")),
                        new Chunk("twice", "Battery care: charge the battery often.", Map.of("lang", "en")),
                        new Chunk("other", "The screen is bright.", Map.of("lang", "en")),
                        new Chunk("german", "battery battery battery", Map.of("lang", "de"))),
                List.of(v(1, 0, 0, 0), v(0, 1, 0, 0), v(0, 0, 1, 0), v(0, 0, 0, 1)));

        List<Passage> found = store.searchText("batteries", 10, Filter.eq("lang", "en"));

        assertThat(found).extracting(Passage::id).containsExactly("twice", "once");
        assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
    }

    @Test
    void fullTextSearchUnderstandsWebSearchSyntax() {
        store.upsert(
                List.of(Chunk.of("a", "solar panels and batteries"), Chunk.of("b", "solar panels on the roof")),
                List.of(v(1, 0, 0, 0), v(0, 1, 0, 0)));

        assertThat(store.searchText("solar -battery", 10, Filter.ALL))
                .extracting(Passage::id)
                .containsExactly("b");
    }

    @Test
    void anyWordMatchFindsChunksHoldingSomeOfAQuestionsWords() {
        store.upsert(
                List.of(
                        Chunk.of("both", "Solar panels charge the batteries."),
                        Chunk.of("one", "The batteries are in the cellar."),
                        Chunk.of("none", "The roof is red.")),
                List.of(v(1, 0, 0, 0), v(0, 1, 0, 0), v(0, 0, 1, 0)));
        String question = "How long do solar batteries last?";

        assertThat(store.searchText(question, 10, Filter.ALL, TextMatch.WEB_SEARCH))
                .isEmpty();
        assertThat(store.searchText(question, 10, Filter.ALL, TextMatch.ANY_WORD))
                .extracting(Passage::id)
                .containsExactly("both", "one");
        assertThat(store.fullTextRetriever(Filter.ALL).retrieve(question, 10))
                .extracting(Passage::id)
                .containsExactly("both", "one");
    }

    @Test
    void anyWordMatchOfOnlyStopWordsFindsNothing() {
        store.upsert(List.of(Chunk.of("a", "The roof is red.")), List.of(v(1, 0, 0, 0)));

        assertThat(store.searchText("the of and", 10, Filter.ALL, TextMatch.ANY_WORD))
                .isEmpty();
    }

    @Test
    void blankFullTextQueryIsRejected() {
        assertThatThrownBy(() -> store.searchText(" ", 5, Filter.ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query must not be blank, was ' '");
    }

    private List<String> ids(Filter filter) {
        return store.search(v(1, 0, 0, 0), 10, filter).stream().map(Passage::id).toList();
    }

    private static float[] v(float... components) {
        return components;
    }
}
