package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ladder.core.Passage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests every {@link VectorStore} passes. A store's test extends this class and
 * returns an empty store of {@link #DIMENSION} dimensions from {@link #emptyStore()}.
 *
 * <p>Vectors are chosen so that no two chunks tie on a query, since stores may order ties
 * differently. Numbers in metadata are compared by value, since stores may return another
 * {@link Number} type than the one stored.
 */
public abstract class VectorStoreContract {
    protected static final int DIMENSION = 4;

    private VectorStore store;

    /** Returns a store of {@link #DIMENSION} dimensions holding no chunks. */
    protected abstract VectorStore emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    @Test
    void emptyStoreHasSizeZeroAndFindsNothing() {
        assertThat(store.size()).isZero();
        assertThat(store.search(v(1, 0, 0, 0), 5, Filter.ALL)).isEmpty();
    }

    @Test
    void upsertStoresEveryChunk() {
        store.upsert(List.of(chunk("a"), chunk("b")), List.of(v(1, 0, 0, 0), v(0, 1, 0, 0)));

        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void upsertOfNothingChangesNothing() {
        store.upsert(List.of(), List.of());

        assertThat(store.size()).isZero();
    }

    @Test
    void searchReturnsNearestFirstWithCosineSimilarityAsScore() {
        store.upsert(
                List.of(chunk("far"), chunk("near"), chunk("middle")),
                List.of(v(0, 1, 0, 0), v(2, 0, 0, 0), v(1, 1, 0, 0)));

        List<Passage> found = store.search(v(1, 0, 0, 0), 3, Filter.ALL);

        assertThat(found).extracting(Passage::id).containsExactly("near", "middle", "far");
        assertThat(found.get(0).score()).isCloseTo(1.0, within(1e-5));
        assertThat(found.get(1).score()).isCloseTo(Math.sqrt(0.5), within(1e-5));
        assertThat(found.get(2).score()).isCloseTo(0.0, within(1e-5));
    }

    @Test
    void searchReturnsAtMostLimitPassages() {
        store.upsert(List.of(chunk("a"), chunk("b"), chunk("c")), List.of(v(1, 0, 0, 0), v(1, 1, 0, 0), v(0, 1, 0, 0)));

        assertThat(store.search(v(1, 0, 0, 0), 2, Filter.ALL))
                .extracting(Passage::id)
                .containsExactly("a", "b");
    }

    @Test
    void searchReturnsTextAndMetadataOfTheChunk() {
        Map<String, Object> metadata = Map.of("source", "guide.md", "draft", true, "position", 7);
        store.upsert(List.of(new Chunk("a", "The text of a.", metadata)), List.of(v(1, 0, 0, 0)));

        Passage found = store.search(v(1, 0, 0, 0), 1, Filter.ALL).get(0);

        assertThat(found.text()).isEqualTo("The text of a.");
        assertThat(found.metadata()).containsEntry("source", "guide.md").containsEntry("draft", true);
        assertThat(((Number) found.metadata().get("position")).doubleValue()).isEqualTo(7.0);
    }

    @Test
    void upsertWithAnExistingIdReplacesTextMetadataAndVector() {
        store.upsert(List.of(new Chunk("a", "old", Map.of("v", "1"))), List.of(v(1, 0, 0, 0)));

        store.upsert(List.of(new Chunk("a", "new", Map.of("v", "2"))), List.of(v(0, 1, 0, 0)));

        assertThat(store.size()).isEqualTo(1);
        Passage found = store.search(v(0, 1, 0, 0), 1, Filter.ALL).get(0);
        assertThat(found.text()).isEqualTo("new");
        assertThat(found.metadata()).isEqualTo(Map.of("v", "2"));
        assertThat(found.score()).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void ofTwoChunksWithOneIdInOneUpsertTheLastWins() {
        store.upsert(List.of(Chunk.of("a", "first"), Chunk.of("a", "second")), List.of(v(1, 0, 0, 0), v(0, 1, 0, 0)));

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.search(v(0, 1, 0, 0), 1, Filter.ALL).get(0).text()).isEqualTo("second");
    }

    @Test
    void deleteRemovesTheChunksAndIgnoresUnknownIds() {
        store.upsert(List.of(chunk("a"), chunk("b"), chunk("c")), List.of(v(1, 0, 0, 0), v(1, 1, 0, 0), v(0, 1, 0, 0)));

        store.delete(List.of("a", "c", "missing"));

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.search(v(1, 0, 0, 0), 5, Filter.ALL))
                .extracting(Passage::id)
                .containsExactly("b");
    }

    @Test
    void upsertRejectsAVectorOfAnotherDimensionAndStoresNothing() {
        List<Chunk> chunks = List.of(chunk("good"), chunk("bad"));
        List<float[]> vectors = List.of(v(1, 0, 0, 0), new float[] {1, 0});

        assertThatThrownBy(() -> store.upsert(chunks, vectors))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad'");
        assertThat(store.size()).isZero();
    }

    @Test
    void upsertRejectsListsOfDifferentSizes() {
        assertThatThrownBy(() -> store.upsert(List.of(chunk("a"), chunk("b")), List.of(v(1, 0, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.size()).isZero();
    }

    @Test
    void searchRejectsAQueryOfAnotherDimension() {
        assertThatThrownBy(() -> store.search(new float[] {1, 0, 0}, 1, Filter.ALL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filterOnAStringKeepsOnlyMatchingChunks() {
        storeFourTaggedChunks();

        assertThat(ids(Filter.eq("lang", "en"))).containsExactly("a", "c");
    }

    @Test
    void filterOnANumberComparesByValue() {
        storeFourTaggedChunks();

        assertThat(ids(Filter.gte("year", 2020))).containsExactly("b", "c");
        assertThat(ids(Filter.lt("year", 2019.5))).containsExactly("a");
    }

    @Test
    void filterOnABooleanKeepsOnlyMatchingChunks() {
        storeFourTaggedChunks();

        assertThat(ids(Filter.eq("draft", true))).containsExactly("b");
    }

    @Test
    void filterInKeepsChunksWithAnyOfTheValues() {
        storeFourTaggedChunks();

        assertThat(ids(Filter.in("lang", List.of("de", "fr")))).containsExactly("b", "d");
    }

    @Test
    void notEqualPassesChunksWithoutTheKey() {
        storeFourTaggedChunks();

        assertThat(ids(Filter.ne("draft", true))).containsExactly("a", "c", "d");
    }

    @Test
    void nestedAndOrNotCombineLikeBooleanLogic() {
        storeFourTaggedChunks();

        Filter filter = Filter.or(
                Filter.and(Filter.eq("lang", "en"), Filter.not(Filter.gt("year", 2020))), Filter.eq("draft", true));

        assertThat(ids(filter)).containsExactly("a", "b");
    }

    @Test
    void filteredSearchStillReturnsUpToLimitPassages() {
        storeFourTaggedChunks();

        assertThat(store.search(v(1, 0, 0, 0), 2, Filter.eq("lang", "en")))
                .extracting(Passage::id)
                .containsExactly("a", "c");
    }

    /** Stores a (en, 2018), b (de, 2020, draft), c (en, 2024), d (fr, no year), nearest to e1 in that order. */
    private void storeFourTaggedChunks() {
        store.upsert(
                List.of(
                        new Chunk("a", "a", Map.of("lang", "en", "year", 2018)),
                        new Chunk("b", "b", Map.of("lang", "de", "year", 2020L, "draft", true)),
                        new Chunk("c", "c", Map.of("lang", "en", "year", 2024.0, "draft", false)),
                        new Chunk("d", "d", Map.of("lang", "fr"))),
                List.of(v(1, 0, 0, 0), v(1, 0.5f, 0, 0), v(1, 1, 0, 0), v(1, 2, 0, 0)));
    }

    private List<String> ids(Filter filter) {
        return store.search(v(1, 0, 0, 0), 10, filter).stream().map(Passage::id).toList();
    }

    private static Chunk chunk(String id) {
        return Chunk.of(id, "text of " + id);
    }

    private static float[] v(float... components) {
        return components;
    }
}
