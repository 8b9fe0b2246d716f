package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphValidationTest {
    static final Key<Integer> COUNT = Key.of("count", Integer.class);
    static final Node NOTHING = ctx -> Update.empty();

    @Test
    void edgeStartingAtAnUnknownNodeFailsAtCompile() {
        StateGraph graph = StateGraph.of(Schema.of(COUNT))
                .node("a", NOTHING)
                .edge(START, "a")
                .edge("a", END)
                .edge("ghost", "a");

        assertThatThrownBy(graph::compile)
                .isInstanceOf(GraphValidationException.class)
                .hasMessage("an edge starts at unknown node 'ghost': add the node first");
    }

    @Test
    void edgeToAnUnknownNodeFailsNamingIt() {
        StateGraph graph = StateGraph.of(Schema.of(COUNT))
                .node("a", NOTHING)
                .edge(START, "a")
                .edge("a", "b");

        assertThatThrownBy(graph::compile)
                .isInstanceOf(GraphValidationException.class)
                .hasMessage("the edge from 'a' goes to unknown node 'b': add the node");
    }

    @Test
    void labelMapNamingAnUnknownNodeFailsAtCompile() {
        StateGraph graph = StateGraph.of(Schema.of(COUNT))
                .node("a", NOTHING)
                .edge(START, "a")
                .conditionalEdge("a", s -> "x", Map.of("x", "missing"));

        assertThatThrownBy(graph::compile)
                .isInstanceOf(GraphValidationException.class)
                .hasMessage("the conditional edge from 'a' goes to unknown node 'missing': add the node");
    }

    @Test
    void unreachableNodeFailsNamingIt() {
        StateGraph graph = StateGraph.of(Schema.of(COUNT))
                .node("a", NOTHING)
                .node("island", NOTHING)
                .edge(START, "a")
                .edge("a", END)
                .edge("island", END);

        assertThatThrownBy(graph::compile)
                .isInstanceOf(GraphValidationException.class)
                .hasMessage("node 'island' cannot be reached from START: add an edge to it or remove it");
    }

    @Test
    void nodeWithNoWayOutFailsNamingIt() {
        StateGraph graph = StateGraph.of(Schema.of(COUNT)).node("a", NOTHING).edge(START, "a");

        assertThatThrownBy(graph::compile)
                .isInstanceOf(GraphValidationException.class)
                .hasMessage("node 'a' has no outgoing edge: add an edge from it to another node or to StateGraph.END");
    }

    @Test
    void graphWithoutAnEdgeFromStartFails() {
        StateGraph graph = StateGraph.of(Schema.of(COUNT)).node("a", NOTHING).edge("a", END);

        assertThatThrownBy(graph::compile)
                .isInstanceOf(GraphValidationException.class)
                .hasMessage("the graph has no edge from START: add edge(StateGraph.START, \"<first node>\")");
    }

    @Test
    void breakpointOnAnUnknownNodeFails() {
        StateGraph graph = StateGraph.of(Schema.of(COUNT))
                .node("a", NOTHING)
                .edge(START, "a")
                .edge("a", END);

        assertThatThrownBy(() -> graph.compile(
                        GraphOptions.builder().interruptBefore("b").build()))
                .isInstanceOf(GraphValidationException.class)
                .hasMessage("interruptBefore names unknown node 'b'; nodes: [a]");
    }

    @Test
    void duplicateNodeNameIsRejected() {
        StateGraph graph = StateGraph.of(Schema.of(COUNT)).node("a", NOTHING);

        assertThatThrownBy(() -> graph.node("a", NOTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node 'a' is already in the graph");
    }

    @Test
    void keyDeclaredTwiceInASchemaIsRejected() {
        assertThatThrownBy(() -> Schema.of(COUNT, Key.of("count", String.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state key 'count' is declared twice");
    }

    @Test
    void mermaidLabelsConditionalEdgesAndDrawsJoins() {
        CompiledGraph graph = StateGraph.of(Schema.of(COUNT))
                .node("agent", NOTHING)
                .node("tools", NOTHING)
                .node("left", NOTHING)
                .node("merge", NOTHING)
                .edge(START, "agent")
                .conditionalEdge("agent", s -> "call", Map.of("call", "tools", "finish", "left"))
                .edge("tools", "agent")
                .join(List.of("left", "tools"), "merge")
                .edge("merge", END)
                .compile();

        assertThat(graph.mermaid()).isEqualTo("""
                flowchart TD
                    __start__([START])
                    agent[agent]
                    left[left]
                    merge[merge]
                    tools[tools]
                    __end__([END])
                    __start__ --> agent
                    tools --> agent
                    merge --> __end__
                    left -- "all of left, tools" --> merge
                    tools -- "all of left, tools" --> merge
                    agent -. "call" .-> tools
                    agent -. "finish" .-> left
                """);
    }
}
