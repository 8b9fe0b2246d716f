package dev.ladder.core.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@link EvalReport}s as a text table and as Markdown. */
final class ReportFormat {
    private static final List<String> HEADERS = List.of(
            "strategy",
            "accuracy",
            "passed",
            "errors",
            "mean score",
            "input tokens",
            "output tokens",
            "median latency",
            "p95 latency",
            "judge tokens");
    private static final int CELL_LIMIT = 80;

    private ReportFormat() {}

    static String table(EvalReport report) {
        List<List<String>> rows = summaryRows(report);
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(report.dataset()).append(": ").append(caseCount(report)).append(" cases\n");
        for (int r = 0; r < rows.size(); r++) {
            appendRow(out, rows.get(r), widths);
            if (r == 0) {
                appendRow(out, dashes(widths), widths);
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? cell + pad : "  " + pad + cell);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static List<String> dashes(int[] widths) {
        List<String> dashes = new ArrayList<>();
        for (int width : widths) {
            dashes.add("-".repeat(width));
        }
        return dashes;
    }

    static String markdown(EvalReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# Evaluation of ").append(report.dataset()).append("\n\n");
        out.append(caseCount(report))
                .append(" cases, ")
                .append(report.summaries().size())
                .append(" strategies.\n\n");
        List<List<String>> rows = summaryRows(report);
        appendMarkdownRow(out, rows.get(0));
        out.append("|---").append("|---:".repeat(HEADERS.size() - 1)).append("|\n");
        rows.subList(1, rows.size()).forEach(row -> appendMarkdownRow(out, row));
        out.append("\n## Cases\n\n");
        appendCases(out, report);
        return out.toString();
    }

    private static void appendCases(StringBuilder out, EvalReport report) {
        List<String> header = new ArrayList<>();
        header.add("case");
        report.summaries().forEach(summary -> header.add(summary.strategy()));
        appendMarkdownRow(out, header);
        out.append("|---".repeat(header.size())).append("|\n");
        Map<String, Map<String, CaseResult>> byCase = new LinkedHashMap<>();
        for (CaseResult result : report.results()) {
            byCase.computeIfAbsent(result.caseId(), id -> new LinkedHashMap<>()).put(result.strategy(), result);
        }
        byCase.forEach((id, results) -> {
            List<String> row = new ArrayList<>();
            row.add(id);
            report.summaries().forEach(summary -> row.add(verdict(results.get(summary.strategy()))));
            appendMarkdownRow(out, row);
        });
    }

    private static String verdict(CaseResult result) {
        if (result == null) {
            return "";
        }
        if (result.failed()) {
            return "error: " + result.error();
        }
        String verdict = result.passed() ? "pass" : "fail";
        return result.reason().isEmpty() ? verdict : verdict + ": " + result.reason();
    }

    private static void appendMarkdownRow(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(markdownCell(cell)).append(" |");
        }
        out.append('\n');
    }

    private static String markdownCell(String text) {
        String line = text.replace("\r", " ").replace("\n", " ");
        if (line.length() > CELL_LIMIT) {
            line = line.substring(0, CELL_LIMIT) + "...";
        }
        return line.replace("|", "\\|");
    }

    private static List<List<String>> summaryRows(EvalReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (StrategySummary s : report.summaries()) {
            rows.add(List.of(
                    s.strategy(),
                    String.format(Locale.ROOT, "%.1f%%", s.accuracy() * 100),
                    s.passed() + "/" + s.cases(),
                    String.valueOf(s.errors()),
                    String.format(Locale.ROOT, "%.2f", s.meanScore()),
                    String.valueOf(s.usage().inputTokens()),
                    String.valueOf(s.usage().outputTokens()),
                    latency(s.medianLatency()),
                    latency(s.p95Latency()),
                    String.valueOf(
                            s.scoringUsage().inputTokens() + s.scoringUsage().outputTokens())));
        }
        return rows;
    }

    private static int caseCount(EvalReport report) {
        return report.summaries().stream()
                .mapToInt(StrategySummary::cases)
                .max()
                .orElse(0);
    }

    static String latency(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
