package dev.ladder.peft.dataset;

import dev.ladder.peft.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a fine-tuning JSONL file line by line before anything is uploaded: each line valid JSON, known
 * roles in a valid order, an assistant turn to learn from, well-formed tool calls and weights, examples
 * within the token limit, and the file within size and count limits. Immutable and thread-safe.
 *
 * <p>Defaults follow OpenAI's documented minimum of 10 examples and the 4,096-token-per-example check of
 * OpenAI's data-preparation cookbook; raise {@link Builder#maxTokensPerExample} to the training context of
 * your base model.
 */
public final class DatasetValidator {
    private final DatasetFormat format;
    private final int minExamples;
    private final int maxExamples;
    private final int maxTokensPerExample;
    private final long maxFileBytes;
    private final TokenEstimator estimator;
    private final List<String> graderFields;

    private DatasetValidator(Builder b) {
        this.format = b.format;
        this.minExamples = b.minExamples;
        this.maxExamples = b.maxExamples;
        this.maxTokensPerExample = b.maxTokensPerExample;
        this.maxFileBytes = b.maxFileBytes;
        this.estimator = b.estimator;
        this.graderFields = List.copyOf(b.graderFields);
    }

    /** Returns a builder with the defaults: chat format, 10 to 1,000,000 examples, 4,096 tokens, 8 GB. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a validator for {@code format} with every other setting at its default. */
    public static DatasetValidator of(DatasetFormat format) {
        return builder().format(format).build();
    }

    /** Returns the token estimator this validator counts with. */
    public TokenEstimator estimator() {
        return estimator;
    }

    /**
     * Validates the JSONL file at {@code file}.
     *
     * @throws UncheckedIOException if the file cannot be read; a file that is not UTF-8 is reported as an
     *     issue instead.
     */
    public ValidationReport validate(Path file) {
        Objects.requireNonNull(file, "file");
        List<Issue> fileIssues = new ArrayList<>();
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                fileIssues.add(new Issue(
                        0,
                        Severity.ERROR,
                        "file_too_large",
                        String.format(
                                Locale.ROOT,
                                "%,d bytes, over the limit of %,d: split the dataset or raise maxFileBytes",
                                size,
                                maxFileBytes)));
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return validate(reader, file.getFileName().toString(), fileIssues);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Validates JSONL lines from {@code reader}, naming them {@code source} in the report. Does not close
     * the reader.
     *
     * @throws UncheckedIOException if reading fails.
     */
    public ValidationReport validate(BufferedReader reader, String source) {
        try {
            return validate(reader, source, new ArrayList<>());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + source + ": " + e.getMessage(), e);
        }
    }

