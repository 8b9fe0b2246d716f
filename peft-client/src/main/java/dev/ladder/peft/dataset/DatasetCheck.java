package dev.ladder.peft.dataset;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Validates a dataset file and estimates its training cost in one call, offline: the entry point for a
 * pre-upload check. Immutable and thread-safe.
 *
 * @param report the validation report.
 * @param cost the cost estimate over the counted examples.
 */
public record DatasetCheck(ValidationReport report, CostEstimate cost) {

    /** Validates the parts. */
    public DatasetCheck {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * Validates {@code file} as {@code format} with the default limits and estimates the cost of
     * {@code epochs} passes at {@code usdPerMillionTokens}.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read.
     * @throws IllegalArgumentException if epochs is below 1 or the price is negative.
     */
    public static DatasetCheck run(Path file, DatasetFormat format, int epochs, BigDecimal usdPerMillionTokens) {
        return run(DatasetValidator.of(format), file, epochs, usdPerMillionTokens);
    }

    /**
     * Validates {@code file} with {@code validator} and estimates the cost of {@code epochs} passes at
     * {@code usdPerMillionTokens}.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read.
     * @throws IllegalArgumentException if epochs is below 1 or the price is negative.
     */
    public static DatasetCheck run(DatasetValidator validator, Path file, int epochs, BigDecimal usdPerMillionTokens) {
        ValidationReport report = validator.validate(file);
        return new DatasetCheck(report, CostEstimate.of(report, epochs, usdPerMillionTokens));
    }

    /** Returns the report followed by the cost estimate, as text for a console. */
    public String render() {
        return report.render() + cost.render() + "\n";
    }
}
