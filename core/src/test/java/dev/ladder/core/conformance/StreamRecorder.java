package dev.ladder.core.conformance;

import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A handler that writes down every event of a stream in order, and waits for its end. */
class StreamRecorder implements StreamHandler {

    /** One event as the handler received it. */
    record Event(String kind, Object value) {}

    private final List<Event> events = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public synchronized void onText(int choice, String delta) {
        events.add(new Event("text", delta));
    }

    @Override
    public synchronized void onRefusal(int choice, String delta) {
        events.add(new Event("refusal", delta));
    }

    @Override
    public synchronized void onToolCallDelta(ToolCallDelta delta) {
        events.add(new Event("toolCall", delta));
    }

    @Override
    public synchronized void onUsage(Usage usage) {
        events.add(new Event("usage", usage));
    }

    @Override
    public synchronized void onComplete(ChatResponse response) {
        events.add(new Event("complete", response));
        ended.countDown();
    }

    @Override
    public synchronized void onError(LadderException error) {
        events.add(new Event("error", error));
        ended.countDown();
    }

    /** Waits up to {@code timeout} for the stream's end; returns false if it did not end. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns the events received so far, oldest first. */
    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Returns how many events of {@code kind} arrived. */
    synchronized long count(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).count();
    }

    /** Returns the values of the events of {@code kind}, in order. */
    synchronized <T> List<T> values(String kind, Class<T> type) {
        List<T> values = new ArrayList<>();
        events.stream().filter(e -> e.kind().equals(kind)).forEach(e -> values.add(type.cast(e.value())));
        return values;
    }
}
