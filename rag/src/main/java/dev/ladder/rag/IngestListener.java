package dev.ladder.rag;

/**
 * Receives progress of a long ingestion, once per stored batch, on the ingesting thread. An
 * exception thrown by a listener is logged and ignored: it never stops the ingestion.
 */
@FunctionalInterface
public interface IngestListener {

    /** Called after each batch is stored. */
    void onProgress(IngestProgress progress);
}
