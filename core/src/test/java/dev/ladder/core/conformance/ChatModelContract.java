package dev.ladder.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.StreamHandle;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Proves that a {@link dev.ladder.core.ChatModel} honours the contract Ladder's strategies rely
 * on: answers and usage as given, stream deltas in order before exactly one completion and nothing
 * after it, tool-call pieces that assemble into the completed calls, nothing delivered after a
 * cancel, handler failures that end the stream, and failures as {@link LadderException}s with the
 * right retriable flag.
 *
 * <p>Extend it in a test class and implement the scenario methods; each test calls one of them
 * once and sends the scenario's request once. A provider that speaks HTTP can return a client
 * pointed at a {@code MockWebServer} with a recorded payload enqueued: the JSON body for
 * {@link CallMode#CHAT}, the event stream for {@link CallMode#STREAM}. The class uses only JUnit's
 * own assertions, so a test classpath with JUnit Jupiter and Ladder's core test-jar is enough.
 */
public abstract class ChatModelContract {
    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    /** Returns a model ready to answer with text and {@link dev.ladder.core.FinishReason#STOP}. */
    protected abstract ChatScenario textReply(CallMode mode);

    /** Returns a model ready to answer with at least one tool call. */
    protected abstract ChatScenario toolCallReply(CallMode mode);

    /** Returns a model ready to fail with a retriable error, such as an overloaded server. */
    protected abstract FailureScenario retriableFailure(CallMode mode);

    /** Returns a model ready to fail with an error that is not retriable, such as a bad request. */
    protected abstract FailureScenario nonRetriableFailure(CallMode mode);

    /** Returns how long a test waits for a stream to end; ten seconds unless overridden. */
    protected Duration streamTimeout() {
        return Duration.ofSeconds(10);
    }

    /** Returns how long a test watches for events after a stream ended; 200 ms unless overridden. */
    protected Duration quietPeriod() {
        return Duration.ofMillis(200);
    }

    @Test
    void chatAnswersWithTheExpectedTextAndFinishReason() {
        ChatScenario scenario = textReply(CallMode.CHAT);

        ChatResponse response = scenario.model().chat(scenario.request());

        assertEquals(scenario.expectedText(), response.message().text(), "answer text");
        assertEquals(scenario.expectedFinishReason(), response.finishReason(), "finish reason");
    }

    @Test
    void chatReportsTheExpectedUsage() {
        ChatScenario scenario = textReply(CallMode.CHAT);

        ChatResponse response = scenario.model().chat(scenario.request());

        assertEquals(scenario.expectedUsage(), response.usage(), "usage");
    }

    @Test
    void streamDeliversDeltasThenExactlyOneCompletionAndNothingAfter() throws InterruptedException {
        ChatScenario scenario = textReply(CallMode.STREAM);

        StreamRecorder recorder = streamToEnd(scenario);
        Thread.sleep(quietPeriod().toMillis());

        List<StreamRecorder.Event> events = recorder.events();
        assertEquals(1, recorder.count("complete"), "completions in " + events);
        assertEquals(0, recorder.count("error"), "errors in " + events);
        assertEquals("complete", events.get(events.size() - 1).kind(), "last event of " + events);
    }

    @Test
    void streamTextDeltasJoinToTheCompletedText() {
        ChatScenario scenario = textReply(CallMode.STREAM);

        StreamRecorder recorder = streamToEnd(scenario);

        List<String> deltas = recorder.values("text", String.class);
        assertFalse(deltas.isEmpty(), "the stream delivered no text delta");
        ChatResponse response = completion(recorder);
        assertEquals(String.join("", deltas), response.message().text(), "joined deltas vs completed text");
        assertEquals(scenario.expectedText(), response.message().text(), "completed text");
        assertEquals(scenario.expectedFinishReason(), response.finishReason(), "finish reason");
    }

    @Test
    void streamReportsUsageBeforeCompletion() {
        ChatScenario scenario = textReply(CallMode.STREAM);

        StreamRecorder recorder = streamToEnd(scenario);

        List<Usage> reports = recorder.values("usage", Usage.class);
        assertFalse(reports.isEmpty(), "the stream reported no usage");
        assertEquals(scenario.expectedUsage(), reports.get(reports.size() - 1), "last usage reported");
        assertEquals(scenario.expectedUsage(), completion(recorder).usage(), "usage of the completed response");
    }

    @Test
    void chatReturnsTheExpectedToolCalls() {
        ChatScenario scenario = toolCallReply(CallMode.CHAT);

        ChatResponse response = scenario.model().chat(scenario.request());

        assertToolCalls(scenario.expectedToolCalls(), response.message().toolCalls());
        assertEquals(scenario.expectedText(), response.message().text(), "text beside the tool calls");
        assertEquals(scenario.expectedFinishReason(), response.finishReason(), "finish reason");
    }

    @Test
    void streamToolCallDeltasAssembleIntoTheCompletedToolCalls() {
        ChatScenario scenario = toolCallReply(CallMode.STREAM);

        StreamRecorder recorder = streamToEnd(scenario);

        List<ToolCall> assembled = assemble(recorder.values("toolCall", ToolCallDelta.class));
        ChatResponse response = completion(recorder);
        assertToolCalls(response.message().toolCalls(), assembled);
        assertToolCalls(scenario.expectedToolCalls(), response.message().toolCalls());
        assertEquals(scenario.expectedFinishReason(), response.finishReason(), "finish reason");
    }

    @Test
    void streamCancelledDeliversNothingMore() throws InterruptedException {
        ChatScenario scenario = textReply(CallMode.STREAM);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger lateEvents = new AtomicInteger();
        StreamRecorder recorder = new StreamRecorder() {
            @Override
            public synchronized void onText(int choice, String delta) {
                countIfLate();
                super.onText(choice, delta);
            }

            @Override
            public synchronized void onComplete(ChatResponse response) {
                countIfLate();
                super.onComplete(response);
            }

            @Override
            public synchronized void onError(LadderException error) {
                countIfLate();
                super.onError(error);
            }

            private void countIfLate() {
                if (cancelled.get()) {
                    lateEvents.incrementAndGet();
                }
            }
        };

        StreamHandle handle = scenario.model().stream(scenario.request(), recorder);
        handle.cancel();
        cancelled.set(true);
        Thread.sleep(quietPeriod().toMillis());

        assertTrue(handle.isDone(), "a cancelled handle reports done");
        assertEquals(0, lateEvents.get(), "events delivered after cancel: " + recorder.events());
    }

    @Test
    void streamHandlerThatThrowsEndsTheStreamWithOneError() throws InterruptedException {
        ChatScenario scenario = textReply(CallMode.STREAM);
        IllegalStateException thrown = new IllegalStateException("handler failed on purpose");
        StreamRecorder recorder = new StreamRecorder() {
            @Override
            public synchronized void onText(int choice, String delta) {
                super.onText(choice, delta);
                throw thrown;
            }
        };

        scenario.model().stream(scenario.request(), recorder);

        assertTrue(recorder.awaitEnd(streamTimeout()), "the stream did not end within " + streamTimeout());
        Thread.sleep(quietPeriod().toMillis());
        assertEquals(1, recorder.count("text"), "text deltas after the handler threw: " + recorder.events());
        assertEquals(0, recorder.count("complete"), "completions: " + recorder.events());
        LadderException error = recorder.values("error", LadderException.class).get(0);
        assertSame(thrown, error.getCause(), "the error's cause is what the handler threw");
    }

    @Test
    void chatFailsWithARetriableLadderException() {
        assertChatFails(retriableFailure(CallMode.CHAT), true);
    }

    @Test
    void chatFailsWithANonRetriableLadderException() {
        assertChatFails(nonRetriableFailure(CallMode.CHAT), false);
    }

    @Test
    void streamEndsWithOneRetriableError() throws InterruptedException {
        assertStreamFails(retriableFailure(CallMode.STREAM), true);
    }

    @Test
    void streamEndsWithOneNonRetriableError() throws InterruptedException {
        assertStreamFails(nonRetriableFailure(CallMode.STREAM), false);
    }

    private static void assertChatFails(FailureScenario scenario, boolean retriable) {
        assertEquals(retriable, scenario.expectedRetriable(), "the scenario's expected retriable flag");

        LadderException error =
                assertThrows(LadderException.class, () -> scenario.model().chat(scenario.request()));

        assertInstanceOf(scenario.expectedType(), error, "exception type");
        assertEquals(retriable, error.retriable(), "retriable() of " + error);
        assertNotNull(error.getMessage(), "exception message");
    }

    private void assertStreamFails(FailureScenario scenario, boolean retriable) throws InterruptedException {
        assertEquals(retriable, scenario.expectedRetriable(), "the scenario's expected retriable flag");
        StreamRecorder recorder = new StreamRecorder();

        scenario.model().stream(scenario.request(), recorder);

        assertTrue(recorder.awaitEnd(streamTimeout()), "the stream did not end within " + streamTimeout());
        Thread.sleep(quietPeriod().toMillis());
        assertEquals(1, recorder.count("error"), "errors in " + recorder.events());
        assertEquals(0, recorder.count("complete"), "completions in " + recorder.events());
        LadderException error = recorder.values("error", LadderException.class).get(0);
        assertInstanceOf(scenario.expectedType(), error, "exception type");
        assertEquals(retriable, error.retriable(), "retriable() of " + error);
    }

    private StreamRecorder streamToEnd(ChatScenario scenario) {
        StreamRecorder recorder = new StreamRecorder();
        scenario.model().stream(scenario.request(), recorder);
        try {
            assertTrue(recorder.awaitEnd(streamTimeout()), "the stream did not end within " + streamTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the stream to end");
        }
        return recorder;
    }

    private static ChatResponse completion(StreamRecorder recorder) {
        List<ChatResponse> completions = recorder.values("complete", ChatResponse.class);
        if (completions.isEmpty()) {
            fail("the stream ended without a completion: " + recorder.events());
        }
        return completions.get(0);
    }

    private static List<ToolCall> assemble(List<ToolCallDelta> deltas) {
        Map<Integer, String[]> calls = new TreeMap<>();
        for (ToolCallDelta delta : deltas) {
            String[] call = calls.get(delta.index());
            if (call == null) {
                assertNotNull(delta.id(), "the first piece of tool call " + delta.index() + " carries its id");
                assertNotNull(delta.name(), "the first piece of tool call " + delta.index() + " carries its name");
                call = new String[] {delta.id(), delta.name(), ""};
                calls.put(delta.index(), call);
            }
            call[2] += delta.argumentsDelta() == null ? "" : delta.argumentsDelta();
        }
        List<ToolCall> assembled = new ArrayList<>();
        calls.values().forEach(c -> assembled.add(new ToolCall(c[0], c[1], c[2])));
        return assembled;
    }

    private static void assertToolCalls(List<ToolCall> expected, List<ToolCall> actual) {
        assertEquals(expected.size(), actual.size(), "number of tool calls in " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).id(), actual.get(i).id(), "id of tool call " + i);
            assertEquals(expected.get(i).name(), actual.get(i).name(), "name of tool call " + i);
            assertEquals(
                    parse(expected.get(i).arguments()),
                    parse(actual.get(i).arguments()),
                    "arguments of tool call " + i + " as JSON");
        }
    }

    private static Object parse(String json) {
        try {
            return JSON.fromJson(json);
        } catch (IOException e) {
            throw new AssertionError("tool call arguments are not JSON: " + json, e);
        }
    }
}
