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
import dev.ladder.core.ToolResultMessage;
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
 * A call of any other tool is answered with an error result and the supervisor asks again, so the
 * model can correct itself (the graph's recursion limit bounds how often).
 *
 * <p>Not thread-safe while agents are added; the compiled graph is thread-safe if the models are.
 */
public final class Supervisor {
    /** The agent the supervisor chose last, {@code supervisor} to ask again, or {@code END}. */
    public static final Key<String> NEXT = Key.of("next", String.class);

    /** The schema of a supervisor's state. */
    public static final Schema SCHEMA = Schema.of(ReactAgent.MESSAGES, NEXT);

    private static final String TRANSFER = "transfer_to_";
    private static final String SELF = "supervisor";

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
        StateGraph graph = StateGraph.of(SCHEMA).node(SELF, this::decide).edge(START, SELF);
        agents.forEach((name, agent) -> {
            graph.node(name, subAgent(agent)).edge(name, SELF);
            routes.put(name, name);
        });
        routes.put(SELF, SELF);
        routes.put(END, END);
        return graph.conditionalEdge(SELF, state -> state.get(NEXT), routes);
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
        if (!answer.hasToolCalls()) {
            return Update.of(ReactAgent.MESSAGES, List.<Message>of(answer)).and(NEXT, END);
        }
        String chosen = answer.toolCalls().stream()
                .map(Supervisor::agentOf)
                .filter(agents::containsKey)
                .findFirst()
                .orElse(null);
        List<Message> handOff = new ArrayList<>();
        handOff.add(answer);
        boolean transferred = false;
        for (ToolCall call : answer.toolCalls()) {
            boolean transfer = !transferred && chosen != null && chosen.equals(agentOf(call));
            transferred |= transfer;
            handOff.add(result(call, chosen, transfer));
        }
        return Update.of(ReactAgent.MESSAGES, List.copyOf(handOff)).and(NEXT, chosen == null ? SELF : chosen);
    }

    /** Answers one call; every call needs an answer, as chat APIs require. The first transfer wins. */
    private ToolResultMessage result(ToolCall call, String chosen, boolean transfer) {
        if (chosen == null) {
            return new ToolResultMessage(
                    call.id(),
                    "unknown tool '" + call.name() + "': call one of "
                            + transferTools().stream().map(Tool::name).toList(),
                    true);
        }
        if (transfer) {
            return Message.toolResult(call.id(), "transferred to " + chosen);
        }
        return new ToolResultMessage(
                call.id(), "not done: one agent acts at a time, and " + chosen + " was chosen", true);
    }

    private static String agentOf(ToolCall call) {
        return call.name().startsWith(TRANSFER) ? call.name().substring(TRANSFER.length()) : "";
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
