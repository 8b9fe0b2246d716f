package dev.ladder.rag.opensearch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Where an {@link OpenSearchStore} keeps its chunks and how it reaches the cluster: node URLs,
 * credentials, TLS, timeouts, retries, the index and its mapping. Immutable; build one with {@link
 * #builder(String...)}.
 */
public final class OpenSearchConfig {
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_\\-]{0,254}");

    private final List<HttpUrl> nodes;
    private final String index;
    private final int dimensions;
    private final String authorization;
    private final String analyzer;
    private final int hnswM;
    private final int hnswEfConstruction;
    private final int shards;
    private final int replicas;
    private final int batchSize;
    private final boolean refreshOnWrite;
    private final int maxRetries;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final OkHttpClient httpClient;
    private final SSLSocketFactory sslSocketFactory;
    private final X509TrustManager trustManager;

    private OpenSearchConfig(Builder builder) {
        this.nodes = List.copyOf(builder.nodes);
        this.index = builder.index;
        this.dimensions = builder.dimensions;
        this.authorization = builder.authorization;
        this.analyzer = builder.analyzer;
        this.hnswM = builder.hnswM;
        this.hnswEfConstruction = builder.hnswEfConstruction;
        this.shards = builder.shards;
        this.replicas = builder.replicas;
        this.batchSize = builder.batchSize;
        this.refreshOnWrite = builder.refreshOnWrite;
        this.maxRetries = builder.maxRetries;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.httpClient = builder.httpClient;
        this.sslSocketFactory = builder.sslSocketFactory;
        this.trustManager = builder.trustManager;
    }

    /**
     * Returns a builder for a cluster reachable at {@code nodeUrls}, such as {@code
     * https://search-1:9200}. Requests go to the nodes in turn; a node that cannot be reached is
     * skipped for the next one.
     *
     * @throws IllegalArgumentException if no URL is given or one is not an http(s) URL.
     */
    public static Builder builder(String... nodeUrls) {
        return new Builder(List.of(nodeUrls));
    }

    List<HttpUrl> nodes() {
        return nodes;
    }

    /** The index name. */
    public String index() {
        return index;
    }

    /** The dimension of the stored vectors. */
    public int dimensions() {
        return dimensions;
    }

    String authorization() {
        return authorization;
    }

    String analyzer() {
        return analyzer;
    }

    int hnswM() {
        return hnswM;
    }

    int hnswEfConstruction() {
        return hnswEfConstruction;
    }

    int shards() {
        return shards;
    }

    int replicas() {
        return replicas;
    }

    int batchSize() {
        return batchSize;
    }

    boolean refreshOnWrite() {
        return refreshOnWrite;
    }

    int maxRetries() {
        return maxRetries;
    }

    OkHttpClient buildHttpClient() {
        OkHttpClient.Builder builder = (httpClient == null ? new OkHttpClient() : httpClient)
                .newBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout);
        if (sslSocketFactory != null) {
            builder.sslSocketFactory(sslSocketFactory, trustManager);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "OpenSearchConfig{nodes=" + nodes + ", index=" + index + ", dimensions=" + dimensions
                + ", authorization=" + (authorization == null ? "none" : "<redacted>") + "}";
    }

    /** Builds an {@link OpenSearchConfig}. Not thread-safe. */
    public static final class Builder {
        private final List<HttpUrl> nodes = new ArrayList<>();
        private String index = "ladder-chunks";
        private int dimensions;
        private String authorization;
        private String analyzer = "english";
        private int hnswM = 16;
        private int hnswEfConstruction = 128;
        private int shards = 1;
        private int replicas = 0;
        private int batchSize = 500;
        private boolean refreshOnWrite = true;
        private int maxRetries = 2;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private OkHttpClient httpClient;
        private SSLSocketFactory sslSocketFactory;
        private X509TrustManager trustManager;

        private Builder(List<String> urls) {
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("give at least one node URL, such as http://localhost:9200");
            }
            for (String url : urls) {
                HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "node URL"));
                if (parsed == null) {
                    throw new IllegalArgumentException(
                            "node URL '" + url + "' is not an http(s) URL: use a form such as http://localhost:9200");
                }
                nodes.add(parsed);
            }
        }

        /**
         * Sets the index name: lower case letters, digits, {@code _} and {@code -}; {@code
         * ladder-chunks} unless set.
         */
        public Builder index(String index) {
            if (index == null || !INDEX_NAME.matcher(index).matches()) {
                throw new IllegalArgumentException(
                        "index name '" + index
                                + "' is not allowed: use lower case letters, digits, '_' and '-', starting with a letter or digit");
            }
            this.index = index;
            return this;
        }

        /** Sets the dimension of the vectors; required. */
        public Builder dimensions(int dimensions) {
            if (dimensions < 1 || dimensions > 16_000) {
                throw new IllegalArgumentException("dimensions must be between 1 and 16000, was " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** Authenticates with HTTP basic authentication. */
        public Builder basicAuth(String user, String password) {
            this.authorization = okhttp3.Credentials.basic(
                    Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /** Authenticates with an API key, sent as {@code Authorization: ApiKey <key>}. */
        public Builder apiKey(String apiKey) {
            this.authorization = "ApiKey " + Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** Trusts the cluster's certificates through {@code sslSocketFactory} and {@code trustManager}. */
        public Builder tls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
            this.sslSocketFactory = Objects.requireNonNull(sslSocketFactory, "sslSocketFactory");
            this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
            return this;
        }

        /** Sets the analyzer of the text field; {@code english} (stemming, stop words) unless set. */
        public Builder analyzer(String analyzer) {
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
            return this;
        }

        /** Sets the HNSW graph's {@code m} and {@code ef_construction}; 16 and 128 unless set. */
        public Builder hnsw(int m, int efConstruction) {
            if (m < 2 || efConstruction < m) {
                throw new IllegalArgumentException("HNSW needs m >= 2 and ef_construction >= m, was m=" + m
                        + ", ef_construction=" + efConstruction);
            }
            this.hnswM = m;
            this.hnswEfConstruction = efConstruction;
            return this;
        }

        /** Sets the shard and replica counts of a newly created index; 1 and 0 unless set. */
        public Builder shards(int shards, int replicas) {
            if (shards < 1 || replicas < 0) {
                throw new IllegalArgumentException(
                        "shards must be at least 1 and replicas at least 0, was " + shards + " and " + replicas);
            }
            this.shards = shards;
            this.replicas = replicas;
            return this;
        }

        /** Sets how many chunks go into one bulk request; 500 unless set. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets whether each bulk write refreshes the index so that it is visible to searches when
         * {@code upsert} returns ({@code refresh=true}); true unless set. Turn it off for large loads
         * and call {@link OpenSearchStore#refresh()} once at the end: a refresh per batch costs.
         */
        public Builder refreshOnWrite(boolean refreshOnWrite) {
            this.refreshOnWrite = refreshOnWrite;
            return this;
        }

        /** Sets how often a request is retried on another node or after a retriable error; 2 unless set. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets the connect and read timeouts; 10 and 60 seconds unless set. */
        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.readTimeout = Objects.requireNonNull(read, "read");
            return this;
        }

        /** Shares {@code httpClient}'s connection pool and dispatcher. */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @throws IllegalStateException if {@link #dimensions(int)} was not set.
         */
        public OpenSearchConfig build() {
            if (dimensions == 0) {
                throw new IllegalStateException("set dimensions(n) to the size of the embedding vectors");
            }
            return new OpenSearchConfig(this);
        }
    }
}
