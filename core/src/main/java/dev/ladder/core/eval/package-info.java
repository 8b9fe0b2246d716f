/**
 * The evaluation harness: run a data set of {@link dev.ladder.core.eval.EvalCase}s through one or
 * more {@link dev.ladder.core.eval.Strategy strategies} with bounded parallelism, score the answers
 * ({@link dev.ladder.core.eval.Scorers}, {@link dev.ladder.core.eval.LlmJudge}), and compare
 * accuracy, tokens and latency side by side in an {@link dev.ladder.core.eval.EvalReport}. Start
 * with {@link dev.ladder.core.eval.Evaluation#builder()}.
 */
package dev.ladder.core.eval;
