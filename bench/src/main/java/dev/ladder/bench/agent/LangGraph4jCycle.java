package dev.ladder.bench.agent;

import static org.bsc.langgraph4j.StateGraph.END;
import static org.bsc.langgraph4j.StateGraph.START;
import static org.bsc.langgraph4j.action.AsyncEdgeAction.edge_async;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

import java.util.Map;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.checkpoint.MemorySaver;
import org.bsc.langgraph4j.state.AgentState;
import org.bsc.langgraph4j.state.Channel;
import org.bsc.langgraph4j.state.Channels;

/** The same three-node cycle on LangGraph4j, with or without its in-memory saver. */
final class LangGraph4jCycle {
    private final CompiledGraph<AgentState> graph;
    private int run;

    LangGraph4jCycle(int steps, boolean memorySaver) throws GraphStateException {
        Map<String, Channel<?>> channels = Map.of("count", Channels.base(() -> 0));
        CompileConfig.Builder config = CompileConfig.builder().recursionLimit(steps + 10);
        if (memorySaver) {
            config.checkpointSaver(new MemorySaver());
        }
        graph = new StateGraph<>(channels, AgentState::new)
                .addNode("a", node_async(LangGraph4jCycle::increment))
                .addNode("b", node_async(LangGraph4jCycle::increment))
                .addNode("c", node_async(LangGraph4jCycle::increment))
                .addEdge(START, "a")
                .addEdge("a", "b")
                .addEdge("b", "c")
                .addConditionalEdges(
                        "c", edge_async(s -> count(s) < steps ? "again" : "stop"), Map.of("again", "a", "stop", END))
                .compile(config.build());
    }

    /** Runs the cycle once on a new thread and returns the final count. */
    int run() {
        RunnableConfig config =
                RunnableConfig.builder().threadId("bench-" + run++).build();
        return graph.invoke(Map.of("count", 0), config)
                .map(LangGraph4jCycle::count)
                .orElseThrow();
    }

    private static Map<String, Object> increment(AgentState state) {
        return Map.of("count", count(state) + 1);
    }

    private static int count(AgentState state) {
        return state.<Integer>value("count").orElse(0);
    }
}
