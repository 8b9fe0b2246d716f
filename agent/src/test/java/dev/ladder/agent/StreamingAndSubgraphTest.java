package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamingAndSubgraphTest {
    static final Key<String> TEXT = Key.of("text", String.class);
    static final Key<List<String>> LOG = Key.appending("log", String.class);

    @Test
    void streamYieldsStartTokensUpdateEndAndFinishedInOrder() {
        CompiledGraph graph = StateGraph.of(Schema.of(TEXT))
                .node("speak", ctx -> {
                    ctx.emitToken("Hel");
                    ctx.emitToken("lo");
                    return Update.of(TEXT, "Hello");
                })
                .edge(START, "speak")
                .edge("speak", END)
                .compile();
        List<String> seen = new ArrayList<>();

        try (GraphStream events = graph.stream(Update.empty(), RunConfig.newThread())) {
            events.forEachRemaining(event -> seen.add(describe(event)));
        }

        assertThat(seen)
                .containsExactly(
                        "step -1",
                        "start speak",
                        "token Hel",
                        "token lo",
                        "update speak",
                        "end speak",
                        "step 0",
                        "finished");
    }

    @Test
    void stepEndedEventsStreamTheValuesAfterEveryStep() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("a", ctx -> Update.of(LOG, List.of("a")))
                .node("b", ctx -> Update.of(LOG, List.of("b")))
                .edge(START, "a")
                .edge("a", "b")
                .edge("b", END)
                .compile();
        List<String> values = new ArrayList<>();

        try (GraphStream events = graph.stream(Update.of(LOG, List.of("in")), RunConfig.newThread())) {
            events.forEachRemaining(event -> {
                if (event instanceof GraphEvent.StepEnded step) {
                    values.add(step.step() + " " + step.state().get(LOG) + " next " + step.next());
                }
            });
        }

        assertThat(values).containsExactly("-1 [in] next [a]", "0 [in, a] next [b]", "1 [in, a, b] next []");
    }

    @Test
    void streamRethrowsTheRunsFailureAfterEarlierEvents() {
        CompiledGraph graph = StateGraph.of(Schema.of(TEXT))
                .node("broken", ctx -> {
                    throw new IllegalStateException("no");
                })
                .edge(START, "broken")
                .edge("broken", END)
                .compile();
        List<String> seen = new ArrayList<>();

        try (GraphStream events = graph.stream(Update.empty(), RunConfig.newThread())) {
            assertThatThrownBy(() -> events.forEachRemaining(event -> seen.add(describe(event))))
                    .isInstanceOf(NodeFailedException.class)
                    .hasMessage("node 'broken' failed at step 0: no");
        }
        assertThat(seen).containsExactly("step -1", "start broken", "end broken");
    }

    @Test
    void streamEndsWithTheBreakpointItStoppedAt() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("a", ctx -> Update.of(LOG, List.of("a")))
                .node("b", ctx -> Update.of(LOG, List.of("b")))
                .edge(START, "a")
                .edge("a", "b")
                .edge("b", END)
                .compile(GraphOptions.builder()
                        .checkpointer(MemoryCheckpointer.create())
                        .interruptBefore("b")
                        .build());
        List<GraphEvent> events = new ArrayList<>();

        try (GraphStream stream = graph.stream(Update.empty(), RunConfig.newThread())) {
            stream.forEachRemaining(events::add);
        }

        GraphEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(GraphEvent.Finished.class);
        assertThat(((GraphEvent.Finished) last).result().interrupts())
                .containsExactly(new Interrupt("before:b", "b", null));
    }

    @Test
    void listenerThatThrowsDoesNotStopTheRun() {
        CompiledGraph graph = StreamingAndSubgraphTest.echo();

        RunResult result =
                graph.invoke(Update.of(TEXT, "x"), RunConfig.newThread().withListener(event -> {
                    throw new IllegalStateException("listener bug");
                }));

        assertThat(result.get(TEXT)).isEqualTo("x!");
    }

    @Test
    void subgraphRunsAsANodeAndForwardsTokens() {
        CompiledGraph inner = StateGraph.of(Schema.of(TEXT))
                .node("shout", ctx -> {
                    ctx.emitToken("inner token");
                    return Update.of(TEXT, ctx.get(TEXT).toUpperCase());
                })
                .edge(START, "shout")
                .edge("shout", END)
                .compile();
        CompiledGraph outer = StateGraph.of(Schema.of(LOG))
                .node("sub", inner.asNode(s -> Update.of(TEXT, "hi"), s -> Update.of(LOG, List.of(s.get(TEXT)))))
                .edge(START, "sub")
                .edge("sub", END)
                .compile();
        List<String> tokens = new ArrayList<>();

        RunResult result = outer.invoke(Update.empty(), RunConfig.newThread().withListener(event -> {
            if (event instanceof GraphEvent.Token token) {
                tokens.add(token.node() + ":" + token.text());
            }
        }));

        assertThat(result.get(LOG)).containsExactly("HI");
        assertThat(tokens).containsExactly("sub:inner token");
    }

    @Test
    void subgraphNodeJumpsToANodeOfItsParentWithAnUpdate() {
        CompiledGraph inner = StateGraph.of(Schema.of(LOG))
                .node(
                        "escape",
                        ctx -> Update.of(LOG, List.of("escape"))
                                .andGoTo("rescue")
                                .toParent())
                .node("stay", ctx -> Update.of(LOG, List.of("stay")))
                .edge(START, "escape")
                .edge("escape", "stay")
                .edge("stay", END)
                .compile();
        CompiledGraph outer = StateGraph.of(Schema.of(LOG))
                .node(
                        "sub",
                        inner.asNode(s -> Update.empty(), s -> Update.of(LOG, s.get(LOG))),
                        NodeOptions.routesTo("rescue"))
                .node("rescue", ctx -> Update.of(LOG, List.of("rescue")))
                .edge(START, "sub")
                .edge("sub", END)
                .edge("rescue", END)
                .compile();

        assertThat(outer.invoke(Update.empty()).get(LOG)).containsExactly("escape", "rescue");
    }

    @Test
    void breakpointInsideASubgraphFailsNamingIt() {
        CompiledGraph inner = StateGraph.of(Schema.of(TEXT))
                .node("inside", ctx -> Update.of(TEXT, "x"))
                .edge(START, "inside")
                .edge("inside", END)
                .compile(GraphOptions.builder().interruptBefore("inside").build());
        CompiledGraph outer = StateGraph.of(Schema.of(TEXT))
                .node("sub", inner.asNode(s -> Update.empty(), s -> Update.empty()))
                .edge(START, "sub")
                .edge("sub", END)
                .compile();

        assertThatThrownBy(() -> outer.invoke(Update.empty()))
                .isInstanceOf(NodeFailedException.class)
                .hasMessage(
                        "node 'sub' failed at step 0: the subgraph in node 'sub' stopped at breakpoint before:inside;"
                                + " breakpoints inside subgraphs are not supported, set them on the parent");
    }

    @Test
    void updateToTheParentFromATopLevelGraphFailsClearly() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("lost", ctx -> Update.of(LOG, List.of("x")).toParent())
                .edge(START, "lost")
                .edge("lost", END)
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(GraphException.class)
                .hasMessage(
                        "node 'lost' sent an update to the parent graph, but the graph does not run as a subgraph node");
    }

    @Test
    void nodeSlowerThanItsTimeoutFailsAndIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        CompiledGraph graph = StateGraph.of(Schema.of(TEXT))
                .node(
                        "slow",
                        ctx -> {
                            if (attempts.incrementAndGet() == 1) {
                                sleep(5_000);
                            }
                            return Update.of(TEXT, "second try");
                        },
                        NodeOptions.timeout(Duration.ofSeconds(1)).withRetry(RetryPolicy.attempts(2)))
                .edge(START, "slow")
                .edge("slow", END)
                .compile();

        assertThat(graph.invoke(Update.empty()).get(TEXT)).isEqualTo("second try");
    }

    @Test
    void nodeSlowerThanItsTimeoutFailsNamingTheTimeout() {
        CompiledGraph graph = StateGraph.of(Schema.of(TEXT))
                .node(
                        "slow",
                        ctx -> {
                            sleep(5_000);
                            return Update.empty();
                        },
                        NodeOptions.timeout(Duration.ofMillis(50)))
                .edge(START, "slow")
                .edge("slow", END)
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(NodeFailedException.class)
                .hasMessage("node 'slow' failed at step 0: node 'slow' timed out after PT0.05S");
    }

    static CompiledGraph echo() {
        return StateGraph.of(Schema.of(TEXT))
                .node("echo", ctx -> Update.of(TEXT, ctx.get(TEXT) + "!"))
                .edge(START, "echo")
                .edge("echo", END)
                .compile();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(GraphEvent event) {
        if (event instanceof GraphEvent.NodeStarted started) {
            return "start " + started.node();
        } else if (event instanceof GraphEvent.Token token) {
            return "token " + token.text();
        } else if (event instanceof GraphEvent.NodeUpdated updated) {
            return "update " + updated.node();
        } else if (event instanceof GraphEvent.NodeEnded ended) {
            return "end " + ended.node();
        } else if (event instanceof GraphEvent.StepEnded step) {
            return "step " + step.step();
        }
        return "finished";
    }
}
