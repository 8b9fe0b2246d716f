package dev.ladder.core.prompt;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.schema.StructuredOutput;
import dev.ladder.core.schema.StructuredOutputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A prompt for a chat model, rung 1 of the ladder: system instructions, few-shot examples and the
 * user's turn, with named variables filled in at each call.
 *
 * <pre>{@code
 * ChatPrompt prompt = ChatPrompt.builder()
 *         .system("You report the weather. Use {{units}}.")
 *         .example("Weather in Oslo?", new Location("Oslo", 4, Units.c))
 *         .user("Weather in {{city}}?")
 *         .build();
 * Location answer = prompt.ask(model, Map.of("units", "Celsius", "city", "Paris"), Location.class);
 * }</pre>
 *
 * <p>The system instructions and the user turn are {@link PromptTemplate}s; examples are literal
 * text, rendered as a user turn followed by an assistant turn, in the order they were added, between
 * the system instructions and the user turn. Every variable of the templates needs a value, and
 * every value must be used by one of them.
 *
 * <p>Immutable and thread-safe, provided the {@link Builder#configure} action is.
 */
public final class ChatPrompt {
    private final PromptTemplate system;
    private final List<Message> examples;
    private final PromptTemplate user;
    private final Consumer<ChatRequest.Builder> options;
    private final Set<String> variables;

    private ChatPrompt(Builder builder) {
        this.system = builder.system;
        this.examples = List.copyOf(builder.examples);
        this.user = builder.user;
        this.options = builder.options;
        Set<String> names = new LinkedHashSet<>();
        if (system != null) {
            names.addAll(system.variables());
        }
        names.addAll(user.variables());
        this.variables = Collections.unmodifiableSet(names);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Creates a prompt of a user turn alone. */
    public static ChatPrompt of(String userTemplate) {
        return builder().user(userTemplate).build();
    }

    /** Returns the variable names the system instructions and the user turn use. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * Returns the conversation: system instructions, example pairs, then the user turn.
     *
     * @throws IllegalArgumentException if a variable has no value or a value is not used; the
     *     message names them.
     */
    public List<Message> messages(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        PromptTemplate.requireAll(values, variables);
        PromptTemplate.requireNoUnused(values, variables);
        List<Message> messages = new ArrayList<>();
        if (system != null) {
            messages.add(Message.system(system.fill(values)));
        }
        messages.addAll(examples);
        messages.add(Message.user(user.fill(values)));
        return messages;
    }

    /**
     * Returns a request holding {@link #messages} and the options set with
     * {@link Builder#model} and {@link Builder#configure}.
     *
     * @throws IllegalArgumentException as {@link #messages} does.
     */
    public ChatRequest request(Map<String, ?> values) {
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages(values));
        options.accept(builder);
        return builder.build();
    }

    /**
     * Returns a request like {@link #request(Map)} that asks for an answer shaped like
     * {@code answerType}, as a strict JSON Schema response format.
     *
     * @throws IllegalArgumentException as {@link #messages} does, or if {@code answerType} cannot
     *     be described in strict mode.
     */
    public ChatRequest request(Map<String, ?> values, Class<?> answerType) {
        return request(values).toBuilder()
                .responseFormat(StructuredOutput.responseFormat(answerType))
                .build();
    }

    /**
     * Sends the prompt to {@code model} and returns the answer's text.
     *
     * @throws IllegalArgumentException as {@link #messages} does.
     * @throws LadderException if the call fails.
     */
    public String ask(ChatModel model, Map<String, ?> values) {
        return model.chat(request(values)).text();
    }

    /**
     * Sends the prompt to {@code model} asking for a {@code answerType} and returns the parsed
     * answer.
     *
     * @throws IllegalArgumentException as {@link #request(Map, Class)} does.
     * @throws StructuredOutputException if the model refused, the answer was cut off or it does not
     *     match {@code answerType}; the message names the JSON path.
     * @throws LadderException if the call fails.
     */
    public <T> T ask(ChatModel model, Map<String, ?> values, Class<T> answerType) {
        ChatResponse response = model.chat(request(values, answerType));
        return StructuredOutput.parse(response, answerType);
    }

    /** Builds a {@link ChatPrompt}. Not thread-safe. */
    public static final class Builder {
        private PromptTemplate system;
        private final List<Message> examples = new ArrayList<>();
        private PromptTemplate user;
        private String model;
        private Consumer<ChatRequest.Builder> configure = request -> {};
        private Consumer<ChatRequest.Builder> options;

        private Builder() {}

        /**
         * Sets the system instructions, a template.
         *
         * @throws IllegalArgumentException if the template has a malformed placeholder.
         */
        public Builder system(String template) {
            this.system = PromptTemplate.of(template);
            return this;
        }

        /** Adds a few-shot example: {@code input} as a user turn, {@code output} as the assistant's answer. */
        public Builder example(String input, String output) {
            examples.add(Message.user(Objects.requireNonNull(input, "input")));
            examples.add(Message.assistant(Objects.requireNonNull(output, "output")));
            return this;
        }

        /**
         * Adds a few-shot example whose answer is a record, written as the JSON a strict structured
         * answer would be.
         *
         * @throws IllegalArgumentException if Moshi cannot write the record.
         */
        public Builder example(String input, Record answer) {
            return example(input, StructuredOutput.toJson(Objects.requireNonNull(answer, "answer")));
        }

        /**
         * Sets the user turn, a template.
         *
         * @throws IllegalArgumentException if the template has a malformed placeholder.
         */
        public Builder user(String template) {
            this.user = PromptTemplate.of(template);
            return this;
        }

        /** Sets the model name put on each request; unset, the model's default applies. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets an action that sets further request options (temperature, maximum output tokens and
         * so on) on each request built, after the messages and the model.
         */
        public Builder configure(Consumer<ChatRequest.Builder> configure) {
            this.configure = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /**
         * Returns the prompt.
         *
         * @throws IllegalStateException if no user turn was set.
         */
        public ChatPrompt build() {
            if (user == null) {
                throw new IllegalStateException("a chat prompt needs a user turn: call user(template)");
            }
            String chosenModel = model;
            Consumer<ChatRequest.Builder> extra = configure;
            options = request -> {
                if (chosenModel != null) {
                    request.model(chosenModel);
                }
                extra.accept(request);
            };
            return new ChatPrompt(this);
        }
    }
}
