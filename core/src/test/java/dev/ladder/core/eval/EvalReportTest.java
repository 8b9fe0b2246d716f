package dev.ladder.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalReportTest {
    private static final EvalReport REPORT = EvalReport.of(
            "capitals",
            List.of(
                    result("prompt", "fr", true, 1, "", null, 120, 4, 800),
                    result("prompt", "it", false, 0, "expected \"Rome\" but got \"Milan\"", null, 118, 5, 950),
                    result("prompt", "es", true, 1, "", null, 121, 4, 1200),
                    result("rag", "fr", true, 1, "", null, 900, 6, 2100),
                    result("rag", "it", true, 1, "", null, 880, 5, 1900),
                    result("rag", "es", false, 0, "", "ServerException: HTTP 500 | retry later", 0, 0, 30000)));

    private static CaseResult result(
            String strategy,
            String id,
            boolean passed,
            double score,
            String reason,
            String error,
            long input,
            long output,
            long millis) {
        return new CaseResult(
                strategy,
                id,
                "Capital of " + id + "?",
                "x",
                error == null ? "x" : null,
                passed,
                score,
                reason,
                error,
                new Usage(input, output, 0, 0),
                Duration.ofMillis(millis),
                Usage.ZERO);
    }

    @Test
    void summarisesEachStrategy() {
        assertThat(REPORT.summary("rag").orElseThrow())
                .isEqualTo(new StrategySummary(
                        "rag",
                        3,
                        2,
                        1,
                        2 / 3.0,
                        2 / 3.0,
                        new Usage(1780, 11, 0, 0),
                        Duration.ofMillis(2100),
                        Duration.ofMillis(30000),
                        Usage.ZERO));
    }

    @Test
    void takesTheMeanOfTheTwoMiddleLatenciesForAnEvenCount() {
        assertThat(StrategySummary.median(List.of(
                        Duration.ofMillis(40), Duration.ofMillis(10), Duration.ofMillis(30), Duration.ofMillis(20))))
                .isEqualTo(Duration.ofMillis(25));
    }

    @Test
    void takesTheNearestRankForThe95thPercentile() {
        List<Duration> latencies = java.util.stream.IntStream.rangeClosed(1, 40)
                .mapToObj(Duration::ofMillis)
                .toList();

        assertThat(StrategySummary.percentile(latencies, 95)).isEqualTo(Duration.ofMillis(38));
    }

    @Test
    void printsStrategiesSideBySideAsATextTable() {
        assertThat(REPORT.table())
                .isEqualTo("capitals: 3 cases\n"
                        + "strategy  accuracy  passed  errors  mean score  input tokens  output tokens  median latency"
                        + "  p95 latency  judge tokens\n"
                        + "--------  --------  ------  ------  ----------  ------------  -------------  --------------"
                        + "  -----------  ------------\n"
                        + "prompt       66.7%     2/3       0        0.67           359             13          950 ms"
                        + "       1.20 s             0\n"
                        + "rag          66.7%     2/3       1        0.67          1780             11          2.10 s"
                        + "      30.00 s             0\n");
    }

    @Test
    void rendersMarkdownWithTheSummaryAndEachCaseVerdict() {
        assertThat(REPORT.toMarkdown())
                .isEqualTo("# Evaluation of capitals\n\n"
                        + "3 cases, 2 strategies.\n\n"
                        + "| strategy | accuracy | passed | errors | mean score | input tokens | output tokens |"
                        + " median latency | p95 latency | judge tokens |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                        + "| prompt | 66.7% | 2/3 | 0 | 0.67 | 359 | 13 | 950 ms | 1.20 s | 0 |\n"
                        + "| rag | 66.7% | 2/3 | 1 | 0.67 | 1780 | 11 | 2.10 s | 30.00 s | 0 |\n"
                        + "\n## Cases\n\n"
                        + "| case | prompt | rag |\n"
                        + "|---|---|---|\n"
                        + "| fr | pass | pass |\n"
                        + "| it | fail: expected \"Rome\" but got \"Milan\" | pass |\n"
                        + "| es | pass | error: ServerException: HTTP 500 \\| retry later |\n");
    }

    @Test
    void readsBackTheJsonItWrites() {
        assertThat(EvalReport.fromJson(REPORT.toJson())).isEqualTo(REPORT);
    }

    @Test
    void writesLatenciesAsIsoDurations() {
        assertThat(REPORT.toJson()).contains("\"latency\": \"PT0.8S\"");
    }

    @Test
    void rejectsJsonThatIsNotAReport() {
        assertThatThrownBy(() -> EvalReport.fromJson("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the text is not an evaluation report: Expected BEGIN_OBJECT but was BEGIN_ARRAY at path $");
    }

    @Test
    void savesJsonAndMarkdownFiles(@TempDir Path directory) throws IOException {
        REPORT.writeJson(directory.resolve("report.json"));
        REPORT.writeMarkdown(directory.resolve("report.md"));

        assertThat(Files.readString(directory.resolve("report.json"))).isEqualTo(REPORT.toJson());
        assertThat(Files.readString(directory.resolve("report.md"))).isEqualTo(REPORT.toMarkdown());
    }
}
