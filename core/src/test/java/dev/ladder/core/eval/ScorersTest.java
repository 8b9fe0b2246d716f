package dev.ladder.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScorersTest {
    private static final EvalCase CAPITAL = EvalCase.of("q1", "Capital of France?", "Paris");

    @Test
    void exactMatchPassesTheSameTextIgnoringOuterWhitespace() {
        assertThat(Scorers.exactMatch().score(CAPITAL, Answer.of("Paris\n"))).isEqualTo(Score.pass());
    }

    @Test
    void exactMatchFailsOtherCaseSayingWhatItExpected() {
        assertThat(Scorers.exactMatch().score(CAPITAL, Answer.of("paris")))
                .isEqualTo(Score.fail("expected \"Paris\" but got \"paris\""));
    }

    @Test
    void exactMatchNeedsAnExpectedAnswer() {
        EvalCase open = new EvalCase("q9", "Tell me a joke", null, null);

        assertThatThrownBy(() -> Scorers.exactMatch().score(open, Answer.of("...")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case 'q9' has no expected answer for exact match: give it one, or a scorer of its own");
    }

    @Test
    void normalizedMatchIgnoresCasePunctuationAndWhitespace() {
        assertThat(Scorers.normalizedMatch().score(CAPITAL, Answer.of("  PARIS.\n")))
                .isEqualTo(Score.pass());
    }

    @Test
    void normalizedMatchStillFailsADifferentAnswer() {
        assertThat(Scorers.normalizedMatch().score(CAPITAL, Answer.of("Lyon")))
                .isEqualTo(Score.fail("expected \"Paris\" but got \"Lyon\""));
    }

    @Test
    void normalizeFoldsWidthCaseAndPunctuation() {
        assertThat(Scorers.normalize("Ｕ.Ｓ.Ａ.,  the   Land of the free!")).isEqualTo("usa the land of the free");
    }

    @Test
    void predicatePassesWhatItAccepts() {
        Scorer numeric = Scorers.predicate("a number", text -> text.strip().matches("\\d+"));

        assertThat(numeric.score(CAPITAL, Answer.of(" 42 "))).isEqualTo(Score.pass());
    }

    @Test
    void predicateFailsWithItsDescription() {
        Scorer numeric = Scorers.predicate("a number", text -> text.strip().matches("\\d+"));

        assertThat(numeric.score(CAPITAL, Answer.of("forty-two"))).isEqualTo(Score.fail("answer is not a number"));
    }
}
