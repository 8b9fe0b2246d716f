package dev.ladder.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.core.Usage;
import dev.ladder.core.UserMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundedAnswererTest {
    private static final Passage RUNTIME = passage("runtime", "The X200 runs for ten hours.", 0.82);
    private static final Passage CHARGE = passage("charge", "The X200 charges in one hour.", 0.75);
    private static final Passage COLOUR = passage("colour", "The X200 comes in red.", 0.40);

    private final ScriptedChatModel model = ScriptedChatModel.create();
    private final List<Integer> limits = new ArrayList<>();

    @Test
    void numbersThePassagesInRetrievalOrderInTheDefaultPrompt() {
        model.reply("Ten hours [1].");

        answerer().build().answer("How long does the X200 run?");

        assertThat(prompt())
                .isEqualTo("Answer the question using only the numbered sources below. After each statement, cite"
                        + " the sources that support it by their numbers in square brackets, such as [1] or [2][3]."
                        + " If the sources do not contain the answer, reply with NO_ANSWER and nothing else.\n\n"
                        + "Sources:\n"
                        + "[1] The X200 runs for ten hours.\n\n"
                        + "[2] The X200 charges in one hour.\n\n"
                        + "[3] The X200 comes in red.\n\n"
                        + "Question: How long does the X200 run?");
        assertThat(limits).containsExactly(8);
    }

    @Test
    void mapsCitationsBackToThePassagesInOrderOfFirstCitation() {
        model.reply("It runs ten hours [1] and charges in an hour [2][1].");

        Answer answer = answerer().build().answer("Tell me about the X200.");

        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).isEqualTo("It runs ten hours [1] and charges in an hour [2][1].");
        assertThat(answer.citations()).containsExactly(new Citation(1, RUNTIME), new Citation(2, CHARGE));
        assertThat(answer.unknownCitations()).isEmpty();
        assertThat(answer.reason()).isEmpty();
    }

    @Test
    void readsCommaSeparatedCitations() {
        model.reply("Ten hours, in red [1, 3].");

        Answer answer = answerer().build().answer("Tell me about the X200.");

        assertThat(answer.citedPassages()).containsExactly(RUNTIME, COLOUR);
    }

    @Test
    void reportsCitationsOfNumbersThatWereNotGiven() {
        model.reply("It weighs 2 kg [7] and runs ten hours [1][0].");

        Answer answer = answerer().build().answer("Tell me about the X200.");

        assertThat(answer.citations()).containsExactly(new Citation(1, RUNTIME));
        assertThat(answer.unknownCitations()).containsExactly(7, 0);
    }

    @Test
    void carriesTheUsageOfTheModelCall() {
        model.reply("Ten hours [1].");

        Answer answer = answerer().build().answer("How long?");

        assertThat(answer.usage()).isEqualTo(new Usage(10, 3, 0, 0));
        assertThat(answer.context()).containsExactly(RUNTIME, CHARGE, COLOUR);
    }

    @Test
    void keepsThePassagesWithinTheTokenBudgetSkippingOnesThatDoNotFit() {
        model.reply("Answer [1].");
        TokenCounter characters = String::length;

        Answer answer =
                answerer().contextTokens(60).tokenCounter(characters).build().answer("q");

        // "[1] The X200 runs for ten hours." is 32 characters, the charge passage 33, the colour one 26.
        assertThat(answer.context()).containsExactly(RUNTIME, COLOUR);
        assertThat(prompt()).contains("[1] The X200 runs for ten hours.\n\n[2] The X200 comes in red.\n\nQuestion");
    }

    @Test
    void defaultBudgetCountsFourCharactersPerToken() {
        model.reply("Answer [1].");

        Answer answer = answerer().contextTokens(14).build().answer("q");

        // 32 characters are 8 tokens; the charge passage then needs 9 and the colour passage 7.
        assertThat(answer.context()).containsExactly(RUNTIME);
    }

    @Test
    void usesOnlyPassagesAtOrAboveTheThreshold() {
        model.reply("Ten hours [1].");

        Answer answer = answerer().minScore(0.75).build().answer("q");

        assertThat(answer.context()).containsExactly(RUNTIME, CHARGE);
    }

    @Test
    void saysSoWithoutCallingTheModelWhenNoPassageReachesTheThreshold() {
        Answer answer = answerer().minScore(0.9).build().answer("How heavy is it?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.reason()).isEqualTo("no passage scored at least 0.9 (the best, 'runtime', scored 0.82)");
        assertThat(answer.text()).isEmpty();
        assertThat(answer.usage()).isEqualTo(Usage.ZERO);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void saysSoWithoutCallingTheModelWhenTheRetrieverFindsNothing() {
        Retriever nothing = (query, limit) -> List.of();

        Answer answer = GroundedAnswerer.builder(model, nothing).build().answer("How heavy is it?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.reason()).isEqualTo("the retriever found no passage for the question");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void saysSoWithoutCallingTheModelWhenNoPassageFitsTheBudget() {
        Answer answer = answerer().contextTokens(5).build().answer("q");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.reason())
                .isEqualTo("no passage fits the context budget of 5 tokens (the first relevant, 'runtime', needs 8):"
                        + " raise contextTokens or split documents into smaller chunks");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void theNoAnswerMarkerMeansNotAnswered() {
        model.reply("NO_ANSWER");

        Answer answer = answerer().build().answer("How heavy is it?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.reason()).isEqualTo("the model found no answer in the 3 passages it was given");
        assertThat(answer.context()).hasSize(3);
        assertThat(answer.usage().outputTokens()).isEqualTo(2);
    }

    @Test
    void aRefusalIsNotAnAnswer() {
        model.refuse("I can't discuss that.");

        Answer answer = answerer().build().answer("q");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.reason()).isEqualTo("the model refused: I can't discuss that.");
    }

    private GroundedAnswerer.Builder answerer() {
        Retriever retriever = (query, limit) -> {
            limits.add(limit);
            return List.of(RUNTIME, CHARGE, COLOUR);
        };
        return GroundedAnswerer.builder(model, retriever);
    }

    private String prompt() {
        return ((UserMessage) model.lastRequest().messages().get(0)).text();
    }

    private static Passage passage(String id, String text, double score) {
        return new Passage(id, text, score, Map.of("source", id + ".md"));
    }
}
