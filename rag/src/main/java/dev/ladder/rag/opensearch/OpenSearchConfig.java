package dev.ladder.rag.opensearch;

import dev.ladder.core.http.AuthScheme;
import dev.ladder.core.http.CallListener;
import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.ByteString;

/**
 * Where an {@link OpenSearchStore} keeps its chunks and how it reaches the cluster: node URLs,
 * credentials, TLS, the index and its mapping, and the transport settings it shares with every
 * Ladder client (core's {@link ClientConfig}: timeouts, {@link RetryPolicy}, {@link CallListener}s,
 * wire logging, the OkHttp client). Immutable; build one with {@link #builder(String...)}.
 */
public final class OpenSearchConfig {
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_\\-]{0,254}");

    private final List<HttpUrl> nodes;
    private final String index;
    private final int dimensions;
    private final AuthScheme authScheme;
    private final String analyzer;
    private final int hnswM;
    private final int hnswEfConstruction;
    private final int shards;
    private final int replicas;
    private final int batchSize;
    private final boolean refreshOnWrite;
    private final ClientConfig client;
    private final SSLSocketFactory sslSocketFactory;
    private final X509TrustManager trustManager;

    private OpenSearchConfig(Builder builder) {
        this.nodes = List.copyOf(builder.nodes);
        this.index = builder.index;
        this.dimensions = builder.dimensions;
        this.authScheme = builder.authScheme;
        this.analyzer = builder.analyzer;
        this.hnswM = builder.hnswM;
        this.hnswEfConstruction = builder.hnswEfConstruction;
        this.shards = builder.shards;
        this.replicas = builder.replicas;
        this.batchSize = builder.batchSize;
        this.refreshOnWrite = builder.refreshOnWrite;
        this.client = builder.client.build();
        this.sslSocketFactory = builder.sslSocketFactory;
        this.trustManager = builder.trustManager;
    }

    /**
     * Returns a builder for a cluster reachable at {@code nodeUrls}, such as {@code
     * https://search-1:9200}. Requests go to the nodes in turn, and each retry to the next node; a
     * node that cannot be reached rests a while before it is tried again.
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

    /** How the credentials travel, or null when the cluster needs none. */
    AuthScheme authScheme() {
        return authScheme;
    }

    /** The transport settings; its base URL is the first node, its API key the credentials. */
    ClientConfig client() {
        return client;
    }

    SSLSocketFactory sslSocketFactory() {
        return sslSocketFactory;
    }

    X509TrustManager trustManager() {
        return trustManager;
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

    @Override
    public String toString() {
        return "OpenSearchConfig{nodes=" + nodes + ", index=" + index + ", dimensions=" + dimensions + ", credentials="
                + (authScheme == null ? "none" : "[redacted]") + ", client=" + client + "}";
    }

    /** Builds an {@link OpenSearchConfig}. Not thread-safe. */
    public static final class Builder {
        private final List<HttpUrl> nodes = new ArrayList<>();
        private String index = "ladder-chunks";
        private int dimensions;
        private AuthScheme authScheme;
        private String analyzer = "english";
        private int hnswM = 16;
        private int hnswEfConstruction = 128;
        private int shards = 1;
        private int replicas = 0;
        private int batchSize = 500;
        private boolean refreshOnWrite = true;
        private final ClientConfig.Builder client;
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
            client = ClientConfig.builder(nodes.get(0).toString())
                    .readTimeout(Duration.ofSeconds(60))
                    .callTimeout(Duration.ofMinutes(2));
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

        /**
         * Authenticates with HTTP basic authentication. The encoded credentials are redacted from
         * wire logs and error messages like any API key.
         */
        public Builder basicAuth(String user, String password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.contains(":")) {
                throw new IllegalArgumentException(
                        "user name '" + user + "' contains ':', which basic authentication cannot carry");
            }
            client.apiKey(ByteString.encodeUtf8(user + ":" + password).base64());
            authScheme = new AuthScheme("Authorization", "Basic ");
            return this;
        }

        /**
         * Authenticates with an API key, sent as {@code Authorization: ApiKey <key>} (Elasticsearch's
         * form; the key is the base64 of {@code id:api_key}).
         */
        public Builder apiKey(String apiKey) {
            if (Objects.requireNonNull(apiKey, "apiKey").isBlank()) {
                throw new IllegalArgumentException("API key is blank: pass the key itself, or leave it unset");
            }
            client.apiKey(apiKey);
            authScheme = new AuthScheme("Authorization", "ApiKey ");
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

        /**
         * Sets when a failed request is retried: a connection failure, a timeout, HTTP 429 or 5xx,
         * each retry on the next node, after a backoff with jitter or the wait a {@code Retry-After}
         * header asks for; {@link RetryPolicy#defaults()} (2 retries) unless set.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            client.retryPolicy(retryPolicy);
            return this;
        }

        /** Sets the longest wait for a connection to a node; 10 seconds unless set. */
        public Builder connectTimeout(Duration connectTimeout) {
            client.connectTimeout(connectTimeout);
            return this;
        }

        /** Sets the longest wait for any read from a node; 60 seconds unless set. */
        public Builder readTimeout(Duration readTimeout) {
            client.readTimeout(readTimeout);
            return this;
        }

        /** Sets the longest one request may take, retries included; 2 minutes unless set. */
        public Builder callTimeout(Duration callTimeout) {
            client.callTimeout(callTimeout);
            return this;
        }

        /** Adds a listener told of every request, response, retry and outcome. */
        public Builder addListener(CallListener listener) {
            client.addListener(listener);
            return this;
        }

        /**
         * Turns logging of requests and responses at DEBUG to {@code dev.ladder.core.http.wire} on or
         * off, credentials redacted; off unless set. Bulk bodies are not logged.
         */
        public Builder wireLogging(boolean wireLogging) {
            client.wireLogging(wireLogging);
            return this;
        }

        /**
         * Uses {@code okHttpClient}'s connection pool, dispatcher and proxy settings; Ladder's shared
         * client unless set. The client itself is not changed.
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            client.okHttpClient(okHttpClient);
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
