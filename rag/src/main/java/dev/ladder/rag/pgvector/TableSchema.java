package dev.ladder.rag.pgvector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL of one chunk table: its DDL and the statements a {@link PgVectorStore} runs. The table
 * name and text search configuration are validated as plain identifiers before they are written
 * into SQL text; everything else is bound as a parameter.
 */
final class TableSchema {
    private static final Logger log = LoggerFactory.getLogger(TableSchema.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,47}");
    private static final int MAX_HNSW_DIMENSIONS = 2000;

    private final String table;
    private final String indexPrefix;
    private final int dimension;
    private final String textSearchConfig;

    TableSchema(String table, int dimension, String textSearchConfig) {
        this.table = checkTable(table);
        this.indexPrefix = table.substring(table.indexOf('.') + 1);
        this.dimension = checkDimension(dimension);
        this.textSearchConfig = checkIdentifier("text search configuration", textSearchConfig);
    }

    String table() {
        return table;
    }

    int dimension() {
        return dimension;
    }

    String textSearchConfig() {
        return textSearchConfig;
    }

    List<String> ddl() {
        return List.of(
                "CREATE EXTENSION IF NOT EXISTS vector",
                "CREATE TABLE IF NOT EXISTS " + table + " (id text PRIMARY KEY, text text NOT NULL,"
                        + " metadata jsonb NOT NULL, embedding vector(" + dimension + ") NOT NULL,"
                        + " text_search tsvector GENERATED ALWAYS AS (to_tsvector('" + textSearchConfig
                        + "'::regconfig, text)) STORED)",
                "CREATE INDEX IF NOT EXISTS " + indexPrefix + "_embedding_hnsw ON " + table
                        + " USING hnsw (embedding vector_cosine_ops)",
                "CREATE INDEX IF NOT EXISTS " + indexPrefix + "_text_search_gin ON " + table
                        + " USING gin (text_search)");
    }

    /**
     * Creates the extension, table and indexes when {@code create} is set, then checks that the
     * table exists with vectors of this schema's dimension.
     *
     * @throws IllegalStateException if the table is missing or holds another dimension.
     */
    Void prepare(Connection connection, boolean create) throws SQLException {
        if (create) {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : ddl()) {
                    statement.execute(ddl);
                }
            }
            log.debug("Ensured table {} with {} dimensions and its indexes", table, dimension);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT atttypmod FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'embedding'")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                checkStoredDimension(result.next() ? result.getInt(1) : null);
            }
        }
        return null;
    }

    private void checkStoredDimension(Integer stored) {
        if (stored == null) {
            throw new IllegalStateException("table '" + table + "' with a column 'embedding' does not exist:"
                    + " create it or build the store with createSchema(true)");
        }
        if (stored != dimension) {
            throw new IllegalStateException("table '" + table + "' holds vectors of " + stored
                    + " dimensions but the store was built for " + dimension + ": use another table or the dimension "
                    + stored);
        }
    }

    String upsert() {
        return "INSERT INTO " + table + " (id, text, metadata, embedding)"
                + " SELECT id, text, metadata::jsonb, embedding::vector"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS rows (id, text, metadata, embedding)"
                + " ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text, metadata = EXCLUDED.metadata,"
                + " embedding = EXCLUDED.embedding";
    }

    String delete() {
        return "DELETE FROM " + table + " WHERE id = ANY (?)";
    }

    String count() {
        return "SELECT count(*) FROM " + table;
    }

    String nearest(FilterSql filter) {
        return "SELECT id, text, metadata::text, 1 - (embedding <=> ?::vector) AS score FROM " + table + " WHERE "
                + filter.sql() + " ORDER BY embedding <=> ?::vector LIMIT ?";
    }

    String fullText(FilterSql filter, TextMatch match) {
        // ANY_WORD: plainto_tsquery normalises the words and joins them with &; joined with | instead,
        // a chunk matches when it holds any of them.
        String query = match == TextMatch.ANY_WORD
                ? "replace(plainto_tsquery(?::regconfig, ?)::text, ' & ', ' | ')::tsquery"
                : "websearch_to_tsquery(?::regconfig, ?)";
        return "SELECT id, text, metadata::text, ts_rank(text_search, query) AS score FROM " + table + ", (SELECT "
                + query + " AS query) AS search WHERE text_search @@ query AND " + filter.sql()
                + " ORDER BY score DESC, id LIMIT ?";
    }

    private static String checkTable(String table) {
        if (table == null) {
            throw new NullPointerException("table");
        }
        String[] parts = table.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(
                    "table name '" + table + "' has more than one dot: use table or schema.table");
        }
        for (String part : parts) {
            if (!IDENTIFIER.matcher(part).matches()) {
                throw notIdentifier("table name", table);
            }
        }
        return table;
    }

    private static String checkIdentifier(String what, String name) {
        if (name == null) {
            throw new NullPointerException(what);
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw notIdentifier(what, name);
        }
        return name;
    }

    private static IllegalArgumentException notIdentifier(String what, String name) {
        return new IllegalArgumentException(what + " '" + name + "' is not a plain identifier: use lower-case"
                + " letters, digits and underscores, starting with a letter or underscore, at most 48 characters"
                + " (optionally schema.table for a table)");
    }

    private static int checkDimension(int dimension) {
        if (dimension < 1 || dimension > MAX_HNSW_DIMENSIONS) {
            throw new IllegalArgumentException("dimension must be between 1 and " + MAX_HNSW_DIMENSIONS
                    + " (the most a pgvector HNSW index on type vector accepts), was " + dimension);
        }
        return dimension;
    }
}
