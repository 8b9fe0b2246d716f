package dev.ladder.bench.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;

import dev.ladder.agent.Checkpointer;
import dev.ladder.agent.CompiledGraph;
import dev.ladder.agent.GraphOptions;
import dev.ladder.agent.Key;
import dev.ladder.agent.RunConfig;
import dev.ladder.agent.Schema;
import dev.ladder.agent.StateGraph;
import dev.ladder.agent.Update;
import java.util.Map;

/** The three-node cycle on Ladder's graph: a, b, c, back to a until the counter reaches the limit. */
final class LadderCycle {
    static final Key<Integer> COUNT = Key.of("count", Integer.class);
    static final Schema SCHEMA = Schema.of(COUNT);

    private final CompiledGraph graph;
    private int run;

    LadderCycle(int steps, Checkpointer checkpointer) {
        GraphOptions.Builder options = GraphOptions.builder().recursionLimit(steps + 10);
        if (checkpointer != null) {
            options.checkpointer(checkpointer);
        }
        graph = StateGraph.of(SCHEMA)
                .node("a", ctx -> Update.of(COUNT, ctx.get(COUNT) + 1))
                .node("b", ctx -> Update.of(COUNT, ctx.get(COUNT) + 1))
                .node("c", ctx -> Update.of(COUNT, ctx.get(COUNT) + 1))
                .edge(START, "a")
                .edge("a", "b")
                .edge("b", "c")
                .conditionalEdge("c", s -> s.get(COUNT) < steps ? "again" : "stop", Map.of("again", "a", "stop", END))
                .compile(options.build());
    }

    /** Runs the cycle once on a new thread and returns the final count. */
    int run() {
        return graph.invoke(Update.of(COUNT, 0), RunConfig.thread("bench-" + run++))
                .get(COUNT);
    }
}
