package dev.ladder.rag.pgvector;

import dev.ladder.core.Embedder;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.Filter;
import dev.ladder.rag.VectorStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Stores chunks in a PostgreSQL table with pgvector: vector search by cosine similarity over an
 * HNSW index, full-text search with {@code ts_rank} (any word, or {@code websearch_to_tsquery}) on a GIN
 * index, and metadata filters translated to SQL over a JSONB column.
 *
 * <p>On first use the store runs {@code CREATE EXTENSION IF NOT EXISTS vector} and creates its table
 * and indexes if they are missing (unless {@link Builder#createSchema(boolean) createSchema(false)}),
 * then checks that an existing table holds vectors of the configured dimension. Every operation
 * borrows one connection and returns it before it returns; writes run in one transaction, so a
 * failed upsert or delete changes nothing.
 *
 * <p>Needs pgvector 0.8 or later (searches set {@code hnsw.iterative_scan = strict_order} so that a
 * filtered search still finds {@code limit} rows) and the PostgreSQL JDBC driver, an optional
 * dependency of this module. Thread-safe: concurrent calls each use their own connection.
 */
public final class PgVectorStore implements VectorStore {
    private static final int ROWS_PER_STATEMENT = 1000;

    private final ConnectionSource connections;
    private final TableSchema schema;
    private final boolean createSchema;
    private volatile boolean ready;

    private PgVectorStore(Builder builder) {
        this.connections = builder.connections();
        this.schema = new TableSchema(builder.table, builder.dimension, builder.textSearchConfig);
        this.createSchema = builder.createSchema;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the table this store uses. */
    public String table() {
        return schema.table();
    }

    /** Returns the dimension of the stored vectors. */
    public int dimension() {
        return schema.dimension();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every argument is checked before the database is touched, then all rows are written in one
     * transaction, up to 1,000 rows per {@code INSERT ... SELECT FROM unnest(..)} statement. Of
     * chunks sharing an id, the last one wins.
     *
     * @throws IllegalArgumentException if the lists differ in size, or a vector has the wrong
     *     dimension, a non-finite component or length zero; the message names the chunk.
     * @throws PgVectorException if PostgreSQL fails; nothing was stored.
     */
    @Override
    public void upsert(List<Chunk> chunks, List<float[]> vectors) {
        List<Row> rows = rows(chunks, vectors);
        if (rows.isEmpty()) {
            return;
        }
        inTransaction("upsert of " + chunks.size() + " chunks", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(schema.upsert())) {
                for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                    List<Row> slice = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                    bindRows(connection, statement, slice);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void bindRows(Connection connection, PreparedStatement statement, List<Row> rows)
            throws SQLException {
        statement.setArray(
                1, connection.createArrayOf("text", rows.stream().map(Row::id).toArray()));
        statement.setArray(
                2, connection.createArrayOf("text", rows.stream().map(Row::text).toArray()));
        statement.setArray(
                3,
                connection.createArrayOf(
                        "text", rows.stream().map(Row::metadata).toArray()));
        statement.setArray(
                4,
                connection.createArrayOf("text", rows.stream().map(Row::vector).toArray()));
    }

    /**
     * {@inheritDoc}
     *
     * @throws PgVectorException if PostgreSQL fails; nothing was deleted.
     */
    @Override
    public void delete(Collection<String> ids) {
        List<String> list = List.copyOf(ids);
        if (list.isEmpty()) {
            return;
        }
        inTransaction("delete of " + list.size() + " ids", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(schema.delete())) {
                statement.setArray(1, connection.createArrayOf("text", list.toArray()));
                statement.executeUpdate();
            }
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code limit} is not positive or the query vector has the
     *     wrong dimension, a non-finite component or length zero.
     * @throws PgVectorException if PostgreSQL fails.
     */
    @Override
    public List<Passage> search(float[] query, int limit, Filter filter) {
        checkLimit(limit);
        String vector = Vectors.literal(query, schema.dimension(), "query vector");
        FilterSql where = FilterSql.of(Objects.requireNonNull(filter, "filter"));
        return inTransaction("vector search", connection -> {
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL hnsw.iterative_scan = strict_order");
            }
            try (PreparedStatement statement = connection.prepareStatement(schema.nearest(where))) {
                statement.setString(1, vector);
                int next = where.bind(statement, 2);
                statement.setString(next, vector);
                statement.setInt(next + 1, limit);
                return passages(statement);
            }
        });
    }

    /**
     * Returns at most {@code limit} chunks that pass {@code filter} and match {@code query} by
     * PostgreSQL full-text search with {@link TextMatch#WEB_SEARCH}: the query is read by {@code
     * websearch_to_tsquery} (every word, quoted phrases, {@code or}, {@code -word}); the score is
     * {@code ts_rank}; equal scores are ordered by id.
     *
     * @throws IllegalArgumentException if {@code query} is blank or {@code limit} is not positive.
     * @throws PgVectorException if PostgreSQL fails.
     */
    public List<Passage> searchText(String query, int limit, Filter filter) {
        return searchText(query, limit, filter, TextMatch.WEB_SEARCH);
    }

    /**
     * Returns at most {@code limit} chunks that pass {@code filter} and match {@code query} by
     * PostgreSQL full-text search read as {@code match} says, best first by {@code ts_rank}; equal
     * scores are ordered by id.
     *
     * @throws IllegalArgumentException if {@code query} is blank or {@code limit} is not positive.
     * @throws PgVectorException if PostgreSQL fails.
     */
    public List<Passage> searchText(String query, int limit, Filter filter, TextMatch match) {
        Objects.requireNonNull(match, "match");
        checkQuery(query);
        checkLimit(limit);
        FilterSql where = FilterSql.of(Objects.requireNonNull(filter, "filter"));
        return inTransaction("full-text search", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(schema.fullText(where, match))) {
                statement.setString(1, schema.textSearchConfig());
                statement.setString(2, query);
                int next = where.bind(statement, 3);
                statement.setInt(next, limit);
                return passages(statement);
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws PgVectorException if PostgreSQL fails.
     */
    @Override
    public int size() {
        return inTransaction("count", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(schema.count());
                    ResultSet result = statement.executeQuery()) {
                result.next();
                return Math.toIntExact(result.getLong(1));
            }
        });
    }

    /**
     * Returns a retriever that runs {@link #searchText(String, int, Filter, TextMatch)} with {@code
     * filter} and {@link TextMatch#ANY_WORD}, as suits questions in natural language.
     */
    public Retriever fullTextRetriever(Filter filter) {
        return fullTextRetriever(filter, TextMatch.ANY_WORD);
    }

    /** Returns a retriever that runs {@link #searchText(String, int, Filter, TextMatch)} with these settings. */
    public Retriever fullTextRetriever(Filter filter, TextMatch match) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(match, "match");
        return (query, limit) -> searchText(query, limit, filter, match);
    }

    /** Returns a retriever that embeds the query with {@code embedder} and runs {@link #search}. */
    public Retriever vectorRetriever(Embedder embedder, Filter filter) {
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(filter, "filter");
        return (query, limit) -> {
            checkQuery(query);
            checkLimit(limit);
            return search(embedder.embed(query), limit, filter);
        };
    }

    private List<Row> rows(List<Chunk> chunks, List<float[]> vectors) {
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException(
                    chunks.size() + " chunks but " + vectors.size() + " vectors: give one vector per chunk");
        }
        // One statement may not touch a row twice, so of chunks sharing an id only the last is kept,
        // as if they had been written one after another.
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = Objects.requireNonNull(chunks.get(i), "chunk " + i);
            String where = "vector of chunk '" + chunk.id() + "'";
            String vector = Vectors.literal(vectors.get(i), schema.dimension(), where);
            rows.remove(chunk.id());
            rows.put(
                    chunk.id(),
                    new Row(chunk.id(), chunk.text(), MetadataJson.write(chunk.id(), chunk.metadata()), vector));
        }
        return new ArrayList<>(rows.values());
    }

    private static List<Passage> passages(PreparedStatement statement) throws SQLException {
        List<Passage> passages = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                passages.add(new Passage(
                        result.getString(1),
                        result.getString(2),
                        result.getDouble(4),
                        MetadataJson.read(result.getString(3))));
            }
        }
        return passages;
    }

    private <T> T inTransaction(String operation, SqlWork<T> work) {
        ensureSchema();
        try (Connection connection = connections.open()) {
            return Transactions.run(connection, work);
        } catch (SQLException e) {
            throw new PgVectorException(operation + " on table '" + schema.table() + "' failed", e);
        }
    }

    private void ensureSchema() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                try (Connection connection = connections.open()) {
                    Transactions.run(connection, c -> schema.prepare(c, createSchema));
                } catch (SQLException e) {
                    throw new PgVectorException("preparing table '" + schema.table() + "' failed", e);
                }
                ready = true;
            }
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    private static void checkQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank, was '" + query + "'");
        }
    }

    private record Row(String id, String text, String metadata, String vector) {}

    /** Opens a connection; one per operation. */
    @FunctionalInterface
    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** Builds a {@link PgVectorStore}. Not thread-safe. */
    public static final class Builder {
        private DataSource dataSource;
        private String jdbcUrl;
        private String table = "ladder_chunks";
        private int dimension;
        private String textSearchConfig = "english";
        private boolean createSchema = true;

        private Builder() {}

        /** Takes connections from {@code dataSource}, typically a pool; replaces a JDBC URL. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.jdbcUrl = null;
            return this;
        }

        /**
         * Opens a new connection to {@code jdbcUrl} ({@code jdbc:postgresql:...}) for each operation;
         * replaces a data source.
         */
        public Builder jdbcUrl(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(
                        "JDBC URL '" + jdbcUrl + "' is not a PostgreSQL URL: it must start with jdbc:postgresql:");
            }
            this.jdbcUrl = jdbcUrl;
            this.dataSource = null;
            return this;
        }

        /**
         * Sets the table, {@code name} or {@code schema.name} in lower-case letters, digits and
         * underscores; {@code ladder_chunks} unless set.
         */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** Sets the dimension of the vectors, from 1 to 2,000; required. */
        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        /** Sets the PostgreSQL text search configuration; {@code english} unless set. */
        public Builder textSearchConfig(String textSearchConfig) {
            this.textSearchConfig = textSearchConfig;
            return this;
        }

        /** Sets whether the extension, table and indexes are created when missing; true unless set. */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /**
         * Returns the store. No connection is opened until the first operation.
         *
         * @throws IllegalArgumentException if the table name, text search configuration or
         *     dimension is invalid.
         * @throws IllegalStateException if neither a data source nor a JDBC URL was given, or a
         *     JDBC URL was given and the PostgreSQL driver is not on the class path.
         */
        public PgVectorStore build() {
            return new PgVectorStore(this);
        }

        private ConnectionSource connections() {
            if (dataSource != null) {
                DataSource source = dataSource;
                return source::getConnection;
            }
            if (jdbcUrl == null) {
                throw new IllegalStateException("a PgVectorStore needs a dataSource(..) or a jdbcUrl(..)");
            }
            requireDriver();
            String url = jdbcUrl;
            return () -> DriverManager.getConnection(url);
        }

        private static void requireDriver() {
            try {
                Class.forName("org.postgresql.Driver");
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(
                        "the PostgreSQL JDBC driver is not on the class path:"
                                + " add the dependency org.postgresql:postgresql",
                        e);
            }
        }
    }
}
