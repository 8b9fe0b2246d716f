package dev.ladder.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns text into the terms a keyword index matches on. The {@link #english() English} analyzer:
 *
 * <ol>
 *   <li>splits on every character that is not a letter or a digit (so {@code COVID-19} gives
 *       {@code covid} and {@code 19}), dropping a trailing possessive {@code 's};
 *   <li>lowercases (locale-independent);
 *   <li>drops the 33 {@link #ENGLISH_STOP_WORDS English stop words};
 *   <li>stems with the Porter (1980) algorithm ({@code treatments}, {@code treated} and
 *       {@code treating} all become {@code treat}).
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class Analyzer {

    /** Articles, conjunctions and prepositions too common to tell documents apart. */
    public static final Set<String> ENGLISH_STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with");

    private final Set<String> stopWords;
    private final boolean stemming;

    private Analyzer(Set<String> stopWords, boolean stemming) {
        this.stopWords = Set.copyOf(stopWords);
        this.stemming = stemming;
    }

    /** Returns the English analyzer described above. */
    public static Analyzer english() {
        return new Analyzer(ENGLISH_STOP_WORDS, true);
    }

    /** Returns an analyzer that only splits and lowercases: no stop words, no stemming. */
    public static Analyzer simple() {
        return new Analyzer(Set.of(), false);
    }

    /** Returns an analyzer that drops {@code stopWords} (compared in lowercase) and optionally stems. */
    public static Analyzer of(Set<String> stopWords, boolean stemming) {
        Objects.requireNonNull(stopWords, "stopWords");
        return new Analyzer(stopWords, stemming);
    }

    /** Returns the terms of {@code text} in order, repeats kept. */
    public List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && !isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < length && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                addTerm(text.substring(start, i).toLowerCase(Locale.ROOT), terms);
                i = skipPossessive(text, i);
            }
        }
        return terms;
    }

    private void addTerm(String token, List<String> terms) {
        if (!stopWords.contains(token)) {
            terms.add(stemming ? PorterStemmer.stem(token) : token);
        }
    }

    /** Skips {@code 's} (straight or curly apostrophe) right after a word, when it ends the word. */
    private static int skipPossessive(String text, int i) {
        if (i + 1 < text.length()
                && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019')
                && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                && (i + 2 == text.length() || !isWordChar(text.codePointAt(i + 2)))) {
            return i + 2;
        }
        return i;
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }
}
