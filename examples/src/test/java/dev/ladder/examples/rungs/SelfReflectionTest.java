package dev.ladder.examples.rungs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.FinishReason;
import dev.ladder.core.Message;
import dev.ladder.core.UserMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.examples.Models;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelfReflectionTest {
    private static final String BY_YEAR = "What were the total sales in each year?";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutAModelPrintsTheSchemaDescriptionFromTheDatabase() {
        SelfReflection.run(Optional.empty(), SelfReflection.QUESTIONS, out);

        assertThat(output())
                .contains("Artist(ArtistId INTEGER PRIMARY KEY, Name NVARCHAR(120))\n  sample rows: (1, 'AC/DC')\n")
                .contains("Invoice(InvoiceId INTEGER PRIMARY KEY, CustomerId INTEGER REFERENCES Customer(CustomerId)")
                .endsWith(Models.HOW_TO_CONFIGURE + "\n");
    }

    @Test
    void feedsTheDatabaseErrorBackAndPrintsTheCorrectedQueryAndItsRows() {
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("```sql\nSELECT YEAR(InvoiceDate) AS Year, SUM(Total) FROM Invoice GROUP BY 1\n```")
                .respond(request -> correctedIfTheErrorCameBack(request, "no such function: YEAR"));

        SelfReflection.run(Optional.of(model), List.of(BY_YEAR), out);

        assertThat(output())
                .contains("Q: What were the total sales in each year?\n"
                        + "  attempt 1: SELECT YEAR(InvoiceDate) AS Year, SUM(Total) FROM Invoice GROUP BY 1\n"
                        + "    fed back: The SQLite database returned an error: ")
                .contains("no such function: YEAR")
                .contains("  attempt 2: SELECT strftime('%Y', InvoiceDate) AS Year, SUM(Total) AS Sales"
                        + " FROM Invoice GROUP BY Year\n"
                        + "  columns: Year, Sales\n"
                        + "  rows: 2021, 449.46; 2022, 481.45; 2023, 469.58; 2024, 477.53; 2025, 450.58\n");
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void saysWhyItStoppedWhenNoQueryRan() {
        String wrong = "```sql\nSELECT * FROM Invoices\n```";
        ScriptedChatModel model = ScriptedChatModel.create().replies(wrong, "```sql\nSELECT * FROM Sales\n```", wrong);

        SelfReflection.run(Optional.of(model), List.of(BY_YEAR), out);

        assertThat(output())
                .contains("  attempt 1: SELECT * FROM Invoices\n    fed back: ")
                .contains("no such table: Invoices")
                .contains("  attempt 3: SELECT * FROM Invoices\n")
                .contains("  no query ran; stopped because MAX_ATTEMPTS\n");
    }

    private static ChatResponse correctedIfTheErrorCameBack(ChatRequest request, String error) {
        List<Message> messages = request.messages();
        String last = ((UserMessage) messages.get(messages.size() - 1)).text();
        String reply = last.contains(error)
                ? "```sql\nSELECT strftime('%Y', InvoiceDate) AS Year, SUM(Total) AS Sales FROM Invoice GROUP BY Year\n```"
                : "the error was not fed back";
        return ScriptedChatModel.create().response(new AssistantMessage(reply, null, List.of()), FinishReason.STOP);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
