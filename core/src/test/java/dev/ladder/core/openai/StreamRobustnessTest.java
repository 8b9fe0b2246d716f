package dev.ladder.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.MalformedResponseException;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.core.http.PiecewiseSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import okio.Okio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every recorded stream to the assembler in random pieces, cut short and with bytes changed: a
 * stream either assembles to the same answer or ends in a clear {@link LadderException}.
 */
class StreamRobustnessTest {
    private static final String MUTATIONS = "{}[]\":,\n x0\\";
    private static final OpenAiClient CLIENT =
            OpenAiClient.builder().baseUrl("http://localhost:1/v1").build();

    static Stream<String> streams() {
        return RecordedStreamsTest.streams();
    }

    private static StreamRecorder replay(byte[] bytes, List<Integer> pieces) {
        HttpTransport transport = CLIENT.transport();
        HttpCall call =
                transport.post("chat/completions", out -> out.nullValue()).build();
        StreamRecorder recorder = new StreamRecorder();
        HttpTransport.replay(
                Okio.buffer(new PiecewiseSource(bytes, pieces)),
                "recording",
                new ChatStreamAssembler(transport, call, recorder));
        assertThat(recorder.terminalCalls).isEqualTo(1);
        return recorder;
    }

    private static ChatResponse whole(byte[] bytes) throws Exception {
        return replay(bytes, List.of(bytes.length)).result.get();
    }

    @ParameterizedTest
    @MethodSource("streams")
    void assemblesTheSameAnswerFromRandomPieces(String name) throws Exception {
        byte[] bytes = TestData.bytes("openai-python-sse/" + name);
        ChatResponse expected = whole(bytes);
        Random random = new Random(name.hashCode());

        for (int round = 0; round < 25; round++) {
            List<Integer> pieces = randomPieces(bytes.length, random);

            assertThat(replay(bytes, pieces).result.get())
                    .as("pieces %s", pieces)
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void failsClearlyWhenCutShortAnywhereBeforeDone(String name) {
        byte[] bytes = TestData.bytes("openai-python-sse/" + name);
        int doneAt = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf("data: [DONE]");
        Random random = new Random(name.hashCode());

        for (int round = 0; round < 40; round++) {
            int cut = random.nextInt(doneAt + 1);
            byte[] truncated = Arrays.copyOf(bytes, cut);

            StreamRecorder recorder = replay(truncated, List.of(cut));

            assertThat(recorder.result)
                    .as("cut at %d", cut)
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(MalformedResponseException.class)
                    .withMessageStartingWith("stream from http://localhost:1/v1/chat/completions ended after ");
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void endsInALadderExceptionOrAnAnswerWhenBytesAreChanged(String name) {
        byte[] bytes = TestData.bytes("openai-python-sse/" + name);
        Random random = new Random(name.hashCode());

        for (int round = 0; round < 60; round++) {
            byte[] mutated = bytes.clone();
            int at = random.nextInt(mutated.length);
            mutated[at] = (byte) MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));

            StreamRecorder recorder = replay(mutated, randomPieces(mutated.length, random));

            if (recorder.result.isCompletedExceptionally()) {
                assertThat(recorder.result)
                        .as("byte %d changed", at)
                        .failsWithin(Duration.ZERO)
                        .withThrowableOfType(ExecutionException.class)
                        .havingCause()
                        .isInstanceOf(LadderException.class);
            } else {
                assertThat(recorder.result).isDone();
            }
        }
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
}
