package dev.ladder.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves that a {@link Retriever} honours its contract: at most {@code limit} passages, best
 * first, distinct ids, a smaller limit giving a prefix of a larger one, and a blank query or a
 * limit below one rejected with {@link IllegalArgumentException}.
 *
 * <p>Extend it in a test class and implement {@link #retriever()} and {@link #query()}.
 */
public abstract class RetrieverContract {

    /** Returns the retriever under test, holding at least three passages that match {@link #query()}. */
    protected abstract Retriever retriever();

    /** Returns a query for which the retriever finds at least three passages. */
    protected abstract String query();

    @Test
    void findsPassagesForAMatchingQuery() {
        assertFalse(retriever().retrieve(query(), 3).isEmpty(), "no passage found for '" + query() + "'");
    }

    @Test
    void returnsNoMoreThanTheLimit() {
        Retriever retriever = retriever();

        assertTrue(retriever.retrieve(query(), 1).size() <= 1, "more than 1 passage for limit 1");
        assertTrue(retriever.retrieve(query(), 2).size() <= 2, "more than 2 passages for limit 2");
    }

    @Test
    void returnsPassagesBestFirst() {
        List<Passage> passages = retriever().retrieve(query(), 3);

        for (int i = 1; i < passages.size(); i++) {
            assertTrue(
                    passages.get(i - 1).score() >= passages.get(i).score(),
                    "passage " + i + " scores higher than the one before it: " + passages);
        }
    }

    @Test
    void returnsEachPassageOnce() {
        List<Passage> passages = retriever().retrieve(query(), 3);

        Set<String> ids = new HashSet<>();
        passages.forEach(p -> assertTrue(ids.add(p.id()), "passage " + p.id() + " returned twice"));
    }

    @Test
    void smallerLimitReturnsAPrefixOfALargerOne() {
        Retriever retriever = retriever();

        List<String> top3 =
                retriever.retrieve(query(), 3).stream().map(Passage::id).toList();
        List<String> top1 =
                retriever.retrieve(query(), 1).stream().map(Passage::id).toList();

        assertEquals(top3.subList(0, Math.min(1, top3.size())), top1, "top 1 vs top 3");
    }

    @Test
    void rejectsABlankQuery() {
        assertThrows(IllegalArgumentException.class, () -> retriever().retrieve("  ", 3));
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> retriever().retrieve(query(), 0));
    }
}
