package dev.ladder.rag.query;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.UserMessage;

/** Reads the prompt a strategy sent. */
final class Prompts {
    private Prompts() {}

    static String of(ChatRequest request) {
        return ((UserMessage) request.messages().get(0)).text();
    }
}
