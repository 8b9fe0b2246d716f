package dev.ladder.peft.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of validating a dataset file: every issue with its line, and token estimates for each
 * example that parsed. Immutable and thread-safe.
 *
 * @param source the file name or description the lines came from.
 * @param format the format the lines were checked against.
 * @param exampleCount the number of non-blank lines, each one example.
 * @param issues every issue found, in line order; whole-file issues (line 0) last.
 * @param examples token estimates of the examples that parsed far enough to count.
 */
public record ValidationReport(
        String source, DatasetFormat format, int exampleCount, List<Issue> issues, List<ExampleStats> examples) {

    /** Validates and copies the parts. */
    public ValidationReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        if (exampleCount < 0) {
            throw new IllegalArgumentException("exampleCount must not be negative but was " + exampleCount);
        }
        issues = List.copyOf(issues);
        examples = List.copyOf(examples);
    }

    /** Returns true if no issue is an {@link Severity#ERROR}: the file may be uploaded. */
    public boolean valid() {
        return errors().isEmpty();
    }

    /** Returns the issues of severity {@link Severity#ERROR}. */
    public List<Issue> errors() {
        return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
    }

    /** Returns the issues of severity {@link Severity#WARNING}. */
    public List<Issue> warnings() {
        return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
    }

    /** Returns the issues reported for {@code line} (1-based), or for the whole file when 0. */
    public List<Issue> issuesAt(int line) {
        return issues.stream().filter(i -> i.line() == line).toList();
    }

    /** Returns the estimated tokens of all counted examples together, for one pass over the data. */
    public long totalTokens() {
        return examples.stream().mapToLong(ExampleStats::tokens).sum();
    }

    /** Returns the estimated tokens of the assistant turns learned from, over all counted examples. */
    public long trainedTokens() {
        return examples.stream().mapToLong(ExampleStats::trainedTokens).sum();
    }

    /**
     * Returns the report as text for a console: a summary line, one line per issue, token statistics and a
     * verdict.
     */
    public String render() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "Dataset %s (%s): %s, %s, %s",
                source,
                format.name().toLowerCase(Locale.ROOT),
                plural(exampleCount, "example"),
                plural(errors().size(), "error"),
                plural(warnings().size(), "warning")));
        issues.forEach(i -> lines.add("  " + i.render()));
        lines.add(tokenLine());
        lines.add(valid() ? "Ready to upload." : "Not ready to upload: fix the errors above.");
        return String.join("\n", lines) + "\n";
    }

    private static String plural(int count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    private String tokenLine() {
        if (examples.isEmpty()) {
            return "Tokens (estimated): no example could be counted";
        }
        int[] sorted = examples.stream().mapToInt(ExampleStats::tokens).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "Tokens (estimated): %,d in total, %,d trained; per example min %,d, median %,d, max %,d",
                totalTokens(),
                trainedTokens(),
                sorted[0],
                sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }
}
