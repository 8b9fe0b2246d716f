package dev.ladder.agent;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A conditional edge or fan-out leaving {@code source}: {@code route} names the tasks to run next.
 *
 * @param targets the nodes it may route to, or empty when a router without a label map may name any.
 * @param labels the router's labels and the nodes they stand for, for the Mermaid diagram.
 */
record Branch(String source, Function<State, List<Send>> route, List<String> targets, Map<String, String> labels) {}
