package dev.ladder.rag.pgvector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ladder.core.Embedder;
import dev.ladder.core.Passage;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.Filter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PgHybridRetrieverTest {
    private static final String TABLE = "rag_pgvector_hybrid";
    private static final Embedder QUERY_IS_E1 =
            texts -> texts.stream().map(t -> v(1, 0, 0, 0)).toList();

    private PgVectorStore store;

    @BeforeEach
    void storeThreeChunks() {
        store = PgVectorStore.builder()
                .jdbcUrl(PgDatabase.url())
                .table(TABLE)
                .dimension(4)
                .build();
        store.size();
        PgDatabase.execute("TRUNCATE " + TABLE);
        store.upsert(
                List.of(
                        new Chunk("vector-only", "Wind turbines offshore.", Map.of("lang", "en")),
                        new Chunk("both", "Battery storage at home.", Map.of("lang", "en")),
                        new Chunk("text-only", "Battery storage, battery storage for the grid.", Map.of("lang", "de"))),
                List.of(v(1, 0, 0, 0), v(0.8f, 0.6f, 0, 0), v(0, 0, 1, 0)));
    }

    @AfterAll
    static void dropTable() {
        if (System.getenv("LADDER_PGVECTOR_URL") != null) {
            PgDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @Test
    void passageFoundByBothSearchesRanksFirst() {
        PgHybridRetriever retriever =
                PgHybridRetriever.builder(store, QUERY_IS_E1).candidates(2).build();

        List<Passage> found = retriever.retrieve("battery storage", 2);

        assertThat(found).extracting(Passage::id).containsExactly("both", "vector-only");
        assertThat(found.get(0).score()).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(found.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    }

    @Test
    void weightsFavourOneRanking() {
        PgHybridRetriever retriever = PgHybridRetriever.builder(store, QUERY_IS_E1)
                .candidates(2)
                .weights(0.1, 1)
                .build();

        assertThat(retriever.retrieve("battery storage", 2))
                .extracting(Passage::id)
                .containsExactly("both", "text-only");
    }

    @Test
    void filterAppliesToBothSearches() {
        PgHybridRetriever retriever = PgHybridRetriever.builder(store, QUERY_IS_E1)
                .filter(Filter.eq("lang", "en"))
                .build();

        assertThat(retriever.retrieve("battery storage", 5))
                .extracting(Passage::id)
                .containsExactly("both", "vector-only");
    }

    @Test
    void fullTextRetrieverReturnsOnlyTextMatches() {
        assertThat(store.fullTextRetriever(Filter.ALL).retrieve("grid", 5))
                .extracting(Passage::id)
                .containsExactly("text-only");
    }

    @Test
    void vectorRetrieverEmbedsTheQueryAndSearchesByCosine() {
        assertThat(store.vectorRetriever(QUERY_IS_E1, Filter.eq("lang", "en")).retrieve("anything", 1))
                .extracting(Passage::id)
                .containsExactly("vector-only");
    }

    private static float[] v(float... components) {
        return components;
    }
}
