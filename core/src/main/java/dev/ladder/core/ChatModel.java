package dev.ladder.core;

import java.util.concurrent.CompletableFuture;

/**
 * Generates assistant messages from a conversation: the seam every provider implements and every
 * strategy consumes.
 *
 * <p>Implementations shipped with Ladder are immutable and thread-safe; one instance can serve any
 * number of concurrent calls. A user's own implementation should be too, since strategies share it.
 */
public interface ChatModel {

    /**
     * Sends {@code request} and blocks until the whole response has arrived.
     *
     * @throws LadderException (or a subclass: {@link ServiceException}, {@link CallTimeoutException},
     *     {@link ConnectionException}, {@link MalformedResponseException}) when the call fails after
     *     any retries the implementation makes.
     */
    ChatResponse chat(ChatRequest request);

    /**
     * Sends {@code request} and delivers the response to {@code handler} as it is generated.
     *
     * <p>Returns at once. The handler receives deltas in the order the provider sent them, then
     * exactly one of {@link StreamHandler#onComplete} or {@link StreamHandler#onError}, unless the
     * stream is cancelled first, after which it receives nothing more. Handler methods are called
     * from one thread at a time.
     */
    StreamHandle stream(ChatRequest request, StreamHandler handler);

    /**
     * Sends {@code request} without blocking; cancelling the returned future aborts the HTTP call.
     *
     * <p>The default runs the call as a stream and completes the future with the assembled response,
     * or exceptionally with the {@link LadderException} the stream ended with.
     */
    default CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
        CompletableFuture<ChatResponse> future = new CompletableFuture<>();
        StreamHandle handle = stream(request, new StreamHandler() {
            @Override
            public void onComplete(ChatResponse response) {
                future.complete(response);
            }

            @Override
            public void onError(LadderException error) {
                future.completeExceptionally(error);
            }
        });
        future.whenComplete((response, error) -> {
            if (future.isCancelled()) {
                handle.cancel();
            }
        });
        return future;
    }
}
