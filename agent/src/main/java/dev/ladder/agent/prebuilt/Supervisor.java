package dev.ladder.agent.prebuilt;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;

import dev.ladder.agent.CompiledGraph;
import dev.ladder.agent.GraphEvent;
import dev.ladder.agent.Key;
import dev.ladder.agent.Node;
import dev.ladder.agent.NodeContext;
import dev.ladder.agent.RunConfig;
import dev.ladder.agent.RunResult;
import dev.ladder.agent.Schema;
import dev.ladder.agent.StateGraph;
import dev.ladder.agent.Update;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.Message;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a supervisor graph: node {@code supervisor} asks a model which sub-agent should act next,
 * offering one {@code transfer_to_<name>} tool per agent; the chosen agent (itself a graph over
 * {@link ReactAgent#MESSAGES}) runs on the conversation and its new messages are appended; then the
 * supervisor decides again. When the model answers without a transfer, the run ends with that answer.
 */
public final class Supervisor {
    /** The agent the supervisor chose last, or {@code END}. */
    public static final Key<String> NEXT = Key.of("next", String.class);

    /** The schema of a supervisor's state. */
    public static final Schema SCHEMA = Schema.of(ReactAgent.MESSAGES, NEXT);

    private static final String TRANSFER = "transfer_to_";

    private final ChatModel model;
    private final String systemPrompt;
    private final Map<String, CompiledGraph> agents = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    private Supervisor(ChatModel model, String systemPrompt) {
        this.model = Objects.requireNonNull(model, "model");
        this.systemPrompt = Objects.requireNonNull(systemPrompt, "systemPrompt");
    }

    /** Starts a supervisor asking {@code model}, instructed by {@code systemPrompt}. */
    public static Supervisor of(ChatModel model, String systemPrompt) {
        return new Supervisor(model, systemPrompt);
    }

    /**
     * Adds a sub-agent the supervisor may hand the conversation to; {@code description} tells the
     * model what it is good for. The agent's graph must have {@link ReactAgent#MESSAGES} in its schema.
     */
    public Supervisor agent(String name, String description, CompiledGraph agent) {
        if (agents.putIfAbsent(Objects.requireNonNull(name, "name"), Objects.requireNonNull(agent, "agent")) != null) {
            throw new IllegalArgumentException("agent '" + name + "' is already added");
        }
        descriptions.put(name, Objects.requireNonNull(description, "description"));
        return this;
    }

    /** Returns the supervisor's graph, to compile with the options of the caller's choice. */
    public StateGraph graph() {
        if (agents.isEmpty()) {
            throw new IllegalStateException("a supervisor needs at least one agent: call agent(...) first");
        }
        Map<String, String> routes = new LinkedHashMap<>();
        StateGraph graph =
                StateGraph.of(SCHEMA).node("supervisor", this::decide).edge(START, "supervisor");
        agents.forEach((name, agent) -> {
            graph.node(name, subAgent(agent)).edge(name, "supervisor");
            routes.put(name, name);
        });
        routes.put(END, END);
        return graph.conditionalEdge("supervisor", state -> state.get(NEXT), routes);
    }

    private Update decide(NodeContext context) {
        List<Message> conversation = new ArrayList<>();
        conversation.add(new SystemMessage(systemPrompt));
        conversation.addAll(context.get(ReactAgent.MESSAGES));
        ChatRequest request = ChatRequest.builder()
                .messages(conversation)
                .tools(transferTools())
                .build();
        AssistantMessage answer = model.chat(request).message();
        for (ToolCall call : answer.toolCalls()) {
            String agent = call.name().startsWith(TRANSFER) ? call.name().substring(TRANSFER.length()) : null;
            if (agent != null && agents.containsKey(agent)) {
                List<Message> handOff = List.of(answer, Message.toolResult(call.id(), "transferred to " + agent));
                return Update.of(ReactAgent.MESSAGES, handOff).and(NEXT, agent);
            }
        }
        if (answer.hasToolCalls()) {
            String calls =
                    answer.toolCalls().stream().map(ToolCall::name).toList().toString();
            throw new IllegalStateException("the supervisor model called " + calls + ", not one of "
                    + transferTools().stream().map(Tool::name).toList());
        }
        return Update.of(ReactAgent.MESSAGES, List.<Message>of(answer)).and(NEXT, END);
    }

    private List<Tool> transferTools() {
        List<Tool> tools = new ArrayList<>();
        Map<String, Object> noArguments = Map.of("type", "object", "properties", Map.of());
        descriptions.forEach((name, description) -> tools.add(
                Tool.of(TRANSFER + name, "Hand the conversation to " + name + ": " + description, noArguments)));
        return tools;
    }

    private static Node subAgent(CompiledGraph agent) {
        return context -> {
            List<Message> before = context.get(ReactAgent.MESSAGES);
            RunConfig config = RunConfig.newThread().withListener(event -> {
                if (event instanceof GraphEvent.Token token) {
                    context.emitToken(token.text());
                }
            });
            RunResult result = agent.invoke(Update.of(ReactAgent.MESSAGES, before), config);
            List<Message> after = result.get(ReactAgent.MESSAGES);
            return Update.of(ReactAgent.MESSAGES, List.copyOf(after.subList(before.size(), after.size())));
        };
    }
}
