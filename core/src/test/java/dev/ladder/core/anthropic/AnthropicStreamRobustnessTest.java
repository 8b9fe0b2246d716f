package dev.ladder.core.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import dev.ladder.core.http.ClientConfig;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.PiecewiseSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import okio.Okio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds each of the 14 recorded Messages API streams to the stream assembler in random pieces, cut
 * short and with bytes changed: a stream either assembles to the same answer, delivered in the same
 * deltas, or ends in exactly one clear {@link LadderException}.
 */
class AnthropicStreamRobustnessTest {
    private static final String MUTATIONS = "{}[]\":,\n x0\\";
    private static final HttpTransport TRANSPORT =
            HttpTransport.create(ClientConfig.builder("http://localhost:1/").build(), AnthropicChatModel.PROFILE);
    private static final String URL = "http://localhost:1/v1/messages";

    static Stream<String> streams() {
        return Stream.of(
                "fixtures/fable-fallback/stream-a-refusal.sse",
                "fixtures/fable-fallback/stream-a-toolrefusal.sse",
                "fixtures/fable-fallback/stream-b-fallback.sse",
                "lib/streaming/fixtures-history/extra_fields_response.txt",
                "lib/streaming/fixtures-history/out_of_order_response.txt",
                "lib/streaming/fixtures-history/server_tool_use_response.txt",
                "lib/streaming/fixtures-history/tool_use_invalid_json_response.txt",
                "lib/streaming/fixtures/basic_response.txt",
                "lib/streaming/fixtures/compaction_response.txt",
                "lib/streaming/fixtures/fallback_credit_response.txt",
                "lib/streaming/fixtures/fallback_response.txt",
                "lib/streaming/fixtures/incomplete_partial_json_response.txt",
                "lib/streaming/fixtures/refusal_response.txt",
                "lib/streaming/fixtures/tool_use_response.txt");
    }

    @ParameterizedTest
    @MethodSource("streams")
    void assemblesTheSameAnswerInTheSameDeltasFromRandomPieces(String name) throws Exception {
        byte[] bytes = wire(name);
        Recorder whole = replay(bytes, List.of(bytes.length));
        ChatResponse expected = whole.result.get();
        Random random = new Random(name.hashCode());

        for (int round = 0; round < 25; round++) {
            List<Integer> pieces = randomPieces(bytes.length, random);

            Recorder recorder = replay(bytes, pieces);

            assertThat(recorder.result.get()).as("pieces %s", pieces).isEqualTo(expected);
            assertThat(recorder.deltas).as("pieces %s", pieces).isEqualTo(whole.deltas);
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void failsClearlyWhenCutShortAnywhereBeforeMessageStop(String name) {
        byte[] bytes = wire(name);
        int stopAt = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf("event: message_stop");
        Random random = new Random(name.hashCode());

        for (int round = 0; round < 40; round++) {
            int cut = random.nextInt(stopAt + 1);

            Recorder recorder = replay(Arrays.copyOf(bytes, cut), randomPieces(cut, random));

            assertThat(recorder.result)
                    .as("cut at %d", cut)
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(MalformedResponseException.class)
                    .withMessage("the stream from " + URL + " ended before its message_stop event: the connection"
                            + " was cut or the server stopped early; retry the call");
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void endsInALadderExceptionOrAnAnswerWhenBytesAreChanged(String name) {
        byte[] bytes = wire(name);
        Random random = new Random(name.hashCode());

        for (int round = 0; round < 60; round++) {
            byte[] mutated = bytes.clone();
            int at = random.nextInt(mutated.length);
            mutated[at] = (byte) MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));

            Recorder recorder = replay(mutated, randomPieces(mutated.length, random));

            assertThat(recorder.result).as("byte %d changed", at).isDone();
            if (recorder.result.isCompletedExceptionally()) {
                assertThat(recorder.result)
                        .as("byte %d changed", at)
                        .failsWithin(Duration.ZERO)
                        .withThrowableOfType(ExecutionException.class)
                        .havingCause()
                        .isInstanceOf(LadderException.class)
                        .withMessageContaining(URL);
            }
        }
    }

    /** Returns the recorded stream as the API sends it, ending with the blank line after its last event. */
    private static byte[] wire(String name) {
        return (Recorded.text(name).stripTrailing() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Recorder replay(byte[] bytes, List<Integer> pieces) {
        HttpCall call = TRANSPORT.post("v1/messages", out -> out.nullValue()).build();
        Recorder recorder = new Recorder();
        HttpTransport.replay(
                Okio.buffer(new PiecewiseSource(bytes, pieces)), URL, new MessageStream(TRANSPORT, call, recorder));
        assertThat(recorder.terminalCalls).as("onComplete and onError calls").isEqualTo(1);
        return recorder;
    }

    private static List<Integer> randomPieces(int total, Random random) {
        List<Integer> pieces = new ArrayList<>();
        int left = total;
        while (left > 0) {
            int piece = Math.min(left, 1 + random.nextInt(200));
            pieces.add(piece);
            left -= piece;
        }
        return pieces;
    }

    /** Records every delta in order and how the stream ended. */
    private static final class Recorder implements StreamHandler {
        final List<Object> deltas = new ArrayList<>();
        final CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        int terminalCalls;

        @Override
        public void onText(int choice, String delta) {
            deltas.add("text " + choice + ": " + delta);
        }

        @Override
        public void onRefusal(int choice, String delta) {
            deltas.add("refusal " + choice + ": " + delta);
        }

        @Override
        public void onToolCallDelta(ToolCallDelta delta) {
            deltas.add(delta);
        }

        @Override
        public void onUsage(Usage usage) {
            deltas.add(usage);
        }

        @Override
        public void onComplete(ChatResponse response) {
            terminalCalls++;
            result.complete(response);
        }

        @Override
        public void onError(LadderException error) {
            terminalCalls++;
            result.completeExceptionally(error);
        }
    }
}
