package dev.ladder.core;

/**
 * A piece of a streamed tool call. The first piece of a call carries its id and name; the
 * following ones carry further text of its arguments.
 *
 * @param choice the choice this call belongs to.
 * @param index the position of the call within the choice's tool calls.
 * @param id the call's id, or null after the first piece.
 * @param name the tool's name, or null after the first piece.
 * @param argumentsDelta the next piece of the JSON arguments, possibly empty.
 */
public record ToolCallDelta(int choice, int index, String id, String name, String argumentsDelta) {}
