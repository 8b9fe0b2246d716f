package dev.ladder.rag.query;

import static dev.ladder.rag.query.CannedRetriever.passage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Message;
import dev.ladder.core.Passage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRewriterTest {
    private static final List<Message> HISTORY = List.of(
            Message.system("You are a helpful assistant."),
            Message.user("Which battery does the X200 use?"),
            Message.assistant("The X200 uses the BP-40 battery."));

    private final ScriptedChatModel model = ScriptedChatModel.create();

    @Test
    void sendsTheConversationAndTheFollowUpInTheDefaultPrompt() {
        model.reply("How long does the BP-40 battery last?");

        QueryRewriter.builder(model).build().rewrite(HISTORY, "How long does it last?");

        assertThat(Prompts.of(model.lastRequest()))
                .isEqualTo("Rewrite the follow-up question so that it can be understood without the conversation:"
                        + " replace pronouns and references with what they refer to, and keep its language."
                        + " Reply with the standalone question only.\n\n"
                        + "Conversation:\n"
                        + "User: Which battery does the X200 use?\n"
                        + "Assistant: The X200 uses the BP-40 battery.\n\n"
                        + "Follow-up question: How long does it last?\n"
                        + "Standalone question:");
    }

    @Test
    void returnsTheModelsStandaloneQuestion() {
        model.reply("How long does the BP-40 battery last?");

        String rewritten = QueryRewriter.builder(model).build().rewrite(HISTORY, "How long does it last?");

        assertThat(rewritten).isEqualTo("How long does the BP-40 battery last?");
    }

    @Test
    void removesALabelAndQuotesAroundTheQuestion() {
        model.reply("Standalone question: \"How long does the BP-40 last?\"\n\nI replaced 'it'.");

        String rewritten = QueryRewriter.builder(model).build().rewrite(HISTORY, "How long does it last?");

        assertThat(rewritten).isEqualTo("How long does the BP-40 last?");
    }

    @Test
    void withoutHistoryTheQuestionIsUsedWithoutCallingTheModel() {
        String rewritten = QueryRewriter.builder(model).build().rewrite(List.of(), "How long does it last?");

        assertThat(rewritten).isEqualTo("How long does it last?");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void anEmptyReplyFallsBackToTheOriginalQuestion() {
        model.refuse("I cannot help with that.");

        String rewritten = QueryRewriter.builder(model).build().rewrite(HISTORY, "How long does it last?");

        assertThat(rewritten).isEqualTo("How long does it last?");
    }

    @Test
    void showsOnlyTheLatestTurns() {
        model.reply("q");

        QueryRewriter.builder(model)
                .maxHistoryTurns(1)
                .template("{{history}} | {{question}}")
                .build()
                .rewrite(HISTORY, "How long?");

        assertThat(Prompts.of(model.lastRequest()))
                .isEqualTo("Assistant: The X200 uses the BP-40 battery. | How long?");
    }

    @Test
    void retrieverSearchesWithTheRewrittenQuestion() {
        model.reply("BP-40 battery life");
        CannedRetriever delegate = new CannedRetriever().answer("BP-40 battery life", passage("a", 0.9));

        List<Passage> found = QueryRewriter.builder(model)
                .build()
                .retriever(delegate, HISTORY)
                .retrieve("And it?", 3);

        assertThat(delegate.queries()).containsExactly("BP-40 battery life");
        assertThat(found).extracting(Passage::id).containsExactly("a");
    }

    @Test
    void templateWithoutAPlaceholderIsRejected() {
        assertThatThrownBy(() -> QueryRewriter.builder(model).template("Rewrite: {{question}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rewrite template must contain the placeholder {{history}}: 'Rewrite: {{question}}'");
    }
}
