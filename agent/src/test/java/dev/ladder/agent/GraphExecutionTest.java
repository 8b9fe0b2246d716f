package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GraphExecutionTest {
    static final Key<String> TEXT = Key.of("text", String.class);
    static final Key<Integer> TOTAL = Key.reduced("total", Integer.class, 0, Integer::sum);
    static final Key<List<String>> LOG = Key.appending("log", String.class);
    static final Key<String> CONCAT = Key.reduced("concat", String.class, "", String::concat);

    @Test
    void twoNodesWritingAReducerlessKeyInOneStepFailNamingKeyAndNodes() {
        CompiledGraph graph = StateGraph.of(Schema.of(TEXT))
                .node("a", ctx -> Update.of(TEXT, "from a"))
                .node("b", ctx -> Update.of(TEXT, "from b"))
                .edge(START, "a")
                .edge(START, "b")
                .edge("a", END)
                .edge("b", END)
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(InvalidUpdateException.class)
                .hasMessage("invalid update: state key 'text' received 2 writes in one superstep, from [a, b];"
                        + " it keeps one value per step, so give it a reducer or let one node write it");
    }

    @Test
    void lastValueKeyReadBeforeAnyWriteFailsAsEmpty() {
        CompiledGraph graph = single(ctx -> Update.of(TEXT, ctx.get(TEXT)));

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(NodeFailedException.class)
                .hasMessage("node 'only' failed at step 0: state key 'text' has no value yet:"
                        + " write it before reading it, or read it with find()");
    }

    @Test
    void lastValueKeyWrittenTwiceInOneUpdateIsInvalid() {
        CompiledGraph graph = single(ctx -> Update.of(TEXT, "x").and(TEXT, "y"));

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(InvalidUpdateException.class)
                .hasMessageStartingWith(
                        "invalid update: state key 'text' received 2 writes in one superstep, from [only, only]");
    }

    @Test
    void binaryOperatorKeyStartsAtIdentityAndFoldsWritesWithinAndAcrossSteps() {
        CompiledGraph graph = StateGraph.of(Schema.of(TOTAL))
                .node("a", ctx -> Update.of(TOTAL, 1).and(TOTAL, 2).and(TOTAL, 3))
                .node("b", ctx -> Update.of(TOTAL, 4))
                .edge(START, "a")
                .edge("a", "b")
                .edge("b", END)
                .compile();

        RunResult result = graph.invoke(Update.empty());

        assertThat(result.get(TOTAL)).isEqualTo(10);
    }

    @Test
    void reducerAppliesToTheInputBeforeTheFirstNode() {
        List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
        CompiledGraph graph = single(ctx -> {
            seen.add(ctx.get(LOG));
            return Update.empty();
        });

        graph.invoke(Update.of(LOG, List.of("hello")));

        assertThat(seen).containsExactly(List.of("hello"));
    }

    @Test
    void joinWaitsForAllSourcesAndMergesTheirListWrites() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("fast", ctx -> Update.of(LOG, List.of("fast")))
                .node("slow1", ctx -> Update.of(LOG, List.of("slow1")))
                .node("slow2", ctx -> Update.of(LOG, List.of("slow2")))
                .node(
                        "join",
                        ctx -> Update.of(LOG, List.of("join saw " + ctx.get(LOG).size())))
                .edge(START, "fast")
                .edge(START, "slow1")
                .edge("slow1", "slow2")
                .join(List.of("fast", "slow2"), "join")
                .edge("join", END)
                .compile();

        RunResult result = graph.invoke(Update.empty());

        assertThat(result.get(LOG)).containsExactly("fast", "slow1", "slow2", "join saw 3");
    }

    @Test
    void parallelWritesMergeInTaskOrderWhateverOrderTheNodesFinishIn() {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        CompiledGraph graph = StateGraph.of(Schema.of(CONCAT))
                .node("first", ctx -> {
                    await(secondDone);
                    return Update.of(CONCAT, "first;");
                })
                .node("second", ctx -> Update.of(CONCAT, "second;"))
                .edge(START, "first")
                .edge(START, "second")
                .edge("first", END)
                .edge("second", END)
                .compile();

        RunResult result = graph.invoke(Update.empty(), RunConfig.newThread().withListener(event -> {
            if (event instanceof GraphEvent.NodeUpdated updated) {
                finished.add(updated.node());
                if (updated.node().equals("second")) {
                    secondDone.countDown();
                }
            }
        }));

        assertThat(finished).containsExactly("second", "first");
        assertThat(result.get(CONCAT)).isEqualTo("first;second;");
    }

    @Test
    void parallelNodesRunConcurrently() {
        CountDownLatch both = new CountDownLatch(2);
        Node waitForOther = ctx -> {
            both.countDown();
            try {
                return Update.of(LOG, List.of(ctx.node() + (both.await(5, TimeUnit.SECONDS) ? " met" : " alone")));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("a", waitForOther)
                .node("b", waitForOther)
                .edge(START, "a")
                .edge(START, "b")
                .edge("a", END)
                .edge("b", END)
                .compile();

        assertThat(graph.invoke(Update.empty()).get(LOG)).containsExactly("a met", "b met");
    }

    @Test
    void updatesStreamOneItemPerNodeWithTheJoinLast() {
        List<String> updates = Collections.synchronizedList(new ArrayList<>());
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("a", ctx -> Update.of(LOG, List.of("a")))
                .node("b", ctx -> Update.of(LOG, List.of("b")))
                .node("join", ctx -> Update.of(LOG, List.of("join")))
                .edge(START, "a")
                .edge(START, "b")
                .join(List.of("a", "b"), "join")
                .edge("join", END)
                .compile();

        graph.invoke(Update.empty(), RunConfig.newThread().withListener(event -> {
            if (event instanceof GraphEvent.NodeUpdated updated) {
                updates.add(updated.node());
            }
        }));

        assertThat(updates)
                .hasSize(3)
                .containsExactlyInAnyOrder("a", "b", "join")
                .last()
                .isEqualTo("join");
    }

    @Test
    void conditionalEdgeWithoutLabelsRoutesToTheReturnedNode() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("decide", ctx -> Update.of(LOG, List.of("decide")))
                .node("yes", ctx -> Update.of(LOG, List.of("yes")))
                .node("no", ctx -> Update.of(LOG, List.of("no")))
                .edge(START, "decide")
                .conditionalEdge("decide", state -> "no")
                .edge("yes", END)
                .edge("no", END)
                .compile();

        assertThat(graph.invoke(Update.empty()).get(LOG)).containsExactly("decide", "no");
    }

    @Test
    void conditionalEdgeTranslatesLabelsAndAcceptsEnd() {
        CompiledGraph graph = StateGraph.of(Schema.of(TOTAL))
                .node("count", ctx -> Update.of(TOTAL, 1))
                .edge(START, "count")
                .conditionalEdge(
                        "count",
                        state -> state.get(TOTAL) < 3 ? "again" : "done",
                        Map.of("again", "count", "done", END))
                .compile();

        assertThat(graph.invoke(Update.empty()).get(TOTAL)).isEqualTo(3);
    }

    @Test
    void routerReturningSeveralNodesRunsThemInTheNextStep() {
        List<Integer> steps = Collections.synchronizedList(new ArrayList<>());
        Node record = ctx -> {
            steps.add(ctx.step());
            return Update.of(LOG, List.of(ctx.node()));
        };
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("triage", ctx -> Update.of(LOG, List.of("triage")))
                .node("billing", record)
                .node("shipping", record)
                .node("legal", record)
                .edge(START, "triage")
                .conditionalEdges(
                        "triage",
                        state -> List.of("money", "parcel", "stop"),
                        Map.of("money", "billing", "parcel", "shipping", "law", "legal", "stop", END))
                .edge("billing", END)
                .edge("shipping", END)
                .edge("legal", END)
                .compile();

        RunResult result = graph.invoke(Update.empty());

        assertThat(result.get(LOG)).containsExactly("triage", "billing", "shipping");
        assertThat(steps).containsExactly(1, 1);
    }

    @Test
    void routerReturningNodeNamesWithoutALabelMapRoutesToThem() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("split", ctx -> Update.empty())
                .node("left", ctx -> Update.of(LOG, List.of("left")))
                .node("right", ctx -> Update.of(LOG, List.of("right")))
                .edge(START, "split")
                .conditionalEdges("split", state -> List.of("right", "left"))
                .edge("left", END)
                .edge("right", END)
                .compile();

        assertThat(graph.invoke(Update.empty()).get(LOG)).containsExactly("right", "left");
    }

    @Test
    void routerReturningNullFailsNamingItsNode() {
        CompiledGraph graph = StateGraph.of(Schema.of(TOTAL))
                .node("count", ctx -> Update.of(TOTAL, 1))
                .edge(START, "count")
                .conditionalEdge("count", state -> null)
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(GraphException.class)
                .hasMessage("the router after node 'count' returned null: return a node name or END");
    }

    @Test
    void routerLabelMissingFromTheMapFailsNamingIt() {
        CompiledGraph graph = StateGraph.of(Schema.of(TOTAL))
                .node("count", ctx -> Update.of(TOTAL, 1))
                .edge(START, "count")
                .conditionalEdge("count", state -> "sideways", Map.of("done", END))
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(GraphException.class)
                .hasMessage("the router after node 'count' returned 'sideways', which its label map does not contain;"
                        + " labels: [done]");
    }

    @Test
    void routerSeesItsOwnNodesWritesButNotThoseOfParallelNodes() {
        List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("a", ctx -> Update.of(LOG, List.of("a")))
                .node("b", ctx -> Update.of(LOG, List.of("b")))
                .edge(START, "a")
                .edge(START, "b")
                .conditionalEdge("a", state -> {
                    seen.add(state.get(LOG));
                    return END;
                })
                .edge("b", END)
                .compile();

        RunResult result = graph.invoke(Update.of(LOG, List.of("input")));

        assertThat(seen).containsExactly(List.of("input", "a"));
        assertThat(result.get(LOG)).containsExactly("input", "a", "b");
    }

    @Test
    void routerThatThrowsFailsTheRunNamingTheStep() {
        CompiledGraph graph = StateGraph.of(Schema.of(TOTAL))
                .node("count", ctx -> Update.of(TOTAL, 1))
                .edge(START, "count")
                .conditionalEdge("count", state -> {
                    throw new IllegalStateException("router bug");
                })
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(GraphException.class)
                .hasMessage(
                        "a reducer or router failed after step 0 of [count]: java.lang.IllegalStateException: router bug");
    }

    @Test
    void recursionLimitErrorNamesTheStepAndNode() {
        CompiledGraph graph = StateGraph.of(Schema.of(TOTAL))
                .node("loop", ctx -> Update.of(TOTAL, 1))
                .edge(START, "loop")
                .edge("loop", "loop")
                .compile(GraphOptions.builder().recursionLimit(5).build());

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(GraphRecursionException.class)
                .hasMessage("recursion limit of 5 reached at step 5 before running [loop]: raise"
                        + " GraphOptions.recursionLimit if the graph is meant to run longer, or give it a way to END");
    }

    @Test
    void recursionLimitOfOneStopsATwoNodeChain() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("one", ctx -> Update.of(LOG, List.of("one")))
                .node("two", ctx -> Update.of(LOG, List.of("two")))
                .edge(START, "one")
                .edge("one", "two")
                .edge("two", END)
                .compile(GraphOptions.builder().recursionLimit(1).build());

        assertThatThrownBy(() -> graph.invoke(Update.empty())).isInstanceOf(GraphRecursionException.class);
    }

    @Test
    void routerNamingAnUnknownNodeFailsTheRunNamingIt() {
        CompiledGraph graph = StateGraph.of(Schema.of(TOTAL))
                .node("count", ctx -> Update.of(TOTAL, 1))
                .edge(START, "count")
                .conditionalEdge("count", state -> "ghost")
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(GraphException.class)
                .hasMessage("the router after node 'count' sent the run to unknown node 'ghost'; nodes: [count]");
    }

    @Test
    void retryPolicySkipsFailuresItDoesNotRetryOn() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy onlyIllegalState = new RetryPolicy(3, Duration.ZERO, 1, e -> e instanceof IllegalStateException);
        CompiledGraph graph = StateGraph.of(Schema.of(TOTAL))
                .node(
                        "strict",
                        ctx -> {
                            calls.incrementAndGet();
                            throw new IllegalArgumentException("bad input");
                        },
                        NodeOptions.retry(onlyIllegalState))
                .edge(START, "strict")
                .edge("strict", END)
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(NodeFailedException.class)
                .hasMessage("node 'strict' failed at step 0: bad input");
        assertThat(calls).hasValue(1);
    }

    @Test
    void retryBackoffGrowsByTheMultiplierFromTheInitialWait() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), 2, e -> true);

        assertThat(List.of(policy.backoff(2), policy.backoff(3), policy.backoff(4)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void fanOutRunsTheNodeOncePerSendAndThenItsOutgoingEdge() {
        Key<Integer> item = Key.of("item", Integer.class);
        Key<List<Integer>> results = Key.appending("results", Integer.class);
        CompiledGraph graph = StateGraph.of(Schema.of(item, results))
                .node("plan", ctx -> Update.of(results, List.of(0)))
                .node("work", ctx -> Update.of(results, List.of(ctx.get(item))))
                .node("after", ctx -> Update.of(results, List.of(3)))
                .edge(START, "plan")
                .fanOut(
                        "plan",
                        state -> List.of(Send.of("work", item, 1), Send.of("work", item, 2), Send.of("work", item, 2)),
                        "work")
                .edge("work", "after")
                .edge("after", END)
                .compile();

        RunResult result = graph.invoke(Update.empty());

        assertThat(result.get(results)).containsExactly(0, 1, 2, 2, 3);
        assertThat(result.state().find(item)).isEmpty();
    }

    @Test
    void severalWritesInOneUpdateApplyInOrder() {
        CompiledGraph graph = StateGraph.of(Schema.of(CONCAT))
                .node("a", ctx -> Update.of(CONCAT, "a1").and(CONCAT, "a2"))
                .node("b", ctx -> Update.of(CONCAT, "b"))
                .edge(START, "a")
                .edge("a", "b")
                .edge("b", END)
                .compile();

        assertThat(graph.invoke(Update.empty()).get(CONCAT)).isEqualTo("a1a2b");
    }

    @Test
    void overwriteReplacesAReducedValue() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("a", ctx -> Update.of(LOG, List.of("a")))
                .node("b", ctx -> Update.overwrite(LOG, List.of("b")))
                .edge(START, "a")
                .edge("a", "b")
                .edge("b", END)
                .compile();

        assertThat(graph.invoke(Update.of(LOG, List.of("START"))).get(LOG)).containsExactly("b");
    }

    @Test
    void twoOverwritesOfOneKeyInOneStepFail() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("a", ctx -> Update.overwrite(LOG, List.of("a")))
                .node("b", ctx -> Update.overwrite(LOG, List.of("b")))
                .edge(START, "a")
                .edge(START, "b")
                .edge("a", END)
                .edge("b", END)
                .compile();

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(InvalidUpdateException.class)
                .hasMessage("invalid update: state key 'log' received 2 overwrites in one superstep, from [a, b];"
                        + " only one overwrite per key and step");
    }

    @Test
    void goToSendsTheRunToANodeWithoutAnEdge() {
        CompiledGraph graph = StateGraph.of(Schema.of(LOG))
                .node("a", ctx -> Update.of(LOG, List.of("a")).andGoTo("b"), NodeOptions.routesTo("b"))
                .node("b", ctx -> Update.of(LOG, List.of("b")))
                .edge(START, "a")
                .edge("b", END)
                .compile();

        assertThat(graph.invoke(Update.empty()).get(LOG)).containsExactly("a", "b");
    }

    @Test
    void writeToAnUndeclaredKeyFailsNamingNodeAndKey() {
        CompiledGraph graph = single(ctx -> Update.of(TOTAL, 1));

        assertThatThrownBy(() -> graph.invoke(Update.empty()))
                .isInstanceOf(InvalidUpdateException.class)
                .hasMessage(
                        "invalid update: node 'only' wrote state key 'total', which the graph's schema does not declare");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other node never finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CompiledGraph single(Node node) {
        return StateGraph.of(Schema.of(TEXT, LOG))
                .node("only", node)
                .edge(START, "only")
                .edge("only", END)
                .compile();
    }
}
