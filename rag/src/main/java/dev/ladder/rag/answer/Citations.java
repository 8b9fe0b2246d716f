package dev.ladder.rag.answer;

import dev.ladder.core.Passage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code [n]} markers in an answer: {@code [1]}, {@code [1][2]}, {@code [1, 2]} and
 * {@code [1; 2]} all cite sources 1 and 2. Numbers within 1..context size map to the passage with
 * that number; the others are unknown.
 *
 * <p>Known shortcoming: ranges such as {@code [1-3]} and markers in other forms ({@code (1)},
 * {@code ^1}) are not read, so such citations are missing from the answer's citation list.
 *
 * @param known the citations of given passages, in order of first citation, each once.
 * @param unknown the numbers of passages that were not given, in order of first citation, each once.
 */
record Citations(List<Citation> known, List<Integer> unknown) {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,9}(?:\\s*[,;]\\s*\\d{1,9})*)]");

    Citations {
        known = List.copyOf(known);
        unknown = List.copyOf(unknown);
    }

    static Citations parse(String answer, List<Passage> context) {
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher matcher = MARKER.matcher(answer);
        while (matcher.find()) {
            for (String number : matcher.group(1).split("\\s*[,;]\\s*")) {
                numbers.add(Integer.parseInt(number));
            }
        }
        List<Citation> known = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (int number : numbers) {
            if (number >= 1 && number <= context.size()) {
                known.add(new Citation(number, context.get(number - 1)));
            } else {
                unknown.add(number);
            }
        }
        return new Citations(known, unknown);
    }
}