    private ValidationReport validate(BufferedReader reader, String source, List<Issue> fileIssues) throws IOException {
        ExampleCheck check = new ExampleCheck(format, estimator, graderFields);
        List<Issue> issues = new ArrayList<>();
        List<ExampleStats> examples = new ArrayList<>();
        int lineNumber = 0;
        int count = 0;
        String line;
        while ((line = readLine(reader, lineNumber + 1, issues)) != null) {
            lineNumber++;
            if (line.isBlank()) {
                issues.add(new Issue(
                        lineNumber,
                        Severity.WARNING,
                        "blank_line",
                        "blank line is skipped: remove it, some providers reject JSONL with empty lines"));
                continue;
            }
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                issues.add(new Issue(
                        1,
                        Severity.WARNING,
                        "byte_order_mark",
                        "the file starts with a byte order mark, which was skipped: save it as UTF-8 without BOM"));
                line = line.substring(1);
            }
            count++;
            ExampleStats stats = checkLine(check, lineNumber, line, new LineIssues(lineNumber, issues));
            if (stats != null) {
                examples.add(stats);
            }
        }
        issues.addAll(countIssues(count));
        issues.addAll(fileIssues);
        issues.sort(Comparator.comparingInt((Issue i) -> i.line() == 0 ? Integer.MAX_VALUE : i.line()));
        return new ValidationReport(source, format, count, issues, examples);
    }

    private static String readLine(BufferedReader reader, int lineNumber, List<Issue> issues) throws IOException {
        try {
            return reader.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            issues.add(new Issue(
                    lineNumber,
                    Severity.ERROR,
                    "not_utf8",
                    "not valid UTF-8; validation stopped here: save the file as UTF-8"));
            return null;
        }
    }

    private ExampleStats checkLine(ExampleCheck check, int lineNumber, String line, LineIssues issues) {
        Object parsed;
        try {
            parsed = Json.parse(line);
        } catch (IOException | RuntimeException e) {
            issues.error(
                    "invalid_json", "not valid JSON (" + e.getMessage() + "): each line must be one JSON" + " object");
            return null;
        }
        if (!(parsed instanceof Map<?, ?> example)) {
            issues.error(
                    "not_object", "a JSON " + kind(parsed) + ", not an object: each line must be one JSON" + " object");
            return null;
        }
        ExampleStats stats = check.check(lineNumber, example, issues);
        if (stats != null && stats.tokens() > maxTokensPerExample) {
            issues.error(
                    "too_many_tokens",
                    String.format(
                            Locale.ROOT,
                            "about %,d tokens, over the limit of %,d per example: it would be truncated in training;"
                                    + " shorten it or raise maxTokensPerExample",
                            stats.tokens(),
                            maxTokensPerExample));
        }
        return stats;
    }

    private List<Issue> countIssues(int count) {
        if (count < minExamples) {
            return List.of(new Issue(
                    0,
                    Severity.ERROR,
                    "too_few_examples",
                    String.format(
                            Locale.ROOT,
                            "%,d examples, fewer than the minimum of %,d: add examples",
                            count,
                            minExamples)));
        }
        if (count > maxExamples) {
            return List.of(new Issue(
                    0,
                    Severity.ERROR,
                    "too_many_examples",
                    String.format(
                            Locale.ROOT,
                            "%,d examples, more than the maximum of %,d: split the dataset",
                            count,
                            maxExamples)));
        }
        return List.of();
    }

    private static final Pattern ITEM_FIELD = Pattern.compile("\\{\\{\\s*item\\.([A-Za-z0-9_]+)");

    private static void collectItemFields(Object value, Set<String> fields) {
        if (value instanceof String text) {
            Matcher m = ITEM_FIELD.matcher(text);
            while (m.find()) {
                fields.add(m.group(1));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectItemFields(v, fields));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectItemFields(v, fields));
        }
    }

    private static String kind(Object value) {
        if (value instanceof List) {
            return "array";
        }
        return value == null
                ? "null"
                : value instanceof String
                        ? "string"
                        : value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** Collects the settings of a {@link DatasetValidator}. Not thread-safe. */
    public static final class Builder {
        private DatasetFormat format = DatasetFormat.CHAT;
        private int minExamples = 10;
        private int maxExamples = 1_000_000;
        private int maxTokensPerExample = 4096;
        private long maxFileBytes = 8L * 1024 * 1024 * 1024;
        private TokenEstimator estimator = TokenEstimator.heuristic();
        private final Set<String> graderFields = new TreeSet<>();

        private Builder() {}

        /**
         * Requires every line of a {@link DatasetFormat#REINFORCEMENT} file to carry the top-level fields
         * that {@code grader} reads, found in its templates as {@code {{item.field}}} or
         * {@code {{ item.field }}}. The grader is the object passed to
         * {@code OpenAiJobRequest.Builder.reinforcement}.
         */
        public Builder graderFields(Map<String, ?> grader) {
            Objects.requireNonNull(grader, "grader");
            collectItemFields(grader, graderFields);
            return this;
        }

        /** Sets the line format to check against; default {@link DatasetFormat#CHAT}. */
        public Builder format(DatasetFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Sets the fewest examples accepted; default 10, OpenAI's minimum. */
        public Builder minExamples(int minExamples) {
            this.minExamples = positive(minExamples, "minExamples");
            return this;
        }

        /** Sets the most examples accepted; default 1,000,000. */
        public Builder maxExamples(int maxExamples) {
            this.maxExamples = positive(maxExamples, "maxExamples");
            return this;
        }

        /** Sets the token limit of one example; default 4,096. Longer examples are errors. */
        public Builder maxTokensPerExample(int maxTokensPerExample) {
            this.maxTokensPerExample = positive(maxTokensPerExample, "maxTokensPerExample");
            return this;
        }

        /** Sets the largest file size accepted in bytes; default 8 GB, the most an OpenAI upload takes. */
        public Builder maxFileBytes(long maxFileBytes) {
            if (maxFileBytes <= 0) {
                throw new IllegalArgumentException("maxFileBytes must be positive but was " + maxFileBytes);
            }
            this.maxFileBytes = maxFileBytes;
            return this;
        }

        /** Sets the token estimator; default {@link TokenEstimator#heuristic()}. */
        public Builder tokenEstimator(TokenEstimator estimator) {
            this.estimator = Objects.requireNonNull(estimator, "estimator");
            return this;
        }

        /**
         * Builds the validator.
         *
         * @throws IllegalArgumentException if minExamples exceeds maxExamples.
         */
        public DatasetValidator build() {
            if (minExamples > maxExamples) {
                throw new IllegalArgumentException(
                        "minExamples " + minExamples + " exceeds maxExamples " + maxExamples + ": lower one of them");
            }
            return new DatasetValidator(this);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }
    }
}
