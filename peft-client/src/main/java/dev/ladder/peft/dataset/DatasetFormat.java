package dev.ladder.peft.dataset;

/** The shape of each line in a fine-tuning JSONL file. */
public enum DatasetFormat {
    /**
     * Supervised chat examples: {@code {"messages": [...], "tools": [...]}}, learned from the assistant
     * turns. Used by OpenAI supervised fine-tuning and Together SFT on conversational data.
     */
    CHAT,
    /**
     * Preference pairs for DPO: {@code {"input": {"messages": [...]}, "preferred_output": [...],
     * "non_preferred_output": [...]}}. Used by OpenAI and Together DPO.
     */
    PREFERENCE,
    /**
     * Prompts for reinforcement fine-tuning: {@code {"messages": [...], "tools": [...], ...}} ending with
     * the user turn the model answers; every other top-level key is data the grader reads as
     * {@code {{item.key}}}. Used by OpenAI reinforcement fine-tuning.
     */
    REINFORCEMENT
}
