package dev.ladder.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Message;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.ServiceException;
import dev.ladder.core.StreamHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReplayChatModelTest {
    private static final ChatRequest WEATHER = ChatRequest.builder()
            .model("m")
            .addMessage(Message.user("What is the weather in SF?"))
            .build();
    private static final ChatRequest TIME = ChatRequest.builder()
            .model("m")
            .addMessage(Message.user("What time is it in SF?"))
            .build();

    @TempDir
    Path dir;

    @Test
    void replaysARecordedChatWithoutTheRealModel() {
        Path file = dir.resolve("chat.json");
        ScriptedChatModel real = ScriptedChatModel.create().reply("Sunny, 20 degrees.");
        ChatResponse recorded =
                RecordReplayChatModel.of(file, RecordMode.RECORD, real).chat(WEATHER);

        ChatResponse replayed = RecordReplayChatModel.replay(file).chat(WEATHER);

        assertThat(replayed).isEqualTo(recorded);
    }

    @Test
    void replaysRecordedStreamDeltasInTheSamePieces() {
        Path file = dir.resolve("stream.json");
        ScriptedChatModel real = ScriptedChatModel.create().replyInPieces("Sun", "ny, 2", "0 degrees.");
        ScriptedChatModelTest.Events live = new ScriptedChatModelTest.Events();
        RecordReplayChatModel.of(file, RecordMode.RECORD, real).stream(WEATHER, live);
        ScriptedChatModelTest.Events replayed = new ScriptedChatModelTest.Events();

        RecordReplayChatModel.replay(file).stream(WEATHER, replayed);

        assertThat(replayed.log)
                .containsExactly("text:Sun", "text:ny, 2", "text:0 degrees.", "usage", "complete:Sunny, 20 degrees.")
                .isEqualTo(live.log);
    }

    @Test
    void replaysAChatRecordingAsAStreamOfOnePiece() {
        Path file = dir.resolve("chat.json");
        RecordReplayChatModel.of(
                        file, RecordMode.RECORD, ScriptedChatModel.create().reply("Sunny."))
                .chat(WEATHER);
        ScriptedChatModelTest.Events replayed = new ScriptedChatModelTest.Events();

        RecordReplayChatModel.replay(file).stream(WEATHER, replayed);

        assertThat(replayed.log).containsExactly("text:Sunny.", "usage", "complete:Sunny.");
    }

    @Test
    void replaysARecordedFailureAsTheSameExceptionType() {
        Path file = dir.resolve("failure.json");
        RateLimitException limited = new RateLimitException(
                "rate limited at https://api.example.com (HTTP 429)",
                429,
                Map.of("retry-after", List.of("7")),
                "{\"error\":\"slow down\"}",
                "req_1",
                "rate_limit_error");
        RecordReplayChatModel recorder = RecordReplayChatModel.of(
                file, RecordMode.RECORD, ScriptedChatModel.create().fail(limited));
        assertThatThrownBy(() -> recorder.chat(WEATHER)).isSameAs(limited);

        Throwable replayed =
                catchFailure(() -> RecordReplayChatModel.replay(file).chat(WEATHER));

        assertThat(replayed).isInstanceOf(RateLimitException.class).hasMessage(limited.getMessage());
        RateLimitException error = (RateLimitException) replayed;
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.header("Retry-After")).contains("7");
        assertThat(error.body()).isEqualTo("{\"error\":\"slow down\"}");
        assertThat(error.requestId()).isEqualTo("req_1");
        assertThat(error.errorType()).isEqualTo("rate_limit_error");
        assertThat(error.retriable()).isTrue();
    }

    @Test
    void replaysAFailureOfAnUnknownTypeKeepingItsNameAndRetriableFlag() {
        Path file = dir.resolve("failure.json");
        ServiceException custom = new ServiceException("teapot", 418, Map.of(), "", null, null, true) {
            private static final long serialVersionUID = 1L;
        };
        RecordReplayChatModel recorder = RecordReplayChatModel.of(
                file, RecordMode.RECORD, ScriptedChatModel.create().fail(custom));
        assertThatThrownBy(() -> recorder.chat(WEATHER)).isSameAs(custom);

        Throwable replayed =
                catchFailure(() -> RecordReplayChatModel.replay(file).chat(WEATHER));

        assertThat(replayed).isExactlyInstanceOf(ServiceException.class).hasMessage("teapot");
        assertThat(((ServiceException) replayed).retriable()).isTrue();
    }

    @Test
    void failsOnAMissShowingTheRequestAndTheClosestRecordedOne() {
        Path file = dir.resolve("chat.json");
        RecordReplayChatModel recorder = RecordReplayChatModel.of(
                file, RecordMode.RECORD, ScriptedChatModel.create().replies("a", "b"));
        recorder.chat(TIME);
        recorder.chat(ChatRequest.builder()
                .model("m")
                .addMessage(Message.user("What is the weather in NY?"))
                .build());

        assertThatThrownBy(() -> RecordReplayChatModel.replay(file).chat(WEATHER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no recorded exchange in " + file + " matches this request:\n"
                        + "{\n  \"messages\": [\n    {\n      \"role\": \"user\",\n"
                        + "      \"text\": \"What is the weather in SF?\"\n    }\n  ],\n  \"model\": \"m\"\n}\n"
                        + "The closest recorded request, exchange 2 of 2, first differs at line 5:\n"
                        + "  recorded: \"text\": \"What is the weather in NY?\"\n"
                        + "  this:     \"text\": \"What is the weather in SF?\"\n"
                        + "It reads:\n"
                        + "{\n  \"messages\": [\n    {\n      \"role\": \"user\",\n"
                        + "      \"text\": \"What is the weather in NY?\"\n    }\n  ],\n  \"model\": \"m\"\n}\n"
                        + "Record it with RecordMode.RECORD_IF_MISSING, or change the request back.");
    }

    @Test
    void recordIfMissingCallsTheRealModelOnlyForNewRequests() {
        Path file = dir.resolve("chat.json");
        RecordReplayChatModel.of(
                        file, RecordMode.RECORD, ScriptedChatModel.create().reply("Sunny."))
                .chat(WEATHER);
        ScriptedChatModel real = ScriptedChatModel.create().reply("Noon.");
        RecordReplayChatModel model = RecordReplayChatModel.of(file, RecordMode.RECORD_IF_MISSING, real);

        assertThat(model.chat(WEATHER).text()).isEqualTo("Sunny.");
        assertThat(model.chat(TIME).text()).isEqualTo("Noon.");
        assertThat(real.requests()).containsExactly(TIME);
        assertThat(RecordReplayChatModel.replay(file).chat(TIME).text()).isEqualTo("Noon.");
    }

    @Test
    void answersIdenticalRequestsInRecordedOrderThenRepeatsTheLast() {
        Path file = dir.resolve("chat.json");
        RecordReplayChatModel recorder = RecordReplayChatModel.of(
                file, RecordMode.RECORD, ScriptedChatModel.create().replies("first", "second"));
        recorder.chat(WEATHER);
        recorder.chat(WEATHER);
        RecordReplayChatModel replay = RecordReplayChatModel.replay(file);

        assertThat(List.of(
                        replay.chat(WEATHER).text(),
                        replay.chat(WEATHER).text(),
                        replay.chat(WEATHER).text()))
                .containsExactly("first", "second", "second");
    }

    @Test
    void matchesRegardlessOfTimeoutRetriesAndHeaders() {
        Path file = dir.resolve("chat.json");
        RecordReplayChatModel.of(
                        file, RecordMode.RECORD, ScriptedChatModel.create().reply("Sunny."))
                .chat(WEATHER);
        ChatRequest sameQuestion = WEATHER.toBuilder()
                .timeout(Duration.ofSeconds(3))
                .maxRetries(0)
                .extraHeader("Authorization", "Bearer secret")
                .build();

        assertThat(RecordReplayChatModel.replay(file).chat(sameQuestion).text()).isEqualTo("Sunny.");
    }

    @Test
    void neverWritesExtraHeadersToTheCassette() throws IOException {
        Path file = dir.resolve("chat.json");
        ChatRequest withSecret =
                WEATHER.toBuilder().extraHeader("x-api-key", "sk-secret").build();

        RecordReplayChatModel.of(
                        file, RecordMode.RECORD, ScriptedChatModel.create().reply("Sunny."))
                .chat(withSecret);

        assertThat(Files.readString(file)).doesNotContain("sk-secret");
    }

    @Test
    void fingerprintSortsKeysAndLeavesOutTransportSettings() {
        ChatRequest request = WEATHER.toBuilder()
                .temperature(0.2)
                .timeout(Duration.ofSeconds(3))
                .build();

        assertThat(RecordReplayChatModel.fingerprint(request))
                .isEqualTo("{\"messages\":[{\"role\":\"user\",\"text\":\"What is the weather in SF?\"}],"
                        + "\"model\":\"m\",\"temperature\":0.2}");
    }

    @Test
    void writesTheCassetteAsIndentedJson() throws IOException {
        Path file = dir.resolve("chat.json");

        RecordReplayChatModel.of(
                        file, RecordMode.RECORD, ScriptedChatModel.create().reply("Sunny."))
                .chat(WEATHER);

        assertThat(Files.readAllLines(file))
                .startsWith("{", "  \"ladderCassette\": 1,", "  \"kind\": \"chat\",", "  \"exchanges\": [")
                .contains("            \"text\": \"What is the weather in SF?\"", "            \"text\": \"Sunny.\"");
    }

    @Test
    void recordStartsANewCassetteReplacingTheOldOne() {
        Path file = dir.resolve("chat.json");
        RecordReplayChatModel.of(
                        file, RecordMode.RECORD, ScriptedChatModel.create().reply("Sunny."))
                .chat(WEATHER);

        RecordReplayChatModel.of(
                        file, RecordMode.RECORD, ScriptedChatModel.create().reply("Noon."))
                .chat(TIME);

        assertThatThrownBy(() -> RecordReplayChatModel.replay(file).chat(WEATHER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exchange 1 of 1");
    }

    @Test
    void doesNotRecordAStreamWhoseHandlerThrew() throws IOException {
        Path file = dir.resolve("chat.json");
        RecordReplayChatModel model = RecordReplayChatModel.of(
                file, RecordMode.RECORD, ScriptedChatModel.create().reply("Sunny."));

        model.stream(WEATHER, new StreamHandler() {
            @Override
            public void onText(int choice, String delta) {
                throw new IllegalStateException("handler bug");
            }
        });

        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void replayOfAMissingCassetteFailsNamingTheFile() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> RecordReplayChatModel.replay(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cassette " + file
                        + " does not exist: record it first with RecordMode.RECORD or RecordMode.RECORD_IF_MISSING");
    }

    @Test
    void refusesACassetteOfEmbeddings() {
        Path file = dir.resolve("vectors.json");
        RecordReplayEmbedder.of(file, RecordMode.RECORD, texts -> List.of(new float[] {1f}))
                .embed(List.of("a"));

        assertThatThrownBy(() -> RecordReplayChatModel.replay(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cassette " + file
                        + " holds 'embeddings' exchanges, not 'chat': use a separate file for each kind of model");
    }

    @Test
    void refusesACassetteThatIsNotJson() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"kind\": \"chat\", ");

        assertThatThrownBy(() -> RecordReplayChatModel.replay(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cassette " + file + " is not valid JSON: ");
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }
}
