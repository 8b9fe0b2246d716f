package dev.ladder.examples;

import static dev.ladder.agent.prebuilt.ReactAgent.MESSAGES;

import dev.ladder.agent.CompiledGraph;
import dev.ladder.agent.GraphOptions;
import dev.ladder.agent.Interrupt;
import dev.ladder.agent.JdbcCheckpointer;
import dev.ladder.agent.Node;
import dev.ladder.agent.NodeContext;
import dev.ladder.agent.NodeOptions;
import dev.ladder.agent.RunConfig;
import dev.ladder.agent.RunResult;
import dev.ladder.agent.State;
import dev.ladder.agent.StateGraph;
import dev.ladder.agent.Update;
import dev.ladder.agent.prebuilt.ChatNode;
import dev.ladder.agent.prebuilt.ReactAgent;
import dev.ladder.agent.tool.ToolNode;
import dev.ladder.agent.tool.Toolbox;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatModel;
import dev.ladder.core.Message;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.reflection.sql.SchemaOptions;
import dev.ladder.reflection.sql.SqlDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo's agent step: a tool-using agent whose every tool call waits for a human's approval,
 * rendered as Mermaid, and with a model run on a SQLite checkpoint, paused at the approval and
 * resumed from the file as a restarted process would.
 */
final class AgentStep {
    static final String QUESTION = "Who are the three customers who spent the most, and how much did each spend?";
    private static final int MAX_APPROVALS = 4;

    private final Optional<ChatModel> model;
    private final SqlDatabase chinook;
    private final Path checkpoints;
    private final PrintStream out;

    AgentStep(Optional<ChatModel> model, SqlDatabase chinook, Path checkpoints, PrintStream out) {
        this.model = model;
        this.chinook = chinook;
        this.checkpoints = checkpoints;
        this.out = out;
    }

    void run() {
        Toolbox toolbox = Toolbox.of(new ChinookTools(chinook));
        Node agent = model.<Node>map(chatModel -> ChatNode.of(chatModel, MESSAGES, systemPrompt(), toolbox.tools()))
                .orElse(context -> {
                    throw new IllegalStateException(
                            "the agent node needs a language model: " + Models.HOW_TO_CONFIGURE);
                });
        StateGraph graph = graph(agent, toolbox);

        Table tools = Table.withMaxWidth(130, List.of("tool", "description"));
        for (Tool tool : toolbox.tools()) {
            tools.row(tool.name(), tool.description());
        }
        out.print(tools.render());
        out.println("The graph, as Mermaid (paste it into https://mermaid.live):");
        graph.compile().mermaid().lines().forEach(line -> out.println("  " + line));

        if (model.isPresent()) {
            runWithApprovals(graph);
        }
    }

    /**
     * The agent asks the model; a tool call goes to approval, and only an approved call runs (one after
     * the other, on the graph's thread).
     */
    static StateGraph graph(Node agent, Toolbox toolbox) {
        return StateGraph.of(ReactAgent.SCHEMA)
                .node("agent", agent)
                .node("approve", AgentStep::approve, NodeOptions.routesTo("tools", "agent"))
                .node("tools", ToolNode.of(toolbox, MESSAGES, Runnable::run))
                .edge(StateGraph.START, "agent")
                .conditionalEdge("agent", AgentStep::route, Map.of("tool call", "approve", "answer", StateGraph.END))
                .edge("tools", "agent");
    }

    private static String route(State state) {
        return lastToolCalls(state).isEmpty() ? "answer" : "tool call";
    }

    private static Update approve(NodeContext context) {
        List<ToolCall> calls = lastToolCalls(context.state());
        List<Map<String, String>> shown = calls.stream()
                .map(call -> Map.of("tool", call.name(), "arguments", call.arguments()))
                .toList();
        boolean approved =
                context.interrupt(Map.of("question", "Run these tool calls?", "calls", shown), Boolean.class);
        if (approved) {
            return Update.goTo("tools");
        }
        List<Message> declined = calls.stream()
                .<Message>map(call -> new ToolResultMessage(call.id(), "A human declined this call.", true))
                .toList();
        return Update.of(MESSAGES, declined).andGoTo("agent");
    }

    private static List<ToolCall> lastToolCalls(State state) {
        List<Message> messages = state.get(MESSAGES);
        Message last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        return last instanceof AssistantMessage assistant ? assistant.toolCalls() : List.of();
    }

    private String systemPrompt() {
        return "You answer questions about the Chinook music store. Look the facts up with the run_query tool,"
                + " which runs SQLite queries on this schema:\n" + chinook.describe(SchemaOptions.ALL_TABLES)
                + "\nAnswer briefly, with the figures you found.";
    }

    private void runWithApprovals(StateGraph graph) {
        out.println();
        out.println("Running it with checkpoints in " + checkpoints.getFileName() + ": " + QUESTION);
        RunConfig thread = RunConfig.thread("demo-customers");
        RunResult result =
                run(graph, compiled -> compiled.invoke(Update.of(MESSAGES, List.of(Message.user(QUESTION))), thread));
        int approvals = 0;
        while (result.interrupted() && approvals < MAX_APPROVALS) {
            showQuestion(result);
            out.println("  paused; checkpoint " + result.checkpointId() + " is on disk. Resuming from the file,"
                    + " as a restarted process would, with the answer: approved (the demo answers for you)");
            result = run(graph, compiled -> compiled.resume(thread, true));
            approvals++;
        }
        if (result.interrupted()) {
            out.println("  stopped after " + MAX_APPROVALS + " approvals; thread '" + thread.threadId()
                    + "' stays paused in " + checkpoints.getFileName());
            return;
        }
        out.println("  A (from the model): " + ReactAgent.answer(result.state()).strip());
        out.println("  messages in the thread: " + result.get(MESSAGES).size());
    }

    private RunResult run(StateGraph graph, Function<CompiledGraph, RunResult> call) {
        try (JdbcCheckpointer checkpointer = JdbcCheckpointer.sqlite(checkpoints, ReactAgent.SCHEMA)) {
            CompiledGraph compiled = graph.compile(
                    GraphOptions.builder().checkpointer(checkpointer).build());
            return call.apply(compiled);
        }
    }

    private void showQuestion(RunResult result) {
        for (Interrupt interrupt : result.interrupts()) {
            out.println("  node '" + interrupt.node() + "' asks a human: run these tool calls?");
        }
        Table calls = Table.withMaxWidth(100, List.of("tool", "arguments"));
        lastToolCalls(result.state()).forEach(call -> calls.row(call.name(), call.arguments()));
        out.print(calls.render());
    }
}
