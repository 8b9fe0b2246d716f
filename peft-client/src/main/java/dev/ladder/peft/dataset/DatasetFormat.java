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
    PREFERENCE
}
