package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decides the tasks of the next superstep from the nodes that just finished. */
final class Planner {
    private final GraphSpec spec;

    Planner(GraphSpec spec) {
        this.spec = spec;
    }

    /** The tasks of the next step and the joins' progress after it. */
    record Plan(List<Task> tasks, Map<String, Set<String>> joins) {}

    /**
     * Plans step {@code step} from {@code finished} (in task order) over the merged {@code state}.
     *
     * @throws GraphException naming the router when it sends the run to an unknown node.
     */
    Plan next(int step, List<PendingWrite> finished, State state, Map<String, Set<String>> joins) {
        Set<String> plain = new LinkedHashSet<>();
        List<Send> sends = new ArrayList<>();
        Map<String, Set<String>> progress = spec.joins().isEmpty() ? joins : new HashMap<>(joins);
        for (PendingWrite write : finished) {
            String node = write.node();
            plain.addAll(spec.edges().getOrDefault(node, List.of()));
            for (Branch branch : spec.branches().getOrDefault(node, List.of())) {
                for (Send send : branch.route().apply(state)) {
                    route(node, send, plain, sends);
                }
            }
            write.update().gotos().forEach(target -> route(node, new Send(target, Update.empty()), plain, sends));
            advanceJoins(node, progress, plain);
        }
        plain.remove(END);
        List<Task> tasks = new ArrayList<>(plain.size() + sends.size());
        for (String node : plain) {
            tasks.add(new Task(step + "." + tasks.size(), node, Update.empty()));
        }
        for (Send send : sends) {
            tasks.add(new Task(step + "." + tasks.size(), send.node(), send.input()));
        }
        return new Plan(tasks, progress);
    }

    private void route(String from, Send send, Set<String> plain, List<Send> sends) {
        if (send == null || send.node() == null) {
            throw new GraphException("the router after node '" + from + "' returned null: return a node name or END");
        }
        if (!send.node().equals(END) && !spec.hasNode(send.node())) {
            throw new GraphException("the router after node '" + from + "' sent the run to unknown node '" + send.node()
                    + "'; nodes: " + spec.nodes().keySet());
        }
        if (send.input().isEmpty()) {
            plain.add(send.node());
        } else {
            sends.add(send);
        }
    }

    private void advanceJoins(String node, Map<String, Set<String>> progress, Set<String> plain) {
        for (Join join : spec.joins()) {
            if (!join.sources().contains(node)) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>(progress.getOrDefault(join.id(), Set.of()));
            seen.add(node);
            if (seen.containsAll(join.sources())) {
                progress.remove(join.id());
                plain.add(join.target());
            } else {
                progress.put(join.id(), Set.copyOf(seen));
            }
        }
    }
}
