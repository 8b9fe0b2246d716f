package dev.ladder.rag.query;

import static dev.ladder.rag.query.CannedRetriever.passage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.Passage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmRerankerTest {
    private static final List<Passage> PASSAGES =
            List.of(passage("a", 0.9), passage("b", 0.8), passage("c", 0.7), passage("d", 0.6));

    private final ScriptedChatModel model = ScriptedChatModel.create();

    @Test
    void numbersThePassagesInTheDefaultPrompt() {
        model.reply("2");

        LlmReranker.builder(model).build().rerank("Which?", PASSAGES.subList(0, 2), 2);

        assertThat(Prompts.of(model.lastRequest()))
                .isEqualTo("Which of the passages below help answer the question? Reply with the numbers of the"
                        + " helpful passages, most helpful first, separated by commas (for example: 3, 1, 4), and"
                        + " nothing else. Reply with none if no passage helps.\n\n"
                        + "Question: Which?\n\nPassages:\n[1] text of a\n\n[2] text of b");
    }

    @Test
    void cutsLongPassagesInThePrompt() {
        model.reply("1");
        Passage longPassage = new Passage("long", "abcdefghij", 1, Map.of());

        LlmReranker.builder(model)
                .maxPassageChars(4)
                .template("{{question}}: {{passages}}")
                .build()
                .rerank("q", List.of(longPassage), 1);

        assertThat(Prompts.of(model.lastRequest())).isEqualTo("q: [1] abcd...");
    }

    @Test
    void putsNamedPassagesFirstThenTheRestKeepingTheirScores() {
        model.reply("3, 1");

        List<Passage> reranked = LlmReranker.builder(model).build().rerank("q", PASSAGES, 4);

        assertThat(reranked).extracting(Passage::id).containsExactly("c", "a", "b", "d");
        assertThat(reranked).extracting(Passage::score).containsExactly(0.7, 0.9, 0.8, 0.6);
    }

    @Test
    void dropsUnnamedPassagesWhenAsked() {
        model.reply("3, 1");

        List<Passage> reranked =
                LlmReranker.builder(model).dropUnnamed(true).build().rerank("q", PASSAGES, 4);

        assertThat(reranked).extracting(Passage::id).containsExactly("c", "a");
    }

    @Test
    void ignoresNumbersOfPassagesThatWereNotGiven() {
        model.reply("7, 2, 2, 0");

        List<Passage> reranked =
                LlmReranker.builder(model).dropUnnamed(true).build().rerank("q", PASSAGES, 4);

        assertThat(reranked).extracting(Passage::id).containsExactly("b");
    }

    @Test
    void anUnreadableReplyKeepsTheOriginalOrder() {
        model.reply("They all look relevant to me.");

        List<Passage> reranked =
                LlmReranker.builder(model).dropUnnamed(true).build().rerank("q", PASSAGES, 3);

        assertThat(reranked).extracting(Passage::id).containsExactly("a", "b", "c");
    }

    @Test
    void noneWithDropUnnamedReturnsNothing() {
        model.reply("None.");

        assertThat(LlmReranker.builder(model).dropUnnamed(true).build().rerank("q", PASSAGES, 3))
                .isEmpty();
    }

    @Test
    void rerankingRetrieverFetchesCandidatesAndReturnsTheLimit() {
        model.reply("4, 3");
        CannedRetriever delegate = new CannedRetriever().answer("q", PASSAGES.toArray(new Passage[0]));

        List<Passage> found =
                new RerankingRetriever(delegate, LlmReranker.builder(model).build(), 10).retrieve("q", 2);

        assertThat(delegate.limits()).containsExactly(10);
        assertThat(found).extracting(Passage::id).containsExactly("d", "c");
    }

    @Test
    void nothingToRerankMakesNoModelCall() {
        assertThat(LlmReranker.builder(model).build().rerank("q", List.of(), 3)).isEmpty();
        assertThat(model.requests()).isEmpty();
    }
}
