package dev.ladder.rag;

/**
 * How far an ingestion has come, reported to an {@link IngestListener} after each stored batch.
 *
 * @param chunksStored chunks embedded and stored so far.
 * @param chunksTotal chunks the ingestion will store in all.
 * @param documents documents being ingested (0 when chunks were passed in directly).
 */
public record IngestProgress(int chunksStored, int chunksTotal, int documents) {

    public IngestProgress {
        if (chunksStored < 0 || chunksStored > chunksTotal || documents < 0) {
            throw new IllegalArgumentException("inconsistent progress: " + chunksStored + " of " + chunksTotal
                    + " chunks, " + documents + " documents");
        }
    }

    /** Returns the share done, from 0 to 1 (1 when there was nothing to do). */
    public double fraction() {
        return chunksTotal == 0 ? 1.0 : (double) chunksStored / chunksTotal;
    }
}
