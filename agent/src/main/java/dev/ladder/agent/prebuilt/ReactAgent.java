package dev.ladder.agent.prebuilt;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;

import dev.ladder.agent.CompiledGraph;
import dev.ladder.agent.GraphOptions;
import dev.ladder.agent.Key;
import dev.ladder.agent.Schema;
import dev.ladder.agent.State;
import dev.ladder.agent.StateGraph;
import dev.ladder.agent.tool.ToolNode;
import dev.ladder.agent.tool.Toolbox;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatModel;
import dev.ladder.core.Message;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Builds a ReAct agent as a graph: node {@code agent} asks the model, node {@code tools} runs the
 * tool calls it made, and the run loops between them until the model answers without calling a
 * tool. The state is one appending message list, {@link #MESSAGES}.
 *
 * <p>Run it with {@code invoke(Update.of(ReactAgent.MESSAGES, List.of(Message.user("..."))))}.
 * Human approval of tool calls: compile with {@code GraphOptions.builder().interruptBefore("tools")}.
 */
public final class ReactAgent {
    /** The conversation: every turn is appended; core messages carry no id to edit or remove them by. */
    public static final Key<List<Message>> MESSAGES = Key.appending("messages", Message.class);

    /** The schema of a ReAct agent's state. */
    public static final Schema SCHEMA = Schema.of(MESSAGES);

    private ReactAgent() {}

    /**
     * Returns the graph of a ReAct agent asking {@code model} with {@code systemPrompt} (or none when
     * null), calling the tools of {@code toolbox} in parallel on {@code executor}.
     */
    public static StateGraph graph(ChatModel model, Toolbox toolbox, String systemPrompt, Executor executor) {
        Objects.requireNonNull(toolbox, "toolbox");
        return StateGraph.of(SCHEMA)
                .node("agent", ChatNode.of(model, MESSAGES, systemPrompt, toolbox.tools()))
                .node("tools", ToolNode.of(toolbox, MESSAGES, executor))
                .edge(START, "agent")
                .conditionalEdge("agent", ReactAgent::route, Map.of("tools", "tools", "answer", END))
                .edge("tools", "agent");
    }

    /** Returns a compiled ReAct agent whose tool calls run on the executor of {@code options}. */
    public static CompiledGraph create(ChatModel model, Toolbox toolbox, String systemPrompt, GraphOptions options) {
        return graph(model, toolbox, systemPrompt, options.executor()).compile(options);
    }

    /** Returns the text of the last assistant message of {@code state}, or an empty string. */
    public static String answer(State state) {
        List<Message> messages = state.get(MESSAGES);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof AssistantMessage assistant) {
                return assistant.text() == null ? "" : assistant.text();
            }
        }
        return "";
    }

    private static String route(State state) {
        List<Message> messages = state.get(MESSAGES);
        Message last = messages.get(messages.size() - 1);
        return last instanceof AssistantMessage assistant && assistant.hasToolCalls() ? "tools" : "answer";
    }
}
