package dev.ladder.core;

import java.util.Objects;

/**
 * Whether and which tool the model must call.
 *
 * @param mode how the model chooses.
 * @param toolName the tool it must call when {@code mode} is {@link Mode#TOOL}, otherwise null.
 */
public record ToolChoice(Mode mode, String toolName) {

    /** The model decides whether to call tools. */
    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    /** The model must not call tools. */
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
    /** The model must call at least one tool. */
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

    /** How the model chooses a tool. */
    public enum Mode {
        AUTO,
        NONE,
        REQUIRED,
        TOOL
    }

    public ToolChoice {
        Objects.requireNonNull(mode, "mode");
        if ((mode == Mode.TOOL) != (toolName != null)) {
            throw new IllegalArgumentException("a tool name goes with mode TOOL and only with it");
        }
    }

    /** The model must call the tool named {@code name}. */
    public static ToolChoice tool(String name) {
        return new ToolChoice(Mode.TOOL, Objects.requireNonNull(name, "name"));
    }
}
