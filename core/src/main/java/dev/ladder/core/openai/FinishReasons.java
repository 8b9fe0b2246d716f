package dev.ladder.core.openai;

import dev.ladder.core.FinishReason;

/** Maps OpenAI's {@code finish_reason} words to {@link FinishReason}. */
final class FinishReasons {
    private FinishReasons() {}

    /** Returns the reason for {@code raw}; a refusal wins over a plain stop, unknown words map to OTHER. */
    static FinishReason of(String raw, boolean refused) {
        if (refused && (raw == null || raw.equals("stop"))) {
            return FinishReason.REFUSAL;
        }
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
