package dev.ladder.core.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Message;
import dev.ladder.core.testing.RecordMode;
import dev.ladder.core.testing.RecordReplayChatModel;
import java.io.IOException;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records real Anthropic exchanges served by a MockWebServer, then replays them with the server gone. */
class AnthropicRecordReplayTest {
    private static final String TOOL_LOOP =
            "lib/tools/__inline_snapshot__/test_runners/TestSyncRunTools/10e53c1d-51be-4c64-b5bf-99adb3fa4719.json";

    @TempDir
    Path dir;

    @Test
    void replaysARecordedChatAfterTheServerIsGone() throws IOException {
        Path file = dir.resolve("anthropic-chat.json");
        RecordedExchange exchange = RecordedExchange.load(TOOL_LOOP).get(1);
        ChatRequest request = exchange.chatRequest();
        ChatResponse recorded;
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(exchange.mockResponse());
            recorded = RecordReplayChatModel.of(file, RecordMode.RECORD, Recorded.model(server))
                    .chat(request);
        }

        ChatResponse replayed = RecordReplayChatModel.replay(file).chat(request);

        assertThat(replayed).isEqualTo(recorded);
        assertThat(replayed.text()).startsWith("I apologize, but I'm getting an error");
    }

    @Test
    void replaysARecordedStreamInTheSamePiecesAfterTheServerIsGone() throws Exception {
        Path file = dir.resolve("anthropic-stream.json");
        ChatRequest request = ChatRequest.of(Message.user("What is the weather in Paris?"));
        Collector live = new Collector();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Recorded.stream(Recorded.text("lib/streaming/fixtures/tool_use_response.txt")));
            RecordReplayChatModel.of(file, RecordMode.RECORD, Recorded.model(server)).stream(request, live);
            live.awaitResponse();
        }
        Collector replayed = new Collector();

        RecordReplayChatModel.replay(file).stream(request, replayed);

        assertThat(replayed.awaitResponse()).isEqualTo(live.response);
        assertThat(replayed.texts).isEqualTo(live.texts);
        assertThat(replayed.toolDeltas).isEqualTo(live.toolDeltas).hasSize(5);
        assertThat(replayed.usages).isEqualTo(live.usages);
    }
}
