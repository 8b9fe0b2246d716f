package dev.ladder.reflection.sql;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SQL in what a model wrote: the first {@code ```sql} fence, else the first fence of any
 * kind, else the text from the first line that starts a query up to its first semicolon or blank
 * line outside quotes and comments; a trailing semicolon is dropped. Stateless and thread-safe.
 */
public final class SqlExtractor {
    private static final Pattern SQL_FENCE = Pattern.compile(
            "```[ \\t]*(?:sql|sqlite|postgresql|postgres|psql)[ \\t]*\\R(.*?)```",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ANY_FENCE = Pattern.compile("```[^\\n`]*\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern QUERY_START =
            Pattern.compile("^[ \\t]*(SELECT|WITH|VALUES)\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern PROSE_AFTER = Pattern.compile("\\n[ \\t\\r]*\\n");

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
        return rest.substring(0, end(rest));
    }

    /**
     * Returns where the query at the start of {@code sql} ends: after its first ';', or at its first
     * blank line, whichever comes first, looking only outside quotes and comments.
     */
    private static int end(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == ';') {
                return i + 1;
            }
            if (c == '\'' || c == '"' || c == '`') {
                i = closing(sql, i + 1, c);
            } else if (sql.startsWith("--", i)) {
                i = closing(sql, i + 2, '\n');
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else if (c == '\n'
                    && PROSE_AFTER.matcher(sql).region(i, sql.length()).lookingAt()) {
                return i;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Returns the index after the next {@code quote} from {@code from}, or the end of the text. */
    private static int closing(String sql, int from, char quote) {
        int close = sql.indexOf(quote, from);
        return close < 0 ? sql.length() : close + 1;
    }

    private static String trimTerminator(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
