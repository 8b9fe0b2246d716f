package dev.ladder.core.testing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** How a record-and-replay wrapper treats its cassette file. */
public enum RecordMode {
    /** Calls the real model for every request and writes a new cassette, replacing the old file. */
    RECORD,
    /** Answers only from the cassette; a request it does not hold fails. Never calls the real model. */
    REPLAY,
    /** Answers from the cassette when it holds the request, otherwise calls the real model and adds the exchange. */
    RECORD_IF_MISSING;

    /** The system property that {@link #fromEnv} reads first. */
    public static final String PROPERTY = "ladder.record.mode";

    /** The environment variable that {@link #fromEnv} reads when the property is unset. */
    public static final String VARIABLE = "LADDER_RECORD_MODE";

    /**
     * Returns the mode named by the system property {@value #PROPERTY} or else the environment
     * variable {@value #VARIABLE} (case-insensitive, such as {@code record_if_missing}), or
     * {@code defaultMode} when neither is set. Lets a build re-record cassettes without code changes.
     *
     * @throws IllegalArgumentException if the setting names no mode.
     */
    public static RecordMode fromEnv(RecordMode defaultMode) {
        return fromEnv(defaultMode, System.getenv());
    }

    /** Returns the mode as {@link #fromEnv(RecordMode)} does, reading the variable from {@code env}. */
    static RecordMode fromEnv(RecordMode defaultMode, Map<String, String> env) {
        Objects.requireNonNull(defaultMode, "defaultMode");
        String setting = System.getProperty(PROPERTY);
        String source = PROPERTY;
        if (setting == null || setting.isBlank()) {
            setting = env.get(VARIABLE);
            source = VARIABLE;
        }
        if (setting == null || setting.isBlank()) {
            return defaultMode;
        }
        return parse(setting.trim(), source);
    }

    private static RecordMode parse(String setting, String source) {
        try {
            return valueOf(setting.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    source + " is '" + setting + "', which names no record mode: use one of "
                            + Arrays.toString(values()),
                    e);
        }
    }
}
