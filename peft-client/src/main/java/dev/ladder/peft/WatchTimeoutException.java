package dev.ladder.peft;

import dev.ladder.core.LadderException;
import java.util.Objects;

/**
 * A watch gave up waiting before the job finished. The job keeps running at the provider; resume with
 * {@link JobWatcher#watch(String, WatchPosition, JobListener)} using {@link #jobId()} and
 * {@link #position()}.
 */
public class WatchTimeoutException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final String jobId;
    private final WatchPosition position;
    private final transient FineTuneJob lastSeen;

    /**
     * Creates the exception.
     *
     * @param jobId the watched job.
     * @param position how far the watch had reported the job.
     * @param lastSeen the job as last retrieved, or null if no poll succeeded.
     */
    public WatchTimeoutException(String message, String jobId, WatchPosition position, FineTuneJob lastSeen) {
        super(message);
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.position = Objects.requireNonNull(position, "position");
        this.lastSeen = lastSeen;
    }

    /** Returns the id of the job that was being watched. */
    public String jobId() {
        return jobId;
    }

    /** Returns the position to resume from. */
    public WatchPosition position() {
        return position;
    }

    /** Returns the job as last retrieved, or null if no poll succeeded or after deserialisation. */
    public FineTuneJob lastSeen() {
        return lastSeen;
    }

    /** Returns true: watching again may see the job finish. */
    @Override
    public boolean retriable() {
        return true;
    }
}
