package dev.ladder.core.openai;

import static dev.ladder.core.openai.TestData.array;
import static dev.ladder.core.openai.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.FinishReason;
import dev.ladder.core.Message;
import dev.ladder.core.ToolCall;
import dev.ladder.core.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses every non-streaming response recorded from the live API and compares it field by field. */
class RecordedResponsesTest {
    private final MockWebServer server = new MockWebServer();
    private OpenAiChatModel model;

    /** One recorded response: the test it came from and its body. */
    record Recording(String test, String body) {
        @Override
        public String toString() {
            return test;
        }
    }

    static Stream<Recording> recordings() {
        return TestData.text("openai-python-sse/nonstreaming_recorded_responses.jsonl")
                .lines()
                .map(line -> object(TestData.tree(line)))
                .map(line -> new Recording((String) line.get("test"), TestData.json(line.get("response"))));
    }

    @BeforeEach
    void start() throws Exception {
        server.start();
        model = OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(TestData.KEY)
                .build()
                .chatModel("gpt-4o-2024-08-06");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatResponse chat(String body) {
        server.enqueue(TestData.jsonResponse(200, body));
        return model.chat(ChatRequest.of(Message.user("What's the weather like in SF?")));
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void parsesTheRecordedResponseFieldByField(Recording recording) {
        Map<String, Object> expected = object(TestData.tree(recording.body()));

        ChatResponse response = chat(recording.body());

        assertThat(response.id()).isEqualTo(expected.get("id"));
        assertThat(response.model()).isEqualTo(expected.get("model"));
        assertThat(response.raw()).isEqualTo(recording.body());
        List<Object> choices = array(expected.get("choices"));
        assertThat(response.choices()).hasSameSizeAs(choices);
        for (int i = 0; i < choices.size(); i++) {
            assertChoice(response.choices().get(i), object(choices.get(i)));
        }
        assertThat(response.usage()).isEqualTo(RecordedStreamsTest.usage(object(expected.get("usage"))));
    }

    @Test
    void mapsARecordedRefusalToTheRefusalFinishReason() {
        Recording refusal = recordings()
                .filter(r -> r.test().equals("test_parse_pydantic_model_refusal"))
                .findFirst()
                .orElseThrow();

        Choice choice = chat(refusal.body()).choices().get(0);

        assertThat(choice.finishReason()).isEqualTo(FinishReason.REFUSAL);
        assertThat(choice.rawFinishReason()).isEqualTo("stop");
        assertThat(choice.message().refusal()).isNotBlank();
    }

    @Test
    void mapsAnUnknownFinishReasonToOtherKeepingTheRawValue() {
        String body = "{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"hi\"},\"finish_reason\":\"eos_token\"}]}";

        Choice choice = chat(body).choices().get(0);

        assertThat(choice.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(choice.rawFinishReason()).isEqualTo("eos_token");
        assertThat(chat(body).usage()).isEqualTo(Usage.ZERO);
    }

    private static void assertChoice(Choice actual, Map<String, Object> expected) {
        Map<String, Object> message = object(expected.get("message"));
        assertThat(actual.index()).isEqualTo(((Double) expected.get("index")).intValue());
        assertThat(actual.message().text()).isEqualTo(message.get("content"));
        assertThat(actual.message().refusal()).isEqualTo(message.get("refusal"));
        assertThat(actual.rawFinishReason()).isEqualTo(expected.get("finish_reason"));
        List<ToolCall> calls = new ArrayList<>();
        if (message.get("tool_calls") != null) {
            for (Object call : array(message.get("tool_calls"))) {
                Map<String, Object> fields = object(call);
                Map<String, Object> function = object(fields.get("function"));
                calls.add(new ToolCall(
                        (String) fields.get("id"), (String) function.get("name"), (String) function.get("arguments")));
            }
        }
        assertThat(actual.message().toolCalls()).isEqualTo(calls);
    }
}
