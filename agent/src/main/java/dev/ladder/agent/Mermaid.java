package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;

import java.util.List;
import java.util.Map;

/** Renders a graph as a Mermaid flowchart. */
final class Mermaid {
    private Mermaid() {}

    static String render(GraphSpec spec) {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        out.append("    ").append(id(START)).append("([START])\n");
        spec.nodes().keySet().stream()
                .sorted()
                .forEach(node -> out.append("    ")
                        .append(id(node))
                        .append("[")
                        .append(node)
                        .append("]\n"));
        out.append("    ").append(id(END)).append("([END])\n");
        spec.edges().forEach((from, targets) -> targets.forEach(to -> arrow(out, from, to, null)));
        for (Join join : spec.joins()) {
            join.sources()
                    .forEach(from -> arrow(out, from, join.target(), "all of " + String.join(", ", join.sources())));
        }
        spec.branches().forEach((from, branches) -> branches.forEach(branch -> branch(out, spec, from, branch)));
        spec.options().forEach((node, options) -> options.routesTo().forEach(to -> dotted(out, node, to, null)));
        return out.toString();
    }

    private static void branch(StringBuilder out, GraphSpec spec, String from, Branch branch) {
        if (!branch.labels().isEmpty()) {
            branch.labels().forEach((label, to) -> dotted(out, from, to, label));
            return;
        }
        List<String> targets =
                branch.targets().isEmpty() ? List.copyOf(spec.nodes().keySet()) : branch.targets();
        targets.forEach(to -> dotted(out, from, to, null));
        if (branch.targets().isEmpty()) {
            dotted(out, from, END, null);
        }
    }

    private static void arrow(StringBuilder out, String from, String to, String label) {
        out.append("    ")
                .append(id(from))
                .append(label == null ? " --> " : " -- \"" + label + "\" --> ")
                .append(id(to))
                .append('\n');
    }

    private static void dotted(StringBuilder out, String from, String to, String label) {
        out.append("    ")
                .append(id(from))
                .append(label == null ? " -.-> " : " -. \"" + label + "\" .-> ")
                .append(id(to))
                .append('\n');
    }

    private static String id(String node) {
        Map<String, String> special = Map.of(START, "__start__", END, "__end__");
        return special.getOrDefault(node, node.replaceAll("[^A-Za-z0-9_]", "_"));
    }
}
