package dev.ladder.rag.pgvector;

import dev.ladder.rag.Filter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Filter} translated to a SQL condition over the JSONB column {@code metadata}. Keys and
 * values travel only as bind parameters, never in the SQL text.
 *
 * <p>Each comparison first checks the JSON type of the stored value, in a {@code CASE} so that a
 * cast never sees a value of another type: numbers compare as {@code numeric}, strings in the
 * {@code "C"} collation (code point order), booleans as {@code boolean}. A missing key or a value of
 * another type makes the comparison false and never NULL, so {@code NOT} behaves as
 * {@link Filter#test} does.
 *
 * <p>Known shortcoming: no index serves these conditions (there is no GIN index on the metadata), so
 * a filter is checked row by row; on a large table a very selective filter makes the HNSW iterative
 * scan read many rows.
 *
 * @param sql the condition, with one {@code ?} per parameter.
 * @param parameters the values to bind, in order: {@link String}, {@link java.math.BigDecimal} or
 *     {@link Boolean}.
 */
record FilterSql(String sql, List<Object> parameters) {

    FilterSql {
        parameters = List.copyOf(parameters);
    }

    /** Translates {@code filter}. */
    static FilterSql of(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = translate(filter, parameters);
        return new FilterSql(sql, parameters);
    }

    /** Binds the parameters to {@code statement} from position {@code first}; returns the next position. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int position = first;
        for (Object parameter : parameters) {
            statement.setObject(position++, parameter);
        }
        return position;
    }

    private static String translate(Filter filter, List<Object> parameters) {
        if (filter instanceof Filter.All) {
            return "TRUE";
        }
        if (filter instanceof Filter.Compare compare) {
            return compare(compare.key(), compare.op(), compare.value(), parameters);
        }
        if (filter instanceof Filter.In in) {
            List<String> options = new ArrayList<>();
            in.values().forEach(value -> options.add(compare(in.key(), Filter.Op.EQ, value, parameters)));
            return join(options, " OR ", "FALSE");
        }
        if (filter instanceof Filter.And and) {
            return join(translateAll(and.filters(), parameters), " AND ", "TRUE");
        }
        if (filter instanceof Filter.Or or) {
            return join(translateAll(or.filters(), parameters), " OR ", "FALSE");
        }
        Filter.Not not = (Filter.Not) filter;
        return "(NOT " + translate(not.filter(), parameters) + ")";
    }

    private static List<String> translateAll(List<Filter> filters, List<Object> parameters) {
        List<String> parts = new ArrayList<>();
        filters.forEach(filter -> parts.add(translate(filter, parameters)));
        return parts;
    }

    private static String join(List<String> parts, String operator, String whenEmpty) {
        return parts.isEmpty() ? whenEmpty : "(" + String.join(operator, parts) + ")";
    }

    private static String compare(String key, Filter.Op op, Object value, List<Object> parameters) {
        if (op == Filter.Op.NE) {
            return "(NOT " + compare(key, Filter.Op.EQ, value, parameters) + ")";
        }
        String jsonType;
        String stored;
        Object bound;
        if (value instanceof String text) {
            jsonType = "string";
            stored = "(metadata ->> ?::text) COLLATE \"C\"";
            bound = text;
        } else if (value instanceof Boolean flag) {
            jsonType = "boolean";
            stored = "(metadata ->> ?::text)::boolean";
            bound = flag;
        } else {
            jsonType = "number";
            stored = "(metadata ->> ?::text)::numeric";
            bound = Numbers.toDecimal((Number) value, "filter on '" + key + "'");
        }
        parameters.add(key);
        parameters.add(key);
        parameters.add(bound);
        return "(CASE WHEN jsonb_typeof(metadata -> ?::text) = '" + jsonType + "' THEN " + stored + " " + operator(op)
                + " ? ELSE FALSE END)";
    }

    private static String operator(Filter.Op op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
        };
    }
}
