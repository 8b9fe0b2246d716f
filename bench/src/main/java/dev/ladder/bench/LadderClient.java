package dev.ladder.bench;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.openai.OpenAiClient;
import java.util.concurrent.CompletableFuture;

/** Ladder's OpenAI-compatible provider, set up as its README shows. */
final class LadderClient implements ChatClient {
    private final ChatModel model;
    private final ChatRequest request = ChatRequest.of(Message.user("What's the weather like in SF?"));

    LadderClient(String baseUrl) {
        model = OpenAiClient.builder()
                .baseUrl(baseUrl)
                .apiKey("sk-bench")
                .defaultModel("gpt-4o-2024-08-06")
                .build()
                .chatModel();
    }

    @Override
    public String chat() {
        return model.chat(request).text();
    }

    @Override
    public int stream() {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        int[] deltas = {0};
        model.stream(request, new StreamHandler() {
            @Override
            public void onText(int choice, String delta) {
                deltas[0]++;
            }

            @Override
            public void onComplete(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(LadderException error) {
                done.completeExceptionally(error);
            }
        });
        done.join();
        return deltas[0];
    }
}
