package dev.ladder.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The saved position of a thread between two supersteps: everything needed to continue the run.
 *
 * @param threadId the thread this checkpoint belongs to.
 * @param id the checkpoint's id, unique within the thread.
 * @param parentId the checkpoint this one follows, or null for the first of a thread.
 * @param step how many supersteps ran before this checkpoint; -1 for the input checkpoint.
 * @param values the state values by key name.
 * @param next the tasks of the next superstep; empty when the run has finished.
 * @param joins for each join node, the sources that finished since it last ran.
 * @param writes updates of tasks of {@code next} that already finished.
 * @param interrupts questions the run is waiting to have answered.
 * @param resumes answers given so far, by task id, in the order the task asked.
 * @param source why it was written: {@code input}, {@code loop}, {@code update} or {@code fork}.
 * @param writer the node whose update it records, or null.
 * @param error the failure that stopped the run after this checkpoint, or null.
 * @param createdAt when it was written.
 */
public record Checkpoint(
        String threadId,
        String id,
        String parentId,
        int step,
        Map<String, Object> values,
        List<Task> next,
        Map<String, Set<String>> joins,
        List<PendingWrite> writes,
        List<Interrupt> interrupts,
        Map<String, List<Object>> resumes,
        String source,
        String writer,
        String error,
        Instant createdAt) {

    public Checkpoint {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(id, "id");
        values = Map.copyOf(values);
        next = List.copyOf(next);
        joins = Map.copyOf(joins);
        writes = List.copyOf(writes);
        interrupts = List.copyOf(interrupts);
        resumes = Map.copyOf(resumes);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Returns a copy holding {@code writes} as its pending writes. */
    public Checkpoint withWrites(List<PendingWrite> writes) {
        return new Checkpoint(
                threadId,
                id,
                parentId,
                step,
                values,
                next,
                joins,
                writes,
                interrupts,
                resumes,
                source,
                writer,
                error,
                createdAt);
    }

    /** Returns a copy recording {@code error} as the failure that stopped the run. */
    public Checkpoint withError(String error) {
        return new Checkpoint(
                threadId,
                id,
                parentId,
                step,
                values,
                next,
                joins,
                writes,
                interrupts,
                resumes,
                source,
                writer,
                error,
                createdAt);
    }

    /** Returns the names of the nodes of the next superstep, in task order. */
    public List<String> nextNodes() {
        return next.stream().map(Task::node).toList();
    }
}
