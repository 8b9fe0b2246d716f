package dev.ladder.core.openai;

import static dev.ladder.core.openai.TestData.array;
import static dev.ladder.core.openai.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.Message;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every stream recorded from the live API and checks it against the assembled-result oracle. */
class RecordedStreamsTest {
    private static final Map<String, Object> EXPECTED =
            object(TestData.tree(TestData.text("openai-python-sse/expected_assembled.json")));

    private final MockWebServer server = new MockWebServer();
    private OpenAiChatModel model;

    static Stream<String> streams() {
        return EXPECTED.keySet().stream().sorted();
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

    private StreamRecorder replay(String name) throws Exception {
        server.enqueue(TestData.sseResponse(TestData.bytes("openai-python-sse/" + name)));
        StreamRecorder recorder = new StreamRecorder();
        model.stream(ChatRequest.of(Message.user("What's the weather like in SF?")), recorder);
        recorder.result.get(10, TimeUnit.SECONDS);
        return recorder;
    }

    @ParameterizedTest
    @MethodSource("streams")
    void assemblesTheRecordedStreamAsTheOracleSays(String name) throws Exception {
        Map<String, Object> expected = object(EXPECTED.get(name));

        ChatResponse response = replay(name).result.get();

        assertThat(response.id()).isEqualTo(array(expected.get("ids")).get(0));
        assertThat(response.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(response.raw()).isNull();
        List<Object> choices = array(expected.get("choices"));
        assertThat(response.choices()).hasSameSizeAs(choices);
        for (int i = 0; i < choices.size(); i++) {
            assertChoice(response.choices().get(i), object(choices.get(i)));
        }
        assertThat(response.usage()).isEqualTo(usage(object(expected.get("usage"))));
    }

    @ParameterizedTest
    @MethodSource("streams")
    void deliversDeltasThatAddUpToTheAssembledResponse(String name) throws Exception {
        StreamRecorder recorder = replay(name);
        ChatResponse response = recorder.result.get();

        Choice choice = response.choices().get(0);
        assertThat(text(recorder.text.get(0))).isEqualTo(choice.message().text());
        assertThat(text(recorder.refusal.get(0))).isEqualTo(choice.message().refusal());
        assertThat(assemble(recorder.toolCallDeltas)).isEqualTo(choice.message().toolCalls());
        assertThat(recorder.usages).containsExactly(response.usage());
        assertThat(recorder.terminalCalls).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void asksForAStreamWithUsage(String name) throws Exception {
        replay(name);

        RecordedRequest request = server.takeRequest();
        Map<String, Object> body = object(TestData.tree(request.getBody().utf8()));
        assertThat(body).containsEntry("stream", true).containsEntry("stream_options", Map.of("include_usage", true));
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    }

    static void assertChoice(Choice actual, Map<String, Object> expected) {
        assertThat(actual.message().text()).isEqualTo(expected.get("content"));
        assertThat(actual.message().refusal()).isEqualTo(expected.get("refusal"));
        assertThat(actual.rawFinishReason()).isEqualTo(expected.get("finish_reason"));
        List<ToolCall> calls = new ArrayList<>();
        for (Object call : array(expected.get("tool_calls"))) {
            Map<String, Object> fields = object(call);
            calls.add(new ToolCall(
                    (String) fields.get("id"), (String) fields.get("name"), (String) fields.get("arguments")));
        }
        assertThat(actual.message().toolCalls()).isEqualTo(calls);
    }

    static Usage usage(Map<String, Object> usage) {
        Map<String, Object> details = object(usage.get("completion_tokens_details"));
        return new Usage(
                ((Double) usage.get("prompt_tokens")).longValue(),
                ((Double) usage.get("completion_tokens")).longValue(),
                0,
                ((Double) details.get("reasoning_tokens")).longValue());
    }

    private static String text(StringBuilder builder) {
        return builder == null ? null : builder.toString();
    }

    /** Joins tool-call deltas by index, independently of the provider's own assembly. */
    private static List<ToolCall> assemble(List<ToolCallDelta> deltas) {
        List<String[]> calls = new ArrayList<>();
        for (ToolCallDelta delta : deltas) {
            while (calls.size() <= delta.index()) {
                calls.add(new String[] {null, null, ""});
            }
            String[] call = calls.get(delta.index());
            call[0] = delta.id() != null ? delta.id() : call[0];
            call[1] = delta.name() != null ? delta.name() : call[1];
            call[2] = call[2] + delta.argumentsDelta();
        }
        return calls.stream().map(c -> new ToolCall(c[0], c[1], c[2])).toList();
    }
}
