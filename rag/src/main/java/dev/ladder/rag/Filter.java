package dev.ladder.rag;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A condition on chunk metadata, for filtered search. Stores translate it to their own query
 * language (SQL over JSONB, OpenSearch bool queries) or evaluate it with {@link #test}.
 *
 * <p>Comparisons follow JSON: numbers compare as numbers whatever their Java type, strings compare
 * lexicographically, and a comparison with a missing key is false.
 */
public sealed interface Filter {

    /** Passes every chunk. */
    Filter ALL = new All();

    /** Returns true if {@code metadata} satisfies this filter. */
    boolean test(Map<String, Object> metadata);

    static Filter eq(String key, Object value) {
        return new Compare(key, Op.EQ, value);
    }

    static Filter ne(String key, Object value) {
        return new Compare(key, Op.NE, value);
    }

    static Filter gt(String key, Object value) {
        return new Compare(key, Op.GT, value);
    }

    static Filter gte(String key, Object value) {
        return new Compare(key, Op.GTE, value);
    }

    static Filter lt(String key, Object value) {
        return new Compare(key, Op.LT, value);
    }

    static Filter lte(String key, Object value) {
        return new Compare(key, Op.LTE, value);
    }

    /** Passes when the value of {@code key} equals one of {@code values}. */
    static Filter in(String key, List<?> values) {
        return new In(key, List.copyOf(values));
    }

    static Filter and(Filter... filters) {
        return new And(List.of(filters));
    }

    static Filter or(Filter... filters) {
        return new Or(List.of(filters));
    }

    static Filter not(Filter filter) {
        return new Not(filter);
    }

    /** Comparison operators. */
    enum Op {
        EQ,
        NE,
        GT,
        GTE,
        LT,
        LTE
    }

    /** Passes everything. */
    record All() implements Filter {
        @Override
        public boolean test(Map<String, Object> metadata) {
            return true;
        }
    }

    /** Compares the value under {@code key} with {@code value}. */
    record Compare(String key, Op op, Object value) implements Filter {
        public Compare {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(op, "op");
            checkScalar(key, value);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            Object actual = metadata.get(key);
            if (actual == null) {
                return op == Op.NE;
            }
            Integer order = compare(actual, value);
            if (order == null) {
                return op == Op.NE;
            }
            return switch (op) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case GT -> order > 0;
                case GTE -> order >= 0;
                case LT -> order < 0;
                case LTE -> order <= 0;
            };
        }
    }

    /** Passes when the value under {@code key} equals one of {@code values}. */
    record In(String key, List<Object> values) implements Filter {
        public In {
            Objects.requireNonNull(key, "key");
            values.forEach(v -> checkScalar(key, v));
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            Object actual = metadata.get(key);
            return actual != null
                    && values.stream().anyMatch(v -> Integer.valueOf(0).equals(compare(actual, v)));
        }
    }

    /** Passes when every filter passes. */
    record And(List<Filter> filters) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return filters.stream().allMatch(f -> f.test(metadata));
        }
    }

    /** Passes when any filter passes. */
    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return filters.stream().anyMatch(f -> f.test(metadata));
        }
    }

    /** Passes when {@code filter} does not. */
    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return !filter.test(metadata);
        }
    }

    private static void checkScalar(String key, Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("filter on '" + key + "' compares with "
                    + (value == null ? "null" : value.getClass().getName())
                    + ": use a String, a Number or a Boolean");
        }
    }

    /** Returns the order of {@code a} against {@code b}, or null when their types do not compare. */
    private static Integer compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return null;
    }
}
