package dev.ladder.rag.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.LadderException;
import dev.ladder.core.ServerException;
import dev.ladder.core.http.CallInfo;
import dev.ladder.core.http.CallListener;
import dev.ladder.core.http.RetryPolicy;
import dev.ladder.rag.Chunk;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's transport against scripted nodes: failover, retries, errors, credentials. The error
 * bodies follow the formats OpenSearch documents for its REST errors and bulk items (no OpenSearch
 * exchange is recorded in the shared data); the real node's own errors are covered by {@link
 * OpenSearchStoreTest}.
 */
class OpenSearchTransportTest {
    /** GET /docs on an index created by the store: the knn_vector mapping it checks. */
    private static final String INDEX = """
            {"docs":{"aliases":{},"mappings":{"properties":{"embedding":{"type":"knn_vector","dimension":3,\
            "method":{"engine":"lucene","space_type":"cosinesimil","name":"hnsw","parameters":{}}},\
            "text":{"type":"text","analyzer":"english"}}},"settings":{"index":{"knn":"true"}}}}""";

    private static final String COUNT =
            "{\"count\":7,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}}";

    /** A node whose write or search thread pool queue is full. */
    private static final String REJECTED = """
            {"error":{"root_cause":[{"type":"rejected_execution_exception","reason":"rejected execution of \
            coordinating operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, \
            coordinating_operation_bytes=52408492, max_coordinating_and_primary_bytes=53687091]"}],\
            "type":"rejected_execution_exception","reason":"rejected execution of coordinating operation \
            [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=52408492, \
            max_coordinating_and_primary_bytes=53687091]"},"status":429}""";

    /** A node that has not yet recovered the cluster state. */
    private static final String NOT_RECOVERED = """
            {"error":{"root_cause":[{"type":"cluster_block_exception","reason":"blocked by: \
            [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"}],"type":"cluster_block_exception",\
            "reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}""";

    private static final String PARSING = """
            {"error":{"root_cause":[{"type":"parsing_exception","reason":"unknown query [knnn]","line":1,"col":50}],\
            "type":"parsing_exception","reason":"unknown query [knnn]","line":1,"col":50,"caused_by":\
            {"type":"named_object_not_found_exception","reason":"[1:50] unknown field [knnn]"}},"status":400}""";

    private static final String BULK_ONE_OVERLOADED = """
            {"took":11,"errors":true,"items":[\
            {"index":{"_index":"docs","_id":"a","_version":1,"result":"created","_shards":{"total":1,"successful":1,\
            "failed":0},"_seq_no":0,"_primary_term":1,"status":201}},\
            {"index":{"_index":"docs","_id":"b","status":429,"error":{"type":"rejected_execution_exception",\
            "reason":"rejected execution of primary operation [shard_detail=[docs][0][C], shard_max_primary_bytes=0]"}}}]}""";

    private static final String BULK_B_CREATED = """
            {"took":4,"errors":false,"items":[\
            {"index":{"_index":"docs","_id":"b","_version":1,"result":"created","_shards":{"total":1,"successful":1,\
            "failed":0},"_seq_no":1,"_primary_term":1,"status":201}}]}""";

    private static final String BULK_B_OVERLOADED = """
            {"took":2,"errors":true,"items":[\
            {"index":{"_index":"docs","_id":"b","status":429,"error":{"type":"rejected_execution_exception",\
            "reason":"rejected execution of primary operation [shard_detail=[docs][0][C], shard_max_primary_bytes=0]"}}}]}""";

    /** A delete refused on an index that an operator has made read-only (index.blocks.write). */
    private static final String BULK_DELETE_BLOCKED = """
            {"took":3,"errors":true,"items":[\
            {"delete":{"_index":"docs","_id":"a","_version":2,"result":"deleted","_shards":{"total":1,"successful":1,\
            "failed":0},"_seq_no":2,"_primary_term":1,"status":200}},\
            {"delete":{"_index":"docs","_id":"b","status":403,"error":{"type":"cluster_block_exception",\
            "reason":"index [docs] blocked by: [FORBIDDEN/8/index write (api)];"}}}]}""";

