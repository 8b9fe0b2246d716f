package dev.ladder.rag.opensearch;

import dev.ladder.core.LadderException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Some chunks of a bulk write were rejected by OpenSearch. All the others were written: the
 * exception lists exactly which ids failed and why, so a caller can fix and resend just those.
 */
public final class BulkIndexException extends LadderException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 5;

    private final transient List<Rejection> rejections;
    private final int written;

    /** Creates the exception for {@code rejections} of an upsert after {@code written} chunks were written. */
    public BulkIndexException(String index, List<Rejection> rejections, int written) {
        this(index, rejections, written, false);
    }

    /**
     * Creates the exception for {@code rejections} of an upsert, or of a delete when {@code delete},
     * after {@code written} chunks were written or deleted.
     */
    public BulkIndexException(String index, List<Rejection> rejections, int written, boolean delete) {
        super(message(index, rejections, written, delete));
        this.rejections = List.copyOf(rejections);
        this.written = written;
    }

    /** The rejected chunks with their reasons, in the order they were sent. */
    public List<Rejection> rejections() {
        return rejections == null ? List.of() : rejections;
    }

    /** How many chunks were written, or deleted when the failed operation was a delete. */
    public int written() {
        return written;
    }

    /**
     * A chunk OpenSearch refused.
     *
     * @param id the chunk id.
     * @param status the HTTP status OpenSearch gave the item.
     * @param type OpenSearch's error type, such as {@code mapper_parsing_exception}.
     * @param reason OpenSearch's explanation.
     */
    public record Rejection(String id, int status, String type, String reason) {
        public Rejection {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return "'" + id + "' (" + status + " " + type + ": " + reason + ")";
        }
    }

    private static String message(String index, List<Rejection> rejections, int written, boolean delete) {
        String shown = rejections.stream().limit(SHOWN).map(Rejection::toString).collect(Collectors.joining(", "));
        String more = rejections.size() > SHOWN ? " and " + (rejections.size() - SHOWN) + " more" : "";
        if (delete) {
            return "OpenSearch index '" + index + "' did not delete " + rejections.size() + " chunk(s), deleted "
                    + written + ": " + shown + more + ". Delete these ids again once the cause is fixed.";
        }
        return "OpenSearch index '" + index + "' rejected " + rejections.size() + " chunk(s), wrote " + written + ": "
                + shown + more + ". Fix these chunks and upsert them again.";
    }
}
