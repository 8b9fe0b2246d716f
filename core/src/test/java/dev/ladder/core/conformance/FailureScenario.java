package dev.ladder.core.conformance;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.LadderException;
import java.util.Objects;

/**
 * A model made ready to fail one request, and how it must fail: the exception type and whether
 * the failure is retriable. An HTTP provider should have its own retries switched off here, so the
 * contract sees the failure rather than the recovery.
 *
 * @param model the model under test, ready to fail {@code request} once.
 * @param request the request the contract sends.
 * @param expectedType the exception type, or a supertype of it, that the call must fail with.
 * @param expectedRetriable what {@link LadderException#retriable()} must return.
 */
public record FailureScenario(
        ChatModel model,
        ChatRequest request,
        Class<? extends LadderException> expectedType,
        boolean expectedRetriable) {

    public FailureScenario {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expectedType, "expectedType");
    }
}
