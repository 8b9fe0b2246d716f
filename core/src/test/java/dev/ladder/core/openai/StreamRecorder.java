package dev.ladder.core.openai;

import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** A hand-written {@link StreamHandler} that records every call, for assertions. */
final class StreamRecorder implements StreamHandler {
    final Map<Integer, StringBuilder> text = new TreeMap<>();
    final Map<Integer, StringBuilder> refusal = new TreeMap<>();
    final List<ToolCallDelta> toolCallDeltas = new ArrayList<>();
    final List<Usage> usages = new ArrayList<>();
    final CompletableFuture<ChatResponse> result = new CompletableFuture<>();
    int terminalCalls;

    @Override
    public void onText(int choice, String delta) {
        text.computeIfAbsent(choice, c -> new StringBuilder()).append(delta);
    }

    @Override
    public void onRefusal(int choice, String delta) {
        refusal.computeIfAbsent(choice, c -> new StringBuilder()).append(delta);
    }

    @Override
    public void onToolCallDelta(ToolCallDelta delta) {
        toolCallDeltas.add(delta);
    }

    @Override
    public void onUsage(Usage usage) {
        usages.add(usage);
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
