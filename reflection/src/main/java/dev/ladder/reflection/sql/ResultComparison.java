package dev.ladder.reflection.sql;

import dev.ladder.reflection.sql.SqlLexer.Kind;
import dev.ladder.reflection.sql.SqlLexer.LexException;
import dev.ladder.reflection.sql.SqlLexer.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares result sets the way execution accuracy is scored: same column count and the same rows,
 * as a multiset unless the gold query orders its rows. Numbers compare by value (to 4 decimal
 * places, so that SQLite doubles and PostgreSQL numerics agree); column names are ignored.
 */
final class ResultComparison {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ResultComparison() {}

    static boolean sameResult(QueryResult gold, QueryResult predicted, boolean ordered) {
        if (gold.columns().size() != predicted.columns().size()
                || gold.rows().size() != predicted.rows().size()) {
            return false;
        }
        List<String> expected = keys(gold);
        List<String> actual = keys(predicted);
        if (!ordered) {
            expected.sort(null);
            actual.sort(null);
        }
        return expected.equals(actual);
    }

    /** Returns true if {@code sql} has an ORDER BY clause, in which case row order matters. */
    static boolean orders(String sql, SqlDialect dialect) {
        try {
            List<Token> tokens = SqlLexer.tokenize(sql, dialect);
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (isWord(tokens.get(i), "order") && isWord(tokens.get(i + 1), "by")) {
                    return true;
                }
            }
            return false;
        } catch (LexException e) {
            return false;
        }
    }

    private static boolean isWord(Token token, String word) {
        return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(word);
    }

    private static List<String> keys(QueryResult result) {
        List<String> keys = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            StringBuilder key = new StringBuilder();
            for (Object value : row) {
                key.append(normalize(value)).append('\u0001');
            }
            keys.add(key.toString());
        }
        return keys;
    }

    private static String normalize(Object value) {
        if (value == null) {
            return "\u0000null";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return value.toString();
            }
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString()).setScale(4, RoundingMode.HALF_UP);
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Timestamp timestamp) {
            return TIMESTAMP.format(timestamp.toLocalDateTime());
        }
        return value.toString();
    }
}
