package dev.ladder.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTest {

    @Test
    void anAnswerWithoutAnswerNeedsAReason() {
        assertThatThrownBy(() -> Answer.none("", List.of(), Usage.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an Answer without an answer needs a reason");
    }

    @Test
    void anAnsweredAnswerHasNoReason() {
        assertThatThrownBy(() -> new Answer(true, "x", List.of(), List.of(), List.of(), Usage.ZERO, "because"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an answered Answer has no reason, was 'because'");
    }

    @Test
    void defaultTokenEstimateIsFourCharactersPerTokenRoundedUp() {
        TokenCounter estimate = TokenCounter.estimate();

        assertThat(estimate.count("")).isZero();
        assertThat(estimate.count("abcd")).isEqualTo(1);
        assertThat(estimate.count("abcde")).isEqualTo(2);
    }
}
