package dev.ladder.agent;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a compiled graph runs: where checkpoints go, where it stops for a human, how many supersteps
 * one call may run and on which executor parallel nodes run. Immutable and thread-safe; build one
 * with {@link #builder()}.
 */
public final class GraphOptions {
    private static final ExecutorService SHARED = Executors.newCachedThreadPool(daemonThreads());

    private final Checkpointer checkpointer;
    private final Set<String> interruptBefore;
    private final Set<String> interruptAfter;
    private final int recursionLimit;
    private final Executor executor;

    private GraphOptions(Builder builder) {
        this.checkpointer = builder.checkpointer;
        this.interruptBefore = Set.copyOf(builder.interruptBefore);
        this.interruptAfter = Set.copyOf(builder.interruptAfter);
        this.recursionLimit = builder.recursionLimit;
        this.executor = builder.executor;
    }

    /** Returns a new builder: no checkpointer, no breakpoints, recursion limit 25, a shared pool. */
    public static Builder builder() {
        return new Builder();
    }

    /** The checkpointer, or null when runs are not saved and cannot be resumed. */
    public Checkpointer checkpointer() {
        return checkpointer;
    }

    /** The nodes the run stops before. */
    public Set<String> interruptBefore() {
        return interruptBefore;
    }

    /** The nodes the run stops after. */
    public Set<String> interruptAfter() {
        return interruptAfter;
    }

    /** The most supersteps one call of invoke or resume may run. */
    public int recursionLimit() {
        return recursionLimit;
    }

    /** The executor parallel nodes and nodes with a timeout run on. */
    public Executor executor() {
        return executor;
    }

    void checkNodes(GraphSpec spec) {
        for (String node : interruptBefore) {
            requireNode(spec, node, "interruptBefore");
        }
        for (String node : interruptAfter) {
            requireNode(spec, node, "interruptAfter");
        }
    }

    private static void requireNode(GraphSpec spec, String node, String option) {
        if (!spec.hasNode(node)) {
            throw new GraphValidationException(option + " names unknown node '" + node + "'; nodes: "
                    + spec.nodes().keySet());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ladder-graph-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Builds {@link GraphOptions}. Not thread-safe. */
    public static final class Builder {
        private Checkpointer checkpointer;
        private final Set<String> interruptBefore = new LinkedHashSet<>();
        private final Set<String> interruptAfter = new LinkedHashSet<>();
        private int recursionLimit = 25;
        private Executor executor = SHARED;

        private Builder() {}

        /** Saves a checkpoint to {@code checkpointer} after every superstep. */
        public Builder checkpointer(Checkpointer checkpointer) {
            this.checkpointer = Objects.requireNonNull(checkpointer, "checkpointer");
            return this;
        }

        /** Stops the run before any of {@code nodes} runs; needs a checkpointer to resume. */
        public Builder interruptBefore(String... nodes) {
            interruptBefore.addAll(Arrays.asList(nodes));
            return this;
        }

        /** Stops the run after any of {@code nodes} has run; needs a checkpointer to resume. */
        public Builder interruptAfter(String... nodes) {
            interruptAfter.addAll(Arrays.asList(nodes));
            return this;
        }

        /** Sets the most supersteps one call may run; 25 unless set. */
        public Builder recursionLimit(int recursionLimit) {
            if (recursionLimit < 1) {
                throw new IllegalArgumentException("recursionLimit must be at least 1, was " + recursionLimit);
            }
            this.recursionLimit = recursionLimit;
            return this;
        }

        /** Runs parallel nodes on {@code executor} instead of a shared pool of daemon threads. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Returns the options. */
        public GraphOptions build() {
            return new GraphOptions(this);
        }
    }
}
