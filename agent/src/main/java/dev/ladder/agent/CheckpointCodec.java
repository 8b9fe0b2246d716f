package dev.ladder.agent;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes checkpoints and pending writes as versioned JSON documents and reads them back with a
 * schema. Every state value is read with its key's type; a value that cannot be read fails with a
 * {@link CheckpointException} naming the key, never turning into null. Thread-safe.
 */
final class CheckpointCodec {
    static final String FORMAT = "ladder-checkpoint";
    static final int VERSION = 1;

    private final Schema schema;
    private final JsonAdapter<Object> trees = Json.MOSHI.adapter(Object.class);

    CheckpointCodec(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    String encode(Checkpoint c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("threadId", c.threadId());
        doc.put("id", c.id());
        doc.put("parentId", c.parentId());
        doc.put("step", c.step());
        doc.put("source", c.source());
        doc.put("writer", c.writer());
        doc.put("error", c.error());
        doc.put("createdAt", c.createdAt().toString());
        doc.put("values", values(c.values()));
        doc.put("next", c.next().stream().map(this::task).toList());
        Map<String, Object> joins = new TreeMap<>();
        c.joins().forEach((id, seen) -> joins.put(id, List.copyOf(new TreeSet<>(seen))));
        doc.put("joins", joins);
        doc.put(
                "interrupts",
                c.interrupts().stream().map(CheckpointCodec::interrupt).toList());
        doc.put("resumes", new TreeMap<>(c.resumes()));
        return trees.toJson(doc);
    }

    /** Returns the values as JSON trees in the schema's key order, so equal states encode equally. */
    private Map<String, Object> values(Map<String, Object> values) {
        Map<String, Object> trees = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            schema.require(name);
        }
        for (Key<?> key : schema.keys()) {
            Object value = values.get(key.name());
            if (value != null) {
                trees.put(key.name(), Json.adapter(key.type()).toJsonValue(value));
            }
        }
        return trees;
    }