    private final MockWebServer first = new MockWebServer();
    private final MockWebServer second = new MockWebServer();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        first.start();
        second.start();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void failsOverToTheNextNodeAndLetsTheUnreachableOneRest() throws IOException {
        String down = closedServerUrl();
        second.enqueue(json(200, INDEX));
        second.enqueue(json(200, COUNT));

        int size = store(config(down, second.url("/").toString())).size();

        assertThat(size).isEqualTo(7);
        assertThat(second.getRequestCount()).isEqualTo(2);
        assertThat(events)
                .containsExactly(
                        "request 1 get-index",
                        "retry 1 ConnectionException after PT0.005S",
                        "request 2 get-index",
                        "response 2 200",
                        "complete get-index",
                        // the next call goes straight to the node that answers
                        "request 1 count",
                        "response 1 200",
                        "complete count");
    }

    @Test
    void retriesAnOverloadedNodeAfterTheWaitItsRetryAfterAsksFor() throws InterruptedException {
        first.enqueue(json(200, INDEX));
        first.enqueue(
                json(429, REJECTED).newBuilder().setHeader("Retry-After", "1").build());
        first.enqueue(json(200, COUNT));

        int size = store(config(first.url("/").toString())).size();

        assertThat(size).isEqualTo(7);
        assertThat(events).contains("retry 1 RateLimitException after PT1S");
        first.takeRequest();
        assertThat(first.takeRequest().getUrl().encodedPath()).isEqualTo("/docs/_count");
        assertThat(first.takeRequest().getUrl().encodedPath()).isEqualTo("/docs/_count");
    }

    @Test
    void retriesAnUnavailableNodeOnTheOtherNode() throws InterruptedException {
        first.enqueue(json(200, INDEX));
        second.enqueue(json(503, NOT_RECOVERED));
        first.enqueue(json(200, COUNT));

        int size = store(config(first.url("/a/").toString(), second.url("/b").toString()))
                .size();

        assertThat(size).isEqualTo(7);
        assertThat(events).contains("retry 1 ServerException after PT0.005S");
        assertThat(first.takeRequest().getUrl().encodedPath()).isEqualTo("/a/docs");
        assertThat(second.takeRequest().getUrl().encodedPath()).isEqualTo("/b/docs/_count");
        assertThat(first.takeRequest().getUrl().encodedPath()).isEqualTo("/a/docs/_count");
    }

