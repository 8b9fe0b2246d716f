package dev.ladder.rag.query;

import dev.ladder.core.ChatModel;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.internal.RankFusion;
import dev.ladder.rag.internal.Templates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a model for paraphrases of the query, retrieves for the query and each paraphrase, and fuses
 * the rankings by reciprocal rank fusion (each list weighted 1, {@code k = 60}), so a passage worded
 * differently from the user's question is still found. Passage scores are the fused scores.
 *
 * <p>The prompt is a template with the placeholders {@code {{question}}} and {@code {{count}}}. Each
 * non-blank line of the reply is one paraphrase, with list markers ({@code 1.}, {@code 2)},
 * {@code -}, {@code *}) and surrounding quotes removed; repeats and copies of the question are
 * dropped and at most {@code count} are kept.
 *
 * <p>Fallback: a reply with no usable line (a refusal, an empty reply) is logged at WARN, quoting
 * it, and the original query alone is retrieved. Immutable and thread-safe; the delegate is called
 * once per query, one after another.
 */
public final class MultiQueryRetriever implements Retriever {
    /** The default prompt. */
    public static final String DEFAULT_TEMPLATE = """
            Write {{count}} different versions of the question below, to search a document collection \
            for passages that answer it. Vary the wording and use synonyms; keep the meaning and the \
            language. Reply with one version per line and nothing else.

            Question: {{question}}""";

    private static final Logger log = LoggerFactory.getLogger(MultiQueryRetriever.class);
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d+[.)]|[-*\u2022])\\s*");

    private final Retriever delegate;
    private final LlmCall call;
    private final String template;
    private final int count;
    private final boolean includeOriginal;

    private MultiQueryRetriever(Builder builder) {
        this.delegate = builder.delegate;
        this.call = builder.call;
        this.template = builder.template;
        this.count = builder.count;
        this.includeOriginal = builder.includeOriginal;
    }

    /** Returns a builder that expands queries with {@code chatModel} and retrieves from {@code delegate}. */
    public static Builder builder(ChatModel chatModel, Retriever delegate) {
        return new Builder(chatModel, delegate);
    }

    /**
     * Returns the queries this retriever runs for {@code query}: the query itself (unless
     * {@code includeOriginal(false)} and the model gave paraphrases), then the paraphrases.
     *
     * @throws IllegalArgumentException if {@code query} is blank.
     * @throws dev.ladder.core.LadderException if the model call fails.
     */
    public List<String> expand(String query) {
        Queries.check(query, 1);
        String reply = call.ask(Templates.render(template, Map.of("question", query, "count", String.valueOf(count))));
        List<String> paraphrases = parse(reply, query);
        if (paraphrases.isEmpty()) {
            log.warn(
                    "Multi-query reply {} holds no paraphrase: retrieving with the original query only",
                    Queries.quote(reply));
            return List.of(query);
        }
        List<String> queries = new ArrayList<>();
        if (includeOriginal) {
            queries.add(query);
        }
        queries.addAll(paraphrases);
        return queries;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each query asks the delegate for {@code limit} passages.
     *
     * @throws dev.ladder.core.LadderException if the model call fails.
     */
    @Override
    public List<Passage> retrieve(String query, int limit) {
        Queries.check(query, limit);
        List<List<Passage>> rankings = new ArrayList<>();
        for (String expanded : expand(query)) {
            rankings.add(delegate.retrieve(expanded, limit));
        }
        return RankFusion.fuse(rankings, limit);
    }

    private List<String> parse(String reply, String query) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(normalize(query));
        List<String> paraphrases = new ArrayList<>();
        for (String line : reply.lines().toList()) {
            String paraphrase = strip(line);
            if (!paraphrase.isEmpty() && seen.add(normalize(paraphrase)) && paraphrases.size() < count) {
                paraphrases.add(paraphrase);
            }
        }
        return paraphrases;
    }

    private static String strip(String line) {
        String text = LIST_MARKER.matcher(line.strip()).replaceFirst("").strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** Builds a {@link MultiQueryRetriever}. Not thread-safe. */
    public static final class Builder {
        private final Retriever delegate;
        private LlmCall call;
        private String template = DEFAULT_TEMPLATE;
        private int count = 3;
        private boolean includeOriginal = true;

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

        /** Replaces the prompt; it must hold {@code {{question}}} and {@code {{count}}}. */
        public Builder template(String template) {
            this.template = Templates.require("multi-query template", template, "question", "count");
            return this;
        }

        /** Sets how many paraphrases to ask for and keep; 3 unless set. */
        public Builder count(int count) {
            this.count = Queries.positive("count", count);
            return this;
        }

        /** Sets whether the original query is retrieved too; true unless set. */
        public Builder includeOriginal(boolean includeOriginal) {
            this.includeOriginal = includeOriginal;
            return this;
        }

        /** Returns the retriever. */
        public MultiQueryRetriever build() {
            return new MultiQueryRetriever(this);
        }
    }
}
