package dev.ladder.agent;

import java.util.Objects;

/**
 * The update of a task that finished in a superstep that has not completed yet, stored so that a
 * resumed run does not run that task again.
 *
 * @param taskId the task's id in its checkpoint's {@link Checkpoint#next()}.
 * @param node the node the task ran.
 * @param update what the node returned.
 */
public record PendingWrite(String taskId, String node, Update update) {

    public PendingWrite {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(update, "update");
    }
}
