package dev.ladder.reflection.sql;

/** The SQL dialects Ladder can describe, check and run queries in. */
public enum SqlDialect {
    /** SQLite 3, the embedded default. */
    SQLITE("SQLite"),
    /** PostgreSQL 12 or later. */
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    SqlDialect(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the name used in prompts, such as {@code SQLite}. */
    public String displayName() {
        return displayName;
    }
}
