package dev.ladder.examples.rungs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.Message;
import dev.ladder.core.ResponseFormat;
import dev.ladder.core.schema.StructuredOutputException;
import dev.ladder.core.testing.ScriptedChatModel;
import dev.ladder.examples.Models;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptEngineeringTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutAModelPrintsThePromptTheSchemaAndWhatToSet() {
        PromptEngineering.run(Optional.empty(), PromptEngineering.MESSAGES, out);

        assertThat(output())
                .contains("  system: You triage messages sent to Chinook, an online music store.\n")
                .contains("  assistant: {\"topic\":\"BILLING\",\"refund\":true,"
                        + "\"summary\":\"Refund a duplicate charge on invoice 98\"}\n")
                .contains("  user: The AC/DC album stops downloading at 80 percent, every single time.\n")
                .contains("\"required\":[\"topic\",\"refund\",\"summary\"],\"additionalProperties\":false")
                .endsWith(Models.HOW_TO_CONFIGURE + "\n");
    }

    @Test
    void sendsTheFewShotConversationWithTheSchemaAndPrintsEachParsedRecord() {
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("{\"topic\":\"DOWNLOAD\",\"refund\":false,\"summary\":\"Download stops at 80%\"}")
                .reply("{\"topic\":\"ACCOUNT\",\"refund\":true,\"summary\":\"Close account, refund month\"}");

        PromptEngineering.run(Optional.of(model), List.of("Download breaks.", "Close my account."), out);

        assertThat(output())
                .contains("  DOWNLOAD refund=false Download stops at 80%  <- Download breaks.\n")
                .contains("  ACCOUNT  refund=true  Close account, refund month  <- Close my account.\n");
        ChatRequest first = model.requests().get(0);
        assertThat(first.messages()).hasSize(6).endsWith(Message.user("Download breaks."));
        assertThat(first.responseFormat().type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(first.responseFormat().schema()).containsEntry("additionalProperties", false);
    }

    @Test
    void anAnswerOutsideTheSchemaFailsNamingThePath() {
        ScriptedChatModel model =
                ScriptedChatModel.create().reply("{\"topic\":\"SHIPPING\",\"refund\":false,\"summary\":\"x\"}");

        assertThatThrownBy(() -> PromptEngineering.run(Optional.of(model), List.of("Where is my CD?"), out))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessageContaining("$.topic");
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
