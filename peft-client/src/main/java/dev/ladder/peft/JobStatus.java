package dev.ladder.peft;

/**
 * The state of a fine-tuning job, normalised over providers. The provider's own word stays available as
 * {@link FineTuneJob#rawStatus()}.
 */
public enum JobStatus {
    /** The provider is checking the uploaded files. */
    VALIDATING,
    /** Accepted and waiting for capacity. */
    QUEUED,
    /** Training, or packaging the trained model. */
    RUNNING,
    /** Stopped by the user and resumable. */
    PAUSED,
    /** Finished; the fine-tuned model is ready. Terminal. */
    SUCCEEDED,
    /** Stopped by an error. Terminal. */
    FAILED,
    /** Stopped by a cancel request. Terminal. */
    CANCELLED;

    /** Returns true if the job will not change state any more. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
