package dev.ladder.agent;

import java.util.List;
import java.util.Map;

/** A validated graph: what {@link StateGraph} compiles and the runtime reads. Immutable. */
record GraphSpec(
        Schema schema,
        Map<String, Node> nodes,
        Map<String, NodeOptions> options,
        Map<String, List<String>> edges,
        List<Join> joins,
        Map<String, List<Branch>> branches) {

    boolean hasNode(String name) {
        return nodes.containsKey(name);
    }

    NodeOptions options(String node) {
        return options.getOrDefault(node, NodeOptions.DEFAULT);
    }
}
