package dev.ladder.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text table for the console: a header, a rule, and rows whose columns are padded to the widest
 * cell. Cells longer than the column limit are cut with {@code ...}; line breaks in a cell become
 * spaces. Not thread-safe.
 */
final class Table {
    private static final int MAX_WIDTH = 72;

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final int maxWidth;

    private Table(List<String> header, int maxWidth) {
        this.header = List.copyOf(header);
        this.maxWidth = maxWidth;
    }

    /** Returns an empty table with these column names, cells cut at 72 characters. */
    static Table of(String... header) {
        return new Table(Arrays.asList(header), MAX_WIDTH);
    }

    /** Returns an empty table with these column names, cells cut at {@code maxWidth} characters. */
    static Table withMaxWidth(int maxWidth, List<String> header) {
        return new Table(header, maxWidth);
    }

    /** Adds a row; values are shown with {@link String#valueOf(Object)}, null as {@code NULL}. */
    Table row(Object... values) {
        return row(Arrays.asList(values));
    }

    /** Adds a row of as many values as there are columns. */
    Table row(List<?> values) {
        if (values.size() != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + values.size() + " values for " + header.size() + " columns: " + values);
        }
        rows.add(values.stream().map(this::cell).toList());
        return this;
    }

    /** Returns the table, every line indented by two spaces and ended by a line break. */
    String render() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private String cell(Object value) {
        String text = Objects.toString(value, "NULL").replaceAll("\\s*\\R\\s*", " ");
        return text.length() <= maxWidth ? text : text.substring(0, maxWidth - 3) + "...";
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(" | ");
            }
            line.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
