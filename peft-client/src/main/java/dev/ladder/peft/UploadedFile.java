package dev.ladder.peft;

import java.time.Instant;
import java.util.Objects;

/**
 * A file stored at a provider, such as an uploaded training set.
 *
 * @param id the provider's file id, which a job refers to.
 * @param filename the name it was uploaded under.
 * @param bytes its size.
 * @param purpose what it is for, such as {@code fine-tune}.
 * @param createdAt when it was uploaded.
 */
public record UploadedFile(String id, String filename, long bytes, String purpose, Instant createdAt) {

    /** Validates the parts. */
    public UploadedFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative but was " + bytes);
        }
    }
}
