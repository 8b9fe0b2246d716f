package dev.ladder.peft;

import java.io.Serializable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How far a watch has reported a job: the newest event, the newest metrics step and the checkpoints
 * already delivered. A {@link JobWatcher} hands it to {@link JobListener#onPosition} whenever it moves;
 * store it (its {@link #toString()} form is made for that) and pass it back to
 * {@link JobWatcher#watch(String, WatchPosition, JobListener)} after a restart, so that nothing is
 * reported twice and nothing is skipped. Immutable and thread-safe.
 *
 * @param lastEventId the id of the newest event delivered, or null if none was.
 * @param lastMetricsStep the step of the newest metrics delivered, or -1 if none were.
 * @param checkpointIds the ids of the checkpoints delivered.
 */
public record WatchPosition(String lastEventId, long lastMetricsStep, Set<String> checkpointIds)
        implements Serializable {

    /** The position of a watch that has reported nothing yet. */
    public static final WatchPosition START = new WatchPosition(null, -1, Set.of());

    /** Validates and copies the parts. */
    public WatchPosition {
        if (lastMetricsStep < -1) {
            throw new IllegalArgumentException("lastMetricsStep must be -1 or more but was " + lastMetricsStep);
        }
        checkpointIds = Set.copyOf(checkpointIds);
    }

    /** Returns a position after event {@code lastEventId} with nothing else reported. */
    public static WatchPosition afterEvent(String lastEventId) {
        return new WatchPosition(lastEventId, -1, Set.of());
    }

    /**
     * Reads a position from its {@link #toString()} form.
     *
     * @throws IllegalArgumentException if {@code text} is not such a form.
     */
    public static WatchPosition parse(String text) {
        String[] fields = text.split(";", -1);
        if (fields.length != 3
                || !fields[0].startsWith("event=")
                || !fields[1].startsWith("step=")
                || !fields[2].startsWith("checkpoints=")) {
            throw new IllegalArgumentException("'" + text + "' is not a watch position: expected the form"
                    + " event=<id>;step=<n>;checkpoints=<id>,<id> that WatchPosition.toString() writes");
        }
        String event = fields[0].substring("event=".length());
        String checkpoints = fields[2].substring("checkpoints=".length());
        try {
            return new WatchPosition(
                    event.isEmpty() ? null : decode(event),
                    Long.parseLong(fields[1].substring("step=".length())),
                    checkpoints.isEmpty()
                            ? Set.of()
                            : Arrays.stream(checkpoints.split(","))
                                    .map(WatchPosition::decode)
                                    .collect(Collectors.toSet()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a watch position: its step is not a number", e);
        }
    }

    /** Returns this position with {@code eventId} as the newest event delivered. */
    public WatchPosition withEvent(String eventId) {
        return new WatchPosition(eventId, lastMetricsStep, checkpointIds);
    }

    /** Returns this position with {@code step} as the newest metrics step delivered. */
    public WatchPosition withMetricsStep(long step) {
        return new WatchPosition(lastEventId, step, checkpointIds);
    }

    /** Returns this position with checkpoint {@code checkpointId} delivered too. */
    public WatchPosition withCheckpoint(String checkpointId) {
        Set<String> ids = new TreeSet<>(checkpointIds);
        ids.add(checkpointId);
        return new WatchPosition(lastEventId, lastMetricsStep, ids);
    }

    /** Returns the position as one line, {@code event=<id>;step=<n>;checkpoints=<id>,<id>}, URL-encoded. */
    @Override
    public String toString() {
        return "event=" + (lastEventId == null ? "" : encode(lastEventId)) + ";step=" + lastMetricsStep
                + ";checkpoints="
                + checkpointIds.stream().sorted().map(WatchPosition::encode).collect(Collectors.joining(","));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
