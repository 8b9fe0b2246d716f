package dev.ladder.examples;

import dev.ladder.core.ChatModel;
import dev.ladder.core.anthropic.AnthropicChatModel;
import dev.ladder.core.openai.OpenAiClient;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the language model the examples talk to from the environment: an OpenAI-compatible server when
 * {@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL} is set (OpenAI itself, or a local Ollama or
 * llama.cpp server), Azure OpenAI when {@code AZURE_OPENAI_ENDPOINT} is set, otherwise Anthropic when
 * {@code ANTHROPIC_API_KEY} is set. {@code LADDER_MODEL} names the model; each provider has a default.
 */
public final class Models {

    /** The line printed when no model is configured: what to set, in one line. */
    public static final String HOW_TO_CONFIGURE = "No language model configured: set OPENAI_API_KEY (plus"
            + " OPENAI_BASE_URL for a compatible server such as Ollama at http://localhost:11434/v1) or"
            + " ANTHROPIC_API_KEY, and LADDER_MODEL to choose the model. Running the steps that need none.";

    static final String OPENAI_DEFAULT = "gpt-4o-mini";
    static final String ANTHROPIC_DEFAULT = "claude-sonnet-4-5";

    private Models() {}

    /** Returns the model the environment configures, or empty when it configures none. */
    public static Optional<ChatModel> fromEnv() {
        return fromEnv(System.getenv());
    }

    /** Returns the model {@code env} configures, or empty when it configures none. */
    public static Optional<ChatModel> fromEnv(Map<String, String> env) {
        String model = env.get("LADDER_MODEL");
        if (isSet(env, "OPENAI_API_KEY") || isSet(env, "OPENAI_BASE_URL") || isSet(env, "AZURE_OPENAI_ENDPOINT")) {
            OpenAiClient client = OpenAiClient.builder().fromEnv(env).build();
            return Optional.of(client.chatModel(isBlank(model) ? OPENAI_DEFAULT : model));
        }
        if (isSet(env, "ANTHROPIC_API_KEY")) {
            return Optional.of(AnthropicChatModel.fromEnv(env)
                    .model(isBlank(model) ? ANTHROPIC_DEFAULT : model)
                    .build());
        }
        return Optional.empty();
    }

    private static boolean isSet(Map<String, String> env, String name) {
        return !isBlank(env.get(name));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
