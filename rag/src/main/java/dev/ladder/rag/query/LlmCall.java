package dev.ladder.rag.query;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Message;
import java.util.Objects;

/**
 * Sends one prompt as a user message and returns the reply text.
 *
 * @param chatModel the model to call.
 * @param model the model name, or null for the provider's default.
 * @param temperature the sampling temperature, or null for the provider's default.
 */
record LlmCall(ChatModel chatModel, String model, Double temperature) {

    LlmCall {
        Objects.requireNonNull(chatModel, "chatModel");
    }

    /** Returns the trimmed reply text, or an empty string when the model refused or said nothing. */
    String ask(String prompt) {
        ChatRequest request = ChatRequest.builder()
                .model(model)
                .temperature(temperature)
                .addMessage(Message.user(prompt))
                .build();
        ChatResponse response = chatModel.chat(request);
        return response.text().trim();
    }

    LlmCall withModel(String model) {
        return new LlmCall(chatModel, model, temperature);
    }

    LlmCall withTemperature(Double temperature) {
        return new LlmCall(chatModel, model, temperature);
    }
}
