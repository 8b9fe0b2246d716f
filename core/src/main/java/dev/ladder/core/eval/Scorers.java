package dev.ladder.core.eval;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Scorers that need no model: exact match, normalised match and a predicate. For answers that only
 * a reader can judge, see {@link LlmJudge}. All are stateless and thread-safe.
 */
public final class Scorers {
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int QUOTE_LIMIT = 60;

    private Scorers() {}

    /**
     * Returns a scorer that passes an answer equal to the case's expected answer, ignoring only
     * whitespace at either end.
     *
     * <p>The scorer throws {@link IllegalArgumentException} for a case without an expected answer.
     */
    public static Scorer exactMatch() {
        return (testCase, answer) -> compare(testCase, answer, "exact match", String::strip);
    }

    /**
     * Returns a scorer that passes an answer equal to the expected one once both are normalised:
     * Unicode compatibility forms folded (NFKC), lower-cased, punctuation removed and runs of
     * whitespace collapsed to one space. So {@code "  Paris."} matches {@code "paris"}.
     *
     * <p>The scorer throws {@link IllegalArgumentException} for a case without an expected answer.
     */
    public static Scorer normalizedMatch() {
        return (testCase, answer) -> compare(testCase, answer, "normalised match", Scorers::normalize);
    }

    /**
     * Returns a scorer that passes an answer {@code test} accepts; {@code description} says what it
     * checks and becomes the reason of a failing score.
     */
    public static Scorer predicate(String description, Predicate<String> test) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
        return (testCase, answer) ->
                test.test(answer.text()) ? Score.pass() : Score.fail("answer is not " + description);
    }

    /** Returns {@code text} normalised as {@link #normalizedMatch()} compares it. */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String bare = PUNCTUATION.matcher(folded).replaceAll("");
        return SPACES.matcher(bare).replaceAll(" ").strip();
    }

    private static Score compare(EvalCase testCase, Answer answer, String scorer, UnaryOperator<String> form) {
        if (testCase.expected() == null) {
            throw new IllegalArgumentException("case '" + testCase.id() + "' has no expected answer for " + scorer
                    + ": give it one, or a scorer of its own");
        }
        if (form.apply(testCase.expected()).equals(form.apply(answer.text()))) {
            return Score.pass();
        }
        return Score.fail("expected " + quote(testCase.expected()) + " but got " + quote(answer.text()));
    }

    static String quote(String text) {
        return quote(text, QUOTE_LIMIT);
    }

    static String quote(String text, int limit) {
        String line = text.replace("\n", "\\n");
        return "\"" + (line.length() <= limit ? line : line.substring(0, limit) + "...") + "\"";
    }
}
