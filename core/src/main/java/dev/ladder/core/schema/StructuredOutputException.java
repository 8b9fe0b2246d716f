package dev.ladder.core.schema;

import dev.ladder.core.LadderException;
import java.util.List;

/**
 * An answer could not be turned into the Java type asked for: it is not JSON, it does not match
 * the type's schema, the model refused, or the answer was cut off. The message says which, names
 * the JSON path that did not match, and quotes the answer. Not retriable as such: the same call may
 * well give the same answer, so callers that retry (self-reflection) should feed the message back.
 */
public class StructuredOutputException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final List<SchemaViolation> violations;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the type, the path and what was found.
     * @param text the answer as the model wrote it, or null when there was none.
     * @param violations where the answer broke the schema; empty when it was not checked.
     */
    public StructuredOutputException(String message, String text, List<SchemaViolation> violations) {
        super(message);
        this.text = text;
        this.violations = List.copyOf(violations);
    }

    /**
     * Creates the exception for a failure with an underlying cause.
     *
     * @param message what went wrong, naming the type, the path and what was found.
     * @param text the answer as the model wrote it, or null when there was none.
     * @param cause the failure that revealed it.
     */
    public StructuredOutputException(String message, String text, Throwable cause) {
        super(message, cause);
        this.text = text;
        this.violations = List.of();
    }

    /** Returns the answer as the model wrote it, or null when there was none. */
    public String text() {
        return text;
    }

    /** Returns where the answer broke the schema, in document order; empty for other failures. */
    public List<SchemaViolation> violations() {
        return violations;
    }
}
