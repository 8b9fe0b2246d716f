package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Behaviour every checkpointer must show; each implementation's test extends this. */
abstract class CheckpointerContract {
    static final Key<Integer> TOTAL = Key.reduced("total", Integer.class, 0, Integer::sum);
    static final Key<List<String>> LOG = Key.appending("log", String.class);
    static final Key<String> TEXT = Key.of("text", String.class);
    static final Schema SCHEMA = Schema.of(TOTAL, LOG, TEXT);

    /** Returns a checkpointer over fresh storage; the same storage on every call within one test. */
    abstract Checkpointer checkpointer();

    /** Returns a second checkpointer over the same storage, as another JVM or a restart would open it. */
    abstract Checkpointer reopen();

    GraphOptions.Builder options() {
        return GraphOptions.builder().checkpointer(checkpointer());
    }

    @Test
    void resumingAFailedParallelStepRerunsOnlyTheFailedNode() {
        AtomicInteger oneRuns = new AtomicInteger();
        AtomicInteger twoRuns = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        StateGraph graph = StateGraph.of(SCHEMA)
                .node("one", ctx -> {
                    oneRuns.incrementAndGet();
                    return Update.of(TOTAL, 2);
                })
                .node(
                        "two",
                        ctx -> {
                            twoRuns.incrementAndGet();
                            if (failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("flaky");
                            }
                            return Update.of(TOTAL, 3);
                        },
                        NodeOptions.retry(RetryPolicy.attempts(2)).withRetry(RetryPolicy.NONE))
                .edge(START, "one")
                .edge(START, "two")
                .edge("one", END)
                .edge("two", END);
        CompiledGraph compiled = graph.compile(options().build());
        RunConfig config = RunConfig.thread("pending");

        assertThatThrownBy(() -> compiled.invoke(Update.of(TOTAL, 1), config))
                .isInstanceOf(NodeFailedException.class)
                .hasMessage("node 'two' failed at step 0: flaky");
        RunResult result = compiled.resume(config);

        assertThat(result.get(TOTAL)).isEqualTo(6);
        assertThat(oneRuns).hasValue(1);
        assertThat(twoRuns).hasValue(2);
    }

    @Test
    void retryPolicyWithTwoAttemptsCallsAFailingNodeExactlyTwice() {
        AtomicInteger calls = new AtomicInteger();
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node(
                        "flaky",
                        ctx -> {
                            calls.incrementAndGet();
                            throw new IllegalStateException("down");
                        },
                        NodeOptions.retry(RetryPolicy.attempts(2)))
                .edge(START, "flaky")
                .edge("flaky", END)
                .compile(options().build());

        assertThatThrownBy(() -> graph.invoke(Update.empty(), RunConfig.thread("retry")))
                .isInstanceOf(NodeFailedException.class)
                .hasMessage("node 'flaky' failed at step 0 after 2 attempts: down");
        assertThat(calls).hasValue(2);
    }

