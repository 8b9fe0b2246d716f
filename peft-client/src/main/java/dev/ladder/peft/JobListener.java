package dev.ladder.peft;

/**
 * Receives progress while a {@link JobWatcher} waits for a job. Every method does nothing by default;
 * override those of interest. Called on the watching thread, in order. An exception thrown here is
 * logged and does not stop the watch.
 */
public interface JobListener {

    /** Called on the first poll and whenever the status changes, with the job as just retrieved. */
    default void onStatus(FineTuneJob job) {}

    /** Called once per new event, oldest first. */
    default void onEvent(JobEvent event) {}

    /** Called once per training step with new metrics, such as the loss, oldest first. */
    default void onMetrics(TrainingMetrics metrics) {}

    /** Called once per checkpoint not reported before, lowest step first. */
    default void onCheckpoint(Checkpoint checkpoint) {}

    /**
     * Called after each poll that reported something, with the position to resume from: store it to
     * continue after a restart with {@link JobWatcher#watch(String, WatchPosition, JobListener)}.
     */
    default void onPosition(WatchPosition position) {}
}
