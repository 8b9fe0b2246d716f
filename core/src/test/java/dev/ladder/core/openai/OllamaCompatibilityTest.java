package dev.ladder.core.openai;

import static dev.ladder.core.openai.TestData.array;
import static dev.ladder.core.openai.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.Message;
import dev.ladder.core.ServerException;
import dev.ladder.core.http.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Talks to a server at Ollama's OpenAI-compatible address as Ollama's own documentation shows: the
 * chat requests of its curl examples, sent without a key, and its error body.
 */
class OllamaCompatibilityTest {
    private static final Pattern CURL_CHAT = Pattern.compile(
            "curl (?:-X POST )?http://localhost:11434/v1/chat/completions \\\\\\n.*?-d '(\\{.*?\\})'", Pattern.DOTALL);

    private final MockWebServer server = new MockWebServer();
    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = OpenAiClient.builder().baseUrl(server.url("/v1/").toString()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsEachDocumentedTextChatRequestAsOllamaShowsIt() throws Exception {
        List<Map<String, Object>> documented = documentedTextChats();
        assertThat(documented).hasSize(3);

        for (Map<String, Object> body : documented) {
            Map<String, Object> turn = object(array(body.get("messages")).get(0));
            ChatRequest request = ChatRequest.builder()
                    .model((String) body.get("model"))
                    .addMessage(Message.user((String) turn.get("content")))
                    .build();
            server.enqueue(TestData.jsonResponse(200, recordedResponse()));

            client.chatModel().chat(request);

            RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
            assertThat(sent.getHeaders().get("Authorization")).isNull();
            assertThat(object(TestData.tree(sent.getBody().utf8()))).isEqualTo(body);
        }
    }

    @Test
    void readsTheErrorBodyOllamaDocuments() {
        String body = documentedErrorBody();
        server.enqueue(TestData.jsonResponse(500, body));
        OpenAiChatModel model = OpenAiClient.builder()
                .baseUrl(server.url("/v1/").toString())
                .retryPolicy(RetryPolicy.none())
                .build()
                .chatModel("gemma4");

        assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("Why is the sky blue?"))))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.body()).isEqualTo(body))
                .hasMessage("server error for model 'gemma4' at " + server.url("/v1/chat/completions")
                        + " (HTTP 500): retry later; OpenAI said: the model failed to generate a response");
    }

    /** Returns the bodies of the documented curl chat requests whose messages are plain text. */
    private static List<Map<String, Object>> documentedTextChats() {
        List<Map<String, Object>> bodies = new ArrayList<>();
        Matcher curl = CURL_CHAT.matcher(TestData.text("ollama/docs/api/openai-compatibility.mdx"));
        while (curl.find()) {
            Map<String, Object> body = object(TestData.tree(curl.group(1)));
            Object content = object(array(body.get("messages")).get(0)).get("content");
            if (content instanceof String) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    private static String documentedErrorBody() {
        String errors = TestData.text("ollama/docs/api/errors.mdx");
        int start = errors.indexOf("```json\n") + "```json\n".length();
        return errors.substring(start, errors.indexOf("```", start)).strip();
    }

    private static String recordedResponse() {
        return TestData.text("openai-python-sse/nonstreaming_recorded_responses.jsonl")
                .lines()
                .map(line -> object(TestData.tree(line)))
                .filter(line -> "test_parse_nothing".equals(line.get("test")))
                .map(line -> TestData.json(line.get("response")))
                .findFirst()
                .orElseThrow();
    }
}
