package dev.ladder.peft.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cookbook's deliberately flawed file must be flagged with each of its problems. */
class ToyDatasetTest {
    static final Path TOY = resource("/openai-cookbook/toy_chat_fine_tuning.jsonl");

    private final ValidationReport report =
            DatasetValidator.of(DatasetFormat.CHAT).validate(TOY);

    @Test
    void flagsLineThreeForMissingSystemMessage() {
        assertThat(report.issuesAt(3))
                .containsExactly(
                        new Issue(
                                3,
                                Severity.WARNING,
                                "missing_system",
                                "no system message: the model"
                                        + " learns to answer like this without one; add the system prompt you will use in production"));
    }

    @Test
    void flagsLineFourForAssistantTurnWithoutUserTurn() {
        assertThat(report.issuesAt(4))
                .containsExactly(new Issue(
                        4,
                        Severity.ERROR,
                        "missing_user",
                        "message 2 (assistant) comes before" + " any user message: add the user turn it answers"));
    }

    @Test
    void flagsLineFiveForTooManyTokens() {
        assertThat(report.issuesAt(5)).extracting(Issue::code).containsExactly("too_many_tokens");
        assertThat(report.issuesAt(5).get(0).message())
                .endsWith("over the limit of 4,096 per example: it would be"
                        + " truncated in training; shorten it or raise maxTokensPerExample");
    }

    @Test
    void flagsTheFileForHavingFewerThanTenExamples() {
        assertThat(report.issuesAt(0))
                .containsExactly(new Issue(
                        0,
                        Severity.ERROR,
                        "too_few_examples",
                        "5 examples, fewer than the" + " minimum of 10: add examples"));
    }

    @Test
    void acceptsTheFirstTwoLines() {
        assertThat(report.issuesAt(1)).isEmpty();
        assertThat(report.issuesAt(2)).isEmpty();
    }

    @Test
    void isNotValid() {
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).hasSize(3);
        assertThat(report.warnings()).hasSize(1);
    }

    @Test
    void countsTokensForEveryExample() {
        assertThat(report.examples()).extracting(ExampleStats::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(report.examples().get(4).tokens()).isBetween(7_000, 10_000);
    }

    @Test
    void rendersReportWithCostEstimate() {
        String text = DatasetCheck.run(TOY, DatasetFormat.CHAT, 3, new BigDecimal("3.00"))
                .render();

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("Dataset toy_chat_fine_tuning.jsonl (chat): 5 examples, 3 errors, 1 warning");
        assertThat(lines.get(1)).startsWith("  line 3: warning missing_system: ");
        assertThat(lines.get(2)).startsWith("  line 4: error missing_user: ");
        assertThat(lines.get(3)).startsWith("  line 5: error too_many_tokens: about ");
        assertThat(lines.get(4))
                .isEqualTo(
                        "  file: error too_few_examples: 5 examples, fewer than the minimum of 10:" + " add examples");
        assertThat(lines.get(5)).startsWith("Tokens (estimated): ");
        assertThat(lines.get(6)).isEqualTo("Not ready to upload: fix the errors above.");
        assertThat(lines.get(7)).startsWith("Cost (estimated): ").contains(" x 3 epochs = ");
    }

    static Path resource(String name) {
        try {
            return Path.of(ToyDatasetTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
