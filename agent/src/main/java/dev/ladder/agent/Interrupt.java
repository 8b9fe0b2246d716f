package dev.ladder.agent;

import java.util.Objects;

/**
 * A question a stopped run is waiting to have answered.
 *
 * @param id the id to resume it by: unique within the thread's pending interrupts.
 * @param node the node that asked, or at whose breakpoint the run stopped.
 * @param payload what the node asked with, or null for a static breakpoint.
 */
public record Interrupt(String id, String node, Object payload) {

    public Interrupt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
    }
}
