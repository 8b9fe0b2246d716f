package dev.ladder.agent.prebuilt;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import dev.ladder.agent.CompiledGraph;
import dev.ladder.agent.GraphEvent;
import dev.ladder.agent.GraphOptions;
import dev.ladder.agent.RunConfig;
import dev.ladder.agent.RunResult;
import dev.ladder.agent.Update;
import dev.ladder.agent.tool.ToolMethod;
import dev.ladder.agent.tool.Toolbox;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatModel;
import dev.ladder.core.Message;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.openai.OpenAiClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ReAct run against core's OpenAI client, the model's two turns replayed from streams recorded
 * from the live API: a strict tool call to {@code get_weather}, then a plain-text answer.
 */
class ReactAgentRecordedStreamsTest {
    static final String CALL_ID = "call_CTf1nWJLqSeRgDqaCG27xZ74";
    static final String ANSWER = "I'm unable to provide real-time weather updates. To get the current weather in San"
            + " Francisco, I recommend checking a reliable weather website or a weather app.";

    private final MockWebServer server = new MockWebServer();
    private ChatModel model;

    /** The tool the recorded model called. */
    public static final class Weather {
        @ToolMethod(value = "Returns the current weather in a US city.", name = "get_weather")
        public String weather(String city, String state) {
            return "18 C, partly cloudy in " + city + ", " + state;
        }
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
        model = OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey("sk-test-agent")
                .build()
                .chatModel("gpt-4o-2024-08-06");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void agentRunsTheRecordedToolCallThenStreamsTheRecordedAnswer() {
        server.enqueue(recorded("tool_call_strict_dict_schema.sse"));
        server.enqueue(recorded("parse_nothing_plain_text.sse"));
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());

        RunResult result = agent().invoke(question(), RunConfig.newThread().withListener(event -> {
            if (event instanceof GraphEvent.Token token) {
                tokens.add(token.text());
            }
        }));

        List<Message> messages = result.get(ReactAgent.MESSAGES);
        assertThat(messages).hasSize(4);
        assertThat(((AssistantMessage) messages.get(1)).toolCalls())
                .containsExactly(new ToolCall(CALL_ID, "get_weather", "{\"city\":\"San Francisco\",\"state\":\"CA\"}"));
        assertThat(messages.get(2))
                .isEqualTo(new ToolResultMessage(CALL_ID, "18 C, partly cloudy in San Francisco, CA", false));
        assertThat(ReactAgent.answer(result.state())).isEqualTo(ANSWER);
        assertThat(String.join("", tokens)).isEqualTo(ANSWER);
    }

    @Test
    void firstRequestOffersTheToolWithItsSchemaFromTheJavaMethod() throws Exception {
        server.enqueue(recorded("tool_call_strict_dict_schema.sse"));
        server.enqueue(recorded("parse_nothing_plain_text.sse"));

        agent().invoke(question());

        Map<?, ?> tool = map(((List<?>) request().get("tools")).get(0));
        assertThat(tool.get("function"))
                .isEqualTo(Map.of(
                        "name",
                        "get_weather",
                        "description",
                        "Returns the current weather in a US city.",
                        "parameters",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of("city", Map.of("type", "string"), "state", Map.of("type", "string")),
                                "required",
                                List.of("city", "state"),
                                "additionalProperties",
                                false)));
    }

    @Test
    void secondRequestCarriesTheToolCallAndItsResult() throws Exception {
        server.enqueue(recorded("tool_call_strict_dict_schema.sse"));
        server.enqueue(recorded("parse_nothing_plain_text.sse"));

        agent().invoke(question());
        request();

        List<?> sent = (List<?>) request().get("messages");
        List<Object> roles = sent.stream().<Object>map(m -> map(m).get("role")).toList();
        Map<?, ?> call = map(((List<?>) map(sent.get(2)).get("tool_calls")).get(0));
        Map<?, ?> result = map(sent.get(3));

        assertThat(roles).containsExactly("system", "user", "assistant", "tool");
        assertThat(call.get("id")).isEqualTo(CALL_ID);
        assertThat(call.get("function"))
                .isEqualTo(Map.of("name", "get_weather", "arguments", "{\"city\":\"San Francisco\",\"state\":\"CA\"}"));
        assertThat(result.get("tool_call_id")).isEqualTo(CALL_ID);
        assertThat(result.get("content")).isEqualTo("18 C, partly cloudy in San Francisco, CA");
    }

    private static Map<?, ?> map(Object tree) {
        return (Map<?, ?>) tree;
    }

    private CompiledGraph agent() {
        return ReactAgent.create(
                model,
                Toolbox.of(new Weather()),
                "Answer questions about the weather.",
                GraphOptions.builder().build());
    }

    private static Update question() {
        return Update.of(ReactAgent.MESSAGES, List.of(Message.user("What's the weather like in San Francisco, CA?")));
    }

    private Map<?, ?> request() throws Exception {
        String body = server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
        return (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(body);
    }

    private static MockResponse recorded(String name) {
        try (InputStream in = ReactAgentRecordedStreamsTest.class.getResourceAsStream("/openai-python-sse/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new MockResponse.Builder()
                    .setHeader("Content-Type", "text/event-stream")
                    .chunkedBody(new Buffer().write(in.readAllBytes()), 256)
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
