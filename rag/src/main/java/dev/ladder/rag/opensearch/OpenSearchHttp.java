package dev.ladder.rag.opensearch;

import dev.ladder.core.ConnectionException;
import dev.ladder.core.LadderException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to the cluster's nodes in turn. A node that cannot be reached, or answers that it
 * is overloaded, is retried on the next node with a short backoff, up to the configured retries.
 */
final class OpenSearchHttp {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchHttp.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType NDJSON = MediaType.get("application/x-ndjson");

    private final OpenSearchConfig config;
    private final OkHttpClient client;
    private final AtomicInteger next = new AtomicInteger();

    OpenSearchHttp(OpenSearchConfig config) {
        this.config = config;
        this.client = config.buildHttpClient();
    }

    Map<String, Object> get(String path) {
        return json(send("GET", path, null));
    }

    Map<String, Object> post(String path, Map<String, Object> body) {
        return json(send("POST", path, RequestBody.create(Json.write(body), JSON)));
    }

    Map<String, Object> postNdjson(String path, String body) {
        return json(send("POST", path, RequestBody.create(body, NDJSON)));
    }

    void delete(String path) {
        Reply reply = send("DELETE", path, null);
        if (reply.status() != 404) {
            check(reply);
        }
    }

    boolean exists(String path) {
        Reply reply = send("HEAD", path, null);
        if (reply.status() == 404) {
            return false;
        }
        check(reply);
        return true;
    }

    /** Creates an index; another process creating it at the same moment is not an error. */
    void createIndex(String path, Map<String, Object> definition) {
        Reply reply = send("PUT", path, RequestBody.create(Json.write(definition), JSON));
        if (reply.status() == 400 && reply.body().contains("resource_already_exists_exception")) {
            return;
        }
        check(reply);
    }

    private Map<String, Object> json(Reply reply) {
        check(reply);
        return Json.readObject(reply.body(), "OpenSearch's answer to " + reply.method() + " " + reply.url());
    }

    private void check(Reply reply) {
        if (reply.status() >= 300) {
            throw OpenSearchErrors.of(reply);
        }
    }

    private Reply send(String method, String path, RequestBody body) {
        LadderException last = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            HttpUrl url = nodeUrl(path);
            try {
                Reply reply = execute(method, url, body);
                if (!OpenSearchErrors.retriable(reply.status()) || attempt == config.maxRetries()) {
                    return reply;
                }
                last = OpenSearchErrors.of(reply);
            } catch (IOException e) {
                last = new ConnectionException(
                        "cannot reach OpenSearch node "
                                + url.newBuilder().encodedPath("/").build() + " (" + e.getMessage()
                                + "): check the node URLs and that the cluster is up",
                        e);
            }
            log.debug("OpenSearch {} {} failed on attempt {}: {}", method, url, attempt + 1, last.getMessage());
        }
        throw last;
    }

    private Reply execute(String method, HttpUrl url, RequestBody body) throws IOException {
        Request.Builder request = new Request.Builder().url(url).method(method, body);
        if (config.authorization() != null) {
            request.header("Authorization", config.authorization());
        }
        try (Response response = client.newCall(request.build()).execute()) {
            String text = response.body().string();
            return new Reply(
                    method, url, response.code(), text, response.headers().toMultimap());
        }
    }

    private HttpUrl nodeUrl(String path) {
        List<HttpUrl> nodes = config.nodes();
        HttpUrl node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
        int query = path.indexOf('?');
        HttpUrl.Builder url = node.newBuilder()
                .encodedPath(trimSlash(node.encodedPath()) + (query < 0 ? path : path.substring(0, query)));
        if (query >= 0) {
            url.encodedQuery(path.substring(query + 1));
        }
        return url.build();
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2_000L, 100L << (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while waiting to retry an OpenSearch request", e);
        }
    }

    /** One HTTP exchange with a node. */
    record Reply(String method, HttpUrl url, int status, String body, Map<String, List<String>> headers) {}
}
