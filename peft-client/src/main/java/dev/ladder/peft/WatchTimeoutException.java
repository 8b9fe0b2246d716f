package dev.ladder.peft;

import dev.ladder.core.LadderException;
import java.util.Objects;

/**
 * A watch gave up waiting before the job finished. The job keeps running at the provider; resume with
 * {@link JobWatcher#watch(String, String, JobListener)} using {@link #jobId()} and {@link #lastEventId()}.
 */
public class WatchTimeoutException extends LadderException {
    private static final long serialVersionUID = 1L;

    private final String jobId;
    private final String lastEventId;
    private final transient FineTuneJob lastSeen;

    /**
     * Creates the exception.
     *
     * @param jobId the watched job.
     * @param lastEventId the newest event delivered, or null if none was.
     * @param lastSeen the job as last retrieved, or null if no poll succeeded.
     */
    public WatchTimeoutException(String message, String jobId, String lastEventId, FineTuneJob lastSeen) {
        super(message);
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.lastEventId = lastEventId;
        this.lastSeen = lastSeen;
    }

    /** Returns the id of the job that was being watched. */
    public String jobId() {
        return jobId;
    }

    /** Returns the id of the newest event delivered to the listener, or null if none was. */
    public String lastEventId() {
        return lastEventId;
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
