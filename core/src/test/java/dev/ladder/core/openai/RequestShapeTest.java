package dev.ladder.core.openai;

import static dev.ladder.core.openai.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ImagePart;
import dev.ladder.core.Message;
import dev.ladder.core.ResponseFormat;
import dev.ladder.core.TextPart;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolChoice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compares the bodies Ladder sends with the request examples of the official OpenAPI specification. */
class RequestShapeTest {
    private static final String CHAT_RESPONSE = "{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}";

    private final MockWebServer server = new MockWebServer();
    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(TestData.KEY)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, Object> sentChat(ChatRequest request) throws Exception {
        return object(TestData.tree(sentChatText(request)));
    }

    private String sentChatText(ChatRequest request) throws Exception {
        server.enqueue(TestData.jsonResponse(200, CHAT_RESPONSE));
        client.chatModel().chat(request);
        return server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
    }

    private static Map<String, Object> example(String file) {
        return object(object(TestData.tree(TestData.text("openai-openapi/examples/" + file)))
                .get("request_body"));
    }

    /** The spec's examples use the newer {@code developer} role; Ladder sends {@code system}, which every server knows. */
    private static Map<String, Object> withSystemRole(Map<String, Object> example) {
        return object(TestData.tree(TestData.json(example).replace("\"developer\"", "\"system\"")));
    }

    @Test
    void sendsTheDefaultChatExampleInTheSpecsShape() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .model("VAR_chat_model_id")
                .addMessage(Message.system("You are a helpful assistant."))
                .addMessage(Message.user("Hello!"))
                .build();

