package dev.ladder.examples.rungs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.FinishReason;
import dev.ladder.core.UserMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.examples.Models;
import dev.ladder.rag.Document;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalAugmentedTest {
    private static final String QUESTION = "Where can an agent keep its checkpoints?";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void writeDocuments() throws IOException {
        Files.writeString(
                folder.resolve("agent.md"),
                "# Agent\n\n## Checkpoints\n\nAn agent keeps its checkpoints"
                        + " in memory, in a SQLite file or in PostgreSQL, and resumes from them after a restart.\n");
        Files.writeString(
                folder.resolve("sql.md"),
                "# Reflection\n\n## Safety\n\nQueries written by a model run"
                        + " on a read-only connection after a statement check refuses anything that writes.\n");
        Files.writeString(
                folder.resolve("tuning.md"),
                "# Fine-tuning\n\n## Datasets\n\nEvery line of a training"
                        + " file is validated, and the cost of training is estimated from its tokens.\n");
    }

    @Test
    void withoutAModelIndexesTheFolderAndNumbersThePassagesFound() {
        RetrievalAugmented.run(Optional.empty(), documents(), List.of(QUESTION), out);

        assertThat(output())
                .startsWith("Documents to index: 3\n  embedded 3 of 3 chunks\n" + Models.HOW_TO_CONFIGURE + "\n")
                .contains("Q: " + QUESTION + "\n  [1] agent.md > Agent > Checkpoints: An agent keeps its checkpoints")
                .contains("  [2] ")
                .contains("  [3] ");
    }

    @Test
    void printsTheAnswerWithItsCitationsMappedToSources() {
        ScriptedChatModel model = ScriptedChatModel.create().respond(request -> {
            String prompt = ((UserMessage) request.messages().get(0)).text();
            String reply = prompt.contains("[1] An agent keeps its checkpoints") && prompt.endsWith(QUESTION)
                    ? "In memory, SQLite or PostgreSQL [1]; reads are safe [2][7]."
                    : "the sources were not numbered";
            return model().response(new AssistantMessage(reply, null, List.of()), FinishReason.STOP);
        });

        RetrievalAugmented.run(Optional.of(model), documents(), List.of(QUESTION), out);

        assertThat(output())
                .contains("Q: " + QUESTION + "\nA: In memory, SQLite or PostgreSQL [1]; reads are safe [2][7].\n"
                        + "  [1] agent.md > Agent > Checkpoints\n  [2] ")
                .endsWith("  cited sources it was never given: [7]\n");
    }

    @Test
    void saysWhyThereIsNoAnswer() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("NO_ANSWER");

        RetrievalAugmented.run(Optional.of(model), documents(), List.of("Who wrote Chinook?"), out);

        assertThat(output())
                .endsWith(
                        "Q: Who wrote Chinook?\n  no answer: the model found no answer in the 3 passages it was given\n");
    }

    @Test
    void fallsBackToTheRepositoryReadmesWhenTheClasspathHasNoDocs() {
        List<Document> readmes = RetrievalAugmented.documents(Optional.empty(), "no-such-folder", Path.of(""));

        assertThat(readmes)
                .extracting(d -> Path.of(d.source()).getParent().getFileName() + "/"
                        + Path.of(d.source()).getFileName())
                .contains("core/README.md", "reflection/README.md", "agent/README.md", "peft-client/README.md");
    }

    @Test
    void refusesAPathThatIsNotAFolder() {
        Path file = folder.resolve("agent.md");

        assertThatThrownBy(() -> RetrievalAugmented.documents(Optional.of(file), "docs", Path.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a folder: " + file + " (use loadFile for a single file)");
    }

    private List<Document> documents() {
        return RetrievalAugmented.documents(Optional.of(folder), "docs", Path.of(""));
    }

    private static ScriptedChatModel model() {
        return ScriptedChatModel.create();
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
