package dev.ladder.reflection.sql;

import java.util.ArrayList;
import java.util.List;

/** Statements that try to write, change the session or escape the query, for both safety walls. */
final class HostileStatements {
    private HostileStatements() {}

    /** Hostile in both dialects, and refused by the check in both. */
    static final List<String> COMMON = List.of(
            "INSERT INTO Genre (GenreId, Name) VALUES (100, 'Polka')",
            "insert into genre select GenreId + 100, Name from genre",
            "UPDATE Track SET UnitPrice = 0",
            "DELETE FROM InvoiceLine",
            "DROP TABLE Album",
            "DROP VIEW IF EXISTS anything",
            "ALTER TABLE Artist ADD COLUMN Hacked TEXT",
            "ALTER TABLE Artist RENAME TO Painter",
            "CREATE TABLE Loot AS SELECT * FROM Customer",
            "CREATE INDEX ix_track_name ON Track (Name)",
            "CREATE VIEW v AS SELECT 1",
            "TRUNCATE TABLE Genre",
            "REPLACE INTO Genre (GenreId, Name) VALUES (1, 'Polka')",
            "INSERT INTO Genre (GenreId, Name) VALUES (1, 'Polka') ON CONFLICT (GenreId) DO UPDATE SET Name = 'Polka'",
            "SELECT 1; DROP TABLE Album",
            "SELECT * FROM Album; DELETE FROM Album",
            "SELECT 1;\n\nDROP TABLE Genre;",
            "SELECT 1 /* harmless */; DELETE FROM Genre",
            "/* SELECT */ DELETE FROM Genre",
            "-- SELECT * FROM Genre\nDELETE FROM Genre",
            "SELECT 'x'; DELETE FROM Genre; --'",
            "SELECT 'it''s'; DROP TABLE Genre; --",
            "SELECT \"Name\" FROM Genre; DROP TABLE Genre",
            "SELECT 'unterminated; DROP TABLE Genre",
            "SELECT 1 /* unterminated comment; DROP TABLE Genre",
            "WITH gone AS (DELETE FROM Genre RETURNING *) SELECT * FROM gone",
            "WITH x AS (SELECT 1) INSERT INTO Genre (GenreId, Name) VALUES (101, 'Polka')",
            "WITH x AS (SELECT 1) UPDATE Genre SET Name = 'Polka'",
            "SELECT * INTO Loot FROM Customer",
            "SELECT * FROM Genre FOR UPDATE",
            "BEGIN; DELETE FROM Genre; COMMIT",
            "COMMIT; DROP TABLE Genre",
            "ROLLBACK",
            "SAVEPOINT s1",
            "GRANT ALL ON Genre TO PUBLIC",
            "REVOKE SELECT ON Genre FROM PUBLIC",
            "CREATE TRIGGER t AFTER INSERT ON Genre BEGIN DELETE FROM Track; END",
            "SELECT $$x$$; DROP TABLE Genre; --",
            "SELECT E'\\''; DROP TABLE Genre; --'",
            "SELECT e'\\'' ; DELETE FROM Genre; --'",
            "EXPLAIN ANALYZE DELETE FROM Genre",
            "",
            "   \n  ",
            ";",
            "-- only a comment");

    /** SQLite's own writes: attached files, pragmas, maintenance and extensions. */
    static final List<String> SQLITE = List.of(
            "ATTACH DATABASE 'stolen.db' AS evil",
            "DETACH DATABASE main",
            "PRAGMA user_version = 7",
            "PRAGMA journal_mode = DELETE",
            "PRAGMA writable_schema = ON",
            "PRAGMA query_only = OFF",
            "pragma foreign_keys=off",
            "VACUUM",
            "VACUUM INTO 'stolen.db'",
            "REINDEX",
            "ANALYZE",
            "SELECT load_extension('evil.so')",
            "SELECT [x]; DROP TABLE Genre; --]",
            "SELECT `a`; DROP TABLE Genre",
            "INSERT OR REPLACE INTO Genre (GenreId, Name) VALUES (1, 'Polka')",
            "SELECT * FROM Genre; PRAGMA query_only = OFF; DELETE FROM Genre");

    /** PostgreSQL's own writes and session changes. */
    static final List<String> POSTGRESQL = List.of(
            "COPY genre TO '/tmp/genre.csv'",
            "COPY genre FROM STDIN",
            "COPY (SELECT * FROM customer) TO PROGRAM 'cat'",
            "SET default_transaction_read_only = off",
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
            "SET ROLE postgres",
            "RESET ALL",
            "SELECT set_config('default_transaction_read_only', 'off', false)",
            "SELECT pg_catalog.set_config('search_path', 'public', false)",
            "SELECT \"set_config\"('search_path', 'public', false)",
            "SELECT nextval('genre_seq')",
            "SELECT setval('genre_seq', 1)",
            "SELECT pg_sleep(60)",
            "SELECT pg_read_file('/etc/passwd')",
            "SELECT lo_import('/etc/passwd')",
            "SELECT dblink_exec('dbname=ladder', 'DROP TABLE genre')",
            "SELECT pg_terminate_backend(1)",
            "SELECT /* /* */ ' */ DROP TABLE genre; -- '",
            "DO $$ BEGIN DELETE FROM genre; END $$",
            "LOCK TABLE genre",
            "MERGE INTO genre g USING genre s ON g.genreid = s.genreid WHEN MATCHED THEN DELETE",
            "CALL do_harm()",
            "PREPARE harm AS DELETE FROM genre",
            "EXECUTE harm",
            "CREATE FUNCTION harm() RETURNS void AS 'DELETE FROM genre' LANGUAGE sql",
            "SELECT 1; COMMIT; SET default_transaction_read_only = off; DROP TABLE genre",
            "COMMIT; DELETE FROM {schema}.playlisttrack",
            "SELECT 1; COMMIT; CREATE TABLE {schema}.loot AS SELECT 1",
            "ROLLBACK; SET TRANSACTION READ WRITE; DELETE FROM {schema}.invoiceline",
            "END; DELETE FROM {schema}.invoiceline",
            "ABORT; UPDATE {schema}.track SET unitprice = 0",
            "SELECT 'a\\'; DELETE FROM {schema}.genre; --'",
            "SET standard_conforming_strings = off",
            "VACUUM FULL genre",
            "CLUSTER genre",
            "REFRESH MATERIALIZED VIEW v",
            "SELECT * FROM genre FOR NO KEY UPDATE");

    static List<String> forSqlite() {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(SQLITE);
        return all;
    }

    /** The common and PostgreSQL statements, with {@code {schema}} naming the test's Chinook schema. */
    static List<String> forPostgres() {
        List<String> all = new ArrayList<>(COMMON);
        POSTGRESQL.forEach(sql -> all.add(sql.replace("{schema}", PostgresChinook.SCHEMA)));
        return all;
    }
}
