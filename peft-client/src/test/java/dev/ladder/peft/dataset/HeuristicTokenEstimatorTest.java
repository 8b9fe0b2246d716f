package dev.ladder.peft.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeuristicTokenEstimatorTest {
    private final TokenEstimator estimator = TokenEstimator.heuristic();

    @Test
    void countsOneTokenPerShortWordWithItsLeadingSpace() {
        assertThat(estimator.count("I fell off my bike today")).isEqualTo(6);
    }

    @Test
    void countsPunctuationGluedToAWordSeparately() {
        assertThat(estimator.count("Eat a banana!Eat")).isEqualTo(5);
    }

    @Test
    void countsLongWordsPerEightLetters() {
        assertThat(estimator.count("internationalization")).isEqualTo(3);
    }

    @Test
    void countsDigitsInGroupsOfThree() {
        assertThat(estimator.count("1234567")).isEqualTo(3);
    }

    @Test
    void countsEachLetterOfNonLatinScripts() {
        assertThat(estimator.count("你好世界")).isEqualTo(4);
    }

    @Test
    void countsNothingForEmptyText() {
        assertThat(estimator.count("")).isZero();
    }
}