    String encode(PendingWrite write) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "ladder-write");
        doc.put("version", VERSION);
        doc.put("taskId", write.taskId());
        doc.put("node", write.node());
        doc.put("update", update(write.update()));
        return trees.toJson(doc);
    }

    Checkpoint decode(String json, List<PendingWrite> writes) {
        Map<?, ?> doc = parse(json, FORMAT);
        String where = "checkpoint '" + doc.get("id") + "' of thread '" + doc.get("threadId") + "'";
        Map<String, Object> values = new LinkedHashMap<>();
        ((Map<?, ?>) doc.get("values"))
                .forEach((name, tree) -> values.put((String) name, value((String) name, tree, where)));
        List<Task> next = new ArrayList<>();
        for (Object item : (List<?>) doc.get("next")) {
            Map<?, ?> task = (Map<?, ?>) item;
            next.add(new Task((String) task.get("id"), (String) task.get("node"), update(task.get("input"), where)));
        }
        Map<String, Set<String>> joins = new LinkedHashMap<>();
        ((Map<?, ?>) doc.get("joins")).forEach((id, seen) -> joins.put((String) id, strings((List<?>) seen)));
        List<Interrupt> interrupts = new ArrayList<>();
        for (Object item : (List<?>) doc.get("interrupts")) {
            Map<?, ?> interrupt = (Map<?, ?>) item;
            interrupts.add(new Interrupt(
                    (String) interrupt.get("id"), (String) interrupt.get("node"), interrupt.get("payload")));
        }
        Map<String, List<Object>> resumes = new LinkedHashMap<>();
        ((Map<?, ?>) doc.get("resumes"))
                .forEach((task, answers) -> resumes.put((String) task, new ArrayList<>((List<?>) answers)));
        return new Checkpoint(
                (String) doc.get("threadId"),
                (String) doc.get("id"),
                (String) doc.get("parentId"),
                ((Number) doc.get("step")).intValue(),
                values,
                next,
                joins,
                writes,
                interrupts,
                resumes,
                (String) doc.get("source"),
                (String) doc.get("writer"),
                (String) doc.get("error"),
                Instant.parse((String) doc.get("createdAt")));
    }

    PendingWrite decodeWrite(String json) {
        Map<?, ?> doc = parse(json, "ladder-write");
        String where = "pending write of task '" + doc.get("taskId") + "'";
        return new PendingWrite((String) doc.get("taskId"), (String) doc.get("node"), update(doc.get("update"), where));
    }

    private Map<?, ?> parse(String json, String format) {
        Object tree;
        try {
            tree = trees.fromJson(json);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("a stored " + format + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(tree instanceof Map<?, ?> doc) || !format.equals(doc.get("format"))) {
            throw new CheckpointException("a stored document is not a " + format + ": it starts with "
                    + json.substring(0, Math.min(80, json.length())));
        }
        int version = ((Number) doc.get("version")).intValue();
        if (version > VERSION) {
            throw new CheckpointException("a stored " + format + " has format version " + version
                    + ", newer than this Ladder reads (" + VERSION + "): upgrade Ladder to read it");
        }
        return doc;
    }

    private Object value(String name, Object tree, String where) {
        Key<?> key = schema.key(name)
                .orElseThrow(() -> new CheckpointException("state key '" + name + "' stored in " + where
                        + " is not declared in the graph's schema: declare it, or start a new thread"));
        Object value;
        try {
            value = Json.adapter(key.type()).fromJsonValue(tree);
        } catch (RuntimeException e) {
            throw unreadable(key, where, e.getMessage(), e);
        }
        if (value == null) {
            throw unreadable(key, where, "the stored value is null", null);
        }
        return value;
    }

    private static CheckpointException unreadable(Key<?> key, String where, String why, Throwable cause) {
        return new CheckpointException(
                "cannot read state key '" + key.name() + "' of " + where + " as "
                        + key.type().getTypeName() + ": " + why + "; the key's type changed since it was stored",
                cause);
    }

    private Map<String, Object> task(Task task) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", task.id());
        map.put("node", task.node());
        map.put("input", update(task.input()));
        return map;
    }

    private static Map<String, Object> interrupt(Interrupt interrupt) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", interrupt.id());
        map.put("node", interrupt.node());
        map.put("payload", Json.tree(interrupt.payload()));
        return map;
    }

    private Map<String, Object> update(Update update) {
        List<Object> writes = new ArrayList<>();
        for (Write write : update.writes()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", write.key().name());
            map.put("value", Json.adapter(write.key().type()).toJsonValue(write.value()));
            map.put("overwrite", write.overwrite());
            writes.add(map);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("writes", writes);
        map.put("goTo", update.gotos());
        return map;
    }

    private Update update(Object tree, String where) {
        Map<?, ?> map = (Map<?, ?>) tree;
        Update update = Update.empty();
        for (Object item : (List<?>) map.get("writes")) {
            Map<?, ?> write = (Map<?, ?>) item;
            update = append(
                    update,
                    (String) write.get("key"),
                    write.get("value"),
                    Boolean.TRUE.equals(write.get("overwrite")),
                    where);
        }
        return update.andGoTo(strings((List<?>) map.get("goTo")).toArray(String[]::new));
    }

    private <T> Update append(Update update, String name, Object tree, boolean overwrite, String where) {
        @SuppressWarnings("unchecked") // the key was looked up by the name it was written under
        Key<T> key = (Key<T>) schema.key(name)
                .orElseThrow(() -> new CheckpointException(
                        "state key '" + name + "' written in " + where + " is not declared in the graph's schema"));
        T value = key.cast(value(name, tree, where));
        return overwrite ? update.andOverwrite(key, value) : update.and(key, value);
    }

    private static Set<String> strings(List<?> list) {
        Set<String> strings = new LinkedHashSet<>();
        list.forEach(item -> strings.add((String) item));
        return strings;
    }
}
