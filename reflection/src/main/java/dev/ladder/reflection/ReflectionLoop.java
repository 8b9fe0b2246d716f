package dev.ladder.reflection;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates an answer, verifies it, feeds the failure back and asks again.
 *
 * <p>The first attempt sends the task as a user message (after the system prompt, if any). Each
 * later attempt sends the {@link ReflectionPrompt} rendered with the task, the previous output and
 * the verifier's feedback. The loop stops when an output passes, after {@code maxAttempts}, when the
 * tokens spent reach the budget, or when the model repeats its previous output.
 *
 * <p>Immutable and thread-safe when its model and verifier are; one loop can run many tasks at once.
 */
public final class ReflectionLoop {
    private static final Logger log = LoggerFactory.getLogger(ReflectionLoop.class);

    private final ChatModel model;
    private final Verifier verifier;
    private final String systemPrompt;
    private final ReflectionPrompt reflectionPrompt;
    private final int maxAttempts;
    private final long tokenBudget;
    private final UnaryOperator<ChatRequest.Builder> requestOptions;

    private ReflectionLoop(Builder builder) {
        this.model = builder.model;
        this.verifier = builder.verifier;
        this.systemPrompt = builder.systemPrompt;
        this.reflectionPrompt = builder.reflectionPrompt;
        this.maxAttempts = builder.maxAttempts;
        this.tokenBudget = builder.tokenBudget;
        this.requestOptions = builder.requestOptions;
    }

    /** Returns a builder for a loop that asks {@code model} and checks with {@code verifier}. */
    public static Builder builder(ChatModel model, Verifier verifier) {
        return new Builder(model, verifier);
    }

    /**
     * Runs the loop on {@code task} and returns the final output with the trace of every attempt.
     *
     * @throws ReflectionFailedException when a model call fails; it carries the attempts made before
     *     the failure and the model's exception as its cause.
     * @throws RuntimeException whatever the verifier throws when it cannot check an output.
     */
    public ReflectionResult run(String task) {
        return continueFrom(task, List.of());
    }

    /**
     * Goes on with {@code task} after {@code earlier}, attempts made before by this loop or one with
     * the same model and verifier: those recovered from a {@link ReflectionFailedException}, or a
     * one-shot answer that reflection should now correct. The next attempt reflects on the last of
     * them, and every limit counts them too: when the last passed, repeated the one before it, or
     * the attempts or tokens are used up, no model call is made. Returns all attempts, earlier ones
     * first.
     *
     * @throws IllegalArgumentException when the earlier attempts are not numbered 1, 2, 3...
     * @throws ReflectionFailedException when a model call fails; it carries every attempt so far.
     * @throws RuntimeException whatever the verifier throws when it cannot check an output.
     */
    public ReflectionResult continueFrom(String task, List<Attempt> earlier) {
        Objects.requireNonNull(task, "task");
        List<Attempt> attempts = new ArrayList<>(earlier);
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).number() != i + 1) {
                throw new IllegalArgumentException("earlier attempt " + (i + 1) + " is numbered "
                        + attempts.get(i).number() + ": pass the attempts of one loop, oldest first");
            }
        }
        StopReason reason = attempts.isEmpty() ? null : stopReason(attempts);
        while (reason == null) {
            Attempt attempt = attempt(task, attempts);
            attempts.add(attempt);
            reason = stopReason(attempts);
            log.trace("attempt {} passed={} stop={}", attempt.number(), attempt.passed(), reason);
        }
        return new ReflectionResult(task, attempts, reason);
    }

    private Attempt attempt(String task, List<Attempt> previous) {
        long start = System.nanoTime();
        List<Message> prompt = prompt(task, previous);
        ChatResponse response;
        try {
            response = model.chat(request(prompt));
        } catch (LadderException e) {
            throw new ReflectionFailedException(previous, e);
        }
        String output = response.text();
        Verdict verdict = verifier.verify(task, output);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        Usage usage = response.usage().plus(verdict.usage());
        return new Attempt(previous.size() + 1, prompt, output, verdict, usage, duration);
    }

    private List<Message> prompt(String task, List<Attempt> previous) {
        List<Message> messages = new ArrayList<>();
        if (systemPrompt != null) {
            messages.add(Message.system(systemPrompt));
        }
        if (previous.isEmpty()) {
            messages.add(Message.user(task));
        } else {
            Attempt last = previous.get(previous.size() - 1);
            messages.add(Message.user(
                    reflectionPrompt.render(task, last.output(), last.verdict().feedback())));
        }
        return messages;
    }

    private ChatRequest request(List<Message> prompt) {
        return requestOptions.apply(ChatRequest.builder()).messages(prompt).build();
    }

    private StopReason stopReason(List<Attempt> attempts) {
        Attempt last = attempts.get(attempts.size() - 1);
        if (last.passed()) {
            return StopReason.PASSED;
        }
        if (attempts.size() > 1
                && attempts.get(attempts.size() - 2)
                        .output()
                        .strip()
                        .equals(last.output().strip())) {
            return StopReason.NO_PROGRESS;
        }
        if (attempts.size() >= maxAttempts) {
            return StopReason.MAX_ATTEMPTS;
        }
        long spent = attempts.stream().mapToLong(a -> a.usage().totalTokens()).sum();
        return spent >= tokenBudget ? StopReason.TOKEN_BUDGET : null;
    }

    /** Builds a {@link ReflectionLoop}. Not thread-safe. */
    public static final class Builder {
        private final ChatModel model;
        private final Verifier verifier;
        private String systemPrompt;
        private ReflectionPrompt reflectionPrompt = ReflectionPrompt.DEFAULT;
        private int maxAttempts = 3;
        private long tokenBudget = Long.MAX_VALUE;
        private UnaryOperator<ChatRequest.Builder> requestOptions = UnaryOperator.identity();

        private Builder(ChatModel model, Verifier verifier) {
            this.model = Objects.requireNonNull(model, "model");
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /** Sets a system message sent before the task in every attempt; none unless set. */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = Objects.requireNonNull(systemPrompt, "systemPrompt");
            return this;
        }

        /** Replaces the prompt that asks for a corrected answer; {@link ReflectionPrompt#DEFAULT} unless set. */
        public Builder reflectionPrompt(ReflectionPrompt reflectionPrompt) {
            this.reflectionPrompt = Objects.requireNonNull(reflectionPrompt, "reflectionPrompt");
            return this;
        }

        /** Sets how many attempts the loop may make, the first included; 3 unless set. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Stops the loop once the tokens spent by model and verifiers reach {@code tokens}; checked
         * after each attempt, so the last attempt may overshoot. Unlimited unless set.
         */
        public Builder tokenBudget(long tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("tokenBudget must be positive, was " + tokens);
            }
            this.tokenBudget = tokens;
            return this;
        }

        /**
         * Sets request options (model name, temperature, response format...) applied to every
         * request; the loop then sets the messages itself.
         */
        public Builder requestOptions(UnaryOperator<ChatRequest.Builder> requestOptions) {
            this.requestOptions = Objects.requireNonNull(requestOptions, "requestOptions");
            return this;
        }

        /** Returns the loop. */
        public ReflectionLoop build() {
            return new ReflectionLoop(this);
        }
    }
}
