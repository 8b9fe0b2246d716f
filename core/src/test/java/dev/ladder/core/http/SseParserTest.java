package dev.ladder.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {
    static final List<String> STREAMS = List.of(
            "content_logprobs.sse",
            "json_object_response_format.sse",
            "parse_nothing_plain_text.sse",
            "structured_output_json_schema_location.sse",
            "structured_output_max_tokens_1_finish_length.sse",
            "structured_output_refusal.sse",
            "tool_call_non_strict.sse",
            "tool_call_single_strict_pydantic.sse",
            "tool_call_strict_dict_schema.sse");

    /** One parsed event: its type and its data as text. */
    record Event(String type, String data) {}

    static Stream<String> streams() {
        return STREAMS.stream();
    }

    @ParameterizedTest
    @MethodSource("streams")
    void readsEveryDataLineOfARecordedStreamAsOneEvent(String name) throws IOException {
        byte[] bytes = recorded(name);

        List<Event> events = parse(new Buffer().write(bytes));

        assertThat(events).isEqualTo(expectedEvents(new String(bytes, StandardCharsets.UTF_8)));
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    }

    @ParameterizedTest
    @MethodSource("streams")
    void yieldsTheSameEventsWhenFedOneByteAtATime(String name) throws IOException {
        byte[] bytes = recorded(name);

        List<Event> events = parse(Okio.buffer(new PiecewiseSource(bytes, pieces(bytes.length, 1))));

        assertThat(events).isEqualTo(parse(new Buffer().write(bytes)));
    }

    @ParameterizedTest
    @MethodSource("streams")
    void yieldsTheSameEventsWhenSplitInTwoAtEveryPosition(String name) throws IOException {
        byte[] bytes = recorded(name);
        List<Event> expected = parse(new Buffer().write(bytes));

        for (int split = 0; split <= bytes.length; split = nextSplit(split, bytes.length)) {
            List<Integer> pieces = List.of(split, bytes.length - split);

            List<Event> events = parse(Okio.buffer(new PiecewiseSource(bytes, pieces)));

            assertThat(events.equals(expected))
                    .as("events equal when split at %d", split)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void yieldsTheSameEventsForRandomPiecesAndEveryLineEnding(String name) throws IOException {
        String text = new String(recorded(name), StandardCharsets.UTF_8);
        List<Event> expected = parse(new Buffer().writeUtf8(text));
        Random random = new Random(name.hashCode());

        for (String lineEnd : List.of("\n", "\r\n", "\r")) {
            byte[] bytes = text.replace("\n", lineEnd).getBytes(StandardCharsets.UTF_8);
            for (int round = 0; round < 20; round++) {
                List<Integer> pieces = randomPieces(bytes.length, random);

                assertThat(parse(Okio.buffer(new PiecewiseSource(bytes, pieces))))
                        .as(
                                "line end %s, pieces %s",
                                lineEnd.replace("\r", "CR").replace("\n", "LF"), pieces)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void readsEventTypesAndSkipsCommentsAsAnthropicFramesThem() throws IOException {
        String stream = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
                + ": keep-alive comment\n\n"
                + "event: ping\ndata: {\"type\": \"ping\"}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

        assertThat(parse(new Buffer().writeUtf8(stream)))
                .containsExactly(
                        new Event("message_start", "{\"type\":\"message_start\"}"),
                        new Event("ping", "{\"type\": \"ping\"}"),
                        new Event("message_stop", "{\"type\":\"message_stop\"}"));
    }

    @Test
    void joinsDataLinesOfOneEventWithLineFeeds() throws IOException {
        assertThat(parse(new Buffer().writeUtf8("data: first\ndata:second\ndata\n\n")))
                .containsExactly(new Event("message", "first\nsecond\n"));
    }

    @Test
    void dropsAnEventLeftUnfinishedAtTheEndOfTheStream() throws IOException {
        assertThat(parse(new Buffer().writeUtf8("data: complete\n\ndata: cut off")))
                .containsExactly(new Event("message", "complete"));
    }

    @Test
    void resetsTheTypeAfterAnEventWithoutData() throws IOException {
        assertThat(parse(new Buffer().writeUtf8("event: ignored\n\ndata: x\n\n")))
                .containsExactly(new Event("message", "x"));
    }

    @Test
    void keepsTheLastEventIdAcrossEvents() throws IOException {
        List<String> ids = new ArrayList<>();
        SseParser parser = new SseParser(new Buffer().writeUtf8("id: 7\ndata: a\n\ndata: b\n\n"));

        boolean more = true;
        while (more) {
            more = parser.next(event -> ids.add(event.id()));
        }

        assertThat(ids).containsExactly("7", "7");
    }

    @Test
    void skipsALeadingByteOrderMark() throws IOException {
        Buffer stream = new Buffer()
                .write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                .writeUtf8("data: x\n\n");

        assertThat(parse(stream)).containsExactly(new Event("message", "x"));
    }

    @Test
    void failsOnALineLongerThanTheLimit() {
        Source endless = new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                sink.writeUtf8("a".repeat(8192));
                return 8192;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {}
        };
        SseParser parser = new SseParser(Okio.buffer(endless));

        assertThatThrownBy(() -> parser.next(event -> {}))
                .isInstanceOf(IOException.class)
                .hasMessage("event stream line longer than 16777216 bytes");
    }

    static List<Event> parse(BufferedSource source) throws IOException {
        List<Event> events = new ArrayList<>();
        SseParser parser = new SseParser(source);
        boolean more = true;
        while (more) {
            more = parser.next(event -> events.add(new Event(event.type(), event.dataUtf8())));
        }
        return events;
    }

    /** Splits the recording on blank lines, independently of the parser, as the oracle. */
    private static List<Event> expectedEvents(String text) {
        List<Event> events = new ArrayList<>();
        for (String block : text.split("\n\n")) {
            if (!block.isBlank()) {
                assertThat(block).startsWith("data: ");
                events.add(new Event("message", block.substring("data: ".length())));
            }
        }
        return events;
    }

    static byte[] recorded(String name) {
        try (InputStream in = SseParserTest.class.getResourceAsStream("/openai-python-sse/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the split after {@code split}: every position of the first 4 KiB and the last 1 KiB, then
     * every 127th, so the 47 KB recording stays fast while every kind of boundary is still cut; feeding
     * one byte at a time covers every position of every recording.
     */
    private static int nextSplit(int split, int length) {
        return split < 4096 || split >= length - 1024 ? split + 1 : Math.min(split + 127, length - 1024);
    }

    private static List<Integer> pieces(int total, int size) {
        List<Integer> pieces = new ArrayList<>();
        for (int at = 0; at < total; at += size) {
            pieces.add(Math.min(size, total - at));
        }
        return pieces;
    }

    private static List<Integer> randomPieces(int total, Random random) {
        List<Integer> pieces = new ArrayList<>();
        int left = total;
        while (left > 0) {
            int piece = Math.min(left, 1 + random.nextInt(64));
            pieces.add(piece);
            left -= piece;
        }
        return pieces;
    }
}