        assertThat(sentChat(request)).isEqualTo(withSystemRole(example("chat_completions__post__0_default.json")));
    }

    @Test
    void sendsTheImageInputExampleInTheSpecsShape() throws Exception {
        Map<String, Object> example = example("chat_completions__post__1_image_input.json");
        String url = (String) object(object(((List<?>) object(((List<?>) example.get("messages")).get(0))
                                        .get("content"))
                                .get(1))
                        .get("image_url"))
                .get("url");
        ChatRequest request = ChatRequest.builder()
                .model("gpt-5.4")
                .addMessage(Message.user(new TextPart("What is in this image?"), ImagePart.fromUrl(url)))
                .maxOutputTokens(300)
                .build();

        assertThat(sentChat(request)).isEqualTo(example);
    }

    @Test
    void sendsTheFunctionsExampleInTheSpecsShape() throws Exception {
        Map<String, Object> example = example("chat_completions__post__3_functions.json");
        Map<String, Object> function =
                object(object(((List<?>) example.get("tools")).get(0)).get("function"));
        ChatRequest request = ChatRequest.builder()
                .model("gpt-5.4")
                .addMessage(Message.user("What is the weather like in Boston today?"))
                .tools(List.of(Tool.of(
                        "get_current_weather",
                        "Get the current weather in a given location",
                        object(function.get("parameters")))))
                .toolChoice(ToolChoice.AUTO)
                .build();

        assertThat(sentChat(request)).isEqualTo(example);
    }

    @Test
    void sendsTheLogprobsExampleInTheSpecsShape() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .model("VAR_chat_model_id")
                .addMessage(Message.user("Hello!"))
                .logprobs(true)
                .topLogprobs(2)
                .build();

        assertThat(sentChat(request)).isEqualTo(example("chat_completions__post__4_logprobs.json"));
    }

    @Test
    void sendsTheStreamingExampleInTheSpecsShapeWithUsageRequested() throws Exception {
        server.enqueue(TestData.sseResponse("data: [DONE]\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ChatRequest request = ChatRequest.builder()
                .model("VAR_chat_model_id")
                .addMessage(Message.system("You are a helpful assistant."))
                .addMessage(Message.user("Hello!"))
                .build();
        StreamRecorder recorder = new StreamRecorder();

        client.chatModel().stream(request, recorder);

        Map<String, Object> sent = object(
                TestData.tree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()));
        Map<String, Object> expected =
                new LinkedHashMap<>(withSystemRole(example("chat_completions__post__2_streaming.json")));
        expected.put("stream_options", Map.of("include_usage", true));
        assertThat(sent).isEqualTo(expected);
    }

    @Test
    void sendsTheEmbeddingsExampleInTheSpecsShapeWithInputsAsAnArray() throws Exception {
        server.enqueue(TestData.jsonResponse(200, TestData.text("openai-node/embeddings-float-response.json")));
        Map<String, Object> expected = new LinkedHashMap<>(example("embeddings__post__0_default.json"));
        expected.put("input", List.of(expected.get("input")));

        client.embedder("text-embedding-ada-002")
                .withEncoding(OpenAiEmbedder.Encoding.FLOAT)
                .embed("The food was delicious and the waiter...");

        assertThat(object(TestData.tree(server.takeRequest().getBody().utf8()))).isEqualTo(expected);
    }

    @Test
    void writesEveryOptionUnderTheSpecsFieldName() throws Exception {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")));
        ChatRequest request = ChatRequest.builder()
                .model("gpt-4o")
                .addMessage(Message.user("Weather?"))
                .addMessage(new dev.ladder.core.AssistantMessage(
                        null, null, List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"))))
                .addMessage(Message.toolResult("call_1", "{\"celsius\":4}"))
                .temperature(0.5)
                .topP(0.9)
                .maxOutputTokens(64)
                .stop(List.of("END"))
                .seed(7L)
                .choices(2)
                .tools(List.of(new Tool("get_weather", "", schema, true)))
                .toolChoice(ToolChoice.tool("get_weather"))
                .parallelToolCalls(false)
                .responseFormat(ResponseFormat.jsonSchema("weather", schema))
                .build();

        assertThat(sentChatText(request))
                .isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
                        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},"
                        + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"{\\\"celsius\\\":4}\"}],"
                        + "\"temperature\":0.5,\"top_p\":0.9,\"max_tokens\":64,\"stop\":[\"END\"],\"seed\":7,"
                        + "\"n\":2,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                        + "\"parameters\":" + TestData.json(schema) + ",\"strict\":true}}],"
                        + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},"
                        + "\"parallel_tool_calls\":false,\"response_format\":{\"type\":\"json_schema\","
                        + "\"json_schema\":{\"name\":\"weather\",\"schema\":" + TestData.json(schema)
                        + ",\"strict\":true}}}");
    }

    @Test
    void asksForJsonModeAndPlainTextAsTheSpecsResponseFormats() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .model("gpt-4o")
                .addMessage(Message.user("Answer in JSON."))
                .build();

        assertThat(sentChat(request.toBuilder()
                                .responseFormat(ResponseFormat.jsonObject())
                                .build())
                        .get("response_format"))
                .isEqualTo(Map.of("type", "json_object"));
        assertThat(sentChat(request.toBuilder()
                                .responseFormat(ResponseFormat.text())
                                .build())
                        .get("response_format"))
                .isEqualTo(Map.of("type", "text"));
    }

    @Test
    void writesEachToolChoiceModeAsTheSpecNamesIt() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .model("gpt-4o")
                .addMessage(Message.user("Weather?"))
                .tools(List.of(Tool.of("get_weather", "Weather of a city.", Map.of("type", "object"))))
                .build();
        Map<ToolChoice, String> modes =
                Map.of(ToolChoice.AUTO, "auto", ToolChoice.NONE, "none", ToolChoice.REQUIRED, "required");

        for (Map.Entry<ToolChoice, String> mode : modes.entrySet()) {
            Map<String, Object> sent =
                    sentChat(request.toBuilder().toolChoice(mode.getKey()).build());

            assertThat(sent.get("tool_choice")).as(mode.getValue()).isEqualTo(mode.getValue());
        }
    }

    @Test
    void writesExtraBodyFieldsOverLadders() throws Exception {
        ChatRequest request = ChatRequest.builder()
                .model("gpt-4o")
                .addMessage(Message.user("Hi"))
                .temperature(0.5)
                .extraBody("temperature", 0.1)
                .extraBody("reasoning_effort", "low")
                .build();

        Map<String, Object> sent = sentChat(request);

        assertThat(sent).containsEntry("temperature", 0.1).containsEntry("reasoning_effort", "low");
        assertThat(TestData.json(sent).split("\"temperature\"", -1)).hasSize(2);
    }
}
