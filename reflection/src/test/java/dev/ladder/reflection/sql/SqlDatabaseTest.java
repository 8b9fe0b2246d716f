package dev.ladder.reflection.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlDatabaseTest {
    @TempDir
    static Path dir;

    static Path file;
    static SqlDatabase database;

    @BeforeAll
    static void copyChinook() {
        file = Chinook.copy(dir);
        database = SqlDatabase.sqlite(file);
    }

    @Test
    void returnsColumnsAndRows() {
        QueryResult result = database.query("SELECT GenreId, Name FROM Genre WHERE GenreId <= 2 ORDER BY GenreId");

        assertThat(result.columns()).containsExactly("GenreId", "Name");
        assertThat(result.rows()).containsExactly(List.of(1, "Rock"), List.of(2, "Jazz"));
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void capsRowsAndSaysSo() {
        SqlDatabase capped = SqlDatabase.builder(SqlDialect.SQLITE, ConnectionSource.sqliteReadOnly(file))
                .maxRows(10)
                .build();

        QueryResult result = capped.query("SELECT TrackId FROM Track");

        assertThat(result.rows()).hasSize(10);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void keepsNullValues() {
        QueryResult result = database.query("SELECT Company FROM Customer WHERE CustomerId = 2");

        assertThat(result.rows()).containsExactly(java.util.Arrays.asList((Object) null));
    }

    @Test
    void passesTheDatabaseErrorThrough() {
        assertThatThrownBy(() -> database.query("SELECT count(*) FROM albums"))
                .isInstanceOf(SqlExecutionException.class)
                .hasMessage("[SQLITE_ERROR] SQL error or missing database (no such table: albums)");
    }

    @Test
    void statementTimeoutInterruptsALongQuery() {
        SqlDatabase impatient = SqlDatabase.builder(SqlDialect.SQLITE, ConnectionSource.sqliteReadOnly(file))
                .statementTimeout(Duration.ofMillis(300))
                .build();

        assertThatThrownBy(() -> impatient.query("SELECT count(*) FROM Track a, Track b, Track c"))
                .isInstanceOf(SqlExecutionException.class)
                .hasMessage("[SQLITE_INTERRUPT] Operation terminated by sqlite3_interrupt() (interrupted)");
    }

    @Test
    void refusesAMissingSqliteFile() {
        Path missing = dir.resolve("missing.sqlite");

        assertThatThrownBy(() -> SqlDatabase.sqlite(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SQLite database " + missing.toAbsolutePath()
                        + " does not exist or is not a file: pass the path of an existing database file");
    }

    @Test
    void describesColumnsTypesAndKeys() {
        String description = database.describe(new SchemaOptions(name -> name.equals("Album"), 0));

        assertThat(description)
                .isEqualTo("Album(AlbumId INTEGER PRIMARY KEY, Title NVARCHAR(160), ArtistId INTEGER REFERENCES"
                        + " Artist(ArtistId))\n");
    }

    @Test
    void describesCompositeKeys() {
        String description = database.describe(new SchemaOptions(name -> name.equals("PlaylistTrack"), 0));

        assertThat(description)
                .isEqualTo("PlaylistTrack(PlaylistId INTEGER REFERENCES Playlist(PlaylistId), TrackId INTEGER"
                        + " REFERENCES Track(TrackId), PRIMARY KEY (PlaylistId, TrackId))\n");
    }

    @Test
    void describesSampleRows() {
        String description = database.describe(new SchemaOptions(name -> name.equals("Genre"), 2));

        assertThat(description)
                .isEqualTo("Genre(GenreId INTEGER PRIMARY KEY, Name NVARCHAR(120))\n"
                        + "  sample rows: (1, 'Rock'); (2, 'Jazz')\n");
    }

    @Test
    void describesEveryTableByDefault() {
        String description = database.describe(SchemaOptions.ALL_TABLES);

        assertThat(description.lines().map(line -> line.substring(0, line.indexOf('('))))
                .containsExactly(
                        "Album",
                        "Artist",
                        "Customer",
                        "Employee",
                        "Genre",
                        "Invoice",
                        "InvoiceLine",
                        "MediaType",
                        "Playlist",
                        "PlaylistTrack",
                        "Track");
    }
}