    @Test
    void failedRunLeavesLastGoodValuesTheFailedNodeAsNextAndTheError() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node("first", ctx -> Update.of(LOG, List.of("first")))
                .node("second", ctx -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("boom");
                    }
                    return Update.of(LOG, List.of("second"));
                })
                .edge(START, "first")
                .edge("first", "second")
                .edge("second", END)
                .compile(options().build());
        RunConfig config = RunConfig.thread("recovery");
        assertThatThrownBy(() -> graph.invoke(Update.empty(), config)).isInstanceOf(NodeFailedException.class);

        Checkpoint failed = graph.state("recovery").orElseThrow();

        assertThat(failed.values()).isEqualTo(Map.of("log", List.of("first")));
        assertThat(failed.nextNodes()).containsExactly("second");
        assertThat(failed.error()).isEqualTo("node 'second' failed at step 1: boom");
        assertThat(graph.resume(config).get(LOG)).containsExactly("first", "second");
    }

    @Test
    void deletingAThreadEmptiesItsHistory() {
        CompiledGraph graph = counter(options().build());
        graph.invoke(Update.empty(), RunConfig.thread("gone"));

        graph.deleteThread("gone");

        assertThat(graph.history("gone")).isEmpty();
        assertThat(graph.state("gone")).isEmpty();
    }

    @Test
    void historyListsCheckpointsNewestFirstFromFinalValuesToInput() {
        CompiledGraph graph = counter(options().build());
        graph.invoke(Update.of(TOTAL, 10), RunConfig.thread("history"));

        List<Checkpoint> history = graph.history("history");

        assertThat(history).extracting(c -> c.values().get("total")).containsExactly(13, 12, 11, 10);
        assertThat(history.get(0).next()).isEmpty();
        assertThat(history.get(3).source()).isEqualTo("input");
    }

    @Test
    void forkingFromAPastCheckpointKeepsTheWritesMadeBeforeIt() {
        CompiledGraph graph = counter(options().build());
        graph.invoke(Update.of(TOTAL, 10), RunConfig.thread("fork"));
        Checkpoint afterFirst = graph.history("fork").get(2);

        RunResult forked = graph.resume(RunConfig.thread("fork").at(afterFirst.id()));

        assertThat(afterFirst.values()).containsEntry("total", 11);
        assertThat(forked.get(TOTAL)).isEqualTo(13);
        assertThat(graph.history("fork")).hasSize(6);
        assertThat(graph.state("fork").orElseThrow().parentId()).isNotEqualTo(afterFirst.id());
    }

    @Test
    void updateStateAsANodeAppliesReducersAndContinuesAfterThatNode() {
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node("draft", ctx -> Update.of(LOG, List.of("draft")))
                .node("review", ctx -> Update.of(LOG, List.of("review")))
                .node("publish", ctx -> Update.of(LOG, List.of("publish")))
                .edge(START, "draft")
                .edge("draft", "review")
                .edge("review", "publish")
                .edge("publish", END)
                .compile(options().interruptBefore("review").build());
        RunConfig config = RunConfig.thread("update");
        graph.invoke(Update.empty(), config);

        String id = graph.updateState(config, Update.of(LOG, List.of("human review")), "review");
        RunResult result = graph.resume(config);

        assertThat(graph.history("update")).extracting(Checkpoint::id).contains(id);
        assertThat(result.get(LOG)).containsExactly("draft", "human review", "publish");
    }

    @Test
    void staticBreakpointsStopBeforeAndAfterAndResumeWithoutInput() {
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node("a", ctx -> Update.of(LOG, List.of("a")))
                .node("b", ctx -> Update.of(LOG, List.of("b")))
                .node("c", ctx -> Update.of(LOG, List.of("c")))
                .edge(START, "a")
                .edge("a", "b")
                .edge("b", "c")
                .edge("c", END)
                .compile(options().interruptAfter("a").interruptBefore("c").build());
        RunConfig config = RunConfig.thread("breakpoints");

        RunResult afterA = graph.invoke(Update.empty(), config);
        RunResult beforeC = graph.resume(config);
        RunResult done = graph.resume(config);

        assertThat(afterA.interrupts()).containsExactly(new Interrupt("after:a", "a", null));
        assertThat(afterA.next()).containsExactly("b");
        assertThat(beforeC.interrupts()).containsExactly(new Interrupt("before:c", "c", null));
        assertThat(beforeC.get(LOG)).containsExactly("a", "b");
        assertThat(done.interrupted()).isFalse();
        assertThat(done.get(LOG)).containsExactly("a", "b", "c");
    }

    @Test
    void goToAddedAtAStaticBreakpointRunsBesideTheNormalPath() {
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node("a", ctx -> Update.of(LOG, List.of("a")), NodeOptions.routesTo("extra"))
                .node("b", ctx -> Update.of(LOG, List.of("b")))
                .node("extra", ctx -> Update.of(LOG, List.of("extra")))
                .edge(START, "a")
                .edge("a", "b")
                .edge("b", END)
                .edge("extra", END)
                .compile(options().interruptBefore("b").build());
        RunConfig config = RunConfig.thread("goto");
        graph.invoke(Update.empty(), config);

        graph.updateState(config, Update.goTo("extra"), null);
        RunResult done = graph.resume(config);

        assertThat(done.get(LOG)).containsExactly("a", "b", "extra");
    }

    @Test
    void nodeAskingTwiceNeedsTwoAnswersAndRerunsFromItsStart() {
        AtomicInteger starts = new AtomicInteger();
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node("ask", ctx -> {
                    starts.incrementAndGet();
                    String name = ctx.interrupt(Map.of("question", "name?"), String.class);
                    String city = ctx.interrupt("city?", String.class);
                    return Update.of(TEXT, name + " from " + city);
                })
                .edge(START, "ask")
                .edge("ask", END)
                .compile(options().build());
        RunConfig config = RunConfig.thread("ask");

        RunResult first = graph.invoke(Update.empty(), config);
        RunResult second = graph.resume(config, "Ada");
        RunResult done = graph.resume(config, Map.of(second.interrupts().get(0).id(), "London"));

        assertThat(first.interrupts()).containsExactly(new Interrupt("0.0:0", "ask", Map.of("question", "name?")));
        assertThat(second.interrupts()).containsExactly(new Interrupt("0.0:1", "ask", "city?"));
        assertThat(done.get(TEXT)).isEqualTo("Ada from London");
        assertThat(starts).hasValue(3);
    }

    @Test
    void parallelQuestionsAreAnsweredOneAtATimeById() {
        Key<String> worker = Key.of("worker", String.class);
        Key<List<String>> answers = Key.appending("answers", String.class);
        CompiledGraph graph = StateGraph.of(Schema.of(worker, answers))
                .node("plan", ctx -> Update.empty())
                .node(
                        "work",
                        ctx -> Update.of(
                                answers, List.of(ctx.get(worker) + "=" + ctx.interrupt(ctx.get(worker), String.class))))
                .edge(START, "plan")
                .fanOut("plan", s -> List.of(Send.of("work", worker, "w1"), Send.of("work", worker, "w2")), "work")
                .edge("work", END)
                .compile(GraphOptions.builder()
                        .checkpointer(checkpointerFor(Schema.of(worker, answers)))
                        .build());
        RunConfig config = RunConfig.thread("parallel-questions");

        RunResult asked = graph.invoke(Update.empty(), config);
        RunResult oneLeft =
                graph.resume(config, Map.of(asked.interrupts().get(1).id(), "yes"));
        RunResult done = graph.resume(config, Map.of(oneLeft.interrupts().get(0).id(), "no"));

        assertThat(asked.interrupts()).extracting(Interrupt::payload).containsExactly("w1", "w2");
        assertThat(oneLeft.interrupts()).extracting(Interrupt::payload).containsExactly("w1");
        assertThat(done.get(answers)).containsExactly("w1=no", "w2=yes");
    }

    @Test
    void questionsOfFannedOutSubgraphsAreAnsweredOneAtATime() {
        Key<String> worker = Key.of("worker", String.class);
        Key<List<String>> answers = Key.appending("answers", String.class);
        Schema schema = Schema.of(worker, answers);
        CompiledGraph inner = StateGraph.of(schema)
                .node("prepare", ctx -> Update.empty())
                .node(
                        "ask",
                        ctx -> Update.of(
                                answers, List.of(ctx.get(worker) + "=" + ctx.interrupt(ctx.get(worker), String.class))))
                .edge(START, "prepare")
                .edge("prepare", "ask")
                .edge("ask", END)
                .compile();
        CompiledGraph graph = StateGraph.of(schema)
                .node("plan", ctx -> Update.empty())
                .node(
                        "sub",
                        inner.asNode(s -> Update.of(worker, s.get(worker)), s -> Update.of(answers, s.get(answers))))
                .edge(START, "plan")
                .fanOut("plan", s -> List.of(Send.of("sub", worker, "w1"), Send.of("sub", worker, "w2")), "sub")
                .edge("sub", END)
                .compile(GraphOptions.builder()
                        .checkpointer(checkpointerFor(schema))
                        .build());
        RunConfig config = RunConfig.thread("subgraph-questions");

        RunResult asked = graph.invoke(Update.empty(), config);
        RunResult oneLeft =
                graph.resume(config, Map.of(asked.interrupts().get(0).id(), "yes"));
        RunResult done = graph.resume(config, Map.of(oneLeft.interrupts().get(0).id(), "no"));

        assertThat(asked.interrupts()).extracting(Interrupt::payload).containsExactly("w1", "w2");
        assertThat(oneLeft.interrupts()).extracting(Interrupt::payload).containsExactly("w2");
        assertThat(done.get(answers)).containsExactly("w1=yes", "w2=no");
    }

    @Test
    void answeringAnUnknownInterruptFailsNamingItAndThePendingOnes() {
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node("ask", ctx -> Update.of(TEXT, ctx.interrupt("?", String.class)))
                .edge(START, "ask")
                .edge("ask", END)
                .compile(options().build());
        RunConfig config = RunConfig.thread("unknown-answer");
        graph.invoke(Update.empty(), config);

        assertThatThrownBy(() -> graph.resume(config, Map.of("nope", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thread 'unknown-answer' has no pending interrupt 'nope'; pending: [0.0:0]");
    }

    @Test
    void questionIsAnsweredByAGraphOverReopenedStorage() {
        StateGraph graph = StateGraph.of(SCHEMA)
                .node("approve", ctx -> Update.of(TEXT, ctx.interrupt("ok?", Boolean.class) ? "approved" : "rejected"))
                .edge(START, "approve")
                .edge("approve", END);
        RunConfig config = RunConfig.thread("restart");
        graph.compile(options().build()).invoke(Update.of(TOTAL, 5), config);

        RunResult done = graph.compile(
                        GraphOptions.builder().checkpointer(reopen()).build())
                .resume(config, true);

        assertThat(done.get(TEXT)).isEqualTo("approved");
        assertThat(done.get(TOTAL)).isEqualTo(5);
    }

    @Test
    void keepLastRetentionKeepsTheNewestCheckpointsOnly() {
        CompiledGraph graph = counter(GraphOptions.builder()
                .checkpointer(withRetention(Retention.keepLast(2)))
                .build());

        graph.invoke(Update.empty(), RunConfig.thread("retained"));

        assertThat(graph.history("retained"))
                .extracting(c -> c.values().get("total"))
                .containsExactly(3, 2);
    }

    @Test
    void reducedValueSurvivesCheckpointAndRestore() {
        CompiledGraph graph = counter(options().build());
        graph.invoke(Update.of(TOTAL, 4), RunConfig.thread("restore"));

        RunResult continued = counter(
                        GraphOptions.builder().checkpointer(reopen()).build())
                .invoke(Update.of(TOTAL, 100), RunConfig.thread("restore"));

        assertThat(continued.get(TOTAL)).isEqualTo(110);
    }

    @Test
    void secondRunOfAThreadThatIsBeingAdvancedIsRefused() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node("work", ctx -> {
                    inside.countDown();
                    awaitQuietly(release);
                    return Update.of(TOTAL, 1);
                })
                .edge(START, "work")
                .edge("work", END)
                .compile(options().build());
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> first = background.submit(() -> graph.invoke(Update.empty(), RunConfig.thread("busy")));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> graph.invoke(Update.empty(), RunConfig.thread("busy")))
                    .isInstanceOf(ThreadBusyException.class)
                    .hasMessageStartingWith("thread 'busy' is being advanced by another run");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).get(TOTAL)).isEqualTo(1);
        } finally {
            release.countDown();
            background.shutdownNow();
        }
    }

    @Test
    void maxAgeRetentionDropsOldCheckpointsButKeepsTheNewest() {
        Checkpointer checkpointer = withRetention(Retention.maxAge(Duration.ofMinutes(5)));
        Instant now = Instant.now();
        checkpointer.put(checkpoint("aged", "old", now.minus(Duration.ofMinutes(10))));
        checkpointer.put(checkpoint("aged", "recent", now.minus(Duration.ofMinutes(1))));
        checkpointer.put(checkpoint("aged", "stale-but-newest", now.minus(Duration.ofHours(1))));

        assertThat(checkpointer.history("aged"))
                .extracting(Checkpoint::id)
                .containsExactly("stale-but-newest", "recent");
    }

    @Test
    void retentionDropsThePendingWritesOfDroppedCheckpoints() {
        Checkpointer checkpointer = withRetention(Retention.keepLast(1));
        Instant now = Instant.now();
        checkpointer.put(checkpoint("pruned", "first", now));
        checkpointer.putWrite("pruned", "first", new PendingWrite("0.0", "one", Update.of(TOTAL, 1)));
        checkpointer.put(checkpoint("pruned", "second", now));

        assertThat(checkpointer.find("pruned", "first")).isEmpty();
        assertThat(storedWrites("pruned")).isZero();
    }

    @Test
    void invokingWithNewInputAtAPastCheckpointRunsFromStartOverItsValues() {
        CompiledGraph graph = counter(options().build());
        graph.invoke(Update.of(TOTAL, 10), RunConfig.thread("refork"));
        Checkpoint afterFirst = graph.history("refork").get(2);

        RunResult forked =
                graph.invoke(Update.of(TOTAL, 100), RunConfig.thread("refork").at(afterFirst.id()));

        assertThat(forked.get(TOTAL)).isEqualTo(114);
        assertThat(graph.history("refork").get(3).parentId()).isEqualTo(afterFirst.id());
    }

    @Test
    void runStoppedByTheRecursionLimitResumesWithANewBudget() {
        CompiledGraph graph = StateGraph.of(SCHEMA)
                .node("count", ctx -> Update.of(TOTAL, 1))
                .edge(START, "count")
                .conditionalEdge("count", s -> s.get(TOTAL) < 5 ? "count" : END)
                .compile(options().recursionLimit(3).build());
        RunConfig config = RunConfig.thread("limited");

        assertThatThrownBy(() -> graph.invoke(Update.empty(), config))
                .isInstanceOf(GraphRecursionException.class)
                .hasMessageStartingWith("recursion limit of 3 reached at step 3 before running [count]");
        Checkpoint stopped = graph.state("limited").orElseThrow();
        RunResult done = graph.resume(config);

        assertThat(stopped.values()).containsEntry("total", 3);
        assertThat(stopped.nextNodes()).containsExactly("count");
        assertThat(done.get(TOTAL)).isEqualTo(5);
    }

    /** Returns how many pending writes of {@code threadId} the storage holds, dropped checkpoints' included. */
    abstract int storedWrites(String threadId);

    static Checkpoint checkpoint(String threadId, String id, Instant createdAt) {
        return new Checkpoint(
                threadId, id, null, 0, Map.of(), List.of(), Map.of(), List.of(), List.of(), Map.of(), "loop", null,
                null, createdAt);
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns a checkpointer over this test's storage reading states of {@code schema}. */
    abstract Checkpointer checkpointerFor(Schema schema);

    /** Returns a checkpointer over fresh storage with {@code retention}. */
    abstract Checkpointer withRetention(Retention retention);

    /** A graph adding 1 to TOTAL three times, one step each. */
    static CompiledGraph counter(GraphOptions options) {
        return StateGraph.of(SCHEMA)
                .node("one", ctx -> Update.of(TOTAL, 1))
                .node("two", ctx -> Update.of(TOTAL, 1))
                .node("three", ctx -> Update.of(TOTAL, 1))
                .edge(START, "one")
                .edge("one", "two")
                .edge("two", "three")
                .edge("three", END)
                .compile(options);
    }
}
