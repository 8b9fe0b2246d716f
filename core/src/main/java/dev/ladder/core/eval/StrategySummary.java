package dev.ladder.core.eval;

import dev.ladder.core.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one strategy did over the whole data set.
 *
 * @param strategy the strategy's name.
 * @param cases how many cases it answered or failed.
 * @param passed how many answers passed.
 * @param errors how many cases failed with an exception (counted as wrong).
 * @param accuracy passed divided by cases, from 0 to 1.
 * @param meanScore the mean score value, from 0 to 1, failures counting 0.
 * @param usage the tokens spent over all cases.
 * @param medianLatency the median time per case.
 * @param p95Latency the 95th percentile of time per case (nearest rank).
 * @param scoringUsage the tokens the scorer spent judging its answers (an LLM judge's); the cost of
 *     measuring, not of the strategy.
 */
public record StrategySummary(
        String strategy,
        int cases,
        int passed,
        int errors,
        double accuracy,
        double meanScore,
        Usage usage,
        Duration medianLatency,
        Duration p95Latency,
        Usage scoringUsage) {

    public StrategySummary {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(medianLatency, "medianLatency");
        Objects.requireNonNull(p95Latency, "p95Latency");
        Objects.requireNonNull(scoringUsage, "scoringUsage");
    }

    /**
     * Summarises {@code results}, all of strategy {@code strategy}.
     *
     * @throws IllegalArgumentException if a result belongs to another strategy.
     */
    public static StrategySummary of(String strategy, List<CaseResult> results) {
        int passed = 0;
        int errors = 0;
        double scores = 0;
        Usage usage = Usage.ZERO;
        Usage scoringUsage = Usage.ZERO;
        List<Duration> latencies = new ArrayList<>();
        for (CaseResult result : results) {
            if (!result.strategy().equals(strategy)) {
                throw new IllegalArgumentException("result of case '" + result.caseId() + "' belongs to strategy '"
                        + result.strategy() + "', not '" + strategy + "'");
            }
            passed += result.passed() ? 1 : 0;
            errors += result.failed() ? 1 : 0;
            scores += result.score();
            usage = usage.plus(result.usage());
            scoringUsage = scoringUsage.plus(result.scoringUsage());
            latencies.add(result.latency());
        }
        int cases = results.size();
        return new StrategySummary(
                strategy,
                cases,
                passed,
                errors,
                cases == 0 ? 0 : (double) passed / cases,
                cases == 0 ? 0 : scores / cases,
                usage,
                median(latencies),
                percentile(latencies, 95),
                scoringUsage);
    }

    /** Returns the middle value, or the mean of the two middle values; zero for none. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** Returns the nearest-rank {@code percent} percentile; zero for none. */
    static Duration percentile(List<Duration> values, int percent) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
