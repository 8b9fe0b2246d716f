package dev.ladder.core.eval;

import dev.ladder.core.Usage;
import java.time.Duration;
import java.util.Objects;

/**
 * How one strategy did on one case.
 *
 * @param strategy the strategy's name.
 * @param caseId the case's id.
 * @param input the case's input.
 * @param expected the case's expected answer, or null.
 * @param answer the strategy's answer, or null when it failed.
 * @param passed whether the answer counts as right; false when the case failed.
 * @param score the scorer's value from 0 to 1; 0 when the case failed.
 * @param reason the scorer's reason, empty when it gave none or the case failed.
 * @param error what went wrong, as {@code ExceptionClass: message}, or null when nothing did.
 * @param usage the tokens the strategy spent; zero when it failed.
 * @param latency how long the strategy took to answer, or to fail.
 * @param scoringUsage the tokens the scorer spent judging the answer (an LLM judge's), kept apart from
 *     the strategy's own {@code usage}.
 */
public record CaseResult(
        String strategy,
        String caseId,
        String input,
        String expected,
        String answer,
        boolean passed,
        double score,
        String reason,
        String error,
        Usage usage,
        Duration latency,
        Usage scoringUsage) {

    public CaseResult {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(input, "input");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(scoringUsage, "scoringUsage");
    }

    /** Returns true if the strategy or the scorer threw instead of giving a verdict. */
    public boolean failed() {
        return error != null;
    }
}
