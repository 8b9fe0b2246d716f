package dev.ladder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo against an OpenAI-compatible server that replays answers recorded from the live API
 * (openai-python's recordings, see {@code openai-python-sse/SOURCE.txt}): blocking calls get a plain
 * answer, the agent's first streamed call a {@code get_weather} tool call, its second a plain answer.
 * The recordings answer a weather question, so the test shows the demo printing what the model said,
 * whatever it said, and each model step handling it.
 */
class DemoRecordedModelTest {
    private static final String FOLDER = "openai-python-sse/";
    private static final String PLAIN_ANSWER = "I'm unable to provide real-time weather updates. To get the current"
            + " weather in San Francisco, I recommend checking a reliable weather website or app like the Weather"
            + " Channel or a local news station.";

    private static final MockWebServer server = new MockWebServer();
    private static final List<String> blockingBodies = new ArrayList<>();
    private static final List<String> streamedBodies = new ArrayList<>();
    private static int status;
    private static String output;

    @BeforeAll
    static void runDemoAgainstRecordedModel() throws IOException {
        String blocking = recordedResponse("test_parse_nothing");
        Queue<byte[]> streams = new ConcurrentLinkedQueue<>(
                List.of(resource("tool_call_strict_dict_schema.sse"), resource("parse_nothing_plain_text.sse")));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                if (!body.contains("\"stream\":true")) {
                    blockingBodies.add(body);
                    return new MockResponse.Builder()
                            .setHeader("Content-Type", "application/json")
                            .body(blocking)
                            .build();
                }
                streamedBodies.add(body);
                byte[] stream = streams.poll();
                if (stream == null) {
                    return new MockResponse.Builder()
                            .code(400)
                            .body("{\"error\":{\"message\":\"the test has no more recorded streams\"}}")
                            .build();
                }
                return new MockResponse.Builder()
                        .setHeader("Content-Type", "text/event-stream")
                        .body(new Buffer().write(stream))
                        .build();
            }
        });
        server.start();

        Map<String, String> env =
                Map.of("OPENAI_BASE_URL", server.url("/v1").toString(), "OPENAI_API_KEY", "sk-demo-test");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = Demo.run(env, out);
        }
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void exitsZeroUsingTheConfiguredModel() {
        assertThat(status).isZero();
        assertThat(output)
                .contains("Using OpenAiChatModel{baseUrl=" + server.url("/v1"))
                .contains("defaultModel=gpt-4o-mini}; steps that need a model run too.")
                .contains("  [1/5] Language model  | configured |")
                .doesNotContain(Models.HOW_TO_CONFIGURE)
                .doesNotContain("FAILED");
    }

    @Test
    void printsTheGroundedAnswerAsTheModelWroteIt() {
        assertThat(output)
                .contains("A (from the model): " + PLAIN_ANSWER + "\n   (the answer cites none of the passages)\n");
        assertThat(blockingBodies.get(0))
                .contains("Answer the question using only the numbered sources below.")
                .contains("[1] A model's SQL is untrusted input.")
                .contains("Question: Which safety walls protect the database from a model's SQL?");
    }

    @Test
    void showsEachNl2SqlAttemptAndTheFeedback() {
        assertThat(output)
                .contains("  attempt 1: (no SQL in the model's answer: I'm unable to provide real-time weather"
                        + " updates. To get the current weather in San Francisco, I recommend checking a reliable ...\n"
                        + "    fed back to the model: No SQL query was found in the answer. Reply with one SQLite"
                        + " query in a ```sql code block.\n")
                .contains("  attempt 2: (no SQL in the model's answer: ")
                .contains("  stopped: NO_PROGRESS, tokens 28 in, 74 out\n")
                .contains("  no query ran successfully within 2 attempts\n");
        assertThat(blockingBodies)
                .anyMatch(body -> body.contains("Question: " + SqlStep.QUESTION)
                        && body.contains("InvoiceLine(InvoiceLineId INTEGER PRIMARY KEY"));
    }

    @Test
    void pausesTheAgentForApprovalAndResumesFromTheCheckpointFile() {
        assertThat(output)
                .contains("  node 'approve' asks a human: run these tool calls?\n"
                        + "  tool        | arguments\n"
                        + "  ----------- | -------------------------------------\n"
                        + "  get_weather | {\"city\":\"San Francisco\",\"state\":\"CA\"}\n")
                .contains("Resuming from the file, as a restarted process would, with the answer: approved")
                .contains("  A (from the model): I'm unable to provide real-time weather updates. To get the current"
                        + " weather in San Francisco, I recommend checking a reliable weather website or a weather"
                        + " app.\n");
        assertThat(streamedBodies).hasSize(2);
        assertThat(streamedBodies.get(0)).contains("\"name\":\"run_query\"").contains(AgentStep.QUESTION);
        assertThat(streamedBodies.get(1))
                .contains("\"tool_call_id\":\"call_CTf1nWJLqSeRgDqaCG27xZ74\"")
                .contains("unknown tool 'get_weather': available tools are [run_query]");
    }

    private static String recordedResponse(String test) {
        String marker = "{\"test\": \"" + test + "\", \"response\": ";
        String line = new String(resource("nonstreaming_recorded_responses.jsonl"), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith(marker))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no recorded response of " + test));
        return line.substring(marker.length(), line.lastIndexOf('}'));
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoRecordedModelTest.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + FOLDER + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
