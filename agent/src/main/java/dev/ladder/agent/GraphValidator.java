package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks a graph before it runs, so that mistakes surface at compile time with the node named. */
final class GraphValidator {
    private GraphValidator() {}

    static void validate(GraphSpec spec, List<String> declarationOrder) {
        checkEdges(spec);
        if (!spec.edges().containsKey(START) && !spec.branches().containsKey(START)) {
            throw new GraphValidationException(
                    "the graph has no edge from START: add edge(StateGraph.START, \"<first node>\")");
        }
        for (String node : declarationOrder) {
            if (!hasWayOut(spec, node)) {
                throw new GraphValidationException("node '" + node
                        + "' has no outgoing edge: add an edge from it to another node or to StateGraph.END");
            }
        }
        Set<String> reached = reachable(spec);
        for (String node : declarationOrder) {
            if (!reached.contains(node)) {
                throw new GraphValidationException(
                        "node '" + node + "' cannot be reached from START: add an edge to it or remove it");
            }
        }
    }

    private static void checkEdges(GraphSpec spec) {
        spec.edges().forEach((from, targets) -> {
            checkSource(spec, from, "an edge");
            targets.forEach(to -> checkTarget(spec, to, "edge from '" + from + "'"));
        });
        for (Join join : spec.joins()) {
            join.sources().forEach(from -> checkSource(spec, from, "a join"));
            checkTarget(spec, join.target(), "join from " + join.sources());
        }
        spec.branches().forEach((from, list) -> {
            checkSource(spec, from, "a conditional edge");
            list.forEach(branch ->
                    branch.targets().forEach(to -> checkTarget(spec, to, "conditional edge from '" + from + "'")));
        });
        spec.options()
                .forEach((node, options) ->
                        options.routesTo().forEach(to -> checkTarget(spec, to, "routesTo of node '" + node + "'")));
    }

    private static void checkSource(GraphSpec spec, String from, String what) {
        if (!from.equals(START) && !spec.hasNode(from)) {
            throw new GraphValidationException(what + " starts at unknown node '" + from + "': add the node first");
        }
    }

    private static void checkTarget(GraphSpec spec, String to, String what) {
        if (!to.equals(END) && !spec.hasNode(to)) {
            throw new GraphValidationException("the " + what + " goes to unknown node '" + to + "': add the node");
        }
    }

    private static boolean hasWayOut(GraphSpec spec, String node) {
        return spec.edges().containsKey(node)
                || spec.branches().containsKey(node)
                || !spec.options(node).routesTo().isEmpty()
                || spec.joins().stream().anyMatch(join -> join.sources().contains(node));
    }

    private static Set<String> reachable(GraphSpec spec) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(START));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : successors(spec, node)) {
                if (reached.add(next)) {
                    queue.add(next);
                }
            }
        }
        return reached;
    }

    private static Set<String> successors(GraphSpec spec, String node) {
        Set<String> next = new LinkedHashSet<>(spec.edges().getOrDefault(node, List.of()));
        for (Branch branch : spec.branches().getOrDefault(node, List.of())) {
            next.addAll(branch.targets().isEmpty() ? spec.nodes().keySet() : branch.targets());
        }
        if (spec.hasNode(node)) {
            next.addAll(spec.options(node).routesTo());
        }
        spec.joins().stream().filter(join -> join.sources().contains(node)).forEach(join -> next.add(join.target()));
        next.remove(END);
        return next;
    }
}
