package dev.ladder.examples.rungs;

import static dev.ladder.agent.prebuilt.ReactAgent.MESSAGES;

import dev.ladder.agent.CompiledGraph;
import dev.ladder.agent.GraphOptions;
import dev.ladder.agent.JdbcCheckpointer;
import dev.ladder.agent.Node;
import dev.ladder.agent.NodeContext;
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
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.examples.Models;
import dev.ladder.reflection.sql.SqlDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Scanner;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rung 4, agents: a music store's back office as a graph. The model ({@code agent}) calls
 * {@link StoreTools} made from annotated methods ({@code tools}); a refund it asks for first passes
 * {@code approval}, which pauses the run for a human. Every step is checkpointed to a SQLite file,
 * and the run resumes from that file with a newly built graph, as a restarted process would.
 *
 * <p>Run from the repository root (a checkpoint file may be given, a temporary one by default), and
 * answer the approval question on the console:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.ladder.examples.rungs.ToolUsingAgent
 * </pre>
 *
 * <p>Without a model configured (see {@link Models}) it prints the graph as Mermaid.
 */
public final class ToolUsingAgent {
    static final RunConfig THREAD = RunConfig.thread("refund-request");
    static final String REQUEST = "Luís Gonçalves was charged twice for his latest invoice. Refund it.";

    private ToolUsingAgent() {}

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0
                ? Path.of(args[0])
                : Files.createTempDirectory("ladder-").resolve("runs.db");
        Scanner console = new Scanner(System.in, "UTF-8");
        Predicate<Object> approve = question -> {
            System.out.print("Approve? [y/N] ");
            return console.hasNextLine() && console.nextLine().strip().equalsIgnoreCase("y");
        };
        run(Models.fromEnv(), file, approve, System.out);
    }

    /** Runs the request until the agent answers, asking {@code approve} whenever the run pauses. */
    static void run(Optional<ChatModel> model, Path checkpoints, Predicate<Object> approve, PrintStream out) {
        StoreTools tools = new StoreTools(SqlDatabase.sqlite(ExampleSupport.chinookCopy()));
        if (model.isEmpty()) {
            out.println(graph(model, tools, GraphOptions.builder().build()).mermaid());
            out.println(Models.HOW_TO_CONFIGURE);
            return;
        }
        out.println("Request: " + REQUEST);
        Update request = Update.of(MESSAGES, List.of(Message.user(REQUEST)));
        RunResult result = onFile(checkpoints, model, tools, agent -> agent.invoke(request, THREAD));
        while (result.interrupted()) {
            Object question = result.interrupts().get(0).payload();
            out.printf("Paused at checkpoint %s in %s: %s%n", result.checkpointId(), checkpoints, question);
            boolean approved = approve.test(question);
            out.println((approved ? "Approved" : "Rejected") + "; resuming from the file with a new graph");
            result = onFile(checkpoints, model, tools, agent -> agent.resume(THREAD, approved));
        }
        result.get(MESSAGES).forEach(message -> out.println("  " + ExampleSupport.turn(message)));
        out.println("Refunds made: " + tools.refunds());
    }

    /** Builds the graph over a new connection to the checkpoint file, runs {@code step}, closes it. */
    private static RunResult onFile(
            Path file, Optional<ChatModel> model, StoreTools tools, Function<CompiledGraph, RunResult> step) {
        try (JdbcCheckpointer checkpointer = JdbcCheckpointer.sqlite(file, ReactAgent.SCHEMA)) {
            return step.apply(graph(
                    model,
                    tools,
                    GraphOptions.builder().checkpointer(checkpointer).build()));
        }
    }

    static CompiledGraph graph(Optional<ChatModel> model, StoreTools tools, GraphOptions options) {
        Toolbox toolbox = Toolbox.of(tools);
        String system = "You run the back office of Chinook, an online music store. Use the tools.";
        Node agent = model.<Node>map(m -> ChatNode.of(m, MESSAGES, system, toolbox.tools()))
                .orElse(context -> {
                    throw new IllegalStateException(Models.HOW_TO_CONFIGURE);
                });
        return StateGraph.of(ReactAgent.SCHEMA)
                .node("agent", agent)
                .node("approval", ToolUsingAgent::approval)
                .node("tools", ToolNode.of(toolbox, MESSAGES, Runnable::run))
                .edge(StateGraph.START, "agent")
                .conditionalEdge(
                        "agent",
                        s -> asksForTools(s) ? "calls" : "answer",
                        Map.of("calls", "approval", "answer", StateGraph.END))
                .conditionalEdge(
                        "approval",
                        s -> asksForTools(s) ? "approved" : "rejected",
                        Map.of("approved", "tools", "rejected", "agent"))
                .edge("tools", "agent")
                .compile(options);
    }

    /**
     * Pauses the run for a human's decision when the model asks for a refund; look-ups pass unasked.
     * A rejection answers every call of that turn with an error the model reads.
     */
    static Update approval(NodeContext context) {
        List<Message> messages = context.get(MESSAGES);
        List<ToolCall> calls = ((AssistantMessage) messages.get(messages.size() - 1)).toolCalls();
        List<ToolCall> refunds =
                calls.stream().filter(c -> c.name().equals("refund")).toList();
        if (refunds.isEmpty() || context.interrupt("approve " + ExampleSupport.calls(refunds) + "?", Boolean.class)) {
            return Update.empty();
        }
        String no = "a manager rejected this call: do not retry it";
        return Update.of(
                MESSAGES,
                calls.stream()
                        .<Message>map(c -> new ToolResultMessage(c.id(), no, true))
                        .toList());
    }

    private static boolean asksForTools(State state) {
        List<Message> messages = state.get(MESSAGES);
        return messages.get(messages.size() - 1) instanceof AssistantMessage last && last.hasToolCalls();
    }
}
