package dev.ladder.rag.opensearch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each attempt of a request to the next node of the cluster, so that core's transport, which
 * addresses one base URL and retries, fails over from node to node. Requests arrive addressed to the
 * first node; this interceptor moves them to the chosen node, keeping the path below the node URL and
 * the query.
 *
 * <p>A node that cannot be reached rests: it is skipped for {@link #REST} after its first failure,
 * twice as long after each further one (at most {@link #MAX_REST}), and is well again as soon as it
 * answers. When every node rests, the one whose rest ends first is tried anyway. Thread-safe.
 *
 * <p>Known shortcoming: the transport names a call by the first node's URL, so with several nodes an
 * error message or listener event may name a node other than the one that answered; the node is in
 * this class's DEBUG log and in the {@link java.net.ConnectException}'s message.
 */
final class NodeRotation implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(NodeRotation.class);
    static final Duration REST = Duration.ofSeconds(30);
    static final Duration MAX_REST = Duration.ofMinutes(10);

    private final List<HttpUrl> nodes;
    private final String basePath;
    private final Health[] health;
    private final AtomicInteger next = new AtomicInteger();
    private final LongSupplier clock;

    NodeRotation(List<HttpUrl> nodes, LongSupplier clock) {
        this.nodes = List.copyOf(nodes);
        this.basePath = trimSlash(nodes.get(0).encodedPath());
        this.health = new Health[nodes.size()];
        for (int i = 0; i < health.length; i++) {
            health[i] = new Health();
        }
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        int node = choose();
        Request request = chain.request();
        HttpUrl url = moveTo(nodes.get(node), request.url());
        Response response;
        try {
            response = chain.proceed(request.newBuilder().url(url).build());
        } catch (IOException e) {
            Duration rest = failed(node);
            log.debug("OpenSearch node {} failed ({}); it rests for {}", nodes.get(node), e.toString(), rest);
            throw e;
        }
        answered(node);
        return response;
    }

    /** Records that {@code node} could not be reached and returns how long it now rests. */
    Duration failed(int node) {
        return health[node].failed(clock.getAsLong());
    }

    /** Records that {@code node} answered, which ends any rest. */
    void answered(int node) {
        health[node].answered();
    }

    /** Returns the next node in turn that is not resting, or the one whose rest ends first. */
    int choose() {
        long now = clock.getAsLong();
        int start = Math.floorMod(next.getAndIncrement(), nodes.size());
        int soonest = start;
        long soonestWait = Long.MAX_VALUE;
        for (int i = 0; i < nodes.size(); i++) {
            int candidate = (start + i) % nodes.size();
            long wait = health[candidate].restLeft(now);
            if (wait <= 0) {
                return candidate;
            }
            if (wait < soonestWait) {
                soonest = candidate;
                soonestWait = wait;
            }
        }
        return soonest;
    }

    private HttpUrl moveTo(HttpUrl node, HttpUrl url) {
        String path = url.encodedPath();
        String below = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
        return node.newBuilder()
                .encodedPath(trimSlash(node.encodedPath()) + below)
                .encodedQuery(url.encodedQuery())
                .build();
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** One node's failures in a row and when its rest ends, on the rotation's clock. */
    private static final class Health {
        private int failures;
        private long restingUntil;

        synchronized Duration failed(long now) {
            failures++;
            long rest = REST.toNanos() << Math.min(failures - 1, 20);
            rest = Math.min(rest, MAX_REST.toNanos());
            restingUntil = now + rest;
            return Duration.ofNanos(rest);
        }

        synchronized void answered() {
            failures = 0;
            restingUntil = 0;
        }

        synchronized long restLeft(long now) {
            return failures == 0 ? 0 : restingUntil - now;
        }
    }
}
