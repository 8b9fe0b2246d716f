package dev.ladder.core.anthropic;

import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Collects what a stream delivered and waits for its end. */
class Collector implements StreamHandler {
    final List<String> texts = new ArrayList<>();
    final List<ToolCallDelta> toolDeltas = new ArrayList<>();
    final List<Usage> usages = new ArrayList<>();
    volatile ChatResponse response;
    volatile LadderException error;
    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onText(int choice, String delta) {
        texts.add(delta);
    }

    @Override
    public void onToolCallDelta(ToolCallDelta delta) {
        toolDeltas.add(delta);
    }

    @Override
    public void onUsage(Usage usage) {
        usages.add(usage);
    }

    @Override
    public void onComplete(ChatResponse response) {
        this.response = response;
        ended.countDown();
    }

    @Override
    public void onError(LadderException error) {
        this.error = error;
        ended.countDown();
    }

    /** Waits for the stream's end and returns the response; fails if it ended with an error. */
    ChatResponse awaitResponse() throws InterruptedException {
        awaitEnd();
        if (error != null) {
            throw new AssertionError("the stream failed", error);
        }
        return response;
    }

    /** Waits for the stream's end and returns the error; fails if it completed. */
    LadderException awaitError() throws InterruptedException {
        awaitEnd();
        if (error == null) {
            throw new AssertionError("the stream completed with " + response);
        }
        return error;
    }

    private void awaitEnd() throws InterruptedException {
        if (!ended.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the stream did not end within 10 s");
        }
    }
}
