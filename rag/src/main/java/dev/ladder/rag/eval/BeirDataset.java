package dev.ladder.rag.eval;

import com.squareup.moshi.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;

/**
 * A retrieval test collection in the layout of BEIR (Thakur et al. 2021): {@code corpus.jsonl}
 * (one {@code {"_id", "title", "text"}} object per line), {@code queries.jsonl} (one
 * {@code {"_id", "text"}} per line) and {@code qrels/<split>.tsv} (a header line, then
 * {@code query-id, corpus-id, score} separated by tabs; a score above 0 means relevant).
 *
 * @param corpus documents by id, in file order.
 * @param queries query texts by id, only the queries that have judgements in the split, in file order.
 * @param qrels relevance grades by query id, then document id.
 */
public record BeirDataset(
        Map<String, BeirDocument> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {

    public BeirDataset {
        corpus = Collections.unmodifiableMap(new LinkedHashMap<>(corpus));
        queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        qrels.forEach((query, grades) -> copy.put(query, Map.copyOf(grades)));
        qrels = Collections.unmodifiableMap(copy);
    }

    /**
     * Loads the {@code test} split of the collection in {@code folder}.
     *
     * @throws IllegalArgumentException if a file is missing or a line is malformed; the message
     *     names the file and line.
     * @throws UncheckedIOException if a file cannot be read.
     */
    public static BeirDataset load(Path folder) {
        return load(folder, "test");
    }

    /**
     * Loads the collection in {@code folder} with the judgements of {@code split}
     * ({@code qrels/<split>.tsv}).
     *
     * @throws IllegalArgumentException if a file is missing or a line is malformed; the message
     *     names the file and line.
     * @throws UncheckedIOException if a file cannot be read.
     */
    public static BeirDataset load(Path folder, String split) {
        Objects.requireNonNull(split, "split");
        Map<String, Map<String, Integer>> qrels =
                readQrels(require(folder.resolve("qrels").resolve(split + ".tsv")));
        Map<String, String> queries = new LinkedHashMap<>();
        readJsonl(require(folder.resolve("queries.jsonl")), (line, fields) -> {
            if (qrels.containsKey(fields.get("_id"))) {
                queries.put(fields.get("_id"), fields.getOrDefault("text", ""));
            }
        });
        Map<String, BeirDocument> corpus = new LinkedHashMap<>();
        readJsonl(require(folder.resolve("corpus.jsonl")), (line, fields) -> {
            String id = fields.get("_id");
            corpus.put(id, new BeirDocument(id, fields.getOrDefault("title", ""), fields.getOrDefault("text", "")));
        });
        return new BeirDataset(corpus, queries, qrels);
    }

    private static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "missing " + file + ": a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv");
        }
        return file;
    }

    private static Map<String, Map<String, Integer>> readQrels(Path file) {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || (number == 1 && line.startsWith("query-id"))) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    throw new IllegalArgumentException(file + " line " + number
                            + ": expected query-id, corpus-id and score separated by tabs, got '" + line + "'");
                }
                qrels.computeIfAbsent(parts[0], q -> new LinkedHashMap<>())
                        .put(parts[1], grade(file, number, parts[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return qrels;
    }

    private static int grade(Path file, int number, String score) {
        try {
            return Integer.parseInt(score.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + " line " + number + ": score '" + score + "' is not an integer", e);
        }
    }

    /** Receives the string fields of one JSON line. */
    private interface LineSink {
        void accept(int line, Map<String, String> fields);
    }

    private static void readJsonl(Path file, LineSink sink) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    Map<String, String> fields = fields(file, number, line);
                    sink.accept(number, fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> fields(Path file, int number, String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonReader json = JsonReader.of(new Buffer().writeUtf8(line))) {
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (json.peek() == JsonReader.Token.STRING) {
                    fields.put(name, json.nextString());
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + " line " + number + ": not a JSON object (" + e.getMessage() + ")", e);
        }
        if (!fields.containsKey("_id")) {
            throw new IllegalArgumentException(file + " line " + number + ": no \"_id\" string field");
        }
        return fields;
    }
}
