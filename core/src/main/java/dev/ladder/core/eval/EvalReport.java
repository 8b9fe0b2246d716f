package dev.ladder.core.eval;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an evaluation: a summary per strategy and every case result, printable as a text
 * table and savable as JSON and Markdown.
 *
 * @param dataset the data set's name.
 * @param summaries one per strategy, in the order strategies were added.
 * @param results every case result, by strategy, then case.
 */
public record EvalReport(String dataset, List<StrategySummary> summaries, List<CaseResult> results) {

    public EvalReport {
        Objects.requireNonNull(dataset, "dataset");
        summaries = List.copyOf(summaries);
        results = List.copyOf(results);
    }

    /** Creates the report of {@code results}, summarising each strategy in order of first appearance. */
    public static EvalReport of(String dataset, List<CaseResult> results) {
        Map<String, List<CaseResult>> byStrategy = new LinkedHashMap<>();
        for (CaseResult result : results) {
            byStrategy
                    .computeIfAbsent(result.strategy(), name -> new ArrayList<>())
                    .add(result);
        }
        List<StrategySummary> summaries = new ArrayList<>();
        byStrategy.forEach((name, own) -> summaries.add(StrategySummary.of(name, own)));
        return new EvalReport(dataset, summaries, results);
    }

    /** Returns the summary of {@code strategy}, or empty when the report has no such strategy. */
    public Optional<StrategySummary> summary(String strategy) {
        return summaries.stream().filter(s -> s.strategy().equals(strategy)).findFirst();
    }

    /** Returns the results of {@code strategy}, in case order; empty when there is no such strategy. */
    public List<CaseResult> results(String strategy) {
        return results.stream().filter(r -> r.strategy().equals(strategy)).toList();
    }

    /**
     * Returns the summaries as a plain-text table, one row per strategy: accuracy, passed, errors,
     * mean score, input and output tokens, median and 95th percentile latency.
     */
    public String table() {
        return ReportFormat.table(this);
    }

    /** Returns the report as Markdown: the summary table, then each case's verdict per strategy. */
    public String toMarkdown() {
        return ReportFormat.markdown(this);
    }

    /** Returns the report as indented JSON; latencies are ISO-8601 durations such as {@code PT0.25S}. */
    public String toJson() {
        return ReportJson.ADAPTER.indent("  ").toJson(this);
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if {@code json} is not such a report.
     */
    public static EvalReport fromJson(String json) {
        try {
            EvalReport report = ReportJson.ADAPTER.fromJson(json);
            if (report == null) {
                throw new IllegalArgumentException("the text holds null, not an evaluation report");
            }
            return report;
        } catch (IOException | JsonDataException e) {
            throw new IllegalArgumentException("the text is not an evaluation report: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@link #toJson()} to {@code file}, replacing it.
     *
     * @throws UncheckedIOException if the file cannot be written.
     */
    public void writeJson(Path file) {
        write(file, toJson());
    }

    /**
     * Writes {@link #toMarkdown()} to {@code file}, replacing it.
     *
     * @throws UncheckedIOException if the file cannot be written.
     */
    public void writeMarkdown(Path file) {
        write(file, toMarkdown());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation report to " + file, e);
        }
    }
}
