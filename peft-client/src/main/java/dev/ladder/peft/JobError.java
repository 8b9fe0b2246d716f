package dev.ladder.peft;

import java.util.Objects;

/**
 * Why a job failed, as the provider reported it.
 *
 * @param code the provider's machine-readable code, or null.
 * @param message the provider's explanation.
 * @param param the request parameter at fault, or null.
 */
public record JobError(String code, String message, String param) {

    /** Validates the message. */
    public JobError {
        Objects.requireNonNull(message, "message");
    }
}