    @Test
    void givesUpAfterTheLastRetryWithOpenSearchsReason() {
        for (int i = 0; i < 3; i++) {
            first.enqueue(json(503, NOT_RECOVERED));
        }
        OpenSearchStore store = store(config(first.url("/").toString()));

        assertThatThrownBy(store::size)
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.errorType()).isEqualTo("cluster_block_exception");
                })
                .hasMessage("server error at " + first.url("/docs") + " (HTTP 503, cluster_block_exception): retry"
                        + " later; OpenSearch said: blocked by: [SERVICE_UNAVAILABLE/1/state not recovered /"
                        + " initialized];");
        assertThat(first.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRequestOpenSearchRefusesIsNotRetriedAndItsCauseIsQuoted() {
        first.enqueue(json(200, INDEX));
        first.enqueue(json(400, PARSING));
        OpenSearchStore store = store(config(first.url("/").toString()));

        assertThatThrownBy(() -> store.keywordSearch("battery life", 5, dev.ladder.rag.Filter.ALL))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid request at " + first.url("/docs/_search") + " (HTTP 400, parsing_exception): fix"
                        + " the request; OpenSearch said: unknown query [knnn] (caused by"
                        + " named_object_not_found_exception: [1:50] unknown field [knnn])");
        assertThat(first.getRequestCount()).isEqualTo(2);
    }

    @Test
    void resendsOnlyTheBulkItemsTurnedAwayAsOverloaded() throws InterruptedException {
        first.enqueue(json(200, INDEX));
        first.enqueue(json(200, BULK_ONE_OVERLOADED));
        first.enqueue(json(200, BULK_B_CREATED));

        store(config(first.url("/").toString())).upsert(twoChunks(), twoVectors());

        first.takeRequest();
        assertThat(first.takeRequest().getBody().utf8()).contains("\"_id\":\"a\"", "\"_id\":\"b\"");
        RecordedRequest resend = first.takeRequest();
        assertThat(resend.getUrl().toString())
                .isEqualTo(first.url("/_bulk?refresh=true").toString());
        assertThat(resend.getHeaders().get("Content-Type")).startsWith("application/x-ndjson");
        assertThat(resend.getBody().utf8()).contains("\"_id\":\"b\"").doesNotContain("\"_id\":\"a\"");
    }

    @Test
    void bulkItemsStillOverloadedAfterTheRetriesAreReported() {
        first.enqueue(json(200, INDEX));
        first.enqueue(json(200, BULK_ONE_OVERLOADED));
        first.enqueue(json(200, BULK_B_OVERLOADED));
        OpenSearchStore store = store(config(first.url("/").toString()).retryPolicy(fastRetries(1)));

        assertThatThrownBy(() -> store.upsert(twoChunks(), twoVectors()))
                .isInstanceOfSatisfying(BulkIndexException.class, e -> {
                    assertThat(e.written()).isEqualTo(1);
                    assertThat(e.rejections())
                            .extracting(BulkIndexException.Rejection::id, BulkIndexException.Rejection::status)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("b", 429));
                });
        assertThat(first.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedDeleteIsReportedAsADeleteWithTheIdsToDeleteAgain() {
        first.enqueue(json(200, INDEX));
        first.enqueue(json(200, BULK_DELETE_BLOCKED));
        OpenSearchStore store = store(config(first.url("/").toString()));

        assertThatThrownBy(() -> store.delete(List.of("a", "b")))
                .isInstanceOfSatisfying(BulkIndexException.class, e -> {
                    assertThat(e.written()).isEqualTo(1);
                    assertThat(e.rejections())
                            .extracting(BulkIndexException.Rejection::id, BulkIndexException.Rejection::type)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "cluster_block_exception"));
                })
                .hasMessage("OpenSearch index 'docs' did not delete 1 chunk(s), deleted 1: 'b' (403"
                        + " cluster_block_exception: index [docs] blocked by: [FORBIDDEN/8/index write (api)];)."
                        + " Delete these ids again once the cause is fixed.");
    }

    @Test
    void sendsBasicAuthCredentials() throws InterruptedException {
        first.enqueue(json(200, INDEX));
        first.enqueue(json(200, COUNT));

        store(config(first.url("/").toString()).basicAuth("ladder", "s3cret")).size();

        assertThat(first.takeRequest().getHeaders().get("Authorization")).isEqualTo("Basic bGFkZGVyOnMzY3JldA==");
    }

    @Test
    void sendsTheApiKeyInTheAuthorizationHeader() throws InterruptedException {
        first.enqueue(json(200, INDEX));
        first.enqueue(json(200, COUNT));

        store(config(first.url("/").toString()).apiKey("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="))
                .size();

        assertThat(first.takeRequest().getHeaders().get("Authorization"))
                .isEqualTo("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
    }

    @Test
    void credentialsNeverAppearInTheConfigText() {
        OpenSearchConfig config =
                config(first.url("/").toString()).basicAuth("ladder", "s3cret").build();

        assertThat(config.toString()).doesNotContain("s3cret", "bGFkZGVyOnMzY3JldA==");
    }

    private OpenSearchConfig.Builder config(String... nodes) {
        return OpenSearchConfig.builder(nodes)
                .index("docs")
                .dimensions(3)
                .retryPolicy(fastRetries(2))
                .readTimeout(Duration.ofSeconds(5))
                .addListener(recorder());
    }

    private static OpenSearchStore store(OpenSearchConfig.Builder config) {
        return OpenSearchStore.create(config.build());
    }

    private static RetryPolicy fastRetries(int maxRetries) {
        return RetryPolicy.builder()
                .maxRetries(maxRetries)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(20))
                .jitter(0)
                .build();
    }

    private CallListener recorder() {
        return new CallListener() {
            @Override
            public void onRequest(CallInfo call, int attempt) {
                events.add("request " + attempt + " " + call.operation());
            }

            @Override
            public void onResponse(CallInfo call, int attempt, int status, Duration latency) {
                events.add("response " + attempt + " " + status);
            }

            @Override
            public void onRetry(CallInfo call, int attempt, Duration delay, LadderException cause) {
                events.add("retry " + attempt + " " + cause.getClass().getSimpleName()
                        + (delay.isZero() ? "" : " after " + delay));
            }

            @Override
            public void onComplete(CallInfo call, Duration latency) {
                events.add("complete " + call.operation());
            }
        };
    }

    private static List<Chunk> twoChunks() {
        return List.of(Chunk.of("a", "alpha"), Chunk.of("b", "beta"));
    }

    private static List<float[]> twoVectors() {
        return List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0});
    }

    private static String closedServerUrl() throws IOException {
        try (MockWebServer closed = new MockWebServer()) {
            closed.start();
            return closed.url("/").toString();
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json; charset=UTF-8")
                .body(body)
                .build();
    }
}
