package dev.ladder.rag;

/**
 * The Porter (1980) suffix-stripping stemmer for English, for lowercase ASCII words; any other word
 * is returned unchanged. Written from the published description of the algorithm. Stateless and
 * thread-safe.
 */
final class PorterStemmer {

    private static final String[][] STEP2 = {
        {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
        {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
        {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
        {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
        {"logi", "log"},
    };
    private static final String[][] STEP3 = {
        {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
    };
    private static final String[] STEP4 = {
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    };

    private PorterStemmer() {}

    static String stem(String word) {
        if (word.length() <= 2 || !isLowerAscii(word)) {
            return word;
        }
        StringBuilder w = new StringBuilder(word);
        step1a(w);
        step1b(w);
        step1c(w);
        replaceLongest(w, STEP2, 0);
        replaceLongest(w, STEP3, 0);
        step4(w);
        step5(w);
        return w.toString();
    }

    private static void step1a(StringBuilder w) {
        if (endsWith(w, "sses") || endsWith(w, "ies")) {
            w.setLength(w.length() - 2);
        } else if (!endsWith(w, "ss") && endsWith(w, "s")) {
            w.setLength(w.length() - 1);
        }
    }

    private static void step1b(StringBuilder w) {
        if (endsWith(w, "eed")) {
            if (measure(w, w.length() - 3) > 0) {
                w.setLength(w.length() - 1);
            }
            return;
        }
        int cut = endsWith(w, "ed") ? 2 : endsWith(w, "ing") ? 3 : 0;
        if (cut == 0 || !hasVowel(w, w.length() - cut)) {
            return;
        }
        w.setLength(w.length() - cut);
        if (endsWith(w, "at") || endsWith(w, "bl") || endsWith(w, "iz")) {
            w.append('e');
        } else if (endsWithDoubleConsonant(w, w.length())) {
            char last = w.charAt(w.length() - 1);
            if (last != 'l' && last != 's' && last != 'z') {
                w.setLength(w.length() - 1);
            }
        } else if (measure(w, w.length()) == 1 && endsCvc(w, w.length())) {
            w.append('e');
        }
    }

    private static void step1c(StringBuilder w) {
        if (endsWith(w, "y") && hasVowel(w, w.length() - 1)) {
            w.setCharAt(w.length() - 1, 'i');
        }
    }

    /** Replaces the longest listed suffix when the stem before it has a measure above {@code min}. */
    private static void replaceLongest(StringBuilder w, String[][] rules, int min) {
        String[] best = null;
        for (String[] rule : rules) {
            if (endsWith(w, rule[0]) && (best == null || rule[0].length() > best[0].length())) {
                best = rule;
            }
        }
        if (best != null) {
            int stem = w.length() - best[0].length();
            if (measure(w, stem) > min) {
                w.setLength(stem);
                w.append(best[1]);
            }
        }
    }

    private static void step4(StringBuilder w) {
        String best = null;
        for (String suffix : STEP4) {
            if (endsWith(w, suffix) && (best == null || suffix.length() > best.length())) {
                best = suffix;
            }
        }
        if (best == null) {
            return;
        }
        int stem = w.length() - best.length();
        boolean allowed = !best.equals("ion") || (stem > 0 && (w.charAt(stem - 1) == 's' || w.charAt(stem - 1) == 't'));
        if (allowed && measure(w, stem) > 1) {
            w.setLength(stem);
        }
    }

    private static void step5(StringBuilder w) {
        if (endsWith(w, "e")) {
            int stem = w.length() - 1;
            int m = measure(w, stem);
            if (m > 1 || (m == 1 && !endsCvc(w, stem))) {
                w.setLength(stem);
            }
        }
        if (endsWith(w, "ll") && measure(w, w.length()) > 1) {
            w.setLength(w.length() - 1);
        }
    }

    private static boolean isConsonant(CharSequence w, int i) {
        char c = w.charAt(i);
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> false;
            case 'y' -> i == 0 || !isConsonant(w, i - 1);
            default -> true;
        };
    }

    /** Returns m, the number of vowel-consonant sequences in w[0, end). */
    private static int measure(CharSequence w, int end) {
        int i = 0;
        while (i < end && isConsonant(w, i)) {
            i++;
        }
        int m = 0;
        while (i < end) {
            while (i < end && !isConsonant(w, i)) {
                i++;
            }
            if (i == end) {
                break;
            }
            while (i < end && isConsonant(w, i)) {
                i++;
            }
            m++;
        }
        return m;
    }

    private static boolean hasVowel(CharSequence w, int end) {
        for (int i = 0; i < end; i++) {
            if (!isConsonant(w, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithDoubleConsonant(CharSequence w, int end) {
        return end >= 2 && w.charAt(end - 1) == w.charAt(end - 2) && isConsonant(w, end - 1);
    }

    /** True when w[0, end) ends consonant-vowel-consonant and the last consonant is not w, x or y. */
    private static boolean endsCvc(CharSequence w, int end) {
        if (end < 3 || !isConsonant(w, end - 1) || isConsonant(w, end - 2) || !isConsonant(w, end - 3)) {
            return false;
        }
        char last = w.charAt(end - 1);
        return last != 'w' && last != 'x' && last != 'y';
    }

    private static boolean endsWith(CharSequence w, String suffix) {
        int start = w.length() - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (w.charAt(start + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
