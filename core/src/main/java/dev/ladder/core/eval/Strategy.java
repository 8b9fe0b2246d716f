package dev.ladder.core.eval;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.prompt.ChatPrompt;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A way of answering a case: a prompt, a reflection loop, a RAG pipeline, an agent. The evaluation
 * calls it from several threads at once, so it must be thread-safe. An exception it throws marks
 * the case wrong and is recorded in the report; it never stops the run.
 */
@FunctionalInterface
public interface Strategy {

    /** Returns the answer to {@code testCase} and the tokens spent on it. */
    Answer answer(EvalCase testCase);

    /** Returns a strategy that sends the request {@code request} builds for a case to {@code model}. */
    static Strategy of(ChatModel model, Function<EvalCase, ChatRequest> request) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(request, "request");
        return testCase -> Answer.from(model.chat(request.apply(testCase)));
    }

    /**
     * Returns a strategy that fills {@code prompt}'s variable {@code inputVariable} with the case's
     * input and sends it to {@code model}.
     */
    static Strategy of(ChatModel model, ChatPrompt prompt, String inputVariable) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(inputVariable, "inputVariable");
        return of(model, testCase -> prompt.request(Map.of(inputVariable, testCase.input())));
    }

    /** Returns a strategy that answers with {@code function} of the input, spending no tokens. */
    static Strategy ofFunction(Function<String, String> function) {
        Objects.requireNonNull(function, "function");
        return testCase -> Answer.of(function.apply(testCase.input()));
    }
}
