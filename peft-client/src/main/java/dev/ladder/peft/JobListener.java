package dev.ladder.peft;

/**
 * Receives progress while a {@link JobWatcher} waits for a job. Every method does nothing by default;
 * override those of interest. Called on the watching thread, in order. An exception thrown here is
 * logged and does not stop the watch.
 */
public interface JobListener {

    /** Called on the first poll and whenever the status changes, with the job as just retrieved. */
    default void onStatus(FineTuneJob job) {}

    /**
     * Called once per new event, oldest first. Store {@link JobEvent#id()} to resume the watch after a
     * restart without seeing the event again.
     */
    default void onEvent(JobEvent event) {}

    /** Called after {@link #onEvent} for each new event that carries training metrics. */
    default void onMetrics(JobEvent event) {}

    /** Called once per checkpoint not seen before in this watch, oldest first. */
    default void onCheckpoint(Checkpoint checkpoint) {}
}
