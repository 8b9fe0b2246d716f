package dev.ladder.core.eval;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.Usage;
import dev.ladder.core.prompt.PromptTemplate;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores answers by asking a model to grade them against a rubric, for answers no string
 * comparison can judge (summaries, explanations, SQL that may be written many ways).
 *
 * <p>The judge sees the rubric, the case's input, its expected answer when there is one and the
 * answer to grade, and is asked for a short reasoning followed by a last line {@code Score: N} on
 * the judge's scale (1 to 5 unless set). The score maps linearly onto 0 to 1; an answer passes at
 * {@link Builder#passAt} or above (4 unless set). The reasoning becomes the score's reason.
 *
 * <p>Immutable and thread-safe when the model is. A reply without a score, or with a score off the
 * scale, makes {@link #score} throw a {@link LadderException} quoting the reply; the evaluation then
 * records the case as wrong with that error.
 */
public final class LlmJudge implements Scorer {
    private static final Pattern SCORE = Pattern.compile("(?i)score\\s*[:=]\\s*\\**\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final PromptTemplate SYSTEM = PromptTemplate.of("You grade answers against a rubric."
            + " Apply the rubric strictly and judge only the answer to grade. Reply with one or two sentences"
            + " of reasoning, then a last line of the form \"Score: N\", where N is a whole number from {{min}}"
            + " to {{max}}.");
    private static final PromptTemplate USER = PromptTemplate.of(
            "Rubric:\n{{rubric}}\n\nQuestion:\n{{input}}\n\n{{reference}}Answer to grade:\n{{answer}}");
    private static final Pattern TRAILING_MARKUP = Pattern.compile("[\\s*#_]+$");
    private static final int QUOTE_LIMIT = 200;

    private final ChatModel model;
    private final String rubric;
    private final String modelName;
    private final int min;
    private final int max;
    private final double passAt;

    private LlmJudge(Builder builder) {
        this.model = builder.model;
        this.rubric = builder.rubric;
        this.modelName = builder.modelName;
        this.min = builder.min;
        this.max = builder.max;
        this.passAt = builder.passAt == null ? Math.min(max, min + 0.75 * (max - min)) : builder.passAt;
    }

    /** Creates a judge on a 1 to 5 scale that passes answers scored 4 or 5. */
    public static LlmJudge of(ChatModel model, String rubric) {
        return builder(model, rubric).build();
    }

    /** Returns a builder for a judge that asks {@code model} to apply {@code rubric}. */
    public static Builder builder(ChatModel model, String rubric) {
        return new Builder(model, rubric);
    }

    /**
     * Asks the model to grade {@code answer} and returns its verdict.
     *
     * @throws LadderException if the call fails, or the reply holds no score on the scale.
     */
    @Override
    public Score score(EvalCase testCase, Answer answer) {
        ChatResponse reply = model.chat(request(testCase, answer));
        return verdict(reply.text(), reply.usage() == null ? Usage.ZERO : reply.usage());
    }

    private ChatRequest request(EvalCase testCase, Answer answer) {
        String reference = testCase.expected() == null ? "" : "Reference answer:\n" + testCase.expected() + "\n\n";
        String system = SYSTEM.render(Map.of("min", min, "max", max));
        String user = USER.render(
                Map.of("rubric", rubric, "input", testCase.input(), "reference", reference, "answer", answer.text()));
        ChatRequest.Builder request =
                ChatRequest.builder().addMessage(Message.system(system)).addMessage(Message.user(user));
        return request.model(modelName).build();
    }

    private Score verdict(String reply, Usage usage) {
        Matcher matcher = SCORE.matcher(reply);
        int start = -1;
        String number = null;
        while (matcher.find()) {
            start = matcher.start();
            number = matcher.group(1);
        }
        if (number == null) {
            throw new LadderException(
                    "the judge's reply has no line \"Score: N\": " + Scorers.quote(reply, QUOTE_LIMIT));
        }
        double score = Double.parseDouble(number);
        if (score < min || score > max) {
            throw new LadderException("the judge gave score " + number + ", off its scale of " + min + " to " + max
                    + ": " + Scorers.quote(reply, QUOTE_LIMIT));
        }
        // Drop Markdown emphasis the judge may have opened before the score, as in "**Score:** 4".
        String reason = TRAILING_MARKUP
                .matcher(reply.substring(0, start))
                .replaceAll("")
                .strip();
        return new Score(score >= passAt, (score - min) / (max - min), reason, usage);
    }

    /** Builds an {@link LlmJudge}. Not thread-safe. */
    public static final class Builder {
        private final ChatModel model;
        private final String rubric;
        private String modelName;
        private int min = 1;
        private int max = 5;
        private Double passAt;

        private Builder(ChatModel model, String rubric) {
            this.model = Objects.requireNonNull(model, "model");
            this.rubric = Objects.requireNonNull(rubric, "rubric");
        }

        /** Sets the model name put on the judge's requests; unset, the model's default applies. */
        public Builder model(String modelName) {
            this.modelName = modelName;
            return this;
        }

        /**
         * Sets the judge's scale, {@code min} to {@code max}; 1 to 5 unless set.
         *
         * @throws IllegalArgumentException if {@code max} is not above {@code min}.
         */
        public Builder scale(int min, int max) {
            if (max <= min) {
                throw new IllegalArgumentException("the scale's max must be above its min, was " + min + " to " + max);
            }
            this.min = min;
            this.max = max;
            return this;
        }

        /**
         * Sets the lowest score that passes; unless set, three quarters of the way up the scale,
         * which is 4 on 1 to 5.
         */
        public Builder passAt(double passAt) {
            this.passAt = passAt;
            return this;
        }

        /**
         * Returns the judge.
         *
         * @throws IllegalArgumentException if the passing score is off the scale.
         */
        public LlmJudge build() {
            if (passAt != null && (passAt < min || passAt > max)) {
                throw new IllegalArgumentException(
                        "passAt " + passAt + " is off the scale of " + min + " to " + max + ": choose a score on it");
            }
            return new LlmJudge(this);
        }
    }
}
