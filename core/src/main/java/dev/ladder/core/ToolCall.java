package dev.ladder.core;

import java.util.Objects;

/**
 * A call of a tool that the model asked for.
 *
 * @param id the provider's id for this call, echoed back in the {@link ToolResultMessage}.
 * @param name the tool's name.
 * @param arguments the arguments as a JSON object text, exactly as the model wrote them.
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
