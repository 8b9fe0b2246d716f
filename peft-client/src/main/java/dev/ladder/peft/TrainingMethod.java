package dev.ladder.peft;

/** How a job learns from its data. */
public enum TrainingMethod {
    /** Supervised fine-tuning on demonstrations (chat examples). */
    SUPERVISED,
    /** Direct preference optimisation on preferred / non-preferred pairs. */
    DPO,
    /** Reinforcement fine-tuning against a grader (OpenAI reasoning models). */
    REINFORCEMENT
}
