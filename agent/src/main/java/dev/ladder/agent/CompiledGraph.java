package dev.ladder.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A validated graph, ready to run. Immutable and thread-safe: any number of threads may run it at
 * once, each on its own thread id; runs of one thread id are serialized by the checkpointer's lock.
 *
 * <p>Without a checkpointer a run cannot be resumed, so breakpoints and questions end it for good.
 */
public final class CompiledGraph {
    private final GraphSpec spec;
    private final GraphOptions options;
    private final Checkpointer checkpointer;

    CompiledGraph(GraphSpec spec, GraphOptions options) {
        this.spec = spec;
        this.options = options;
        this.checkpointer = options.checkpointer() == null ? NoCheckpointer.INSTANCE : options.checkpointer();
    }

    /** Runs the graph on a new thread with {@code input} applied through the reducers; see {@link #invoke(Update, RunConfig)}. */
    public RunResult invoke(Update input) {
        return invoke(input, RunConfig.newThread());
    }

    /**
     * Applies {@code input} to the thread's state (empty for a new thread, or the checkpoint the
     * config names) and runs from START until END, a breakpoint or a question.
     *
     * @throws NodeFailedException if a node fails after its retries; the thread keeps the step's
     *     successful writes and can be resumed.
     * @throws InvalidUpdateException if the writes of a step conflict.
     * @throws GraphRecursionException if the run reaches the recursion limit.
     * @throws ThreadBusyException if another run holds the thread.
     * @throws CheckpointException if a checkpoint cannot be stored or read.
     */
    public RunResult invoke(Update input, RunConfig config) {
        Objects.requireNonNull(input, "input");
        return locked(config, () -> {
            Checkpoint base = config.checkpointId() == null
                    ? checkpointer.latest(config.threadId()).orElse(null)
                    : find(config);
            return run(config).start(input, base);
        });
    }

    /**
     * Continues the thread from its newest checkpoint (or the one the config names, which forks the
     * thread): past a breakpoint, or re-running the node that failed.
     *
     * @throws IllegalStateException if the thread has no checkpoint.
     */
    public RunResult resume(RunConfig config) {
        return resume(config, Map.of());
    }

    /**
     * Answers the thread's one pending question with {@code answer} and continues.
     *
     * @throws IllegalStateException if the thread has no question pending, or several.
     */
    public RunResult resume(RunConfig config, Object answer) {
        return locked(config, () -> {
            Checkpoint checkpoint = require(config);
            List<Interrupt> questions = checkpoint.interrupts().stream()
                    .filter(i -> !GraphRun.isStatic(i))
                    .toList();
            if (questions.size() != 1) {
                throw new IllegalStateException("thread '" + config.threadId() + "' has " + questions.size()
                        + " pending questions, not one: answer them by id with resume(config, Map)");
            }
            return run(config).resume(checkpoint, Map.of(questions.get(0).id(), answer));
        });
    }

    /**
     * Answers pending questions by interrupt id and continues; unanswered questions are asked again.
     *
     * @throws IllegalArgumentException naming the id if one does not match a pending question.
     */
    public RunResult resume(RunConfig config, Map<String, Object> answers) {
        return locked(config, () -> run(config).resume(require(config), answers));
    }

    /**
     * Writes {@code update} to the thread's state as if {@code asNode} had returned it: reducers
     * apply and the next nodes are those that follow {@code asNode}. With {@code asNode} null the
     * next nodes stay as they were. Returns the id of the new checkpoint.
     */
    public String updateState(RunConfig config, Update update, String asNode) {
        if (asNode != null && !spec.hasNode(asNode)) {
            throw new IllegalArgumentException("asNode '" + asNode + "' is not a node; nodes: "
                    + spec.nodes().keySet());
        }
        return locked(
                config,
                () -> run(config).update(require(config), update, asNode).id());
    }

    /** Returns the thread's newest checkpoint, if any. */
    public Optional<Checkpoint> state(String threadId) {
        return checkpointer.latest(threadId);
    }

    /** Returns the thread's checkpoints, newest first. */
    public List<Checkpoint> history(String threadId) {
        return checkpointer.history(threadId);
    }

    /** Deletes every checkpoint of the thread. */
    public void deleteThread(String threadId) {
        checkpointer.deleteThread(threadId);
    }

    /**
     * Runs {@code input} like {@link #invoke(Update, RunConfig)} on a background thread and returns
     * its events as an iterator that ends after the {@link GraphEvent.Finished} event.
     */
    public GraphStream stream(Update input, RunConfig config) {
        return GraphStream.start(listener -> invoke(input, config.withListener(both(config.listener(), listener))));
    }

    /** Renders the graph as a Mermaid flowchart, conditional edges dotted and labelled. */
    public String mermaid() {
        return Mermaid.render(spec);
    }

    /**
     * Returns a node that runs this graph as a subgraph: {@code input} turns the parent's state
     * into this graph's input, and {@code output} turns this graph's final state into the parent's
     * update. Tokens the subgraph streams reach the parent's listener.
     */
    public Node asNode(Function<State, Update> input, Function<State, Update> output) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        return context -> {
            GraphListener forward = event -> {
                if (event instanceof GraphEvent.Token token) {
                    context.emitToken(token.text());
                }
            };
            GraphRun run = new GraphRun(spec, options, NoCheckpointer.INSTANCE, "subgraph", new Events(forward));
            RunResult result = run.start(input.apply(context.state()), null);
            if (result.interrupted()) {
                throw new GraphException("the subgraph in node '" + context.node() + "' stopped at "
                        + result.interrupts() + "; interrupts inside subgraphs are not supported");
            }
            return output.apply(result.state());
        };
    }

    /** Returns the schema of the graph's state. */
    public Schema schema() {
        return spec.schema();
    }

    private <T> T locked(RunConfig config, Supplier<T> body) {
        ThreadLock lock = checkpointer.lock(config.threadId());
        try {
            return body.get();
        } finally {
            lock.close();
        }
    }

    private GraphRun run(RunConfig config) {
        return new GraphRun(spec, options, checkpointer, config.threadId(), new Events(config.listener()));
    }

    private Checkpoint require(RunConfig config) {
        if (config.checkpointId() != null) {
            return find(config);
        }
        return checkpointer
                .latest(config.threadId())
                .orElseThrow(() -> new IllegalStateException("thread '" + config.threadId()
                        + "' has no checkpoint to resume: start it with invoke, with a checkpointer configured"));
    }

    private Checkpoint find(RunConfig config) {
        return checkpointer
                .find(config.threadId(), config.checkpointId())
                .orElseThrow(() -> new IllegalStateException(
                        "thread '" + config.threadId() + "' has no checkpoint '" + config.checkpointId() + "'"));
    }

    private static GraphListener both(GraphListener first, GraphListener second) {
        return first == GraphListener.NONE
                ? second
                : event -> {
                    first.onEvent(event);
                    second.onEvent(event);
                };
    }
}
