package dev.ladder.core;

/**
 * Receives a streamed chat response piece by piece.
 *
 * <p>Every method has an empty default, so a handler overrides only what it uses. For one stream,
 * methods are never called concurrently. A handler that throws ends the stream: the exception is
 * delivered to {@link #onError} wrapped in a {@link LadderException}.
 */
public interface StreamHandler {

    /** Receives the next piece of text of the choice numbered {@code choice}. */
    default void onText(int choice, String delta) {}

    /** Receives the next piece of a refusal the model gave instead of an answer. */
    default void onRefusal(int choice, String delta) {}

    /** Receives a piece of a tool call; pieces with the same choice and index form one call. */
    default void onToolCallDelta(ToolCallDelta delta) {}

    /** Receives the token counts, usually once near the end of the stream. */
    default void onUsage(Usage usage) {}

    /** Receives the assembled response after the last delta. Nothing follows it. */
    default void onComplete(ChatResponse response) {}

    /** Receives the failure that ended the stream. Nothing follows it. */
    default void onError(LadderException error) {}
}
