package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyQueryCheckTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT count(*) FROM Album",
                "select Name from Genre;",
                "WITH t AS (SELECT * FROM Track) SELECT Name FROM t ORDER BY Name",
                "VALUES (1, 2)",
                "(SELECT 1) UNION (SELECT 2)",
                "SELECT 'DROP TABLE Album; DELETE FROM Genre' AS joke",
                "SELECT 1 -- DELETE FROM Genre",
                "SELECT /* UPDATE Track SET UnitPrice = 0 */ Name FROM Track",
                "SELECT \"Update\", \"Set\" FROM \"Insert\"",
                "SELECT replace(Name, 'a', 'b') FROM Artist",
                "SELECT Title FROM Album WHERE Title LIKE '%;%'",
                "SELECT 'it''s'"
            })
    void admitsReadOnlyQuery(String sql) {
        assertThatCode(() -> ReadOnlyQueryCheck.requireReadOnlyQuery(sql, SqlDialect.SQLITE))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void admitsBothDialectsQuoting(SqlDialect dialect) {
        assertThatCode(() -> ReadOnlyQueryCheck.requireReadOnlyQuery(
                        "SELECT \"Name\" FROM \"Genre\" WHERE \"Name\" <> 'x'", dialect))
                .doesNotThrowAnyException();
    }

    @Test
    void namesTheSecondStatementInItsMessage() {
        assertThatThrownBy(
                        () -> ReadOnlyQueryCheck.requireReadOnlyQuery("SELECT 1; DROP TABLE Album", SqlDialect.SQLITE))
                .isInstanceOf(SqlRejectedException.class)
                .hasMessage("refused to run the statement: more than one statement (a ';' at position 8 is followed"
                        + " by more SQL); only a single read-only query (SELECT, WITH ... SELECT or VALUES) may run");
    }

    @Test
    void namesTheFirstWordWhenTheStatementIsNotAQuery() {
        assertThatThrownBy(
                        () -> ReadOnlyQueryCheck.requireReadOnlyQuery("/* hi */ DELETE FROM Genre", SqlDialect.SQLITE))
                .isInstanceOf(SqlRejectedException.class)
                .extracting(e -> ((SqlRejectedException) e).reason())
                .isEqualTo("the statement begins with 'DELETE', not SELECT, WITH or VALUES");
    }

    @Test
    void namesAWritingKeywordInsideAQuery() {
        assertThatThrownBy(() -> ReadOnlyQueryCheck.requireReadOnlyQuery(
                        "WITH gone AS (DELETE FROM Genre RETURNING *) SELECT * FROM gone", SqlDialect.POSTGRESQL))
                .extracting(e -> ((SqlRejectedException) e).reason())
                .isEqualTo("it contains the keyword DELETE at position 14 (quote it as an identifier if it names a"
                        + " table or column)");
    }

    @Test
    void namesAFunctionWithSideEffects() {
        assertThatThrownBy(() -> ReadOnlyQueryCheck.requireReadOnlyQuery(
                        "SELECT set_config('search_path', 'public', false)", SqlDialect.POSTGRESQL))
                .extracting(e -> ((SqlRejectedException) e).reason())
                .isEqualTo("it calls set_config(), which has side effects, at position 7");
    }

    @Test
    void followsPostgresNestedCommentsToFindHiddenStatement() {
        assertThatThrownBy(() -> ReadOnlyQueryCheck.requireReadOnlyQuery(
                        "SELECT /* /* */ ' */ DROP TABLE genre; -- '", SqlDialect.POSTGRESQL))
                .extracting(e -> ((SqlRejectedException) e).reason())
                .isEqualTo("it contains the keyword DROP at position 21 (quote it as an identifier if it names a"
                        + " table or column)");
    }

    @Test
    void readsSqliteNonNestedCommentAsTheDatabaseDoes() {
        assertThatCode(() -> ReadOnlyQueryCheck.requireReadOnlyQuery(
                        "SELECT /* /* */ ' */ DROP TABLE genre; -- '", SqlDialect.SQLITE))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesEscapeStringItCannotReadSafely() {
        assertThatThrownBy(() -> ReadOnlyQueryCheck.requireReadOnlyQuery(
                        "SELECT E'\\''; DROP TABLE genre; --'", SqlDialect.POSTGRESQL))
                .extracting(e -> ((SqlRejectedException) e).reason())
                .isEqualTo("escape string literal E'...' at position 7 is not supported: use a plain '...' string"
                        + " literal");
    }

    @Test
    void refusesUnterminatedStringLiteral() {
        assertThatThrownBy(() -> ReadOnlyQueryCheck.requireReadOnlyQuery("SELECT 'oops", SqlDialect.SQLITE))
                .extracting(e -> ((SqlRejectedException) e).reason())
                .isEqualTo("unterminated string literal starting at position 7");
    }
}
