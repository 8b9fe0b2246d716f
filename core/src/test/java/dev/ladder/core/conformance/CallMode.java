package dev.ladder.core.conformance;

/** Which entry point of a {@link dev.ladder.core.ChatModel} a conformance test will call. */
public enum CallMode {
    /** {@link dev.ladder.core.ChatModel#chat}: one blocking call. */
    CHAT,
    /** {@link dev.ladder.core.ChatModel#stream}: a streamed call. */
    STREAM
}
