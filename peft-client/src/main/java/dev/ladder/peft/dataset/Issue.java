package dev.ladder.peft.dataset;

import java.util.Objects;

/**
 * One problem found in a dataset file.
 *
 * @param line the 1-based line number, or 0 when the issue concerns the whole file.
 * @param severity whether the issue blocks an upload.
 * @param code a stable, machine-readable name such as {@code missing_user}.
 * @param message what is wrong and how to fix it, for people.
 */
public record Issue(int line, Severity severity, String code, String message) {

    /** Validates the parts. */
    public Issue {
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole file) or positive but was " + line);
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** Returns the issue as one line of text, such as {@code line 4: error missing_user: ...}. */
    public String render() {
        String where = line == 0 ? "file" : "line " + line;
        return where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " " + code + ": " + message;
    }
}
