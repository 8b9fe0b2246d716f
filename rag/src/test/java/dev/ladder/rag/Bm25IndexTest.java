package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Passage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Bm25IndexTest {

    private static Bm25Index index() {
        Bm25Index index = Bm25Index.create();
        index.upsert(List.of(
                new Chunk("1", "Vitamin D deficiency and bone loss.", Map.of("year", 2001)),
                new Chunk("2", "Bone fractures in older adults after falls.", Map.of("year", 2010)),
                new Chunk("3", "Sleep and obesity in children.", Map.of("year", 2015))));
        return index;
    }

    @Test
    void ranksByBm25BestFirst() {
        List<Passage> found = index().retrieve("vitamin deficiency bones", 3);

        assertThat(found).extracting(Passage::id).containsExactly("1", "2");
        assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
    }

    @Test
    void scoresWithTheLuceneFormula() {
        Bm25Index index = Bm25Index.create();
        index.upsert(List.of(Chunk.of("a", "apple"), Chunk.of("b", "pear")));

        double idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));

        assertThat(index.retrieve("apple", 1).get(0).score()).isCloseTo(idf, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void returnsNothingForAQueryOfStopWordsOnly() {
        assertThat(index().retrieve("the and of", 3)).isEmpty();
    }

    @Test
    void replacesAndDeletesById() {
        Bm25Index index = index();

        index.upsert(List.of(Chunk.of("3", "Vitamin supplements.")));
        index.delete(List.of("1"));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.retrieve("vitamin", 3)).extracting(Passage::id).containsExactly("3");
    }

    @Test
    void filtersOnMetadata() {
        assertThat(index().retrieve("bone", 3, Filter.gt("year", 2005)))
                .extracting(Passage::id)
                .containsExactly("2");
    }

    @Test
    void rejectsABlankQuery() {
        assertThatThrownBy(() -> index().retrieve("  ", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query is blank: pass the text to search for");
    }
}
