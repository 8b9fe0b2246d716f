package dev.ladder.core.eval;

import dev.ladder.core.CancelledException;
import dev.ladder.core.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every case of a data set through one or more strategies and reports accuracy, tokens and
 * latency side by side: how a team sees whether the next rung of the ladder, or a new prompt, pays
 * off.
 *
 * <pre>{@code
 * EvalReport report = Evaluation.builder()
 *         .dataset(EvalDataset.fromJsonl(Path.of("questions.jsonl")))
 *         .strategy("prompt", Strategy.of(model, prompt, "question"))
 *         .strategy("rag", ragStrategy)
 *         .scorer(Scorers.normalizedMatch())
 *         .maxConcurrency(4)
 *         .onProgress(ProgressListener.logging())
 *         .build()
 *         .run();
 * log.info("\n{}", report.table());
 * }</pre>
 *
 * <p>At most {@link Builder#maxConcurrency} cases run at once, over all strategies, so no more model
 * calls are in flight than that (a strategy that makes several calls per case makes them one after
 * another unless it fans out itself). Scoring runs on the same threads, so judge calls count
 * toward the bound too. A case whose strategy or scorer throws is recorded as wrong, with the
 * error, and the run goes on.
 *
 * <p>Immutable; {@link #run} may be called again, and from several threads, given thread-safe
 * strategies and scorers.
 */
public final class Evaluation {
    private static final Logger log = LoggerFactory.getLogger(Evaluation.class);

    private final EvalDataset dataset;
    private final Map<String, Strategy> strategies;
    private final Scorer scorer;
    private final int maxConcurrency;
    private final ProgressListener listener;

    private Evaluation(Builder builder) {
        this.dataset = builder.dataset;
        this.strategies = Collections.unmodifiableMap(new LinkedHashMap<>(builder.strategies));
        this.scorer = builder.scorer;
        this.maxConcurrency = builder.maxConcurrency;
        this.listener = builder.listener;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every case through every strategy and returns the report, results in strategy order,
     * then case order.
     *
     * <p>Results are kept in memory until the end; to keep the finished ones of a run that may be
     * interrupted, save {@link EvalProgress#latest()} from the progress listener.
     *
     * @throws CancelledException if the calling thread is interrupted while waiting; runs still in
     *     progress are interrupted and the interrupt flag is set again.
     */
    public EvalReport run() {
        int total = dataset.cases().size() * strategies.size();
        log.debug(
                "evaluating {} cases of '{}' with {} strategies",
                dataset.cases().size(),
                dataset.name(),
                strategies.size());
        Progress progress = new Progress(total, listener);
        ExecutorService pool = Executors.newFixedThreadPool(maxConcurrency, new Workers());
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            strategies.forEach((name, strategy) -> {
                for (EvalCase testCase : dataset.cases()) {
                    futures.add(pool.submit(() -> progress.report(runCase(name, strategy, testCase))));
                }
            });
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> future : futures) {
                results.add(await(future, progress));
            }
            return EvalReport.of(dataset.name(), results);
        } finally {
            pool.shutdownNow();
        }
    }

    private CaseResult await(Future<CaseResult> future, Progress progress) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("evaluation of '" + dataset.name() + "' was interrupted after "
                    + progress.completed() + " of " + progress.total + " case runs");
        } catch (ExecutionException e) {
            // runCase catches every Exception, so only an Error gets here.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("case run failed outside its strategy and scorer", e.getCause());
        }
    }

    private CaseResult runCase(String name, Strategy strategy, EvalCase testCase) {
        long start = System.nanoTime();
        Answer answer;
        try {
            answer = Objects.requireNonNull(strategy.answer(testCase), "the strategy returned no answer");
        } catch (Exception e) {
            return failure(name, testCase, null, Usage.ZERO, elapsed(start), e);
        }
        Duration latency = elapsed(start);
        Scorer chosen = testCase.scorer() == null ? scorer : testCase.scorer();
        try {
            Score score = Objects.requireNonNull(chosen.score(testCase, answer), "the scorer returned no score");
            return new CaseResult(
                    name,
                    testCase.id(),
                    testCase.input(),
                    testCase.expected(),
                    answer.text(),
                    score.passed(),
                    score.value(),
                    score.reason(),
                    null,
                    answer.usage(),
                    latency,
                    score.usage());
        } catch (Exception e) {
            return failure(name, testCase, answer.text(), answer.usage(), latency, e);
        }
    }

    private static CaseResult failure(
            String name, EvalCase testCase, String answer, Usage usage, Duration latency, Exception e) {
        log.debug("case '{}' failed in strategy '{}'", testCase.id(), name, e);
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        return new CaseResult(
                name,
                testCase.id(),
                testCase.input(),
                testCase.expected(),
                answer,
                false,
                0,
                "",
                error,
                usage,
                latency,
                Usage.ZERO);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Counts finished runs and tells the listener, one call at a time. */
    private static final class Progress {
        private final int total;
        private final ProgressListener listener;
        private int completed;

        Progress(int total, ProgressListener listener) {
            this.total = total;
            this.listener = listener;
        }

        synchronized CaseResult report(CaseResult result) {
            completed++;
            try {
                listener.onProgress(new EvalProgress(completed, total, result));
            } catch (RuntimeException e) {
                log.warn("progress listener failed at {}/{}; the evaluation goes on", completed, total, e);
            }
            return result;
        }

        synchronized int completed() {
            return completed;
        }
    }

    /** Names worker threads and lets the JVM exit while they wait. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "ladder-eval-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Builds an {@link Evaluation}. Not thread-safe. */
    public static final class Builder {
        private EvalDataset dataset;
        private final Map<String, Strategy> strategies = new LinkedHashMap<>();
        private Scorer scorer = Scorers.exactMatch();
        private int maxConcurrency = 4;
        private ProgressListener listener = ProgressListener.none();

        private Builder() {}

        /** Sets the cases to run. */
        public Builder dataset(EvalDataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        /**
         * Adds a strategy under {@code name}; reports list strategies in the order added.
         *
         * @throws IllegalArgumentException if a strategy of that name was already added.
         */
        public Builder strategy(String name, Strategy strategy) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(strategy, "strategy");
            if (strategies.putIfAbsent(name, strategy) != null) {
                throw new IllegalArgumentException(
                        "a strategy named '" + name + "' was already added: give each" + " strategy its own name");
            }
            return this;
        }

        /** Sets the scorer for cases without their own; {@link Scorers#exactMatch()} unless set. */
        public Builder scorer(Scorer scorer) {
            this.scorer = Objects.requireNonNull(scorer, "scorer");
            return this;
        }

        /**
         * Sets how many cases may run at once; 4 unless set.
         *
         * @throws IllegalArgumentException if {@code maxConcurrency} is below 1.
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /** Sets who hears about each finished case run; nobody unless set. */
        public Builder onProgress(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Returns the evaluation.
         *
         * @throws IllegalStateException if no data set or no strategy was given.
         */
        public Evaluation build() {
            if (dataset == null) {
                throw new IllegalStateException("an evaluation needs a data set: call dataset(..)");
            }
            if (strategies.isEmpty()) {
                throw new IllegalStateException("an evaluation needs at least one strategy: call strategy(name, ..)");
            }
            return new Evaluation(this);
        }
    }
}
