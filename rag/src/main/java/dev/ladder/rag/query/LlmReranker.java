package dev.ladder.rag.query;

import dev.ladder.core.ChatModel;
import dev.ladder.core.Passage;
import dev.ladder.rag.internal.Templates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reranks passages by asking a model which of the numbered passages help answer the query, most
 * helpful first. Passages keep the scores their retriever gave them (so a relevance threshold set
 * for that retriever still applies); only their order changes.
 *
 * <p>The prompt is a template with the placeholders {@code {{question}}} and {@code {{passages}}}
 * (each passage as {@code [n] text}, cut to {@code maxPassageChars}). The reply is read as the
 * numbers it contains, in order; {@code none} means no passage helps.
 *
 * <p>What happens to the rest: passages the model did not name follow the named ones in their
 * original order, unless {@code dropUnnamed(true)}, in which case only named passages are returned.
 * Numbers outside 1..n are ignored and logged at WARN. A reply that is not {@code none} and names no
 * passage in 1..n cannot be read: the passages are returned in their original order and a WARN
 * quotes the reply. Immutable and thread-safe.
 */
public final class LlmReranker implements Reranker {
    /** The default prompt. */
    public static final String DEFAULT_TEMPLATE = """
            Which of the passages below help answer the question? Reply with the numbers of the \
            helpful passages, most helpful first, separated by commas (for example: 3, 1, 4), and \
            nothing else. Reply with none if no passage helps.

            Question: {{question}}

            Passages:
            {{passages}}""";

    private static final Logger log = LoggerFactory.getLogger(LlmReranker.class);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern NONE = Pattern.compile("(?i)none\\.?");

    private final LlmCall call;
    private final String template;
    private final int maxPassageChars;
    private final boolean dropUnnamed;

    private LlmReranker(Builder builder) {
        this.call = builder.call;
        this.template = builder.template;
        this.maxPassageChars = builder.maxPassageChars;
        this.dropUnnamed = builder.dropUnnamed;
    }

    /** Returns a builder for a reranker that asks {@code chatModel}. */
    public static Builder builder(ChatModel chatModel) {
        return new Builder(chatModel);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Makes one model call, or none when {@code passages} is empty.
     */
    @Override
    public List<Passage> rerank(String query, List<Passage> passages, int limit) {
        Queries.check(query, limit);
        if (passages.isEmpty()) {
            return List.of();
        }
        String reply = call.ask(Templates.render(template, Map.of("question", query, "passages", numbered(passages))));
        List<Passage> ordered = order(reply, passages);
        return List.copyOf(ordered.subList(0, Math.min(limit, ordered.size())));
    }

    private String numbered(List<Passage> passages) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            String passage = passages.get(i).text().strip();
            if (passage.length() > maxPassageChars) {
                passage = passage.substring(0, maxPassageChars) + "...";
            }
            text.append(i == 0 ? "" : "\n\n")
                    .append('[')
                    .append(i + 1)
                    .append("] ")
                    .append(passage);
        }
        return text.toString();
    }

    private List<Passage> order(String reply, List<Passage> passages) {
        boolean none = NONE.matcher(reply).matches();
        Set<Integer> named = named(reply, passages.size());
        if (!none && named.isEmpty()) {
            log.warn("Reranker reply {} names no passage: keeping the original order", Queries.quote(reply));
            return passages;
        }
        List<Passage> ordered = new ArrayList<>();
        named.forEach(number -> ordered.add(passages.get(number - 1)));
        if (!dropUnnamed) {
            for (int i = 0; i < passages.size(); i++) {
                if (!named.contains(i + 1)) {
                    ordered.add(passages.get(i));
                }
            }
        }
        return ordered;
    }

    private static Set<Integer> named(String reply, int count) {
        Set<Integer> named = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(reply);
        while (matcher.find()) {
            String digits = matcher.group();
            int number = digits.length() > 6 ? 0 : Integer.parseInt(digits);
            if (number >= 1 && number <= count) {
                named.add(number);
            } else {
                unknown.add(digits);
            }
        }
        if (!unknown.isEmpty()) {
            log.warn("Reranker reply named passages {} but only 1 to {} were given: ignoring them", unknown, count);
        }
        return named;
    }

    /** Builds an {@link LlmReranker}. Not thread-safe. */
    public static final class Builder {
        private LlmCall call;
        private String template = DEFAULT_TEMPLATE;
        private int maxPassageChars = 1000;
        private boolean dropUnnamed;

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

        /** Replaces the prompt; it must hold {@code {{question}}} and {@code {{passages}}}. */
        public Builder template(String template) {
            this.template = Templates.require("rerank template", template, "question", "passages");
            return this;
        }

        /** Sets how many characters of each passage the prompt shows; 1,000 unless set. */
        public Builder maxPassageChars(int maxPassageChars) {
            this.maxPassageChars = Queries.positive("maxPassageChars", maxPassageChars);
            return this;
        }

        /** Sets whether passages the model did not name are dropped; false (kept, after the named) unless set. */
        public Builder dropUnnamed(boolean dropUnnamed) {
            this.dropUnnamed = dropUnnamed;
            return this;
        }

        /** Returns the reranker. */
        public LlmReranker build() {
            return new LlmReranker(this);
        }
    }
}
