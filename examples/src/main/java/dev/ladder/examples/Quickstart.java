package dev.ladder.examples;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.Message;
import dev.ladder.core.openai.OpenAiClient;
import dev.ladder.core.schema.StructuredOutput;

/**
 * The README's quickstart: one chat call to an OpenAI-compatible model from the environment, the
 * answer parsed into a record. Fails with an error naming {@code OPENAI_API_KEY} when no key is set.
 */
public final class Quickstart {
    public record Capital(String country, String city, int population) {}

    public static void main(String[] args) {
        var model = OpenAiClient.fromEnv().chatModel(System.getenv().getOrDefault("LADDER_MODEL", "gpt-4o-mini"));
        ChatRequest request = ChatRequest.builder()
                .addMessage(Message.user("What is the capital of France, and how many people live there?"))
                .responseFormat(StructuredOutput.responseFormat(Capital.class))
                .build();
        Capital capital = StructuredOutput.parse(model.chat(request), Capital.class);
        System.out.println(capital.city() + " has about " + capital.population() + " inhabitants");
    }
}
