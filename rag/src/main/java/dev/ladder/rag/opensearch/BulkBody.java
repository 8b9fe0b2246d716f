package dev.ladder.rag.opensearch;

import dev.ladder.core.MalformedResponseException;
import dev.ladder.rag.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes bulk request bodies (newline-delimited JSON) and reads the per-item results. */
final class BulkBody {
    private BulkBody() {}

    static String index(String index, List<Chunk> chunks, List<float[]> vectors) {
        StringBuilder body = new StringBuilder(chunks.size() * (vectors.get(0).length * 12 + 256));
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            body.append("{\"index\":{\"_index\":");
            Json.string(body, index);
            body.append(",\"_id\":");
            Json.string(body, chunk.id());
            body.append("}}\n{\"").append(OpenSearchQueries.TEXT).append("\":");
            Json.string(body, chunk.text());
            body.append(",\"").append(OpenSearchQueries.VECTOR).append("\":");
            Json.value(body, vectors.get(i));
            body.append(",\"").append(OpenSearchQueries.METADATA).append("\":");
            Json.value(body, chunk.metadata());
            body.append("}\n");
        }
        return body.toString();
    }

    static String delete(String index, List<String> ids) {
        StringBuilder body = new StringBuilder();
        for (String id : ids) {
            body.append("{\"delete\":{\"_index\":");
            Json.string(body, index);
            body.append(",\"_id\":");
            Json.string(body, id);
            body.append("}}\n");
        }
        return body.toString();
    }

    /** Returns the items OpenSearch refused; a delete of a missing id is not a refusal. */
    static List<BulkIndexException.Rejection> rejections(Map<String, Object> response) {
        List<BulkIndexException.Rejection> rejections = new ArrayList<>();
        if (!Boolean.TRUE.equals(response.get("errors"))) {
            return rejections;
        }
        if (!(response.get("items") instanceof List<?> items)) {
            throw new MalformedResponseException(
                    "OpenSearch bulk response reports errors but has no items: " + response);
        }
        for (Object item : items) {
            Map<?, ?> result =
                    (Map<?, ?>) ((Map<?, ?>) item).values().iterator().next();
            if (result.get("error") instanceof Map<?, ?> error) {
                rejections.add(new BulkIndexException.Rejection(
                        String.valueOf(result.get("_id")),
                        ((Number) result.get("status")).intValue(),
                        String.valueOf(error.get("type")),
                        String.valueOf(error.get("reason"))));
            }
        }
        return rejections;
    }
}
