package dev.ladder.core.eval;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named list of cases to run strategies on.
 *
 * @param name what the data set is, shown in reports.
 * @param cases the cases, at least one, with unique ids.
 */
public record EvalDataset(String name, List<EvalCase> cases) {
    private static final JsonAdapter<Map<String, Object>> LINE =
            new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    public EvalDataset {
        Objects.requireNonNull(name, "name");
        cases = List.copyOf(cases);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("data set '" + name + "' has no cases: add at least one");
        }
        Set<String> ids = new HashSet<>();
        for (EvalCase testCase : cases) {
            if (!ids.add(testCase.id())) {
                throw new IllegalArgumentException(
                        "data set '" + name + "' has two cases with id '" + testCase.id() + "': make ids unique");
            }
        }
    }

    /** Creates a data set of {@code cases}. */
    public static EvalDataset of(String name, EvalCase... cases) {
        return new EvalDataset(name, List.of(cases));
    }

    /**
     * Reads a data set from a JSON Lines file: one object per line with a string {@code input}, an
     * optional string {@code expected} and an optional string {@code id} (the line number when
     * absent). Blank lines are skipped. The data set is named after the file, without extension.
     *
     * @throws IllegalArgumentException if a line is not such an object; the message names the line.
     * @throws UncheckedIOException if the file cannot be read.
     */
    public static EvalDataset fromJsonl(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data set " + file, e);
        }
        List<EvalCase> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                cases.add(parseLine(file, i + 1, lines.get(i)));
            }
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return new EvalDataset(dot > 0 ? fileName.substring(0, dot) : fileName, cases);
    }

    private static EvalCase parseLine(Path file, int number, String line) {
        Map<String, Object> object;
        try {
            object = LINE.fromJson(line);
        } catch (IOException | JsonDataException e) {
            throw new IllegalArgumentException(
                    "line " + number + " of " + file + " is not a JSON object: " + e.getMessage(), e);
        }
        String id = text(object, "id", file, number);
        String input = text(object, "input", file, number);
        if (input == null) {
            throw new IllegalArgumentException(
                    "line " + number + " of " + file + " has no \"input\": give each case a string input");
        }
        return new EvalCase(
                id == null ? String.valueOf(number) : id, input, text(object, "expected", file, number), null);
    }

    private static String text(Map<String, Object> object, String field, Path file, int number) {
        Object value = object.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(
                "line " + number + " of " + file + " has a " + field + " that is not a" + " string: " + value);
    }
}
