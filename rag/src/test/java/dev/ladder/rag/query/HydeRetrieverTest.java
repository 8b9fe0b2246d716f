package dev.ladder.rag.query;

import static dev.ladder.rag.query.CannedRetriever.passage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.Passage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class HydeRetrieverTest {
    private final ScriptedChatModel model = ScriptedChatModel.create();
    private final CannedRetriever delegate = new CannedRetriever();

    @Test
    void asksForAHypotheticalPassageInTheDefaultPrompt() {
        model.reply("The X200 runs for ten hours.");

        HydeRetriever.builder(model, delegate).build().retrieve("How long does the X200 run?", 2);

        assertThat(Prompts.of(model.lastRequest()))
                .isEqualTo("Write a short passage, as it might appear in a reference document, that answers the"
                        + " question below. Write only the passage.\n\nQuestion: How long does the X200 run?");
    }

    @Test
    void searchesWithTheQuestionAndTheHypotheticalPassage() {
        model.reply("The X200 runs for ten hours.");
        delegate.answer("How long?\n\nThe X200 runs for ten hours.", passage("manual", 0.8));

        List<Passage> found = HydeRetriever.builder(model, delegate).build().retrieve("How long?", 2);

        assertThat(found).extracting(Passage::id).containsExactly("manual");
        assertThat(found.get(0).score()).isEqualTo(0.8);
    }

    @Test
    void canSearchWithThePassageAlone() {
        model.reply("The X200 runs for ten hours.");

        HydeRetriever.builder(model, delegate).includeQuestion(false).build().retrieve("How long?", 2);

        assertThat(delegate.queries()).containsExactly("The X200 runs for ten hours.");
    }

    @Test
    void anEmptyReplyFallsBackToTheQuestion() {
        model.reply("");

        HydeRetriever.builder(model, delegate).build().retrieve("How long?", 2);

        assertThat(delegate.queries()).containsExactly("How long?");
    }
}
