package dev.ladder.reflection.sql;

import dev.ladder.reflection.sql.SqlLexer.Kind;
import dev.ladder.reflection.sql.SqlLexer.LexException;
import dev.ladder.reflection.sql.SqlLexer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The first safety wall: admits only a single read-only query and refuses everything else before it
 * reaches the database.
 *
 * <p>The statement is tokenized as the database would read it, comments removed, so keywords hidden
 * in comments or string literals neither pass nor trip the check. It is refused when it holds more
 * than one statement, does not begin with {@code SELECT}, {@code WITH} or {@code VALUES}, contains a
 * keyword that writes or changes the session ({@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code INTO}, {@code DROP}, {@code PRAGMA}, {@code SET}...) anywhere outside a literal, or calls a
 * function with side effects ({@code set_config}, {@code nextval}, {@code load_extension},
 * {@code pg_read_file}...). Constructs the check does not model (dollar quotes, escape strings,
 * unterminated literals) are refused too. A table or column named like a refused keyword must be
 * written as a quoted identifier.
 *
 * <p>PostgreSQL string literals are read with {@code standard_conforming_strings} on (the server's
 * default since 9.1, and what {@link SqlDatabase} sets for every query), where a backslash is a plain
 * character. The check is deliberately stricter than needed; the second wall, a read-only
 * connection, stops what it might miss. Stateless and thread-safe.
 */
public final class ReadOnlyQueryCheck {
    private static final Set<String> FIRST_WORDS = Set.of("select", "with", "values");

    /** Words that write or change the session; a statement after a ';' is refused on its own. */
    private static final Set<String> REFUSED_WORDS = Set.of(
            "insert",
            "update",
            "delete",
            "merge",
            "upsert",
            "replace",
            "into",
            "drop",
            "alter",
            "create",
            "truncate",
            "attach",
            "detach",
            "pragma",
            "vacuum",
            "reindex",
            "grant",
            "revoke",
            "copy",
            "set",
            "call",
            "execute",
            "lock",
            "begin",
            "commit",
            "rollback",
            "savepoint");

    private static final Set<String> REFUSED_FUNCTIONS = Set.of(
            "load_extension",
            "writefile",
            "readfile",
            "fts3_tokenizer",
            "edit",
            "set_config",
            "nextval",
            "setval",
            "currval",
            "lastval",
            "pg_read_file",
            "pg_read_binary_file",
            "pg_ls_dir",
            "pg_stat_file",
            "lo_import",
            "lo_export",
            "lo_unlink",
            "lo_create",
            "lo_creat",
            "lo_from_bytea",
            "lo_put",
            "dblink",
            "dblink_exec",
            "dblink_connect",
            "pg_terminate_backend",
            "pg_cancel_backend",
            "pg_reload_conf",
            "pg_rotate_logfile",
            "pg_switch_wal",
            "pg_create_restore_point",
            "pg_promote",
            "pg_logical_emit_message",
            "pg_sleep",
            "pg_sleep_for",
            "pg_sleep_until",
            "txid_current",
            "pg_current_xact_id",
            "pg_notify",
            "query_to_xml",
            "query_to_xmlschema",
            "table_to_xml",
            "cursor_to_xml",
            "pg_file_write",
            "pg_file_unlink",
            "pg_file_rename");

    private ReadOnlyQueryCheck() {}

    /**
     * Returns normally when {@code sql} is a single read-only query in {@code dialect}.
     *
     * @throws SqlRejectedException naming what was refused and where, when it is not.
     */
    public static void requireReadOnlyQuery(String sql, SqlDialect dialect) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(dialect, "dialect");
        String reason = refusal(sql, dialect);
        if (reason != null) {
            throw new SqlRejectedException(sql, reason);
        }
    }

    private static String refusal(String sql, SqlDialect dialect) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(sql, dialect);
        } catch (LexException e) {
            return e.getMessage();
        }
        if (tokens.isEmpty() || tokens.get(0).kind() == Kind.SEMICOLON) {
            return "the statement is empty";
        }
        String shape = shapeRefusal(tokens);
        return shape != null ? shape : wordRefusal(tokens);
    }

    private static String shapeRefusal(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.SEMICOLON && i < tokens.size() - 1) {
                return "more than one statement (a ';' at position "
                        + tokens.get(i).start() + " is followed by more SQL)";
            }
        }
        Token first = tokens.stream()
                .filter(t -> !(t.kind() == Kind.SYMBOL && t.text().equals("(")))
                .findFirst()
                .orElse(tokens.get(0));
        if (first.kind() != Kind.WORD || !FIRST_WORDS.contains(lower(first))) {
            return "the statement begins with '" + first.text() + "', not SELECT, WITH or VALUES";
        }
        return null;
    }

    private static String wordRefusal(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean call = i + 1 < tokens.size()
                    && tokens.get(i + 1).text().equals("(")
                    && tokens.get(i + 1).kind() == Kind.SYMBOL;
            boolean name = token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_IDENTIFIER;
            if (name && call && REFUSED_FUNCTIONS.contains(lower(token))) {
                return "it calls " + token.text() + "(), which has side effects, at position " + token.start();
            }
            if (token.kind() == Kind.WORD && REFUSED_WORDS.contains(lower(token)) && !(call && isFunction(token))) {
                return "it contains the keyword " + token.text().toUpperCase(Locale.ROOT) + " at position "
                        + token.start() + " (quote it as an identifier if it names a table or column)";
            }
        }
        return null;
    }

    /** REPLACE is also a string function in both dialects; called as one it does not write. */
    private static boolean isFunction(Token token) {
        return lower(token).equals("replace");
    }

    private static String lower(Token token) {
        return token.text().toLowerCase(Locale.ROOT);
    }
}
