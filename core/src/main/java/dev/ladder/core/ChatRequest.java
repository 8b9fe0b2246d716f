package dev.ladder.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to send to a {@link ChatModel}: the conversation, sampling options, tools and the response
 * format. Immutable; build one with {@link #builder()} or {@link #of(Message...)}.
 *
 * <p>Optional settings left unset are not sent, so the provider's defaults apply. Settings Ladder
 * does not model travel in {@link #extraBody()} and {@link #extraHeaders()}, so a new provider
 * parameter works without a Ladder release.
 */
public final class ChatRequest {
    private final String model;
    private final List<Message> messages;
    private final Double temperature;
    private final Double topP;
    private final Integer maxOutputTokens;
    private final List<String> stop;
    private final Long seed;
    private final Integer choices;
    private final List<Tool> tools;
    private final ToolChoice toolChoice;
    private final Boolean parallelToolCalls;
    private final ResponseFormat responseFormat;
    private final Boolean logprobs;
    private final Integer topLogprobs;
    private final Map<String, Object> extraBody;
    private final Map<String, String> extraHeaders;
    private final Duration timeout;
    private final Integer maxRetries;

    private ChatRequest(Builder builder) {
        this.model = builder.model;
        this.messages = List.copyOf(builder.messages);
        this.temperature = builder.temperature;
        this.topP = builder.topP;
        this.maxOutputTokens = builder.maxOutputTokens;
        this.stop = List.copyOf(builder.stop);
        this.seed = builder.seed;
        this.choices = builder.choices;
        this.tools = List.copyOf(builder.tools);
        this.toolChoice = builder.toolChoice;
        this.parallelToolCalls = builder.parallelToolCalls;
        this.responseFormat = builder.responseFormat;
        this.logprobs = builder.logprobs;
        this.topLogprobs = builder.topLogprobs;
        this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
        this.extraHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraHeaders));
        this.timeout = builder.timeout;
        this.maxRetries = builder.maxRetries;
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    /** Creates a request of {@code messages} with every option left to the provider. */
    public static ChatRequest of(Message... messages) {
        return builder().messages(List.of(messages)).build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this request's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The model name, or null to use the provider's default model. */
    public String model() {
        return model;
    }

    /** The conversation, oldest first; never empty. */
    public List<Message> messages() {
        return messages;
    }

    /** Sampling temperature, or null for the provider's default. */
    public Double temperature() {
        return temperature;
    }

    /** Nucleus sampling mass, or null for the provider's default. */
    public Double topP() {
        return topP;
    }

    /** The most tokens to generate, or null for the provider's default. */
    public Integer maxOutputTokens() {
        return maxOutputTokens;
    }

    /** Sequences that end generation; empty when none. */
    public List<String> stop() {
        return stop;
    }

    /** Seed for reproducible sampling, or null. */
    public Long seed() {
        return seed;
    }

    /** How many choices to generate, or null for one. */
    public Integer choices() {
        return choices;
    }

    /** The tools the model may call; empty when none. */
    public List<Tool> tools() {
        return tools;
    }

    /** Whether and which tool the model must call, or null for the provider's default. */
    public ToolChoice toolChoice() {
        return toolChoice;
    }

    /** Whether the model may call several tools in one answer, or null for the default. */
    public Boolean parallelToolCalls() {
        return parallelToolCalls;
    }

    /** The answer's required shape, or null for free text. */
    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** Whether to return token log probabilities, or null for the default (no). */
    public Boolean logprobs() {
        return logprobs;
    }

    /** How many alternatives to return per token with log probabilities, or null. */
    public Integer topLogprobs() {
        return topLogprobs;
    }

    /** Provider-specific body fields, written last, over Ladder's own. */
    public Map<String, Object> extraBody() {
        return extraBody;
    }

    /** Provider-specific HTTP headers, sent over Ladder's own. */
    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    /** The longest the whole call may take, or null for the client's setting. */
    public Duration timeout() {
        return timeout;
    }

    /** How many times a failed call may be retried, or null for the client's setting. */
    public Integer maxRetries() {
        return maxRetries;
    }

    @Override
    public String toString() {
        return "ChatRequest{model=" + model + ", messages=" + messages.size() + ", tools=" + tools.size()
                + ", responseFormat=" + (responseFormat == null ? null : responseFormat.type()) + "}";
    }

    /** Builds a {@link ChatRequest}. Not thread-safe. */
    public static final class Builder {
        private String model;
        private final List<Message> messages = new ArrayList<>();
        private Double temperature;
        private Double topP;
        private Integer maxOutputTokens;
        private final List<String> stop = new ArrayList<>();
        private Long seed;
        private Integer choices;
        private final List<Tool> tools = new ArrayList<>();
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private ResponseFormat responseFormat;
        private Boolean logprobs;
        private Integer topLogprobs;
        private final Map<String, Object> extraBody = new LinkedHashMap<>();
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private Duration timeout;
        private Integer maxRetries;

        private Builder() {}

        private Builder(ChatRequest request) {
            model = request.model;
            messages.addAll(request.messages);
            temperature = request.temperature;
            topP = request.topP;
            maxOutputTokens = request.maxOutputTokens;
            stop.addAll(request.stop);
            seed = request.seed;
            choices = request.choices;
            tools.addAll(request.tools);
            toolChoice = request.toolChoice;
            parallelToolCalls = request.parallelToolCalls;
            responseFormat = request.responseFormat;
            logprobs = request.logprobs;
            topLogprobs = request.topLogprobs;
            extraBody.putAll(request.extraBody);
            extraHeaders.putAll(request.extraHeaders);
            timeout = request.timeout;
            maxRetries = request.maxRetries;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Replaces the conversation with {@code messages}. */
        public Builder messages(List<? extends Message> messages) {
            this.messages.clear();
            messages.forEach(this::addMessage);
            return this;
        }

        /** Appends {@code message} to the conversation. */
        public Builder addMessage(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder temperature(Double temperature) {
            this.temperature = checkRange("temperature", temperature, 0, 2);
            return this;
        }

        public Builder topP(Double topP) {
            this.topP = checkRange("topP", topP, 0, 1);
            return this;
        }

        public Builder maxOutputTokens(Integer maxOutputTokens) {
            this.maxOutputTokens = checkPositive("maxOutputTokens", maxOutputTokens);
            return this;
        }

        public Builder stop(List<String> stop) {
            this.stop.clear();
            stop.forEach(s -> this.stop.add(Objects.requireNonNull(s, "stop sequence")));
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder choices(Integer choices) {
            this.choices = checkPositive("choices", choices);
            return this;
        }

        /** Replaces the tools with {@code tools}. */
        public Builder tools(List<Tool> tools) {
            this.tools.clear();
            tools.forEach(t -> this.tools.add(Objects.requireNonNull(t, "tool")));
            return this;
        }

        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        public Builder parallelToolCalls(Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        public Builder logprobs(Boolean logprobs) {
            this.logprobs = logprobs;
            return this;
        }

        public Builder topLogprobs(Integer topLogprobs) {
            this.topLogprobs = checkRange("topLogprobs", topLogprobs, 0, 20);
            return this;
        }

        /**
         * Adds a provider-specific body field, written after Ladder's own fields and replacing one of
         * the same name. {@code value} is a JSON tree: maps, lists, strings, numbers, booleans, null.
         */
        public Builder extraBody(String name, Object value) {
            extraBody.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Adds a provider-specific HTTP header, replacing one of the same name. */
        public Builder extraHeader(String name, String value) {
            extraHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder maxRetries(Integer maxRetries) {
            if (maxRetries != null && maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Returns the request.
         *
         * @throws IllegalArgumentException if no message was added.
         */
        public ChatRequest build() {
            return new ChatRequest(this);
        }

        private static Integer checkPositive(String name, Integer value) {
            if (value != null && value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }

        private static <T extends Number> T checkRange(String name, T value, double min, double max) {
            if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }
    }
}
