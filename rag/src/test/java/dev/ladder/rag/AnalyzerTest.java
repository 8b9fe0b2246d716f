package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyzerTest {

    @Test
    void lowercasesDropsStopWordsAndStems() {
        assertThat(Analyzer.english().analyze("The Patients were TREATED with vitamins"))
                .containsExactly("patient", "were", "treat", "vitamin");
    }

    @Test
    void splitsOnPunctuationAndDropsPossessives() {
        assertThat(Analyzer.english().analyze("Alzheimer's COVID-19 risk/benefit"))
                .containsExactly("alzheim", "covid", "19", "risk", "benefit");
    }

    @Test
    void simpleAnalyzerOnlySplitsAndLowercases() {
        assertThat(Analyzer.simple().analyze("The Running dogs")).containsExactly("the", "running", "dogs");
    }

    @Test
    void stemsLikeThePorterAlgorithm() {
        String[][] pairs = {
            {"caresses", "caress"}, {"ponies", "poni"}, {"cats", "cat"}, {"agreed", "agre"},
            {"hopping", "hop"}, {"falling", "fall"}, {"happy", "happi"}, {"relational", "relat"},
            {"generalizations", "gener"}, {"conflated", "conflat"}, {"filing", "file"}, {"sky", "sky"},
        };
        for (String[] pair : pairs) {
            assertThat(PorterStemmer.stem(pair[0])).as(pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void leavesNonAsciiWordsUnstemmed() {
        assertThat(PorterStemmer.stem("übungen")).isEqualTo("übungen");
    }
}
