package dev.ladder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the demo offline, as the README's first command does without a model, and reads what it printed. */
class DemoTest {
    private static int status;
    private static String output;

    @BeforeAll
    static void runDemoWithoutModel() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = Demo.run(Map.of(), out);
        }
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroWithEveryStepDone() {
        assertThat(status).isZero();
        assertThat(output)
                .contains("  [1/5] Language model  | none   |")
                .contains("  [2/5] RAG             | ok     |")
                .contains("  [3/5] Self-reflection | ok     |")
                .contains("  [4/5] Agent           | ok     |")
                .contains("  [5/5] Fine-tuning     | ok     |")
                .doesNotContain("FAILED")
                .doesNotContain("from the model");
    }

    @Test
    void saysInOneLineWhatToConfigure() {
        assertThat(output.lines()).contains(Models.HOW_TO_CONFIGURE);
        assertThat(output)
                .contains("Skipped without a model: grounded answers, NL2SQL with reflection, the agent run.");
    }

    @Test
    void showsIngestionProgressAndTheDocuments() {
        assertThat(output).containsPattern("\n  embedding \\[#{20}] +(\\d+)/\\1 chunks of 5 documents\n");
        for (String doc : RagStep.DOCS) {
            assertThat(output.lines()).anyMatch(line -> line.matches("  " + Pattern.quote(doc) + " +\\| \\d+ .*"));
        }
    }

    @Test
    void citesTheSectionsThatAnswerEachQuestion() {
        assertThat(section("Q: Which safety walls protect the database from a model's SQL?"))
                .containsPattern("  \\[[123]\\] \\| reflection/README.md > Safety model +\\| ")
                .contains("\"A model's SQL is untrusted input.");
        assertThat(section("Q: How are citations in an answer mapped back to passages?"))
                .containsPattern("  \\[[123]\\] \\| rag/README.md > Grounded answers +\\| ");
        assertThat(section("Q: What does the LoRA rank control?"))
                .containsPattern("  \\[[123]\\] \\| peft-client/README.md > What the knobs mean +\\| ");
    }

    @Test
    void describesEveryChinookTable() {
        List<String> tables = List.of(
                "Album",
                "Artist",
                "Customer",
                "Employee",
                "Genre",
                "Invoice",
                "InvoiceLine",
                "MediaType",
                "Playlist",
                "PlaylistTrack",
                "Track");
        for (String table : tables) {
            assertThat(output.lines()).anyMatch(line -> line.startsWith("  " + table + "("));
        }
        assertThat(output)
                .contains("  Album(AlbumId INTEGER PRIMARY KEY, Title NVARCHAR(160), ArtistId INTEGER REFERENCES"
                        + " Artist(ArtistId))");
    }

    @Test
    void refusesHostileStatementsBeforeTheyRun() {
        assertThat(output)
                .contains("  DROP TABLE Album\n"
                        + "    refused: the statement begins with 'DROP', not SELECT, WITH or VALUES\n")
                .contains("  SELECT 1; DELETE FROM Track\n"
                        + "    refused: more than one statement (a ';' at position 8 is followed by more SQL)\n")
                .contains("    refused: it contains the keyword DELETE at position 43 (quote it as an identifier if"
                        + " it names a table or column)\n")
                .contains("Rows in Track afterwards: 3503\n");
    }

    @Test
    void runsTheSafeQueryAsATable() {
        assertThat(output)
                .contains("  Artist       | Albums\n"
                        + "  ------------ | ------\n"
                        + "  Iron Maiden  | 21\n"
                        + "  Led Zeppelin | 14\n"
                        + "  Deep Purple  | 11\n"
                        + "  Metallica    | 10\n"
                        + "  U2           | 10\n");
    }

    @Test
    void rendersTheAgentGraphAsMermaid() {
        assertThat(output)
                .contains("  run_query | Runs one read-only SQLite query on the Chinook music store database")
                .contains("  flowchart TD\n")
                .contains("      agent[agent]\n")
                .contains("      approve[approve]\n")
                .contains("      tools[tools]\n")
                .contains("      __start__ --> agent\n")
                .contains("      agent -. \"tool call\" .-> approve\n")
                .contains("      agent -. \"answer\" .-> __end__\n")
                .contains("      approve -.-> tools\n")
                .contains("      tools --> agent\n");
    }

    @Test
    void reportsTheToyDatasetsProblemsWithLineNumbersAndCost() {
        assertThat(output)
                .contains("  5    | 8031   | 8000           | too_many_tokens")
                .contains("    line 3: warning missing_system: no system message")
                .contains("    line 4: error missing_user: message 2 (assistant) comes before any user message")
                .contains("    line 5: error too_many_tokens: about 8,031 tokens, over the limit of 4,096 per example")
                .contains("    file: error too_few_examples: 5 examples, fewer than the minimum of 10")
                .contains("  Cost (estimated): 8,231 tokens x 3 epochs = 24,693 tokens at $3.00 per 1M tokens = $0.07");
    }

    /** Returns the output from {@code start} to the next blank line. */
    private static String section(String start) {
        int from = output.indexOf(start);
        assertThat(from).as("output contains '%s'", start).isNotNegative();
        int end = output.indexOf("\n\n", from);
        return output.substring(from, end < 0 ? output.length() : end);
    }
}
