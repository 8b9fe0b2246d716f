package dev.ladder.rag;

import dev.ladder.core.LadderException;

/**
 * Thrown when a vector store file cannot be loaded because of its content: it is not such a file,
 * its version is not supported, it ends early or its checksum does not match. The message names the
 * file and the problem; nothing is loaded.
 */
public final class VectorStoreFileException extends LadderException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the file and the problem. */
    public VectorStoreFileException(String message) {
        super(message);
    }

    /** Creates the exception with a message naming the file and the problem, and its cause. */
    public VectorStoreFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
