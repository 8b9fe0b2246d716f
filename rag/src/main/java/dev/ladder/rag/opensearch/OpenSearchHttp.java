package dev.ladder.rag.opensearch;

import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.NotFoundException;
import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.JsonBody;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Sends the store's requests through core's {@link HttpTransport}, which brings timeouts, retries
 * with backoff, jitter and {@code Retry-After}, typed errors, listeners and redacted wire logging.
 * What the transport lacks for a cluster, several nodes, comes from {@link NodeRotation}: each
 * attempt goes to the next node, so a retry is also a failover.
 */
final class OpenSearchHttp {
    private static final MediaType NDJSON = MediaType.get("application/x-ndjson");

    private final HttpTransport transport;

    OpenSearchHttp(OpenSearchConfig config) {
        ClientConfig client = config.client();
        OkHttpClient.Builder okHttp =
                client.okHttpClient().newBuilder().addInterceptor(new NodeRotation(config.nodes(), System::nanoTime));
        if (config.sslSocketFactory() != null) {
            okHttp.sslSocketFactory(config.sslSocketFactory(), config.trustManager());
        }
        this.transport = HttpTransport.create(
                client.toBuilder().okHttpClient(okHttp.build()).build(), OpenSearchErrors.profile(config.authScheme()));
    }

    Map<String, Object> get(String path, String operation) {
        return execute(transport.get(path).operation(operation));
    }

    /** Returns the JSON at {@code path}, or empty when OpenSearch answers 404. */
    Optional<Map<String, Object>> getIfExists(String path, String operation) {
        try {
            return Optional.of(get(path, operation));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    Map<String, Object> post(String path, Map<String, Object> body, String operation) {
        return execute(transport.post(path, json(body)).operation(operation));
    }

    Map<String, Object> bulk(String path, String ndjson, boolean refresh) {
        HttpCall.Builder call =
                transport.post(path, RequestBody.create(ndjson, NDJSON)).operation("bulk");
        if (refresh) {
            call.queryParameter("refresh", "true");
        }
        return execute(call);
    }

    /** Creates an index; another process creating it at the same moment is not an error. */
    void createIndex(String path, Map<String, Object> definition) {
        try {
            execute(transport.put(path, json(definition)).operation("create-index"));
        } catch (InvalidRequestException e) {
            if (!"resource_already_exists_exception".equals(e.errorType())) {
                throw e;
            }
        }
    }

    /** Deletes what {@code path} names; a 404 means there was nothing to delete. */
    void delete(String path, String operation) {
        try {
            execute(transport.delete(path).operation(operation));
        } catch (NotFoundException e) {
            // already gone
        }
    }

    private Map<String, Object> execute(HttpCall.Builder call) {
        return transport.execute(call.build(), Json.OBJECT);
    }

    private static JsonBody json(Map<String, Object> tree) {
        String text = Json.write(tree);
        return writer -> {
            try (BufferedSink sink = writer.valueSink()) {
                sink.writeUtf8(text);
            }
        };
    }
}
