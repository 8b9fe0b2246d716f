package dev.ladder.rag.answer;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Message;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.core.Usage;
import dev.ladder.rag.internal.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Answers questions from retrieved passages with numbered citations, and says so instead of
 * guessing when nothing relevant was found.
 *
 * <p>For each question it retrieves {@code limit} passages, keeps those scoring at least
 * {@code minScore}, numbers them {@code [1]}, {@code [2]}, ... in retrieval order while their
 * tokens fit {@code contextTokens} (as counted by the {@link TokenCounter}), and asks the model to
 * answer from them, citing by number. The answer's citations are mapped back to the passages;
 * numbers that were never given are reported in {@link Answer#unknownCitations()}, never matched
 * to a passage.
 *
 * <p>The model is not called, and the {@link Answer} says why, when the retriever finds nothing,
 * when no passage reaches {@code minScore}, or when not even one passage fits the budget. When the
 * model replies with the no-answer marker ({@code NO_ANSWER} unless set), refuses, or says nothing,
 * the result is likewise not answered, with the reason and the context it was given.
 *
 * <p>The prompt is one user message from a template with the placeholders {@code {{question}}} and
 * {@code {{passages}}}. Immutable and thread-safe.
 */
public final class GroundedAnswerer {
    /** The default prompt. */
    public static final String DEFAULT_TEMPLATE = """
            Answer the question using only the numbered sources below. After each statement, cite \
            the sources that support it by their numbers in square brackets, such as [1] or [2][3]. \
            If the sources do not contain the answer, reply with NO_ANSWER and nothing else.

            Sources:
            {{passages}}

            Question: {{question}}""";

    private final ChatModel chatModel;
    private final Retriever retriever;
    private final String model;
    private final Double temperature;
    private final String template;
    private final int limit;
    private final double minScore;
    private final int contextTokens;
    private final TokenCounter tokenCounter;
    private final String noAnswerMarker;

    private GroundedAnswerer(Builder builder) {
        this.chatModel = builder.chatModel;
        this.retriever = builder.retriever;
        this.model = builder.model;
        this.temperature = builder.temperature;
        this.template = builder.template;
        this.limit = builder.limit;
        this.minScore = builder.minScore;
        this.contextTokens = builder.contextTokens;
        this.tokenCounter = builder.tokenCounter;
        this.noAnswerMarker = builder.noAnswerMarker;
    }

    /** Returns a builder for answers by {@code chatModel} from passages {@code retriever} finds. */
    public static Builder builder(ChatModel chatModel, Retriever retriever) {
        return new Builder(chatModel, retriever);
    }

    /**
     * Retrieves passages for {@code question} and answers it from them.
     *
     * @throws IllegalArgumentException if {@code question} is blank.
     * @throws dev.ladder.core.LadderException if the model call fails.
     */
    public Answer answer(String question) {
        checkQuestion(question);
        return answer(question, retriever.retrieve(question, limit));
    }

    /**
     * Answers {@code question} from {@code passages}, best first, as if a retriever had found them
     * (the score threshold and the budget apply).
     *
     * @throws IllegalArgumentException if {@code question} is blank.
     * @throws dev.ladder.core.LadderException if the model call fails.
     */
    public Answer answer(String question, List<Passage> passages) {
        checkQuestion(question);
        if (passages.isEmpty()) {
            return Answer.none("the retriever found no passage for the question", List.of(), Usage.ZERO);
        }
        List<Passage> relevant = relevant(passages);
        if (relevant.isEmpty()) {
            return Answer.none(belowThreshold(passages), List.of(), Usage.ZERO);
        }
        ContextWindow window = ContextWindow.pack(relevant, contextTokens, tokenCounter);
        if (window.passages().isEmpty()) {
            return Answer.none(overBudget(relevant.get(0)), List.of(), Usage.ZERO);
        }
        return ask(question, window);
    }

    private Answer ask(String question, ContextWindow window) {
        String prompt = Templates.render(template, Map.of("question", question, "passages", window.text()));
        ChatRequest request = ChatRequest.builder()
                .model(model)
                .temperature(temperature)
                .addMessage(Message.user(prompt))
                .build();
        ChatResponse response = chatModel.chat(request);
        String text = response.text().strip();
        String refusal = response.message().refusal();
        if (text.isEmpty()) {
            String reason = refusal == null ? "the model replied with no text" : "the model refused: " + refusal;
            return Answer.none(reason, window.passages(), response.usage());
        }
        if (text.toUpperCase(Locale.ROOT).startsWith(noAnswerMarker.toUpperCase(Locale.ROOT))) {
            return Answer.none(
                    "the model found no answer in the " + window.passages().size() + " passages it was given",
                    window.passages(),
                    response.usage());
        }
        Citations citations = Citations.parse(text, window.passages());
        return new Answer(true, text, citations.known(), citations.unknown(), window.passages(), response.usage(), "");
    }

    private List<Passage> relevant(List<Passage> passages) {
        List<Passage> relevant = new ArrayList<>();
        for (Passage passage : passages) {
            if (passage.score() >= minScore) {
                relevant.add(passage);
            }
        }
        return relevant;
    }

    private String belowThreshold(List<Passage> passages) {
        Passage best = passages.stream()
                .max((a, b) -> Double.compare(a.score(), b.score()))
                .orElseThrow();
        return "no passage scored at least " + minScore + " (the best, '" + best.id() + "', scored " + best.score()
                + ")";
    }

    private String overBudget(Passage first) {
        int tokens = tokenCounter.count("[1] " + first.text().strip());
        return "no passage fits the context budget of " + contextTokens + " tokens (the first relevant, '" + first.id()
                + "', needs " + tokens + "): raise contextTokens or split documents into smaller chunks";
    }

    private static void checkQuestion(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank, was '" + question + "'");
        }
    }

    /** Builds a {@link GroundedAnswerer}. Not thread-safe. */
    public static final class Builder {
        private final ChatModel chatModel;
        private final Retriever retriever;
        private String model;
        private Double temperature;
        private String template = DEFAULT_TEMPLATE;
        private int limit = 8;
        private double minScore = Double.NEGATIVE_INFINITY;
        private int contextTokens = 3000;
        private TokenCounter tokenCounter = TokenCounter.estimate();
        private String noAnswerMarker = "NO_ANSWER";

        private Builder(ChatModel chatModel, Retriever retriever) {
            this.chatModel = Objects.requireNonNull(chatModel, "chatModel");
            this.retriever = Objects.requireNonNull(retriever, "retriever");
        }

        /** Sets the model name; the provider's default unless set. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Sets the sampling temperature; the provider's default unless set. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Replaces the prompt; it must hold {@code {{question}}} and {@code {{passages}}}. */
        public Builder template(String template) {
            this.template = Templates.require("answer template", template, "question", "passages");
            return this;
        }

        /** Sets how many passages to retrieve; 8 unless set. */
        public Builder limit(int limit) {
            this.limit = positive("limit", limit);
            return this;
        }

        /**
         * Sets the lowest retriever score a passage needs to be used, on the retriever's own scale
         * (cosine similarity for a vector store, {@code ts_rank} for full-text search, a fused score
         * for hybrid retrieval); every passage is used unless set.
         */
        public Builder minScore(double minScore) {
            if (Double.isNaN(minScore)) {
                throw new IllegalArgumentException("minScore must be a number, was NaN");
            }
            this.minScore = minScore;
            return this;
        }

        /** Sets the most tokens the numbered passages may take together; 3,000 unless set. */
        public Builder contextTokens(int contextTokens) {
            this.contextTokens = positive("contextTokens", contextTokens);
            return this;
        }

        /** Sets how tokens are counted; {@link TokenCounter#estimate()} unless set. */
        public Builder tokenCounter(TokenCounter tokenCounter) {
            this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
            return this;
        }

        /**
         * Sets the reply that means the sources hold no answer, matched at the start of the reply
         * ignoring case; {@code NO_ANSWER} unless set. A replaced template should ask for it.
         */
        public Builder noAnswerMarker(String noAnswerMarker) {
            if (noAnswerMarker == null || noAnswerMarker.isBlank()) {
                throw new IllegalArgumentException("noAnswerMarker must not be blank, was '" + noAnswerMarker + "'");
            }
            this.noAnswerMarker = noAnswerMarker.strip();
            return this;
        }

        /** Returns the answerer. */
        public GroundedAnswerer build() {
            return new GroundedAnswerer(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
