package dev.ladder.examples.rungs;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.FinishReason;
import dev.ladder.core.Message;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.UserMessage;
import dev.ladder.core.eval.Answer;
import dev.ladder.core.eval.CaseResult;
import dev.ladder.core.eval.EvalCase;
import dev.ladder.core.eval.EvalDataset;
import dev.ladder.core.eval.EvalReport;
import dev.ladder.core.eval.StrategySummary;
import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.examples.Models;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClimbingTheLadderTest {
    /** Correct SQL for each question; the model gets the longest track wrong once, then reflects. */
    private static final Map<String, String> GOLD = Map.ofEntries(
            entry(
                    "rock-tracks",
                    "SELECT COUNT(*) FROM Track t JOIN Genre g ON t.GenreId = g.GenreId WHERE g.Name = 'Rock'"),
            entry(
                    "most-albums",
                    "SELECT ar.Name FROM Artist ar JOIN Album al ON al.ArtistId = ar.ArtistId"
                            + " GROUP BY ar.ArtistId ORDER BY COUNT(*) DESC LIMIT 1"),
            entry("brazil-customers", "SELECT COUNT(*) FROM Customer WHERE Country = 'Brazil'"),
            entry("top-country", "SELECT BillingCountry FROM Invoice GROUP BY 1 ORDER BY SUM(Total) DESC LIMIT 1"),
            entry("invoices", "SELECT COUNT(*) FROM Invoice"),
            entry(
                    "acdc-albums",
                    "SELECT COUNT(*) FROM Album al JOIN Artist ar ON al.ArtistId = ar.ArtistId"
                            + " WHERE ar.Name = 'AC/DC'"),
            entry(
                    "busiest-rep",
                    "SELECT e.FirstName, e.LastName FROM Employee e JOIN Customer c"
                            + " ON c.SupportRepId = e.EmployeeId GROUP BY e.EmployeeId ORDER BY COUNT(*) DESC LIMIT 1"),
            entry("longest-track", "SELECT Name FROM Track ORDER BY Milliseconds DESC LIMIT 1"),
            entry("employees", "SELECT COUNT(*) FROM Employee"),
            entry(
                    "top-media-type",
                    "SELECT m.Name FROM MediaType m JOIN Track t ON t.MediaTypeId = m.MediaTypeId"
                            + " GROUP BY m.MediaTypeId ORDER BY COUNT(*) DESC LIMIT 1"),
            entry("goncalves-city", "SELECT City FROM Customer WHERE LastName = 'Gonçalves'"),
            entry(
                    "fewest-tracks",
                    "SELECT g.Name FROM Genre g JOIN Track t ON t.GenreId = g.GenreId"
                            + " GROUP BY g.GenreId ORDER BY COUNT(*) LIMIT 1"));

    private static final Map<String, EvalCase> BY_QUESTION =
            EvalDataset.fromJsonl(ExampleSupport.resourceCopy(ClimbingTheLadder.QUESTIONS)).cases().stream()
                    .collect(Collectors.toMap(EvalCase::input, Function.identity()));

    @TempDir
    Path reports;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutAModelMeasuresOnlyWhetherRetrievalFindsTheAnswer() throws IOException {
        EvalReport report = ClimbingTheLadder.run(Optional.empty(), reports, out);

        assertThat(report.summaries()).extracting(StrategySummary::strategy).containsExactly("rag context, no model");
        assertThat(passed(report, "rag context, no model"))
                .contains("rock-tracks", "brazil-customers", "acdc-albums", "goncalves-city")
                .doesNotContain("invoices", "employees", "most-albums");
        assertThat(output())
                .startsWith("Indexed 266 facts rendered from the database, e.g. The genre Rock has 1297 tracks.\n"
                        + Models.HOW_TO_CONFIGURE + "\n")
                .contains("chinook_questions: 12 cases\nstrategy ")
                .endsWith("Saved climbing.json and climbing.md in " + reports + "\n");
    }

    @Test
    void comparesTheRungsSideBySideAndSavesTheReport() throws IOException {
        ScriptedChatModel model = ScriptedChatModel.create();
        for (int call = 0; call < 40; call++) {
            model.respond(ClimbingTheLadderTest::answer);
        }

        EvalReport report = ClimbingTheLadder.run(Optional.of(model), reports, out);

        assertThat(model.remaining())
                .as("12 prompts, 13 SQL attempts, 12 grounded answers")
                .isEqualTo(3);
        assertThat(report.summary("1 prompting").orElseThrow().passed()).isZero();
        StrategySummary reflection = report.summary("2 reflection").orElseThrow();
        assertThat(reflection.passed()).isEqualTo(12);
        assertThat(reflection.usage().inputTokens()).isEqualTo(130);
        assertThat(passed(report, "3 rag")).isNotEmpty().isEqualTo(passed(report, "rag context, no model"));
        assertThat(report.results("2 reflection"))
                .filteredOn(r -> r.caseId().equals("busiest-rep"))
                .extracting(CaseResult::answer)
                .containsExactly("Jane, Peacock");
        assertThat(output())
                .containsPattern("\n1 prompting +0\\.0% +0/12 ")
                .containsPattern("\n2 reflection +100\\.0% +12/12 +0 +1\\.00 +130 ");
        EvalReport saved = EvalReport.fromJson(Files.readString(reports.resolve("climbing.json")));
        assertThat(saved.summaries()).isEqualTo(report.summaries());
        assertThat(Files.readString(reports.resolve("climbing.md")))
                .startsWith("# Evaluation of chinook_questions\n\n12 cases, 4 strategies.\n");
    }

    /** A fake model: knows nothing without data, writes the SQL above, and reads answers off sources. */
    private static ChatResponse answer(ChatRequest request) {
        List<Message> messages = request.messages();
        String prompt = ((UserMessage) messages.get(messages.size() - 1)).text();
        String reply;
        if (messages.get(0) instanceof SystemMessage system && system.text().startsWith("You answer questions")) {
            reply = "I do not know.";
        } else if (prompt.contains("Database schema:")) {
            EvalCase question = BY_QUESTION.get(between(prompt, "Question: ", "\n\n"));
            boolean reflecting = prompt.contains("It was checked and failed");
            reply = question.id().equals("longest-track") && !reflecting
                    ? "```sql\nSELECT Name FROM Tracks ORDER BY Milliseconds DESC LIMIT 1\n```"
                    : "```sql\n" + GOLD.get(question.id()) + "\n```";
        } else {
            EvalCase question = BY_QUESTION.get(prompt.substring(prompt.lastIndexOf("Question: ") + 10));
            boolean found = ClimbingTheLadder.MENTIONS
                    .score(question, Answer.of(prompt))
                    .passed();
            reply = found ? "It is " + question.expected() + " [1]." : "NO_ANSWER";
        }
        return ScriptedChatModel.create().response(new AssistantMessage(reply, null, List.of()), FinishReason.STOP);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static List<String> passed(EvalReport report, String strategy) {
        return report.results(strategy).stream()
                .filter(CaseResult::passed)
                .map(CaseResult::caseId)
                .toList();
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
