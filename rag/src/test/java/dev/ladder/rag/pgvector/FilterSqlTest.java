package dev.ladder.rag.pgvector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.rag.Filter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterSqlTest {

    @Test
    void comparisonChecksTheJsonTypeBeforeCastingAndBindsKeyAndValue() {
        FilterSql sql = FilterSql.of(Filter.gt("year", 2020));

        assertThat(sql.sql())
                .isEqualTo("(CASE WHEN jsonb_typeof(metadata -> ?::text) = 'number'"
                        + " THEN (metadata ->> ?::text)::numeric > ? ELSE FALSE END)");
        assertThat(sql.parameters()).containsExactly("year", "year", BigDecimal.valueOf(2020));
    }

    @Test
    void stringsCompareInTheCCollation() {
        assertThat(FilterSql.of(Filter.lte("name", "m")).sql())
                .isEqualTo("(CASE WHEN jsonb_typeof(metadata -> ?::text) = 'string'"
                        + " THEN (metadata ->> ?::text) COLLATE \"C\" <= ? ELSE FALSE END)");
    }

    @Test
    void notEqualIsTheNegationOfEqual() {
        FilterSql sql = FilterSql.of(Filter.ne("draft", true));

        assertThat(sql.sql())
                .isEqualTo("(NOT (CASE WHEN jsonb_typeof(metadata -> ?::text) = 'boolean'"
                        + " THEN (metadata ->> ?::text)::boolean = ? ELSE FALSE END))");
        assertThat(sql.parameters()).containsExactly("draft", "draft", true);
    }

    @Test
    void emptyInMatchesNothingAndEmptyAndMatchesEverything() {
        assertThat(FilterSql.of(Filter.in("lang", List.of())).sql()).isEqualTo("FALSE");
        assertThat(FilterSql.of(Filter.and()).sql()).isEqualTo("TRUE");
        assertThat(FilterSql.of(Filter.or()).sql()).isEqualTo("FALSE");
    }

    @Test
    void nestedFiltersKeepParametersInSqlOrder() {
        FilterSql sql = FilterSql.of(Filter.or(Filter.eq("a", "x"), Filter.not(Filter.in("b", List.of(1, 2.5)))));

        assertThat(sql.parameters())
                .containsExactly("a", "a", "x", "b", "b", BigDecimal.valueOf(1), "b", "b", new BigDecimal("2.5"));
        assertThat(sql.sql()).doesNotContain("'x'").startsWith("((CASE").contains(" OR (NOT ((CASE");
    }

    @Test
    void nonFiniteNumberIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> FilterSql.of(Filter.gt("score", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filter on 'score' is NaN: PostgreSQL stores only finite numbers, use a finite value");
    }
}
