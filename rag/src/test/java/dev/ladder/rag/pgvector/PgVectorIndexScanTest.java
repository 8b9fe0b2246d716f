package dev.ladder.rag.pgvector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.Passage;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Searches a table large enough that PostgreSQL plans an HNSW index scan, where a filter is applied
 * after the index has produced its candidates.
 */
class PgVectorIndexScanTest {
    private static final String TABLE = "rag_pgvector_index_scan";
    private static final int DIMENSION = 8;

    @AfterAll
    static void dropTable() {
        if (System.getenv("LADDER_PGVECTOR_URL") != null) {
            PgDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @Test
    void selectiveFilterStillReturnsLimitRowsFromTheIndex() {
        PgVectorStore store = PgVectorStore.builder()
                .jdbcUrl(PgDatabase.url())
                .table(TABLE)
                .dimension(DIMENSION)
                .build();
        store.size();
        PgDatabase.execute("TRUNCATE " + TABLE);
        storeRandomChunks(store, 1500);
        PgDatabase.execute("ANALYZE " + TABLE);

        List<Passage> found = store.search(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 10, Filter.eq("tag", "rare"));

        assertThat(found).hasSize(10);
        assertThat(found).allSatisfy(p -> assertThat(p.metadata()).containsEntry("tag", "rare"));
        assertThat(found)
                .isSortedAccordingTo(Comparator.comparingDouble(Passage::score).reversed());
    }

    /** Stores {@code count} chunks with seeded random vectors; every 50th is tagged rare. */
    private static void storeRandomChunks(PgVectorStore store, int count) {
        Random random = new Random(42);
        List<Chunk> chunks = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            chunks.add(new Chunk("c" + i, "chunk " + i, Map.of("tag", i % 50 == 0 ? "rare" : "common")));
            float[] vector = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = random.nextFloat() - 0.5f;
            }
            vectors.add(vector);
        }
        store.upsert(chunks, vectors);
    }
}
