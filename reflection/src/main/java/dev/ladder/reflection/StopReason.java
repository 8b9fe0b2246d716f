package dev.ladder.reflection;

/** Why a reflection loop stopped. */
public enum StopReason {
    /** The verifier accepted the last output. */
    PASSED,
    /** The loop made as many attempts as it was allowed. */
    MAX_ATTEMPTS,
    /** The tokens spent reached the budget before the output passed. */
    TOKEN_BUDGET,
    /** The model wrote the same output as in the attempt before, so retrying could not help. */
    NO_PROGRESS
}
