package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultComparisonTest {

    @Test
    void ignoresRowOrderWhenTheGoldDoesNotOrder() {
        assertThat(ResultComparison.sameResult(result(row("a"), row("b")), result(row("b"), row("a")), false))
                .isTrue();
    }

    @Test
    void respectsRowOrderWhenTheGoldOrders() {
        assertThat(ResultComparison.sameResult(result(row("a"), row("b")), result(row("b"), row("a")), true))
                .isFalse();
    }

    @Test
    void countsDuplicateRows() {
        assertThat(ResultComparison.sameResult(result(row("a"), row("a")), result(row("a"), row("b")), false))
                .isFalse();
    }

    @Test
    void comparesNumbersByValueAcrossTypes() {
        assertThat(ResultComparison.sameResult(
                        result(row(347, 0.99)), result(row(347L, new BigDecimal("0.99000000000000000000"))), false))
                .isTrue();
    }

    @Test
    void tellsNullFromTheWordNull() {
        assertThat(ResultComparison.sameResult(result(row((Object) null)), result(row("null")), false))
                .isFalse();
    }

    @Test
    void findsOrderByOutsideStringsAndComments() {
        assertThat(ResultComparison.orders("SELECT Name FROM Genre ORDER BY Name", SqlDialect.SQLITE))
                .isTrue();
        assertThat(ResultComparison.orders("SELECT 'order by' -- order by\nFROM x", SqlDialect.SQLITE))
                .isFalse();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static QueryResult result(List<Object> first, List<Object> second) {
        return new QueryResult("SELECT", first.stream().map(value -> "c").toList(), List.of(first, second), false);
    }

    private static QueryResult result(List<Object> only) {
        return new QueryResult("SELECT", only.stream().map(value -> "c").toList(), List.of(only), false);
    }
}
