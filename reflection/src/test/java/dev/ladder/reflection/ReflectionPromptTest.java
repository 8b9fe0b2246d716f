package dev.ladder.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReflectionPromptTest {

    @Test
    void replacesEachPlaceholder() {
        ReflectionPrompt prompt = new ReflectionPrompt("[{task}] [{previous}] [{feedback}] {other}");

        assertThat(prompt.render("t", "p", "f")).isEqualTo("[t] [p] [f] {other}");
    }

    @Test
    void neverExpandsPlaceholdersInsideValues() {
        ReflectionPrompt prompt = new ReflectionPrompt("{previous} / {feedback}");

        assertThat(prompt.render("secret", "{task}", "{feedback}")).isEqualTo("{task} / {feedback}");
    }

    @Test
    void refusesATemplateWithoutFeedback() {
        assertThatThrownBy(() -> new ReflectionPrompt("{task} {previous}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reflection prompt template lacks {feedback}: the model cannot correct an answer it does"
                        + " not see; add {feedback}");
    }
}
