package dev.ladder.rag.answer;

import dev.ladder.core.Passage;
import dev.ladder.core.Usage;
import java.util.List;
import java.util.Objects;

/**
 * A grounded answer, or the reason there is none.
 *
 * @param answered true if {@code text} answers the question; false if no passage was relevant,
 *     none fit the budget, or the model found no answer in them ({@code reason} says which).
 * @param text the model's answer with its {@code [n]} markers; empty when not answered.
 * @param citations the sources the answer cites, in order of first citation, each once.
 * @param unknownCitations numbers the answer cites that no passage had, in order of first
 *     citation, each once; not empty means the model cited a source it was not given.
 * @param context the passages given to the model: {@code context.get(n - 1)} was numbered
 *     {@code [n]}; empty when the model was not called.
 * @param usage the tokens the model call consumed; {@link Usage#ZERO} when it was not called.
 * @param reason why there is no answer, or an empty string when answered.
 */
public record Answer(
        boolean answered,
        String text,
        List<Citation> citations,
        List<Integer> unknownCitations,
        List<Passage> context,
        Usage usage,
        String reason) {

    public Answer {
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations);
        unknownCitations = List.copyOf(unknownCitations);
        context = List.copyOf(context);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(reason, "reason");
        if (answered != reason.isEmpty()) {
            throw new IllegalArgumentException(
                    answered
                            ? "an answered Answer has no reason, was '" + reason + "'"
                            : "an Answer without an answer needs a reason");
        }
    }

    /** Creates the result for a question without an answer, for {@code reason}. */
    public static Answer none(String reason, List<Passage> context, Usage usage) {
        return new Answer(false, "", List.of(), List.of(), context, usage, reason);
    }

    /** Returns the passages the answer cites, in order of first citation. */
    public List<Passage> citedPassages() {
        return citations.stream().map(Citation::passage).toList();
    }
}
