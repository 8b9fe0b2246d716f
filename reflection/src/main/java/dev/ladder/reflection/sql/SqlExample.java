package dev.ladder.reflection.sql;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.ladder.reflection.sql.SqlLexer.Kind;
import dev.ladder.reflection.sql.SqlLexer.LexException;
import dev.ladder.reflection.sql.SqlLexer.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A question with the SQL that answers it, for measuring execution accuracy.
 *
 * @param question the question in natural language.
 * @param goldSql a query whose result is the right answer.
 */
public record SqlExample(String question, String goldSql) {

    public SqlExample {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(goldSql, "goldSql");
    }

    /**
     * Reads examples from a Spider question file: a JSON array of objects with {@code question} and
     * {@code query}, such as {@code chinook_1_train_questions.json}. Spider's gold SQL writes string
     * literals in double quotes, which SQLite accepts; for {@link SqlDialect#POSTGRESQL} they are
     * rewritten as single-quoted literals, since PostgreSQL reads double quotes as identifiers.
     *
     * @throws UncheckedIOException when the file cannot be read.
     * @throws IllegalArgumentException when it is not such a JSON array, naming the bad entry.
     */
    public static List<SqlExample> readSpider(Path file, SqlDialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        List<Map<String, Object>> records = records(file);
        List<SqlExample> examples = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Object question = records.get(i).get("question");
            Object query = records.get(i).get("query");
            if (!(question instanceof String q) || !(query instanceof String sql)) {
                throw new IllegalArgumentException("entry " + i + " of " + file
                        + " lacks the string fields \"question\" and \"query\": is this a Spider question file?");
            }
            examples.add(new SqlExample(q, dialect == SqlDialect.POSTGRESQL ? singleQuoted(sql) : sql));
        }
        return examples;
    }

    private static List<Map<String, Object>> records(Path file) {
        JsonAdapter<List<Map<String, Object>>> adapter = new Moshi.Builder()
                .build()
                .adapter(Types.newParameterizedType(
                        List.class, Types.newParameterizedType(Map.class, String.class, Object.class)));
        try {
            List<Map<String, Object>> records = adapter.fromJson(Files.readString(file));
            if (records == null) {
                throw new IllegalArgumentException(file + " holds JSON null, not an array of Spider questions");
            }
            return records;
        } catch (JsonDataException e) {
            throw new IllegalArgumentException(file + " is not a JSON array of Spider questions: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read Spider questions from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites double-quoted tokens as single-quoted string literals. */
    static String singleQuoted(String sql) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(sql, SqlDialect.SQLITE);
        } catch (LexException e) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Token token : tokens) {
            if (token.kind() == Kind.QUOTED_IDENTIFIER && sql.charAt(token.start()) == '"') {
                out.append(sql, copied, token.start())
                        .append('\'')
                        .append(token.text().replace("'", "''"))
                        .append('\'');
                copied = token.end();
            }
        }
        return out.append(sql.substring(copied)).toString();
    }
}
