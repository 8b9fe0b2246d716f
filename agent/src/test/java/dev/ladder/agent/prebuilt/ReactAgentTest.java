package dev.ladder.agent.prebuilt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.agent.CompiledGraph;
import dev.ladder.agent.GraphEvent;
import dev.ladder.agent.GraphOptions;
import dev.ladder.agent.JdbcCheckpointer;
import dev.ladder.agent.RunConfig;
import dev.ladder.agent.RunResult;
import dev.ladder.agent.Update;
import dev.ladder.agent.tool.ToolMethod;
import dev.ladder.agent.tool.Toolbox;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.Message;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactAgentTest {
    @TempDir
    Path dir;

    /** A calculator the agent may use. */
    public static final class Calculator {
        @ToolMethod("Adds two integers.")
        public int add(int a, int b) {
            return a + b;
        }

        @ToolMethod("Multiplies two integers.")
        public int multiply(int a, int b) {
            return a * b;
        }
    }

    @Test
    void agentCallsToolsUntilTheModelAnswers() {
        ScriptedChatModel model = ScriptedChatModel.create()
                .replyWithToolCalls(
                        new ToolCall("1", "add", "{\"a\":2,\"b\":3}"),
                        new ToolCall("2", "multiply", "{\"a\":4,\"b\":5}"))
                .reply("2+3=5 and 4*5=20");
        CompiledGraph agent = ReactAgent.create(
                model,
                Toolbox.of(new Calculator()),
                "Use the tools.",
                GraphOptions.builder().build());

        RunResult result = agent.invoke(Update.of(ReactAgent.MESSAGES, List.of(Message.user("2+3 and 4*5?"))));

        assertThat(ReactAgent.answer(result.state())).isEqualTo("2+3=5 and 4*5=20");
        assertThat(model.lastRequest().messages())
                .contains(new ToolResultMessage("1", "5", false), new ToolResultMessage("2", "20", false));
        assertThat(model.lastRequest().tools()).hasSize(2);
    }

    @Test
    void unknownToolAndBadArgumentsReachTheModelAsErrorResults() {
        ScriptedChatModel model = ScriptedChatModel.create()
                .replyWithToolCalls(new ToolCall("1", "divide", "{}"), new ToolCall("2", "add", "{\"a\":\"two\"}"))
                .reply("sorry");
        CompiledGraph agent = ReactAgent.create(
                model,
                Toolbox.of(new Calculator()),
                null,
                GraphOptions.builder().build());

        agent.invoke(Update.of(ReactAgent.MESSAGES, List.of(Message.user("?"))));

        List<Message> seen = model.lastRequest().messages();
        assertThat(seen.get(2))
                .isEqualTo(
                        new ToolResultMessage("1", "unknown tool 'divide': available tools are [add, multiply]", true));
        assertThat(((ToolResultMessage) seen.get(3)).error()).isTrue();
    }

    @Test
    void answerTextStreamsAsTokenEvents() {
        ScriptedChatModel model = ScriptedChatModel.create().deltaSize(3).reply("Hello there");
        CompiledGraph agent = ReactAgent.create(
                model,
                Toolbox.of(new Calculator()),
                null,
                GraphOptions.builder().build());
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());

        agent.invoke(
                Update.of(ReactAgent.MESSAGES, List.of(Message.user("hi"))),
                RunConfig.newThread().withListener(event -> {
                    if (event instanceof GraphEvent.Token token) {
                        tokens.add(token.text());
                    }
                }));

        assertThat(tokens).containsExactly("Hel", "lo ", "the", "re");
    }

    @Test
    void humanApprovesToolCallsAfterARestartWithSqlite() {
        ScriptedChatModel model = ScriptedChatModel.create()
                .replyWithToolCalls(new ToolCall("1", "add", "{\"a\":1,\"b\":1}"))
                .reply("it is 2");
        Path database = dir.resolve("agent.db");
        RunConfig config = RunConfig.thread("approval");
        RunResult paused;
        try (JdbcCheckpointer checkpointer = JdbcCheckpointer.sqlite(database, ReactAgent.SCHEMA)) {
            paused = approving(model, checkpointer)
                    .invoke(Update.of(ReactAgent.MESSAGES, List.of(Message.user("1+1?"))), config);
        }

        RunResult done;
        try (JdbcCheckpointer reopened = JdbcCheckpointer.sqlite(database, ReactAgent.SCHEMA)) {
            done = approving(model, reopened).resume(config);
        }

        assertThat(paused.next()).containsExactly("tools");
        assertThat(((AssistantMessage) paused.get(ReactAgent.MESSAGES).get(1)).toolCalls())
                .hasSize(1);
        assertThat(ReactAgent.answer(done.state())).isEqualTo("it is 2");
    }

    private static CompiledGraph approving(ScriptedChatModel model, JdbcCheckpointer checkpointer) {
        return ReactAgent.create(
                model,
                Toolbox.of(new Calculator()),
                null,
                GraphOptions.builder()
                        .checkpointer(checkpointer)
                        .interruptBefore("tools")
                        .build());
    }
}
