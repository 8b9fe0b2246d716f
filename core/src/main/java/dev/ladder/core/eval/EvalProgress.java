package dev.ladder.core.eval;

import java.util.Objects;

/**
 * How far an evaluation has got.
 *
 * @param completed how many case runs have finished, over all strategies.
 * @param total how many case runs there are: cases times strategies.
 * @param latest the run that just finished.
 */
public record EvalProgress(int completed, int total, CaseResult latest) {

    public EvalProgress {
        Objects.requireNonNull(latest, "latest");
    }
}
