package dev.ladder.rag.query;

import static dev.ladder.rag.query.CannedRetriever.passage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ladder.core.Passage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiQueryRetrieverTest {
    private final ScriptedChatModel model = ScriptedChatModel.create();
    private final CannedRetriever delegate = new CannedRetriever();

    @Test
    void asksForCountParaphrasesInTheDefaultPrompt() {
        model.reply("battery life of the X200");

        MultiQueryRetriever.builder(model, delegate).count(2).build().expand("How long does the X200 run?");

        assertThat(Prompts.of(model.lastRequest()))
                .isEqualTo("Write 2 different versions of the question below, to search a document collection for"
                        + " passages that answer it. Vary the wording and use synonyms; keep the meaning and the"
                        + " language. Reply with one version per line and nothing else.\n\n"
                        + "Question: How long does the X200 run?");
    }

    @Test
    void readsOneParaphrasePerLineWithoutMarkersRepeatsOrTheQuestion() {
        model.reply("1. X200 battery life\n2) \"X200 runtime\"\n\n- x200 battery life\n* how long does the x200 run?");

        List<String> queries =
                MultiQueryRetriever.builder(model, delegate).build().expand("How long does the X200 run?");

        assertThat(queries).containsExactly("How long does the X200 run?", "X200 battery life", "X200 runtime");
    }

    @Test
    void keepsAtMostCountParaphrases() {
        model.reply("one\ntwo\nthree");

        List<String> queries = MultiQueryRetriever.builder(model, delegate)
                .count(2)
                .includeOriginal(false)
                .build()
                .expand("q");

        assertThat(queries).containsExactly("one", "two");
    }

    @Test
    void fusesTheRankingsOfEveryQueryByReciprocalRank() {
        model.reply("paraphrase");
        delegate.answer("question", passage("a", 0.9), passage("b", 0.8))
                .answer("paraphrase", passage("b", 0.7), passage("c", 0.6));

        List<Passage> found =
                MultiQueryRetriever.builder(model, delegate).build().retrieve("question", 3);

        assertThat(delegate.queries()).containsExactly("question", "paraphrase");
        assertThat(found).extracting(Passage::id).containsExactly("b", "a", "c");
        assertThat(found.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(found.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    }

    @Test
    void aReplyWithoutParaphrasesRetrievesWithTheQuestionOnly() {
        model.reply("   \n");
        delegate.answer("question", passage("a", 0.9));

        List<Passage> found =
                MultiQueryRetriever.builder(model, delegate).build().retrieve("question", 3);

        assertThat(delegate.queries()).containsExactly("question");
        assertThat(found).extracting(Passage::id).containsExactly("a");
    }
}
