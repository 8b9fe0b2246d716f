package dev.ladder.rag.query;

/** Checks retriever arguments the same way in every strategy. */
final class Queries {
    private Queries() {}

    static void check(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank, was '" + query + "'");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** Quotes a model reply for a log message, shortened to 200 characters. */
    static String quote(String reply) {
        String flat = reply.replace('\n', ' ');
        return "'" + (flat.length() <= 200 ? flat : flat.substring(0, 197) + "...") + "'";
    }
}
