package dev.ladder.rag.opensearch;

import dev.ladder.core.CancelledException;
import dev.ladder.core.http.RetryPolicy;
import dev.ladder.rag.Chunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes chunks and deletions through the bulk API in batches. OpenSearch answers a bulk request
 * item by item; items it turned away because it was overloaded (status 429) are sent again, alone,
 * after the retry policy's backoff, up to its retry count. Other refusals are final and returned.
 */
final class BulkWriter {
    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final int OVERLOADED = 429;

    private final OpenSearchHttp http;
    private final OpenSearchConfig config;
    private final RetryPolicy retries;

    BulkWriter(OpenSearchHttp http, OpenSearchConfig config) {
        this.http = http;
        this.config = config;
        this.retries = config.client().retryPolicy();
    }

    /** Indexes {@code chunks}, whose ids are distinct, and returns what OpenSearch refused. */
    List<BulkIndexException.Rejection> index(List<Chunk> chunks, List<float[]> vectors) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> ids = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            positions.put(chunks.get(i).id(), i);
            ids.add(chunks.get(i).id());
        }
        return inBatches(ids, batch -> {
            List<Chunk> batchChunks = new ArrayList<>(batch.size());
            List<float[]> batchVectors = new ArrayList<>(batch.size());
            for (String id : batch) {
                batchChunks.add(chunks.get(positions.get(id)));
                batchVectors.add(vectors.get(positions.get(id)));
            }
            return BulkBody.index(config.index(), batchChunks, batchVectors);
        });
    }

    /** Deletes {@code ids} and returns what OpenSearch refused; a missing id is not refused. */
    List<BulkIndexException.Rejection> delete(List<String> ids) {
        return inBatches(ids, batch -> BulkBody.delete(config.index(), batch));
    }

    private List<BulkIndexException.Rejection> inBatches(List<String> ids, Function<List<String>, String> body) {
        List<BulkIndexException.Rejection> rejections = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += config.batchSize()) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + config.batchSize()));
            rejections.addAll(send(batch, body));
        }
        return rejections;
    }

    private List<BulkIndexException.Rejection> send(List<String> batch, Function<List<String>, String> body) {
        List<BulkIndexException.Rejection> refused = new ArrayList<>();
        List<String> pending = batch;
        for (int retry = 1; ; retry++) {
            List<BulkIndexException.Rejection> rejections =
                    BulkBody.rejections(http.bulk("_bulk", body.apply(pending), config.refreshOnWrite()));
            List<String> overloaded = new ArrayList<>();
            for (BulkIndexException.Rejection rejection : rejections) {
                if (rejection.status() == OVERLOADED && retry <= retries.maxRetries()) {
                    overloaded.add(rejection.id());
                } else {
                    refused.add(rejection);
                }
            }
            if (overloaded.isEmpty()) {
                return refused;
            }
            Duration wait = retries.backoff(retry, ThreadLocalRandom.current().nextDouble());
            log.debug(
                    "OpenSearch turned away {} bulk item(s) as overloaded; retry {} in {}",
                    overloaded.size(),
                    retry,
                    wait);
            pause(wait);
            pending = overloaded;
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while waiting to resend bulk items OpenSearch turned away");
        }
    }
}
