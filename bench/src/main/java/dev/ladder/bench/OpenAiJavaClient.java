package dev.ladder.bench;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** The official openai-java 4.105 client, as its README sets it up. */
final class OpenAiJavaClient implements ChatClient {
    private final OpenAIClient client;
    private final ChatCompletionCreateParams params;

    OpenAiJavaClient(String baseUrl) {
        client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl)
                .apiKey("sk-bench")
                .maxRetries(0)
                .build();
        params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-2024-08-06")
                .addUserMessage("What's the weather like in SF?")
                .build();
    }

    @Override
    public String chat() {
        return client.chat()
                .completions()
                .create(params)
                .choices()
                .get(0)
                .message()
                .content()
                .orElse(null);
    }

    @Override
    public int stream() {
        int deltas = 0;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params)) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    if (choice.delta().content().isPresent()) {
                        deltas++;
                    }
                }
            }
        }
        return deltas;
    }

    @Override
    public void close() {
        client.close();
    }
}
