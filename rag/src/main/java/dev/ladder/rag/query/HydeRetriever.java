package dev.ladder.rag.query;

import dev.ladder.core.ChatModel;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.internal.Templates;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrieves with a hypothetical answer instead of the question (HyDE, Gao et al. 2022): a model
 * writes a short passage that would answer the question, and the delegate searches with that
 * passage, which lies closer to real answers in embedding space than the question does. The
 * delegate should be a dense retriever (one that embeds its query, such as
 * {@code PgVectorStore.vectorRetriever}); passage scores are the delegate's.
 *
 * <p>The prompt is a template with the placeholder {@code {{question}}}. With
 * {@code includeQuestion(true)} (the default) the delegate's query is the question, a blank line,
 * then the hypothetical passage, so the embedding keeps the question's own terms.
 *
 * <p>Fallback: when the model refuses or replies with nothing, the question alone is retrieved and
 * a WARN is logged. A hypothetical passage may be wrong; it is used only as a search key and never
 * shown to the user. Immutable and thread-safe.
 */
public final class HydeRetriever implements Retriever {
    /** The default prompt. */
    public static final String DEFAULT_TEMPLATE = """
            Write a short passage, as it might appear in a reference document, that answers the \
            question below. Write only the passage.

            Question: {{question}}""";

    private static final Logger log = LoggerFactory.getLogger(HydeRetriever.class);

    private final Retriever delegate;
    private final LlmCall call;
    private final String template;
    private final boolean includeQuestion;

    private HydeRetriever(Builder builder) {
        this.delegate = builder.delegate;
        this.call = builder.call;
        this.template = builder.template;
        this.includeQuestion = builder.includeQuestion;
    }

    /** Returns a builder that writes hypothetical answers with {@code chatModel} and searches {@code delegate}. */
    public static Builder builder(ChatModel chatModel, Retriever delegate) {
        return new Builder(chatModel, delegate);
    }

    /**
     * Returns the text the delegate searches with for {@code query}.
     *
     * @throws IllegalArgumentException if {@code query} is blank.
     * @throws dev.ladder.core.LadderException if the model call fails.
     */
    public String searchText(String query) {
        Queries.check(query, 1);
        String passage = call.ask(Templates.render(template, Map.of("question", query)));
        if (passage.isEmpty()) {
            log.warn(
                    "HyDE got no hypothetical passage for {}: retrieving with the question alone",
                    Queries.quote(query));
            return query;
        }
        return includeQuestion ? query + "\n\n" + passage : passage;
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.ladder.core.LadderException if the model call fails.
     */
    @Override
    public List<Passage> retrieve(String query, int limit) {
        Queries.check(query, limit);
        return delegate.retrieve(searchText(query), limit);
    }

    /** Builds a {@link HydeRetriever}. Not thread-safe. */
    public static final class Builder {
        private final Retriever delegate;
        private LlmCall call;
        private String template = DEFAULT_TEMPLATE;
        private boolean includeQuestion = true;

        private Builder(ChatModel chatModel, Retriever delegate) {
            this.call = new LlmCall(chatModel, null, null);
            this.delegate = Objects.requireNonNull(delegate, "delegate");
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

        /** Replaces the prompt; it must hold {@code {{question}}}. */
        public Builder template(String template) {
            this.template = Templates.require("HyDE template", template, "question");
            return this;
        }

        /** Sets whether the question is searched together with the hypothetical passage; true unless set. */
        public Builder includeQuestion(boolean includeQuestion) {
            this.includeQuestion = includeQuestion;
            return this;
        }

        /** Returns the retriever. */
        public HydeRetriever build() {
            return new HydeRetriever(this);
        }
    }
}
