package dev.ladder.agent.tool;

import dev.ladder.agent.Key;
import dev.ladder.agent.Node;
import dev.ladder.agent.NodeContext;
import dev.ladder.agent.Update;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.Message;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A graph node that runs the tool calls of the last assistant message in a message list, in
 * parallel, and appends their results. Thread-safe.
 */
public final class ToolNode implements Node {
    private final Toolbox toolbox;
    private final Key<List<Message>> messages;
    private final Executor executor;

    private ToolNode(Toolbox toolbox, Key<List<Message>> messages, Executor executor) {
        this.toolbox = Objects.requireNonNull(toolbox, "toolbox");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Creates a node running the calls of {@code toolbox}'s tools found in {@code messages}. */
    public static ToolNode of(Toolbox toolbox, Key<List<Message>> messages, Executor executor) {
        return new ToolNode(toolbox, messages, executor);
    }

    /**
     * Runs the calls and returns their results as an update of the message list.
     *
     * @throws IllegalStateException if the last message is not an assistant message with tool calls.
     */
    @Override
    public Update run(NodeContext context) {
        List<Message> conversation = context.get(messages);
        Message last = conversation.isEmpty() ? null : conversation.get(conversation.size() - 1);
        if (!(last instanceof AssistantMessage assistant) || !assistant.hasToolCalls()) {
            throw new IllegalStateException("node '" + context.node()
                    + "' runs tool calls, but the last message has none: route to it only after a tool call");
        }
        List<Message> results = List.copyOf(toolbox.callAll(assistant.toolCalls(), executor));
        return Update.of(messages, results);
    }
}
