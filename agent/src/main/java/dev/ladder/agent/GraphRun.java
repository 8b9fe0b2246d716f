package dev.ladder.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Advances one thread superstep by superstep, saving a checkpoint after each. Used by one call. */
final class GraphRun {
    private static final String BEFORE = "before:";
    private static final String AFTER = "after:";

    private final GraphSpec spec;
    private final GraphOptions options;
    private final Checkpointer checkpointer;
    private final String threadId;
    private final Events events;
    private final StepRunner runner;
    private final Planner planner;

    GraphRun(GraphSpec spec, GraphOptions options, Checkpointer checkpointer, String threadId, Events events) {
        this(spec, options, checkpointer, threadId, events, null);
    }

    /** Creates a run of a subgraph whose nodes ask their questions through {@code parent}, or not when null. */
    GraphRun(
            GraphSpec spec,
            GraphOptions options,
            Checkpointer checkpointer,
            String threadId,
            Events events,
            NodeContext parent) {
        this.spec = spec;
        this.options = options;
        this.checkpointer = checkpointer;
        this.threadId = threadId;
        this.events = events;
        this.runner = new StepRunner(spec, options.executor(), events, parent);
        this.planner = new Planner(spec);
    }

    /** Applies {@code input} over {@code base} (or an empty state) and runs from START. */
    RunResult start(Update input, Checkpoint base) {
        Map<String, Object> values = base == null ? Map.of() : base.values();
        PendingWrite write = new PendingWrite("input", StateGraph.START, input);
        int step = base == null ? -1 : base.step() + 1;
        Checkpoint first = next(base == null ? null : base.id(), step, values, List.of(write), Map.of(), "input", null);
        checkpointer.put(first);
        stepEnded(first);
        return loop(first, false);
    }

