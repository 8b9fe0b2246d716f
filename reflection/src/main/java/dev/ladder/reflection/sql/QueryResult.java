package dev.ladder.reflection.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows a query returned, as the JDBC driver typed them.
 *
 * @param sql the statement that ran.
 * @param columns the column labels, in order.
 * @param rows the rows, at most the database's row cap; values may be null.
 * @param truncated true when the query returned more rows than the cap and the rest were dropped.
 */
public record QueryResult(String sql, List<String> columns, List<List<Object>> rows, boolean truncated) {

    public QueryResult {
        Objects.requireNonNull(sql, "sql");
        columns = List.copyOf(columns);
        List<List<Object>> copies = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row has " + row.size() + " values but there are " + columns.size() + " columns");
            }
            copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copies);
    }

    /** Returns true if the query returned no rows. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
