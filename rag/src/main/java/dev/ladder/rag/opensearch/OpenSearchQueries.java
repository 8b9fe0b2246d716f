package dev.ladder.rag.opensearch;

import dev.ladder.rag.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds OpenSearch request bodies as JSON trees: the index mapping, filters and queries. */
final class OpenSearchQueries {
    static final String TEXT = "text";
    static final String VECTOR = "embedding";
    static final String METADATA = "metadata";

    private OpenSearchQueries() {}

    /**
     * Returns the index definition: a lucene HNSW {@code knn_vector} with cosine similarity, the text
     * analysed for BM25, metadata strings as keywords so filters match them exactly, and metadata
     * numbers as doubles so that whole and fractional values compare alike.
     */
    static Map<String, Object> indexDefinition(OpenSearchConfig config) {
        Map<String, Object> method = Map.of(
                "name", "hnsw",
                "engine", "lucene",
                "space_type", "cosinesimil",
                "parameters", Map.of("m", config.hnswM(), "ef_construction", config.hnswEfConstruction()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(TEXT, Map.of("type", "text", "analyzer", config.analyzer()));
        properties.put(VECTOR, Map.of("type", "knn_vector", "dimension", config.dimensions(), "method", method));
        properties.put(METADATA, Map.of("type", "object", "dynamic", true));
        Map<String, Object> strings = Map.of(
                "metadata_strings",
                Map.of(
                        "path_match",
                        METADATA + ".*",
                        "match_mapping_type",
                        "string",
                        "mapping",
                        Map.of("type", "keyword")));
        // Whole numbers would map to long, and a later 2.7 would be indexed as 2: map all numbers to double.
        Map<String, Object> numbers = Map.of(
                "metadata_numbers",
                Map.of(
                        "path_match",
                        METADATA + ".*",
                        "match_mapping_type",
                        "long",
                        "mapping",
                        Map.of("type", "double")));
        Map<String, Object> mappings = new LinkedHashMap<>();
        mappings.put("dynamic_templates", List.of(strings, numbers));
        mappings.put("properties", properties);
        Map<String, Object> index =
                Map.of("knn", true, "number_of_shards", config.shards(), "number_of_replicas", config.replicas());
        return Map.of("settings", Map.of("index", index), "mappings", mappings);
    }

    /** Translates {@code filter} to an OpenSearch query clause over the metadata fields. */
    static Map<String, Object> filter(Filter filter) {
        if (filter instanceof Filter.All) {
            return Map.of("match_all", Map.of());
        }
        if (filter instanceof Filter.Compare compare) {
            return compare(compare);
        }
        if (filter instanceof Filter.In in) {
            return Map.of("terms", Map.of(field(in.key()), in.values()));
        }
        if (filter instanceof Filter.And and) {
            return bool("filter", translateAll(and.filters()));
        }
        if (filter instanceof Filter.Or or) {
            Map<String, Object> bool = new LinkedHashMap<>();
            bool.put("should", translateAll(or.filters()));
            bool.put("minimum_should_match", 1);
            return Map.of("bool", bool);
        }
        Filter.Not not = (Filter.Not) filter;
        return bool("must_not", List.of(filter(not.filter())));
    }

    /** Returns an approximate nearest-neighbour query, filtered inside the HNSW search. */
    static Map<String, Object> knn(float[] vector, int limit, Filter filter) {
        Map<String, Object> knn = new LinkedHashMap<>();
        knn.put("vector", vector);
        knn.put("k", limit);
        if (!(filter instanceof Filter.All)) {
            knn.put("filter", filter(filter));
        }
        return search(Map.of("knn", Map.of(VECTOR, knn)), limit);
    }

    /** Returns a BM25 query over the text, restricted by {@code filter}. */
    static Map<String, Object> bm25(String query, int limit, Filter filter) {
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("must", List.of(Map.of("match", Map.of(TEXT, query))));
        if (!(filter instanceof Filter.All)) {
            bool.put("filter", List.of(filter(filter)));
        }
        return search(Map.of("bool", bool), limit);
    }

    private static Map<String, Object> search(Map<String, Object> query, int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", limit);
        body.put("_source", Map.of("excludes", List.of(VECTOR)));
        body.put("query", query);
        return body;
    }

    private static Map<String, Object> compare(Filter.Compare compare) {
        String field = field(compare.key());
        Object value = compare.value();
        return switch (compare.op()) {
            case EQ -> Map.of("term", Map.of(field, value));
            case NE -> bool("must_not", List.of(Map.of("term", Map.of(field, value))));
            case GT -> range(field, "gt", value);
            case GTE -> range(field, "gte", value);
            case LT -> range(field, "lt", value);
            case LTE -> range(field, "lte", value);
        };
    }

    private static Map<String, Object> range(String field, String op, Object value) {
        return Map.of("range", Map.of(field, Map.of(op, value)));
    }

    private static Map<String, Object> bool(String occur, List<Map<String, Object>> clauses) {
        return Map.of("bool", Map.of(occur, clauses));
    }

    private static List<Map<String, Object>> translateAll(List<Filter> filters) {
        List<Map<String, Object>> clauses = new ArrayList<>();
        filters.forEach(f -> clauses.add(filter(f)));
        return clauses;
    }

    private static String field(String key) {
        return METADATA + "." + key;
    }
}
