package dev.ladder.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs the tasks of one superstep, in parallel on an executor when there are several, each under
 * its node's retry policy and timeout.
 */
final class StepRunner {
    private final GraphSpec spec;
    private final Executor executor;
    private final Events events;

    StepRunner(GraphSpec spec, Executor executor, Events events) {
        this.spec = spec;
        this.executor = executor;
        this.events = events;
    }

    /**
     * What one step produced: the updates of finished tasks in task order, the questions of
     * interrupted tasks, and the first failure in task order, if any.
     */
    record Outcome(List<PendingWrite> writes, List<Interrupt> interrupts, NodeFailedException failure) {}

    /** The result of one task: exactly one of the three is set. */
    private record Result(Update update, InterruptSignal interrupt, RuntimeException failure) {}

    /**
     * Runs the tasks that have no entry in {@code done} and returns the step's outcome; each
     * finished task is also passed to {@code onFinished} as soon as it finishes.
     */
    Outcome run(
            int step,
            List<Task> tasks,
            State state,
            Map<String, PendingWrite> done,
            Map<String, List<Object>> answers,
            Consumer<PendingWrite> onFinished) {
        List<Task> todo = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            if (!done.containsKey(task.id())) {
                todo.add(task);
            }
        }
        List<Result> results = execute(step, todo, state, answers, onFinished);
        return collect(step, tasks, todo, results, done, answers);
    }

    private List<Result> execute(
            int step,
            List<Task> todo,
            State state,
            Map<String, List<Object>> answers,
            Consumer<PendingWrite> onFinished) {
        List<FutureTask<Result>> futures = new ArrayList<>(todo.size());
        for (int i = 1; i < todo.size(); i++) {
            Task task = todo.get(i);
            FutureTask<Result> future = new FutureTask<>(() -> attempt(step, task, state, answers, onFinished));
            executor.execute(future);
            futures.add(future);
        }
        List<Result> results = new ArrayList<>(todo.size());
        if (!todo.isEmpty()) {
            results.add(attempt(step, todo.get(0), state, answers, onFinished));
        }
        for (FutureTask<Result> future : futures) {
            results.add(await(future));
        }
        return results;
    }

    private Outcome collect(
            int step,
            List<Task> tasks,
            List<Task> todo,
            List<Result> results,
            Map<String, PendingWrite> done,
            Map<String, List<Object>> answers) {
        List<PendingWrite> writes = new ArrayList<>(tasks.size());
        List<Interrupt> interrupts = new ArrayList<>();
        NodeFailedException failure = null;
        for (Task task : tasks) {
            PendingWrite previous = done.get(task.id());
            if (previous != null) {
                writes.add(previous);
                continue;
            }
            Result result = results.get(todo.indexOf(task));
            if (result.update() != null) {
                writes.add(new PendingWrite(task.id(), task.node(), result.update()));
            } else if (result.interrupt() != null) {
                int index = answers.getOrDefault(task.id(), List.of()).size();
                interrupts.add(new Interrupt(
                        task.id() + ":" + index,
                        task.node(),
                        Json.tree(result.interrupt().payload())));
            } else if (failure == null) {
                failure = failed(step, task, result.failure());
            }
        }
        return new Outcome(writes, interrupts, failure);
    }

    private Result attempt(
            int step, Task task, State state, Map<String, List<Object>> answers, Consumer<PendingWrite> onFinished) {
        long started = System.nanoTime();
        events.emit(new GraphEvent.NodeStarted(step, task.node(), task.id()));
        Result result = runWithRetry(step, task, state, answers);
        if (result.update() != null) {
            onFinished.accept(new PendingWrite(task.id(), task.node(), result.update()));
            events.emit(new GraphEvent.NodeUpdated(step, task.node(), task.id(), result.update()));
        }
        if (events.enabled()) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            events.emit(new GraphEvent.NodeEnded(step, task.node(), task.id(), took, result.failure() != null));
        }
        return result;
    }

    private Result runWithRetry(int step, Task task, State state, Map<String, List<Object>> answers) {
        NodeOptions options = spec.options(task.node());
        State view = task.input().isEmpty() ? state : state.overlay(overlay(task.input()));
        TaskContext context = new TaskContext(view, task, step, answers.getOrDefault(task.id(), List.of()), events);
        for (int attempt = 1; ; attempt++) {
            try {
                context.restart();
                return new Result(runOnce(task, context, options.timeout()), null, null);
            } catch (InterruptSignal signal) {
                return new Result(null, signal, null);
            } catch (RuntimeException e) {
                RetryPolicy retry = options.retry();
                if (attempt >= retry.maxAttempts() || !retry.retryOn().test(e)) {
                    return new Result(null, null, attempts(e, attempt));
                }
                if (!sleep(retry.backoff(attempt + 1))) {
                    return new Result(null, null, e);
                }
            }
        }
    }

    private Update runOnce(Task task, TaskContext context, Duration timeout) {
        Node node = spec.nodes().get(task.node());
        Update update = timeout == null ? node.run(context) : runWithTimeout(node, context, timeout);
        if (update == null) {
            throw new IllegalStateException("node '" + task.node() + "' returned null: return Update.empty()");
        }
        return update;
    }

    private Update runWithTimeout(Node node, TaskContext context, Duration timeout) {
        FutureTask<Update> future = new FutureTask<>(() -> node.run(context));
        executor.execute(future);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new NodeTimeoutException("node '" + context.node() + "' timed out after " + timeout);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GraphException("interrupted while waiting for node '" + context.node() + "'", e);
        }
    }

    private static Result await(FutureTask<Result> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return new Result(null, null, unwrap(e));
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            return new Result(null, null, new GraphException("interrupted while waiting for a node", e));
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new GraphException("node failed", cause);
    }

    private static RuntimeException attempts(RuntimeException e, int attempts) {
        return attempts == 1 ? e : new AttemptsExhausted(attempts, e);
    }

    private static NodeFailedException failed(int step, Task task, RuntimeException failure) {
        int attempts = failure instanceof AttemptsExhausted exhausted ? exhausted.attempts : 1;
        Throwable cause = failure instanceof AttemptsExhausted ? failure.getCause() : failure;
        String tries = attempts == 1 ? "" : " after " + attempts + " attempts";
        return new NodeFailedException(
                "node '" + task.node() + "' failed at step " + step + tries + ": " + cause.getMessage(), cause);
    }

    private static Map<String, Object> overlay(Update input) {
        Map<String, Object> values = new java.util.HashMap<>();
        input.writes().forEach(write -> values.put(write.key().name(), write.value()));
        return values;
    }

    private static boolean sleep(Duration wait) {
        if (wait.isZero()) {
            return true;
        }
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Carries the number of attempts a failure took from the retry loop to the step's outcome. */
    private static final class AttemptsExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int attempts;

        AttemptsExhausted(int attempts, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.attempts = attempts;
        }
    }
}
