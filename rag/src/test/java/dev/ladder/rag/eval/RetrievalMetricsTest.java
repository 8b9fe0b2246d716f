package dev.ladder.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

    private static final Map<String, Integer> GRADES = Map.of("a", 1, "b", 2, "z", 0);
    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void recallCountsRelevantDocumentsWithinK() {
        assertThat(RetrievalMetrics.recall(List.of("x", "a", "y", "b"), GRADES, 3))
                .isCloseTo(0.5, EXACT);
    }

    @Test
    void reciprocalRankIsOneOverTheFirstRelevantRank() {
        assertThat(RetrievalMetrics.reciprocalRank(List.of("z", "x", "b"), GRADES, 10))
                .isCloseTo(1.0 / 3, EXACT);
    }

    @Test
    void reciprocalRankIsZeroWhenNothingRelevantIsWithinK() {
        assertThat(RetrievalMetrics.reciprocalRank(List.of("z", "x", "b"), GRADES, 2))
                .isZero();
    }

    @Test
    void ndcgUsesGradesAsGainsAgainstTheIdealOrder() {
        double dcg = 1 / log2(2) + 2 / log2(3);
        double ideal = 2 / log2(2) + 1 / log2(3);

        assertThat(RetrievalMetrics.ndcg(List.of("a", "b"), GRADES, 10)).isCloseTo(dcg / ideal, EXACT);
    }

    @Test
    void ndcgCountsARepeatedDocumentOnce() {
        assertThat(RetrievalMetrics.ndcg(List.of("b", "b", "a"), GRADES, 10)).isCloseTo(1.0, EXACT);
    }

    @Test
    void rejectsANonPositiveCutOff() {
        assertThatThrownBy(() -> RetrievalMetrics.ndcg(List.of(), GRADES, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be positive, was 0");
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
