package dev.ladder.rag.opensearch;

import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.Passage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Reads search hits into passages. */
final class Hits {
    private Hits() {}

    static List<Passage> passages(Map<String, Object> response, DoubleUnaryOperator score) {
        if (!(path(response, "hits", "hits") instanceof List<?> hits)) {
            throw new MalformedResponseException("OpenSearch search response has no hits.hits: " + response.keySet());
        }
        List<Passage> passages = new ArrayList<>(hits.size());
        for (Object hit : hits) {
            Map<?, ?> h = (Map<?, ?>) hit;
            Map<?, ?> source = (Map<?, ?>) h.get("_source");
            passages.add(new Passage(
                    String.valueOf(h.get("_id")),
                    String.valueOf(source.get(OpenSearchQueries.TEXT)),
                    score.applyAsDouble(((Number) h.get("_score")).doubleValue()),
                    metadata(source.get(OpenSearchQueries.METADATA))));
        }
        return passages;
    }

    /** Returns the value at {@code keys} in nested maps, or null where the path ends early. */
    static Object path(Map<?, ?> tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    private static Map<String, Object> metadata(Object stored) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (stored instanceof Map<?, ?> map) {
            // JSON has one number type: give integral values back as Long, as they were most likely stored.
            map.forEach((key, value) -> metadata.put(String.valueOf(key), integral(value)));
        }
        return metadata;
    }

    private static Object integral(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return value;
    }
}
