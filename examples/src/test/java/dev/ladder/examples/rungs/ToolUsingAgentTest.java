package dev.ladder.examples.rungs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.agent.Checkpoint;
import dev.ladder.agent.JdbcCheckpointer;
import dev.ladder.agent.prebuilt.ReactAgent;
import dev.ladder.core.Message;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.examples.Models;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolUsingAgentTest {
    private static final String REFUND = "refund({\"invoiceId\":382,\"reason\":\"charged twice\"})";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final List<String> pendingOnDisk = new ArrayList<>();

    @Test
    void withoutAModelPrintsTheGraphAsMermaid() {
        ToolUsingAgent.run(Optional.empty(), dir.resolve("runs.db"), question -> true, out);

        assertThat(output())
                .startsWith("flowchart TD\n")
                .contains("    __start__ --> agent\n", "    agent -. \"calls\" .-> approval\n")
                .contains("    approval -. \"approved\" .-> tools\n", "    approval -. \"rejected\" .-> agent\n")
                .endsWith(Models.HOW_TO_CONFIGURE + "\n");
    }

    @Test
    void pausesForApprovalThenResumesFromTheSqliteFileAndRefunds() {
        ScriptedChatModel model = lookUpThenRefund().reply("Invoice 382 is refunded.");

        ToolUsingAgent.run(Optional.of(model), dir.resolve("runs.db"), answering(true), out);

        assertThat(pendingOnDisk).containsExactly("approve " + REFUND + "?");
        assertThat(output())
                .contains("Paused at checkpoint ")
                .contains(" in " + dir.resolve("runs.db") + ": approve " + REFUND + "?\n"
                        + "Approved; resuming from the file with a new graph\n")
                .contains("  assistant calls invoices({\"lastName\":\"Gonçalves\"})\n"
                        + "  tool result: 382, 2025-08-07, 8.91; 327, 2024-12-07, 13.86; 316, 2024-10-27, 1.98;")
                .contains("  assistant calls " + REFUND + "\n  tool result: invoice 382 refunded\n"
                        + "  assistant: Invoice 382 is refunded.\n")
                .endsWith("Refunds made: [382 (charged twice)]\n");
    }

    @Test
    void aRejectedRefundReachesTheModelAsAnErrorAndNothingIsRefunded() {
        ScriptedChatModel model = lookUpThenRefund().reply("The manager declined the refund.");

        ToolUsingAgent.run(Optional.of(model), dir.resolve("runs.db"), answering(false), out);

        List<Message> seen = model.lastRequest().messages();
        assertThat(seen.get(seen.size() - 1))
                .isEqualTo(new ToolResultMessage("2", "a manager rejected this call: do not retry it", true));
        assertThat(output())
                .contains("Rejected; resuming from the file with a new graph\n")
                .endsWith("  assistant: The manager declined the refund.\nRefunds made: []\n");
    }

    private static ScriptedChatModel lookUpThenRefund() {
        return ScriptedChatModel.create()
                .replyWithToolCalls(new ToolCall("1", "invoices", "{\"lastName\":\"Gonçalves\"}"))
                .replyWithToolCalls(new ToolCall("2", "refund", "{\"invoiceId\":382,\"reason\":\"charged twice\"}"));
    }

    /** Answers {@code approved}, after reading from the file the question the paused run left there. */
    private Predicate<Object> answering(boolean approved) {
        return question -> {
            try (JdbcCheckpointer file = JdbcCheckpointer.sqlite(dir.resolve("runs.db"), ReactAgent.SCHEMA)) {
                Checkpoint latest =
                        file.latest(ToolUsingAgent.THREAD.threadId()).orElseThrow();
                latest.interrupts().forEach(i -> pendingOnDisk.add(String.valueOf(i.payload())));
            }
            return approved;
        };
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
