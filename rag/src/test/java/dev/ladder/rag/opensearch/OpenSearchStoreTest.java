package dev.ladder.rag.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ladder.core.ConnectionException;
import dev.ladder.core.Passage;
import dev.ladder.core.http.RetryPolicy;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.Filter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenSearchStoreTest {
    private static final AtomicInteger INDEXES = new AtomicInteger();

    private String index;
    private OpenSearchStore store;

    @BeforeEach
    void createStore() {
        index = "ladder-test-" + INDEXES.incrementAndGet();
        store = OpenSearchStore.create(config().build());
    }

    @AfterEach
    void dropIndex() {
        store.dropIndex();
    }

    private OpenSearchConfig.Builder config() {
        return OpenSearchConfig.builder(EmbeddedOpenSearch.get().url())
                .index(index)
                .dimensions(3);
    }

    @Test
    void createsLuceneHnswCosineIndexOnFirstUse() throws Exception {
        store.upsert(List.of(Chunk.of("a", "alpha")), List.of(new float[] {1, 0, 0}));

        String mapping = httpGet("/" + index + "/_mapping");
        assertThat(mapping)
                .contains("\"type\":\"knn_vector\"", "\"dimension\":3", "\"engine\":\"lucene\"")
                .contains("\"space_type\":\"cosinesimil\"", "\"name\":\"hnsw\"", "\"analyzer\":\"english\"");
    }

    @Test
    void searchReturnsNearestFirstScoredByCosine() {
        store.upsert(
                List.of(Chunk.of("x", "x axis"), Chunk.of("y", "y axis"), Chunk.of("xy", "diagonal")),
                List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {1, 1, 0}));

        List<Passage> hits = store.search(new float[] {1, 0.2f, 0}, 3, Filter.ALL);

        assertThat(hits).extracting(Passage::id).containsExactly("x", "xy", "y");
        assertThat(hits.get(0).score()).isCloseTo(1 / Math.sqrt(1.04), within(1e-4));
        assertThat(hits.get(2).score()).isCloseTo(0.2 / Math.sqrt(1.04), within(1e-4));
        assertThat(hits.get(0).text()).isEqualTo("x axis");
    }

    @Test
    void upsertReplacesChunkWithSameId() {
        store.upsert(List.of(Chunk.of("a", "old text")), List.of(new float[] {1, 0, 0}));

        store.upsert(List.of(new Chunk("a", "new text", Map.of("v", 2L))), List.of(new float[] {0, 1, 0}));

        assertThat(store.size()).isEqualTo(1);
        Passage hit = store.search(new float[] {0, 1, 0}, 1, Filter.ALL).get(0);
        assertThat(hit.text()).isEqualTo("new text");
        assertThat(hit.metadata()).isEqualTo(Map.of("v", 2L));
    }

    @Test
    void ofOneIdRepeatedAcrossBatchesTheLastOccurrenceIsWritten() {
        OpenSearchStore small = OpenSearchStore.create(config().batchSize(2).build());

        small.upsert(
                List.of(Chunk.of("a", "first"), Chunk.of("b", "b"), Chunk.of("c", "c"), Chunk.of("a", "last")),
                List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0, 0, 1}, new float[] {1, 1, 0}));

        assertThat(small.size()).isEqualTo(3);
        Passage a = small.search(new float[] {1, 1, 0}, 1, Filter.ALL).get(0);
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.text()).isEqualTo("last");
    }

    @Test
    void deleteRemovesOnlyTheGivenIdsAndIgnoresUnknownOnes() {
        store.upsert(
                List.of(Chunk.of("a", "a"), Chunk.of("b", "b")), List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}));

        store.delete(List.of("a", "never-stored"));

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.search(new float[] {1, 0, 0}, 5, Filter.ALL))
                .extracting(Passage::id)
                .containsExactly("b");
    }

    @Test
    void filtersTranslateToOpenSearchQueries() {
        store.upsert(
                List.of(
                        new Chunk("guide-1", "a", Map.of("kind", "guide", "year", 2021L, "draft", false)),
                        new Chunk("guide-2", "b", Map.of("kind", "guide", "year", 2024L, "draft", true)),
                        new Chunk("faq-1", "c", Map.of("kind", "faq", "year", 2023L, "draft", false)),
                        new Chunk("bare", "d", Map.of())),
                List.of(new float[] {1, 0, 0}, new float[] {1, 0.1f, 0}, new float[] {1, 0.2f, 0}, new float[] {
                    1, 0.3f, 0
                }));

        assertThat(ids(Filter.eq("kind", "guide"))).containsExactlyInAnyOrder("guide-1", "guide-2");
        assertThat(ids(Filter.gte("year", 2023))).containsExactlyInAnyOrder("guide-2", "faq-1");
        assertThat(ids(Filter.in("kind", List.of("faq", "other")))).containsExactly("faq-1");
        assertThat(ids(Filter.and(Filter.eq("kind", "guide"), Filter.eq("draft", false))))
                .containsExactly("guide-1");
        assertThat(ids(Filter.or(Filter.lt("year", 2022), Filter.eq("kind", "faq"))))
                .containsExactlyInAnyOrder("guide-1", "faq-1");
        assertThat(ids(Filter.not(Filter.eq("kind", "guide")))).containsExactlyInAnyOrder("faq-1", "bare");
        assertThat(ids(Filter.ne("kind", "guide"))).containsExactlyInAnyOrder("faq-1", "bare");
    }

    @Test
    void aFractionalValueUnderAKeyFirstStoredWholeIsFilteredUntruncated() {
        store.upsert(List.of(new Chunk("whole", "w", Map.of("score", 2L))), List.of(new float[] {1, 0, 0}));
        store.upsert(List.of(new Chunk("fraction", "f", Map.of("score", 2.7))), List.of(new float[] {1, 0.1f, 0}));

        assertThat(ids(Filter.gt("score", 2.5))).containsExactly("fraction");
        assertThat(ids(Filter.eq("score", 2))).containsExactly("whole");
    }

    @Test
    void keywordSearchUsesTheEnglishAnalyzer() {
        store.upsert(
                List.of(Chunk.of("dogs", "Running dogs chase balls"), Chunk.of("cats", "Cats sleep all day")),
                List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}));

        List<Passage> hits = store.keywordSearch("dog runs", 5, Filter.ALL);

        assertThat(hits).extracting(Passage::id).containsExactly("dogs");
        assertThat(hits.get(0).score()).isPositive();
    }

    @Test
    void filteredRetrieversSeeOnlyTheChunksPassingTheFilter() {
        store.upsert(
                List.of(
                        new Chunk("en", "dogs chase balls", Map.of("lang", "en")),
                        new Chunk("de", "dogs chase balls", Map.of("lang", "de"))),
                List.of(new float[] {1, 0, 0}, new float[] {1, 0, 0}));
        Filter german = Filter.eq("lang", "de");

        assertThat(store.keywordRetriever(german).retrieve("dogs", 5))
                .extracting(Passage::id)
                .containsExactly("de");
        assertThat(store.vectorRetriever(
                                texts -> texts.stream()
                                        .map(t -> new float[] {1, 0, 0})
                                        .toList(),
                                german)
                        .retrieve("dogs", 5))
                .extracting(Passage::id)
                .containsExactly("de");
    }

    @Test
    void rejectedDocumentsAreReportedWhileTheRestAreIndexed() {
        store.upsert(List.of(new Chunk("typed", "t", Map.of("position", 1L))), List.of(new float[] {1, 0, 0}));

        assertThatThrownBy(() -> store.upsert(
                        List.of(
                                new Chunk("good", "g", Map.of("position", 2L)),
                                new Chunk("bad", "b", Map.of("position", "not a number"))),
                        List.of(new float[] {0, 1, 0}, new float[] {0, 0, 1})))
                .isInstanceOfSatisfying(BulkIndexException.class, e -> {
                    assertThat(e.written()).isEqualTo(1);
                    assertThat(e.rejections()).singleElement().satisfies(r -> {
                        assertThat(r.id()).isEqualTo("bad");
                        assertThat(r.status()).isEqualTo(400);
                        assertThat(r.type()).isEqualTo("mapper_parsing_exception");
                    });
                    assertThat(e.getMessage())
                            .startsWith("OpenSearch index '" + index + "' rejected 1 chunk(s), wrote 1: 'bad' (400 ")
                            .endsWith("Fix these chunks and upsert them again.");
                });
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void wrongDimensionFailsBeforeAnythingIsWritten() {
        store.upsert(List.of(Chunk.of("a", "a")), List.of(new float[] {1, 0, 0}));

        assertThatThrownBy(() -> store.upsert(
                        List.of(Chunk.of("b", "b"), Chunk.of("c", "c")),
                        List.of(new float[] {1, 0, 0}, new float[] {1, 0})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk 'c' has a vector of 2 dimensions, but index '" + index
                        + "' holds 3: embed with the same model");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void existingIndexWithOtherDimensionsIsRefusedWithTheFix() {
        store.upsert(List.of(Chunk.of("a", "a")), List.of(new float[] {1, 0, 0}));
        OpenSearchStore wider = OpenSearchStore.create(config().dimensions(4).build());

        assertThatThrownBy(wider::size)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OpenSearch index '" + index + "' holds vectors of 3 dimensions, but this store is"
                        + " configured for 4: use the same embedding model, another index name, or drop the index");
    }

    @Test
    void unreachableNodeIsSkippedForTheNextOne() {
        OpenSearchStore failover = OpenSearchStore.create(OpenSearchConfig.builder(
                        "http://127.0.0.1:1", EmbeddedOpenSearch.get().url())
                .index(index)
                .dimensions(3)
                .build());

        failover.upsert(List.of(Chunk.of("a", "a")), List.of(new float[] {1, 0, 0}));

        assertThat(failover.size()).isEqualTo(1);
    }

    @Test
    void clusterThatCannotBeReachedFailsWithConnectionException() {
        OpenSearchStore down = OpenSearchStore.create(OpenSearchConfig.builder("http://127.0.0.1:1")
                .index(index)
                .dimensions(3)
                .retryPolicy(RetryPolicy.none())
                .build());

        assertThatThrownBy(down::size)
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("no response from http://127.0.0.1:1/" + index + " (ConnectException: ")
                .hasMessageEndingWith("): check the base URL and the network");
    }

    private List<String> ids(Filter filter) {
        return store.search(new float[] {1, 0, 0}, 10, filter).stream()
                .map(Passage::id)
                .toList();
    }

    private static String httpGet(String path) throws Exception {
        Request request =
                new Request.Builder().url(EmbeddedOpenSearch.get().url() + path).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            return response.body().string();
        }
    }
}
