package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlExtractorTest {

    @Test
    void takesTheSqlFenceAndDropsTheSemicolon() {
        String answer = "Here is the query:\n\n```sql\nSELECT count(*)\nFROM Album;\n```\n\nIt counts albums.";

        assertThat(SqlExtractor.extract(answer)).contains("SELECT count(*)\nFROM Album");
    }

    @Test
    void prefersTheSqlFenceOverAnEarlierOtherFence() {
        String answer = "Schema:\n```text\nAlbum(AlbumId)\n```\nQuery:\n```SQL\nSELECT 1\n```";

        assertThat(SqlExtractor.extract(answer)).contains("SELECT 1");
    }

    @Test
    void takesAnUnlabelledFence() {
        assertThat(SqlExtractor.extract("```\nSELECT Name FROM Genre\n```")).contains("SELECT Name FROM Genre");
    }

    @Test
    void takesAQueryFromProseUpToItsSemicolon() {
        String answer = "The answer is\nSELECT Name\n  FROM Genre; this lists the genres.";

        assertThat(SqlExtractor.extract(answer)).contains("SELECT Name\n  FROM Genre");
    }

    @Test
    void takesAQueryFromProseUpToABlankLine() {
        String answer = "WITH t AS (SELECT 1 AS x)\nSELECT x FROM t\n\nThat query returns one.";

        assertThat(SqlExtractor.extract(answer)).contains("WITH t AS (SELECT 1 AS x)\nSELECT x FROM t");
    }

    @Test
    void keepsASemicolonInsideAStringOfAQueryInProse() {
        String answer = "Try this:\nSELECT Title FROM Album WHERE Title LIKE '%;%'; it finds titles with a semicolon.";

        assertThat(SqlExtractor.extract(answer)).contains("SELECT Title FROM Album WHERE Title LIKE '%;%'");
    }

    @Test
    void keepsSemicolonsAndBlankLinesInsideQuotesAndComments() {
        String answer = "SELECT \"a;b\" -- one; two\n  /* three;\n\n four */ FROM t WHERE x = 'y\n\nz';\nDone.";

        assertThat(SqlExtractor.extract(answer))
                .contains("SELECT \"a;b\" -- one; two\n  /* three;\n\n four */ FROM t WHERE x = 'y\n\nz'");
    }

    @Test
    void findsNothingInPlainProse() {
        assertThat(SqlExtractor.extract("I cannot answer that from this schema."))
                .isEmpty();
    }

    @Test
    void findsNothingInAnEmptyFence() {
        assertThat(SqlExtractor.extract("```sql\n;\n```")).isEmpty();
    }
}
