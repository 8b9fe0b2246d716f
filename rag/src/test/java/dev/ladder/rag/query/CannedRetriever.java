package dev.ladder.rag.query;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test retriever that answers each query with the passages given for it and records the queries. */
final class CannedRetriever implements Retriever {
    private final Map<String, List<Passage>> answers = new HashMap<>();
    private final List<String> queries = new ArrayList<>();
    private final List<Integer> limits = new ArrayList<>();

    CannedRetriever answer(String query, Passage... passages) {
        answers.put(query, List.of(passages));
        return this;
    }

    @Override
    public synchronized List<Passage> retrieve(String query, int limit) {
        queries.add(query);
        limits.add(limit);
        List<Passage> found = answers.getOrDefault(query, List.of());
        return found.subList(0, Math.min(limit, found.size()));
    }

    List<String> queries() {
        return queries;
    }

    List<Integer> limits() {
        return limits;
    }

    static Passage passage(String id, double score) {
        return new Passage(id, "text of " + id, score, Map.of());
    }
}
