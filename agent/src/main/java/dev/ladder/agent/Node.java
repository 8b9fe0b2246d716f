package dev.ladder.agent;

/**
 * One step of a graph: reads the state through its {@link NodeContext} and returns an {@link Update}.
 *
 * <p>A node may run on any thread of the graph's executor, concurrently with the other nodes of
 * its superstep, and more than once per run; it should not keep state of its own. An unchecked
 * exception fails the node; its retry policy decides whether it runs again.
 */
@FunctionalInterface
public interface Node {

    /** Runs the node and returns the update it makes; never null (use {@link Update#empty()}). */
    Update run(NodeContext context);
}
