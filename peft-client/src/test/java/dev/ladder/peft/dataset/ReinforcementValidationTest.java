package dev.ladder.peft.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReinforcementValidationTest {
    private static final String PROMPT = "\"messages\": [{\"role\": \"developer\", \"content\": \"Answer with one"
            + " word.\"}, {\"role\": \"user\", \"content\": \"Capital of France?\"}]";
    /** The string_check grader of OpenAI's reinforcement example. */
    private static final Map<String, Object> GRADER = Map.of(
            "type", "string_check",
            "name", "Example string check grader",
            "input", "{{sample.output_text}}",
            "reference", "{{ item.label }}",
            "operation", "eq");

    @Test
    void acceptsAPromptWithGraderDataBesideIt() {
        ValidationReport report = check(validator(), "{" + PROMPT + ", \"label\": \"Paris\"}");

        assertThat(report.issues()).isEmpty();
        assertThat(report.examples().get(0).tokens()).isPositive();
        assertThat(report.examples().get(0).trainedTokens()).isZero();
    }

    @Test
    void reportsAPromptThatEndsWithTheAnswer() {
        String answered = "{\"messages\": [{\"role\": \"user\", \"content\": \"Capital of France?\"}, {\"role\":"
                + " \"assistant\", \"content\": \"Paris\"}], \"label\": \"Paris\"}";

        assertThat(check(validator(), answered).issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "prompt_not_ending_with_user",
                        "messages end with an assistant message: a reinforcement prompt must end with the user turn"
                                + " the model answers"));
    }

    @Test
    void reportsALineWithoutAFieldTheGraderReads() {
        DatasetValidator validator = DatasetValidator.builder()
                .format(DatasetFormat.REINFORCEMENT)
                .graderFields(GRADER)
                .minExamples(1)
                .build();

        ValidationReport report = check(validator, "{" + PROMPT + ", \"label\": \"Paris\"}", "{" + PROMPT + "}");

        assertThat(report.issues())
                .containsExactly(new Issue(
                        2,
                        Severity.ERROR,
                        "missing_grader_field",
                        "no \"label\", which the grader reads as {{item.label}}: add it to every line"));
    }

    @Test
    void findsTheFieldsOfNestedGraders() {
        Map<String, Object> multi = Map.of(
                "type",
                "multi",
                "graders",
                Map.of(
                        "a",
                        Map.of("type", "string_check", "reference", "{{item.city}}"),
                        "b",
                        Map.of(
                                "type",
                                "score_model",
                                "input",
                                List.of(Map.of("role", "user", "content", "Compare with {{ item.notes }}.")))));
        DatasetValidator validator = DatasetValidator.builder()
                .format(DatasetFormat.REINFORCEMENT)
                .graderFields(multi)
                .minExamples(1)
                .build();

        assertThat(check(validator, "{" + PROMPT + "}").errors())
                .extracting(Issue::message)
                .containsExactly(
                        "no \"city\", which the grader reads as {{item.city}}: add it to every line",
                        "no \"notes\", which the grader reads as {{item.notes}}: add it to every line");
    }

    private static DatasetValidator validator() {
        return DatasetValidator.builder()
                .format(DatasetFormat.REINFORCEMENT)
                .minExamples(1)
                .build();
    }

    private static ValidationReport check(DatasetValidator validator, String... lines) {
        return validator.validate(new BufferedReader(new StringReader(String.join("\n", lines))), "rft.jsonl");
    }
}
