package dev.ladder.reflection.sql;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SQL in what a model wrote: the first {@code ```sql} fence, else the first fence of any
 * kind, else the text from the first line that starts a query; a trailing semicolon is dropped.
 * Stateless and thread-safe.
 */
public final class SqlExtractor {
    private static final Pattern SQL_FENCE = Pattern.compile(
            "```[ \\t]*(?:sql|sqlite|postgresql|postgres|psql)[ \\t]*\\R(.*?)```",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ANY_FENCE = Pattern.compile("```[^\\n`]*\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern QUERY_START =
            Pattern.compile("^[ \\t]*(SELECT|WITH|VALUES)\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern PROSE_AFTER = Pattern.compile("\\R[ \\t]*\\R");

    private SqlExtractor() {}

    /** Returns the SQL found in {@code text}, or empty when there is none. */
    public static Optional<String> extract(String text) {
        String sql = fenced(SQL_FENCE, text);
        if (sql == null) {
            sql = fenced(ANY_FENCE, text);
        }
        if (sql == null) {
            sql = unfenced(text);
        }
        return Optional.ofNullable(sql).map(SqlExtractor::trimTerminator).filter(s -> !s.isEmpty());
    }

    private static String fenced(Pattern fence, String text) {
        Matcher matcher = fence.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String unfenced(String text) {
        Matcher start = QUERY_START.matcher(text);
        if (!start.find()) {
            return null;
        }
        String rest = text.substring(start.start());
        int semicolon = rest.indexOf(';');
        Matcher blank = PROSE_AFTER.matcher(rest);
        int end = blank.find() ? blank.start() : rest.length();
        if (semicolon >= 0 && semicolon < end) {
            end = semicolon + 1;
        }
        return rest.substring(0, end);
    }

    private static String trimTerminator(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
