package dev.ladder.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** LangChain4j 1.19's OpenAI chat models, as a LangChain4j user would set them up. */
final class LangChain4jClient implements ChatClient {
    private final OpenAiChatModel model;
    private final OpenAiStreamingChatModel streamingModel;

    LangChain4jClient(String baseUrl) {
        model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey("sk-bench")
                .modelName("gpt-4o-2024-08-06")
                .maxRetries(0)
                .build();
        streamingModel = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey("sk-bench")
                .modelName("gpt-4o-2024-08-06")
                .build();
    }

    @Override
    public String chat() {
        return model.chat(UserMessage.from("What's the weather like in SF?"))
                .aiMessage()
                .text();
    }

    @Override
    public int stream() {
        AtomicInteger deltas = new AtomicInteger();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streamingModel.chat(
                java.util.List.of(UserMessage.from("What's the weather like in SF?")),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String partialResponse) {
                        deltas.incrementAndGet();
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
        done.join();
        return deltas.get();
    }
}
