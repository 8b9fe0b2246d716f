package dev.ladder.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON file of recorded exchanges, each a request tree and what answered it. Requests match by
 * their canonical JSON (keys sorted, numbers normalised). Identical requests recorded several times
 * are answered in recorded order, the last one repeating. Every added exchange is written at once
 * through a temporary file, so an interrupted run loses nothing already recorded. Thread-safe.
 */
final class Cassette {
    private static final int FORMAT = 1;

    private final Path file;
    private final String kind;
    private final List<Map<String, Object>> exchanges = new ArrayList<>();
    private final Map<String, List<Integer>> byFingerprint = new HashMap<>();
    private final Map<String, Integer> replayed = new HashMap<>();

    private Cassette(Path file, String kind) {
        this.file = file;
        this.kind = kind;
    }

    /**
     * Opens the cassette at {@code file} for {@code mode}: empty for {@link RecordMode#RECORD}, read
     * from the file otherwise.
     *
     * @throws IllegalArgumentException if replaying a file that does not exist, or the file is not a
     *     cassette of {@code kind}.
     */
    static Cassette open(Path file, String kind, RecordMode mode) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mode, "mode");
        Cassette cassette = new Cassette(file.toAbsolutePath(), kind);
        if (mode == RecordMode.RECORD) {
            return cassette;
        }
        if (Files.exists(file)) {
            cassette.load();
        } else if (mode == RecordMode.REPLAY) {
            throw new IllegalArgumentException("cassette " + cassette.file
                    + " does not exist: record it first with RecordMode.RECORD or RecordMode.RECORD_IF_MISSING");
        }
        return cassette;
    }

    /** Returns the canonical text that requests are matched on. */
    static String fingerprint(Object requestTree) {
        return Json.canonical(Json.parse(Json.canonical(requestTree), "request"));
    }

    /** Returns the exchange recorded for {@code request}, taking identical requests in order. */
    synchronized Optional<Map<String, Object>> find(Map<String, Object> request) {
        String fingerprint = fingerprint(request);
        List<Integer> matches = byFingerprint.get(fingerprint);
        if (matches == null) {
            return Optional.empty();
        }
        int seen = replayed.merge(fingerprint, 1, Integer::sum) - 1;
        return Optional.of(exchanges.get(matches.get(Math.min(seen, matches.size() - 1))));
    }

    /** Adds an exchange of {@code request} and the fields of {@code outcome}, and saves the file. */
    synchronized void add(Map<String, Object> request, Map<String, Object> outcome) {
        Map<String, Object> exchange = new LinkedHashMap<>();
        exchange.put("request", Json.parse(Json.pretty(request), "request"));
        exchange.putAll(outcome);
        index(exchange);
        replayed.merge(fingerprint(request), 1, Integer::sum);
        save();
    }

    /** Returns a message that shows {@code request} and the closest recorded request. */
    synchronized String missMessage(Map<String, Object> request) {
        String wanted = Json.canonicalPretty(Json.parse(Json.canonical(request), "request"));
        StringBuilder message = new StringBuilder("no recorded exchange in ")
                .append(file)
                .append(" matches this request:\n")
                .append(wanted)
                .append('\n');
        closest(wanted)
                .ifPresentOrElse(
                        index -> describeClosest(message, wanted, index),
                        () -> message.append("The cassette holds no exchanges.\n"));
        return message.append("Record it with RecordMode.RECORD_IF_MISSING, or change the request back.")
                .toString();
    }

    private void describeClosest(StringBuilder message, String wanted, int index) {
        String recorded = Json.canonicalPretty(exchanges.get(index).get("request"));
        String[] wantedLines = wanted.split("\n");
        String[] recordedLines = recorded.split("\n");
        int line = 0;
        while (line < wantedLines.length
                && line < recordedLines.length
                && wantedLines[line].equals(recordedLines[line])) {
            line++;
        }
        message.append("The closest recorded request, exchange ")
                .append(index + 1)
                .append(" of ")
                .append(exchanges.size())
                .append(", first differs at line ")
                .append(line + 1)
                .append(":\n  recorded: ")
                .append(line < recordedLines.length ? recordedLines[line].trim() : "(end)")
                .append("\n  this:     ")
                .append(line < wantedLines.length ? wantedLines[line].trim() : "(end)")
                .append("\nIt reads:\n")
                .append(recorded)
                .append('\n');
    }

    private Optional<Integer> closest(String wanted) {
        List<String> wantedLines = List.of(wanted.split("\n"));
        int best = -1;
        long bestLines = Long.MIN_VALUE;
        int bestEnds = -1;
        for (int i = 0; i < exchanges.size(); i++) {
            String recorded = Json.canonicalPretty(exchanges.get(i).get("request"));
            long lines = commonLines(wantedLines, List.of(recorded.split("\n")));
            int ends = commonEnds(wanted, recorded);
            if (lines > bestLines || (lines == bestLines && ends > bestEnds)) {
                best = i;
                bestLines = lines;
                bestEnds = ends;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    /** Returns the length of the common prefix plus the common suffix, to rank near misses. */
    private static int commonEnds(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        int prefix = 0;
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        return prefix + suffix;
    }

    private static long commonLines(List<String> a, List<String> b) {
        Map<String, Integer> counts = new HashMap<>();
        a.forEach(line -> counts.merge(line, 1, Integer::sum));
        long common = 0;
        for (String line : b) {
            Integer count = counts.get(line);
            if (count != null && count > 0) {
                counts.put(line, count - 1);
                common++;
            }
        }
        return common - Math.abs(a.size() - b.size());
    }

    private void index(Map<String, Object> exchange) {
        exchanges.add(exchange);
        byFingerprint
                .computeIfAbsent(fingerprint(exchange.get("request")), k -> new ArrayList<>())
                .add(exchanges.size() - 1);
    }

    private void load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cassette " + file, e);
        }
        Map<String, Object> tree = Trees.map(Json.parse(text, "cassette " + file));
        if (!kind.equals(tree.get("kind"))) {
            throw new IllegalArgumentException("cassette " + file + " holds '" + tree.get("kind") + "' exchanges, not '"
                    + kind + "': use a separate file for each kind of model");
        }
        for (Object exchange : Trees.list(tree, "exchanges")) {
            index(Trees.map(exchange));
        }
    }

    private void save() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("ladderCassette", FORMAT);
        tree.put("kind", kind);
        tree.put("exchanges", exchanges);
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, Json.pretty(tree) + "\n", StandardCharsets.UTF_8);
            move(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cassette " + file, e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
