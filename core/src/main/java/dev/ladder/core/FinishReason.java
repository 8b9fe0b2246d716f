package dev.ladder.core;

/**
 * Why the model stopped generating. Values a provider sends that Ladder does not know map to
 * {@link #OTHER}; the provider's own word stays available in {@link Choice#rawFinishReason()}.
 */
public enum FinishReason {
    /** A natural end or a stop sequence. */
    STOP,
    /** The output token limit was reached; the answer is cut off. */
    LENGTH,
    /** The model asked for tool calls. */
    TOOL_CALLS,
    /** The provider's content filter removed output. */
    CONTENT_FILTER,
    /** The model refused to answer. */
    REFUSAL,
    /** A reason Ladder does not know, or none was given. */
    OTHER
}
