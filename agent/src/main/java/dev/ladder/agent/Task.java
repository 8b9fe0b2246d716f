package dev.ladder.agent;

import java.util.Objects;

/**
 * One run of one node in a superstep, as a checkpoint records it.
 *
 * @param id the task's id, unique within its checkpoint.
 * @param node the node to run.
 * @param input the input of the send that scheduled it, laid over the state; empty for an edge.
 */
public record Task(String id, String node, Update input) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(input, "input");
    }
}
