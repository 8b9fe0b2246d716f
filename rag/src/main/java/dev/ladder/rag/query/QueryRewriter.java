package dev.ladder.rag.query;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatModel;
import dev.ladder.core.Message;
import dev.ladder.core.Retriever;
import dev.ladder.core.UserMessage;
import dev.ladder.rag.internal.Templates;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a follow-up question into a standalone one using the chat history, so that "and what
 * about its price?" retrieves as well as "what is the price of the X200 battery?".
 *
 * <p>The prompt is a template with the placeholders {@code {{history}}} (the last user and
 * assistant turns, one per line as {@code User: ...} or {@code Assistant: ...}) and
 * {@code {{question}}}. The first non-blank line of the reply, without a {@code Standalone
 * question:} label or surrounding quotes, is the rewritten question.
 *
 * <p>Fallback: with no user or assistant turn in the history the model is not called and the
 * question is used as it is; when the model refuses or replies with nothing usable, the original
 * question is used and a WARN is logged quoting the reply. Immutable and thread-safe.
 */
public final class QueryRewriter {
    /** The default prompt. */
    public static final String DEFAULT_TEMPLATE = """
            Rewrite the follow-up question so that it can be understood without the conversation: \
            replace pronouns and references with what they refer to, and keep its language. \
            Reply with the standalone question only.

            Conversation:
            {{history}}

            Follow-up question: {{question}}
            Standalone question:""";

    private static final Logger log = LoggerFactory.getLogger(QueryRewriter.class);

    private final LlmCall call;
    private final String template;
    private final int maxHistoryTurns;

    private QueryRewriter(Builder builder) {
        this.call = builder.call;
        this.template = builder.template;
        this.maxHistoryTurns = builder.maxHistoryTurns;
    }

    /** Returns a builder for a rewriter that asks {@code chatModel}. */
    public static Builder builder(ChatModel chatModel) {
        return new Builder(chatModel);
    }

    /**
     * Returns {@code question} rewritten as a standalone question given {@code history}, oldest turn
     * first; the question itself is not part of the history.
     *
     * @throws IllegalArgumentException if {@code question} is blank.
     * @throws dev.ladder.core.LadderException if the model call fails.
     */
    public String rewrite(List<? extends Message> history, String question) {
        Queries.check(question, 1);
        String conversation = format(history);
        if (conversation.isEmpty()) {
            return question;
        }
        String reply = call.ask(Templates.render(template, Map.of("history", conversation, "question", question)));
        String standalone = parse(reply);
        if (standalone.isEmpty()) {
            log.warn("Query rewrite reply {} holds no question: using the original question", Queries.quote(reply));
            return question;
        }
        return standalone;
    }

    /** Returns a retriever that rewrites each query against {@code history}, then asks {@code delegate}. */
    public Retriever retriever(Retriever delegate, List<? extends Message> history) {
        Objects.requireNonNull(delegate, "delegate");
        List<Message> turns = List.copyOf(history);
        return (query, limit) -> {
            Queries.check(query, limit);
            return delegate.retrieve(rewrite(turns, query), limit);
        };
    }

    private String format(List<? extends Message> history) {
        List<String> lines = history.stream()
                .map(QueryRewriter::line)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - maxHistoryTurns), lines.size()));
    }

    private static String line(Message message) {
        if (message instanceof UserMessage user) {
            return "User: " + user.text().strip();
        }
        if (message instanceof AssistantMessage assistant && assistant.text() != null) {
            return "Assistant: " + assistant.text().strip();
        }
        return "";
    }

    private static String parse(String reply) {
        String first = reply.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        if (first.regionMatches(true, 0, "standalone question:", 0, 20)) {
            first = first.substring(20).strip();
        }
        if (first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"")) {
            first = first.substring(1, first.length() - 1).strip();
        }
        return first;
    }

    /** Builds a {@link QueryRewriter}. Not thread-safe. */
    public static final class Builder {
        private LlmCall call;
        private String template = DEFAULT_TEMPLATE;
        private int maxHistoryTurns = 10;

        private Builder(ChatModel chatModel) {
            this.call = new LlmCall(chatModel, null, null);
        }

        /** Sets the model name; the provider's default unless set. */
        public Builder model(String model) {
            call = call.withModel(model);
            return this;
        }

        /** Sets the sampling temperature; the provider's default unless set. */
        public Builder temperature(Double temperature) {
            call = call.withTemperature(temperature);
            return this;
        }

        /** Replaces the prompt; it must hold {@code {{history}}} and {@code {{question}}}. */
        public Builder template(String template) {
            this.template = Templates.require("rewrite template", template, "history", "question");
            return this;
        }

        /** Sets how many of the latest user and assistant turns the prompt shows; 10 unless set. */
        public Builder maxHistoryTurns(int maxHistoryTurns) {
            this.maxHistoryTurns = Queries.positive("maxHistoryTurns", maxHistoryTurns);
            return this;
        }

        /** Returns the rewriter. */
        public QueryRewriter build() {
            return new QueryRewriter(this);
        }
    }
}