    /** Continues from {@code checkpoint}, answering its interrupts with {@code answers} by id. */
    RunResult resume(Checkpoint checkpoint, Map<String, Object> answers) {
        Map<String, List<Object>> resumes = new HashMap<>(checkpoint.resumes());
        answers.forEach((id, answer) -> {
            Interrupt interrupt = checkpoint.interrupts().stream()
                    .filter(i -> i.id().equals(id) && !isStatic(i))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("thread '" + threadId
                            + "' has no pending interrupt '" + id + "'; pending: " + ids(checkpoint.interrupts())));
            String taskId = interrupt.id().substring(0, interrupt.id().lastIndexOf(':'));
            List<Object> given = new ArrayList<>(resumes.getOrDefault(taskId, List.of()));
            given.add(Json.tree(answer));
            resumes.put(taskId, List.copyOf(given));
        });
        boolean pausedBefore = checkpoint.interrupts().stream().anyMatch(i -> i.id().startsWith(BEFORE));
        Checkpoint cleared = copy(checkpoint, checkpoint.writes(), List.of(), resumes, null);
        return loop(cleared, pausedBefore);
    }

    /** Records {@code update} as if {@code asNode} had returned it, and plans what runs after it. */
    Checkpoint update(Checkpoint base, Update update, String asNode) {
        String writer = asNode == null ? "update" : asNode;
        PendingWrite write = new PendingWrite("update", writer, update);
        Map<String, Object> values = StateMerger.apply(spec.schema(), base.values(), List.of(write));
        List<Task> tasks = withGoTos(base.next(), base.step() + 1, update.gotos());
        Map<String, Set<String>> joins = base.joins();
        if (asNode != null) {
            Planner.Plan plan = planner.next(
                    base.step() + 1, List.of(write), base.values(), new State(spec.schema(), values), joins);
            tasks = plan.tasks();
            joins = plan.joins();
        }
        // With the next nodes unchanged, a run paused before them stays paused, so resume passes the breakpoint.
        List<Interrupt> paused = asNode != null
                ? List.of()
                : base.interrupts().stream()
                        .filter(i -> i.id().startsWith(BEFORE))
                        .toList();
        Checkpoint checkpoint = new Checkpoint(
                threadId,
                CheckpointIds.next(),
                base.id(),
                base.step(),
                values,
                tasks,
                joins,
                List.of(),
                paused,
                Map.of(),
                "update",
                asNode,
                null,
                Instant.now());
        checkpointer.put(checkpoint);
        return checkpoint;
    }

    private List<Task> withGoTos(List<Task> next, int step, List<String> gotos) {
        List<Task> tasks = new ArrayList<>(next);
        for (String node : gotos) {
            if (!spec.hasNode(node)) {
                throw new IllegalArgumentException("cannot go to unknown node '" + node + "'; nodes: "
                        + spec.nodes().keySet());
            }
            tasks.add(new Task(step + ".g" + tasks.size(), node, Update.empty()));
        }
        return tasks;
    }

    private RunResult loop(Checkpoint checkpoint, boolean skipBefore) {
        int ran = 0;
        boolean skip = skipBefore;
        while (!checkpoint.next().isEmpty()) {
            if (ran >= options.recursionLimit()) {
                throw new GraphRecursionException(
                        "recursion limit of " + options.recursionLimit() + " reached at step "
                                + (checkpoint.step() + 1) + " before running " + checkpoint.nextNodes()
                                + ": raise GraphOptions.recursionLimit if the graph is meant to run longer, or give it a way to END");
            }
            List<Interrupt> before =
                    skip ? List.of() : breakpoints(checkpoint.next(), options.interruptBefore(), BEFORE);
            if (!before.isEmpty()) {
                Checkpoint paused = copy(checkpoint, checkpoint.writes(), before, checkpoint.resumes(), null);
                checkpointer.put(paused);
                return result(paused);
            }
            skip = false;
            checkpoint = step(checkpoint);
            ran++;
            if (!checkpoint.interrupts().isEmpty()) {
                return result(checkpoint);
            }
        }
        return result(checkpoint);
    }

    private Checkpoint step(Checkpoint checkpoint) {
        int step = checkpoint.step() + 1;
        State state = new State(spec.schema(), checkpoint.values());
        Map<String, PendingWrite> done = new HashMap<>();
        checkpoint.writes().forEach(write -> done.put(write.taskId(), write));
        StepRunner.Outcome outcome =
                runner.run(step, checkpoint.next(), state, done, checkpoint.resumes(), saver(checkpoint));
        if (outcome.failure() != null) {
            fail(checkpoint, outcome.writes(), outcome.failure());
        }
        if (!outcome.interrupts().isEmpty()) {
            Checkpoint asking = copy(checkpoint, outcome.writes(), outcome.interrupts(), checkpoint.resumes(), null);
            checkpointer.put(asking);
            return asking;
        }
        Map<String, Object> values;
        Planner.Plan plan;
        try {
            values = StateMerger.apply(spec.schema(), checkpoint.values(), outcome.writes());
            plan = planner.next(
                    step + 1,
                    outcome.writes(),
                    checkpoint.values(),
                    new State(spec.schema(), values),
                    checkpoint.joins());
        } catch (GraphException e) {
            fail(checkpoint, outcome.writes(), e);
            throw e;
        } catch (RuntimeException e) {
            GraphException failure = new GraphException(
                    "a reducer or router failed after step " + step + " of " + checkpoint.nextNodes() + ": " + e, e);
            fail(checkpoint, outcome.writes(), failure);
            throw failure;
        }
        List<Interrupt> after =
                plan.tasks().isEmpty() ? List.of() : breakpoints(outcome.writes(), options.interruptAfter());
        Checkpoint next = new Checkpoint(
                threadId,
                CheckpointIds.next(),
                checkpoint.id(),
                step,
                values,
                plan.tasks(),
                plan.joins(),
                List.of(),
                after,
                Map.of(),
                "loop",
                null,
                null,
                Instant.now());
        checkpointer.put(next);
        stepEnded(next);
        return next;
    }

    private void stepEnded(Checkpoint checkpoint) {
        if (events.enabled()) {
            State state = new State(spec.schema(), checkpoint.values());
            events.emit(new GraphEvent.StepEnded(checkpoint.step(), state, checkpoint.nextNodes()));
        }
    }

    private Consumer<PendingWrite> saver(Checkpoint checkpoint) {
        if (checkpoint.next().size() < 2 || checkpointer == NoCheckpointer.INSTANCE) {
            return write -> {};
        }
        return write -> checkpointer.putWrite(threadId, checkpoint.id(), write);
    }

    private void fail(Checkpoint checkpoint, List<PendingWrite> writes, GraphException failure) {
        checkpointer.put(copy(checkpoint, writes, List.of(), checkpoint.resumes(), failure.getMessage()));
        throw failure;
    }

    private Checkpoint next(
            String parentId,
            int step,
            Map<String, Object> values,
            List<PendingWrite> writes,
            Map<String, Set<String>> joins,
            String source,
            String writer) {
        Map<String, Object> merged = StateMerger.apply(spec.schema(), values, writes);
        Planner.Plan plan = planner.next(step + 1, writes, values, new State(spec.schema(), merged), joins);
        return new Checkpoint(
                threadId,
                CheckpointIds.next(),
                parentId,
                step,
                merged,
                plan.tasks(),
                plan.joins(),
                List.of(),
                List.of(),
                Map.of(),
                source,
                writer,
                null,
                Instant.now());
    }

    private RunResult result(Checkpoint checkpoint) {
        String id = checkpointer == NoCheckpointer.INSTANCE ? null : checkpoint.id();
        RunResult result = new RunResult(
                threadId,
                id,
                new State(spec.schema(), checkpoint.values()),
                checkpoint.nextNodes(),
                checkpoint.interrupts());
        events.emit(new GraphEvent.Finished(result));
        return result;
    }

    private static List<Interrupt> breakpoints(List<Task> tasks, Set<String> nodes, String kind) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        Map<String, Interrupt> hits = new LinkedHashMap<>();
        tasks.stream()
                .filter(task -> nodes.contains(task.node()))
                .forEach(task -> hits.putIfAbsent(task.node(), new Interrupt(kind + task.node(), task.node(), null)));
        return List.copyOf(hits.values());
    }

    private static List<Interrupt> breakpoints(List<PendingWrite> finished, Set<String> nodes) {
        List<Task> tasks = finished.stream()
                .map(w -> new Task(w.taskId(), w.node(), Update.empty()))
                .toList();
        return breakpoints(tasks, nodes, AFTER);
    }

    private static Checkpoint copy(
            Checkpoint c,
            List<PendingWrite> writes,
            List<Interrupt> interrupts,
            Map<String, List<Object>> resumes,
            String error) {
        return new Checkpoint(
                c.threadId(),
                c.id(),
                c.parentId(),
                c.step(),
                c.values(),
                c.next(),
                c.joins(),
                writes,
                interrupts,
                resumes,
                c.source(),
                c.writer(),
                error,
                c.createdAt());
    }

    static boolean isStatic(Interrupt interrupt) {
        return interrupt.id().startsWith(BEFORE) || interrupt.id().startsWith(AFTER);
    }

    private static String ids(List<Interrupt> interrupts) {
        return interrupts.stream().map(Interrupt::id).collect(Collectors.joining(", ", "[", "]"));
    }
}
