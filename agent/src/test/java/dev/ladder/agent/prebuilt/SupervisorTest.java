package dev.ladder.agent.prebuilt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.agent.CompiledGraph;
import dev.ladder.agent.GraphOptions;
import dev.ladder.agent.RunResult;
import dev.ladder.agent.StateGraph;
import dev.ladder.agent.Update;
import dev.ladder.agent.tool.ToolMethod;
import dev.ladder.agent.tool.Toolbox;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.Message;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.UserMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    /** A tool of the research agent. */
    public static final class Library {
        @ToolMethod("Looks up a fact.")
        public String lookup(String topic) {
            return topic + " is 42";
        }
    }

    @Test
    void supervisorHandsTheConversationFromOneAgentToAnother() {
        ScriptedChatModel researcherModel = ScriptedChatModel.create().reply("the answer is 42");
        ScriptedChatModel writerModel = ScriptedChatModel.create().reply("Forty-two, in prose.");
        ScriptedChatModel boss = ScriptedChatModel.create()
                .replyWithToolCalls(new ToolCall("s1", "transfer_to_researcher", "{}"))
                .replyWithToolCalls(new ToolCall("s2", "transfer_to_writer", "{}"))
                .reply("Done.");
        CompiledGraph supervisor = Supervisor.of(boss, "Route the work.")
                .agent("researcher", "finds facts", agent(researcherModel))
                .agent("writer", "writes prose", agent(writerModel))
                .graph()
                .compile();

        RunResult result = supervisor.invoke(Update.of(ReactAgent.MESSAGES, List.of(Message.user("Explain 42."))));

        assertThat(boss.requests().get(2).messages())
                .extracting(Object::getClass)
                .containsExactly(
                        SystemMessage.class,
                        UserMessage.class,
                        AssistantMessage.class,
                        ToolResultMessage.class,
                        AssistantMessage.class,
                        AssistantMessage.class,
                        ToolResultMessage.class,
                        AssistantMessage.class);
        assertThat(ReactAgent.answer(result.state())).isEqualTo("Done.");
        assertThat(writerModel.requests().get(0).messages()).contains(Message.assistant("the answer is 42"));
    }

    @Test
    void everyCallOfAnAnswerGetsAResultAndOnlyTheFirstTransferActs() {
        ScriptedChatModel researcherModel = ScriptedChatModel.create().reply("facts");
        ScriptedChatModel writerModel = ScriptedChatModel.create().reply("unused");
        ScriptedChatModel boss = ScriptedChatModel.create()
                .replyWithToolCalls(
                        new ToolCall("s1", "transfer_to_researcher", "{}"),
                        new ToolCall("s2", "transfer_to_writer", "{}"))
                .reply("Done.");
        CompiledGraph supervisor = Supervisor.of(boss, "Route the work.")
                .agent("researcher", "finds facts", agent(researcherModel))
                .agent("writer", "writes prose", agent(writerModel))
                .graph()
                .compile();

        RunResult result = supervisor.invoke(Update.of(ReactAgent.MESSAGES, List.of(Message.user("Go."))));

        assertThat(result.get(ReactAgent.MESSAGES).subList(2, 4))
                .containsExactly(
                        new ToolResultMessage("s1", "transferred to researcher", false),
                        new ToolResultMessage(
                                "s2", "not done: one agent acts at a time, and researcher was chosen", true));
        assertThat(writerModel.remaining()).isEqualTo(1);
    }

    @Test
    void callOfAnUnknownToolIsAnsweredWithAnErrorAndTheSupervisorAsksAgain() {
        ScriptedChatModel researcherModel = ScriptedChatModel.create().reply("facts");
        ScriptedChatModel boss = ScriptedChatModel.create()
                .replyWithToolCalls(new ToolCall("s1", "transfer_to_poet", "{}"))
                .replyWithToolCalls(new ToolCall("s2", "transfer_to_researcher", "{}"))
                .reply("Done.");
        CompiledGraph supervisor = Supervisor.of(boss, "Route the work.")
                .agent("researcher", "finds facts", agent(researcherModel))
                .graph()
                .compile();

        RunResult result = supervisor.invoke(Update.of(ReactAgent.MESSAGES, List.of(Message.user("Go."))));

        assertThat(result.get(ReactAgent.MESSAGES).get(2))
                .isEqualTo(new ToolResultMessage(
                        "s1", "unknown tool 'transfer_to_poet': call one of [transfer_to_researcher]", true));
        assertThat(ReactAgent.answer(result.state())).isEqualTo("Done.");
        assertThat(researcherModel.remaining()).isZero();
    }

    private static CompiledGraph agent(ScriptedChatModel model) {
        return ReactAgent.create(
                model, Toolbox.of(new Library()), null, GraphOptions.builder().build());
    }

    @Test
    void supervisorRoutesToASubAgentAndFinishesWithItsOwnAnswer() {
        ScriptedChatModel researcherModel = ScriptedChatModel.create()
                .replyWithToolCalls(new ToolCall("r1", "lookup", "{\"topic\":\"the answer\"}"))
                .reply("research says 42");
        CompiledGraph researcher = ReactAgent.create(
                researcherModel,
                Toolbox.of(new Library()),
                "Research.",
                GraphOptions.builder().build());
        ScriptedChatModel writerModel = ScriptedChatModel.create().reply("unused");
        CompiledGraph writer = ReactAgent.create(
                writerModel,
                Toolbox.of(new Library()),
                "Write.",
                GraphOptions.builder().build());
        ScriptedChatModel boss = ScriptedChatModel.create()
                .replyWithToolCalls(new ToolCall("s1", "transfer_to_researcher", "{}"))
                .reply("The answer is 42.");
        CompiledGraph supervisor = Supervisor.of(boss, "Route the work.")
                .agent("researcher", "finds facts", researcher)
                .agent("writer", "writes prose", writer)
                .graph()
                .compile();

        RunResult result =
                supervisor.invoke(Update.of(ReactAgent.MESSAGES, List.of(Message.user("What is the answer?"))));

        assertThat(ReactAgent.answer(result.state())).isEqualTo("The answer is 42.");
        assertThat(result.get(Supervisor.NEXT)).isEqualTo(StateGraph.END);
        assertThat(result.get(ReactAgent.MESSAGES)).hasSize(7);
        assertThat(writerModel.remaining()).isEqualTo(1);
        assertThat(boss.requests().get(0).tools())
                .extracting(t -> t.name())
                .containsExactly("transfer_to_researcher", "transfer_to_writer");
    }
}
