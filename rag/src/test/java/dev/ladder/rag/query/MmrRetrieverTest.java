package dev.ladder.rag.query;

import static dev.ladder.rag.query.CannedRetriever.passage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Passage;
import dev.ladder.rag.HashedWordsEmbedder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MmrRetrieverTest {
    private static final float[] QUERY = {1, 0, 0};
    private static final List<Passage> PASSAGES =
            List.of(passage("a", 0.9), passage("a-copy", 0.89), passage("b", 0.7));
    private static final List<float[]> VECTORS =
            List.of(new float[] {1, 0.1f, 0}, new float[] {1, 0.12f, 0}, new float[] {0.7f, 0, 0.7f});

    @Test
    void aNearDuplicateFallsBehindADifferentPassage() {
        assertThat(MmrRetriever.select(QUERY, PASSAGES, VECTORS, 0.5, 3))
                .extracting(Passage::id)
                .containsExactly("a", "b", "a-copy");
    }

    @Test
    void lambdaOneKeepsTheRelevanceOrder() {
        assertThat(MmrRetriever.select(QUERY, PASSAGES, VECTORS, 1.0, 3))
                .extracting(Passage::id)
                .containsExactly("a", "a-copy", "b");
    }

    @Test
    void retrieverEmbedsTheCandidatesAndKeepsTheirScores() {
        CannedRetriever delegate = new CannedRetriever()
                .answer(
                        "solar panels",
                        new Passage("a", "solar panels", 0.9, Map.of()),
                        new Passage("a-copy", "Solar panels.", 0.8, Map.of()),
                        new Passage("b", "solar panels and wind turbines", 0.7, Map.of()));

        List<Passage> found =
                new MmrRetriever(delegate, new HashedWordsEmbedder(64), 0.3, 10).retrieve("solar panels", 2);

        assertThat(delegate.limits()).containsExactly(10);
        assertThat(found).extracting(Passage::id).containsExactly("a", "b");
        assertThat(found).extracting(Passage::score).containsExactly(0.9, 0.7);
    }

    @Test
    void lambdaOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new MmrRetriever(new CannedRetriever(), new HashedWordsEmbedder(8), 1.5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lambda must be between 0 and 1, was 1.5");
    }
}
