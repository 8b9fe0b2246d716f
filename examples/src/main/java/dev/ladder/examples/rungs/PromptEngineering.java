package dev.ladder.examples.rungs;

import dev.ladder.core.ChatModel;
import dev.ladder.core.prompt.ChatPrompt;
import dev.ladder.core.schema.Description;
import dev.ladder.core.schema.JsonSchemas;
import dev.ladder.core.schema.StructuredOutput;
import dev.ladder.examples.Models;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rung 1, prompt engineering: a {@link ChatPrompt} made of a system template, two few-shot examples
 * and a user template, whose answer comes back as a record. The record's strict JSON Schema goes
 * with the request as its response format, and {@link StructuredOutput} checks the reply against
 * it before binding it, so a malformed answer fails with the JSON path that is wrong.
 *
 * <p>Run from the repository root (messages to triage may follow as arguments):
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.ladder.examples.rungs.PromptEngineering
 * </pre>
 *
 * <p>Without a model configured (see {@link Models}) it prints the prompt and the schema it would send.
 */
public final class PromptEngineering {

    /** What the support desk of a music store needs to know about a customer's message. */
    public record Triage(
            @Description("What the message is about.") Topic topic,

            @Description("True when the customer asks for money back.")
            boolean refund,

            @Description("The request in at most ten words.")
            String summary) {}

    /** The desk's queues. */
    public enum Topic {
        BILLING,
        DOWNLOAD,
        CATALOG,
        ACCOUNT
    }

    static final ChatPrompt PROMPT = ChatPrompt.builder()
            .system("You triage messages sent to {{store}}, an online music store.")
            .example(
                    "I was charged twice for invoice 98, please give one payment back.",
                    new Triage(Topic.BILLING, true, "Refund a duplicate charge on invoice 98"))
            .example(
                    "Do you have anything by Miles Davis besides Kind of Blue?",
                    new Triage(Topic.CATALOG, false, "Other Miles Davis albums"))
            .user("{{message}}")
            .build();

    static final List<String> MESSAGES = List.of(
            "The AC/DC album stops downloading at 80 percent, every single time.",
            "Please close my account and pay back last month, I never used it.",
            "Which Iron Maiden albums do you sell?");

    private PromptEngineering() {}

    public static void main(String[] args) {
        run(Models.fromEnv(), args.length > 0 ? List.of(args) : MESSAGES, System.out);
    }

    /** Prints the prompt and the answer schema, then, given a model, triages each message. */
    static void run(Optional<ChatModel> model, List<String> messages, PrintStream out) {
        out.println("The conversation sent for \"" + messages.get(0) + "\":");
        PROMPT.messages(values(messages.get(0))).forEach(m -> out.println("  " + ExampleSupport.turn(m)));
        out.println("The answer must match this JSON Schema (strict mode):");
        out.println("  " + StructuredOutput.toJson(JsonSchemas.strict(Triage.class)));
        if (model.isEmpty()) {
            out.println(Models.HOW_TO_CONFIGURE);
            return;
        }
        out.println("Triage by the model:");
        for (String message : messages) {
            Triage triage = PROMPT.ask(model.get(), values(message), Triage.class);
            out.printf("  %-8s refund=%-5s %s  <- %s%n", triage.topic(), triage.refund(), triage.summary(), message);
        }
    }

    private static Map<String, String> values(String message) {
        return Map.of("store", "Chinook", "message", message);
    }
}
