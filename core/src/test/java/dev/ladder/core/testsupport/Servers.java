package dev.ladder.core.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Finds the database servers that {@code .ci/run} starts. Outside CI a test that needs one is
 * skipped when it is not configured; in CI (environment {@code CI} set) a missing server fails the
 * test, so CI can never pass by skipping.
 */
public final class Servers {
    private Servers() {}

    /** Returns the JDBC URL of a plain PostgreSQL server ({@code LADDER_PG_URL}). */
    public static String postgresUrl() {
        return require("LADDER_PG_URL", "PostgreSQL");
    }

    /** Returns the JDBC URL of a PostgreSQL server with pgvector ({@code LADDER_PGVECTOR_URL}). */
    public static String pgvectorUrl() {
        return require("LADDER_PGVECTOR_URL", "PostgreSQL with pgvector");
    }

    private static String require(String variable, String what) {
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(variable + " is not set in CI: .ci/run must start " + what);
            }
            assumeTrue(false, variable + " is not set: run bash .ci/run to start " + what);
        }
        return url;
    }
}
