package dev.ladder.examples;

import dev.ladder.agent.tool.ToolMethod;
import dev.ladder.core.schema.Description;
import dev.ladder.reflection.sql.QueryResult;
import dev.ladder.reflection.sql.SqlDatabase;
import java.util.Objects;

/**
 * The tool the demo's agent may call: read-only SQL over the Chinook music store, behind both of
 * {@link SqlDatabase}'s safety walls. A refused or failing query becomes an error result the model
 * reads and can correct. Thread-safe.
 */
public final class ChinookTools {
    private final SqlDatabase chinook;

    /** Creates the tools over {@code chinook}. */
    public ChinookTools(SqlDatabase chinook) {
        this.chinook = Objects.requireNonNull(chinook, "chinook");
    }

    /** Runs {@code sql} and returns its rows as a text table. */
    @ToolMethod(
            name = "run_query",
            value = "Runs one read-only SQLite query on the Chinook music store database and returns the rows"
                    + " as a text table (at most 200 rows).")
    public String runQuery(@Description("A single SQLite SELECT statement.") String sql) {
        QueryResult result = chinook.query(sql);
        Table table = Table.withMaxWidth(60, result.columns());
        result.rows().forEach(table::row);
        return table.render() + (result.truncated() ? "(more rows were cut off)\n" : "");
    }
}
