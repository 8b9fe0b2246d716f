package dev.ladder.examples;

import dev.ladder.peft.dataset.CostEstimate;
import dev.ladder.peft.dataset.DatasetFormat;
import dev.ladder.peft.dataset.DatasetValidator;
import dev.ladder.peft.dataset.ExampleStats;
import dev.ladder.peft.dataset.Issue;
import dev.ladder.peft.dataset.ValidationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's fine-tuning step: OpenAI's cookbook dataset, flawed on purpose, checked offline before
 * any upload, with its training cost estimated.
 */
final class FineTuningStep {
    static final String DATASET = "finetuning/toy_chat_fine_tuning.jsonl";
    static final int EPOCHS = 3;
    /** gpt-4o-mini's training price per million tokens; pass your provider's own. */
    static final BigDecimal USD_PER_MILLION_TOKENS = new BigDecimal("3.00");

    private final PrintStream out;

    FineTuningStep(PrintStream out) {
        this.out = out;
    }

    void run() {
        ValidationReport report = validate();
        Table examples = Table.withMaxWidth(70, List.of("line", "tokens", "trained tokens", "problems"));
        for (ExampleStats example : report.examples()) {
            String problems =
                    report.issuesAt(example.line()).stream().map(Issue::code).collect(Collectors.joining(", "));
            examples.row(example.line(), example.tokens(), example.trainedTokens(), problems);
        }
        out.print(examples.render());
        out.println();
        report.render().lines().forEach(line -> out.println("  " + line));
        out.println("  "
                + CostEstimate.of(report, EPOCHS, USD_PER_MILLION_TOKENS).render() + " (gpt-4o-mini's training price)");
    }

    private ValidationReport validate() {
        InputStream in = FineTuningStep.class.getClassLoader().getResourceAsStream(DATASET);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + DATASET + " not found: rebuild the examples");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return DatasetValidator.of(DatasetFormat.CHAT).validate(reader, "toy_chat_fine_tuning.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DATASET + ": " + e.getMessage(), e);
        }
    }
}
