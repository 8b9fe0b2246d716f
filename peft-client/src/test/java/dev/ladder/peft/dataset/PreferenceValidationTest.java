package dev.ladder.peft.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PreferenceValidationTest {
    private static final String INPUT = "\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}";
    private static final String PREFERRED = "\"preferred_output\": [{\"role\": \"assistant\", \"content\": \"Hi!\"}]";
    private static final String REJECTED =
            "\"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"Go" + " away.\"}]";

    private final DatasetValidator validator = DatasetValidator.builder()
            .format(DatasetFormat.PREFERENCE)
            .minExamples(1)
            .build();

    @Test
    void acceptsPreferencePair() {
        ValidationReport report = check("{" + INPUT + ", " + PREFERRED + ", " + REJECTED + "}");

        assertThat(report.issues()).isEmpty();
        assertThat(report.examples().get(0).trainedTokens()).isPositive();
    }

    @Test
    void reportsInputThatDoesNotEndWithUserTurn() {
        String input = "\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}, {\"role\":"
                + " \"assistant\", \"content\": \"Hi\"}]}";

        assertThat(check("{" + input + ", " + PREFERRED + ", " + REJECTED + "}").issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "input_not_ending_with_user",
                        "input ends with an"
                                + " assistant message: it must end with the user turn both outputs answer"));
    }

    @Test
    void reportsIdenticalOutputs() {
        String same = PREFERRED.replace("preferred_output", "non_preferred_output");

        assertThat(check("{" + INPUT + ", " + PREFERRED + ", " + same + "}").issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "identical_outputs",
                        "preferred_output and"
                                + " non_preferred_output are identical: the pair teaches no preference"));
    }

    @Test
    void reportsMissingNonPreferredOutput() {
        assertThat(check("{" + INPUT + ", " + PREFERRED + "}").issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "invalid_output",
                        "\"non_preferred_output\" must be an" + " array holding exactly one assistant message"));
    }

    @Test
    void reportsChatLineGivenAsPreference() {
        String chat = "{\"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}";

        assertThat(check(chat).issues()).extracting(Issue::code).containsExactly("unrecognized_key", "missing_input");
    }

    private ValidationReport check(String line) {
        return validator.validate(new BufferedReader(new StringReader(line)), "test");
    }
}
