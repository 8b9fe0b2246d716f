package dev.ladder.peft.dataset;

import dev.ladder.peft.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks one parsed example line of a given format and estimates its tokens. Thread-safe. */
final class ExampleCheck {
    private static final Set<String> CHAT_KEYS = Set.of("messages", "tools", "parallel_tool_calls", "functions");
    private static final Set<String> PREFERENCE_KEYS = Set.of("input", "preferred_output", "non_preferred_output");

    private final DatasetFormat format;
    private final ConversationCheck conversation;
    private final List<String> graderFields;

    ExampleCheck(DatasetFormat format, TokenEstimator estimator, List<String> graderFields) {
        this.format = format;
        this.conversation = new ConversationCheck(estimator);
        this.graderFields = graderFields;
    }

    /** Checks {@code example}, reporting into {@code issues}; returns its stats, or null if unusable. */
    ExampleStats check(int line, Map<?, ?> example, LineIssues issues) {
        return switch (format) {
            case CHAT -> chat(line, example, issues);
            case PREFERENCE -> preference(line, example, issues);
            case REINFORCEMENT -> reinforcement(line, example, issues);
        };
    }

    private ExampleStats reinforcement(int line, Map<?, ?> example, LineIssues issues) {
        for (String field : graderFields) {
            if (example.get(field) == null) {
                issues.error(
                        "missing_grader_field",
                        "no \"" + field + "\", which the grader reads as {{item." + field + "}}: add it to every line");
            }
        }
        Set<String> tools = conversation.declaredTools(example.get("tools"), issues);
        ConversationCheck.Tally tally = conversation.check(example.get("messages"), tools, "messages", issues);
        if (tally == null) {
            return null;
        }
        if (!"user".equals(tally.lastRole())) {
            issues.error(
                    "prompt_not_ending_with_user",
                    "messages end with " + withArticle(tally.lastRole()) + " message: a reinforcement prompt must"
                            + " end with the user turn the model answers");
        }
        int toolTokens = example.get("tools") == null ? 0 : conversation.count(Json.write(example.get("tools")));
        return new ExampleStats(line, tally.tokens() + toolTokens, 0);
    }

    private ExampleStats chat(int line, Map<?, ?> example, LineIssues issues) {
        unknownKeys(example, CHAT_KEYS, issues);
        Set<String> tools = conversation.declaredTools(example.get("tools"), issues);
        ConversationCheck.Tally tally = conversation.check(example.get("messages"), tools, "messages", issues);
        if (tally == null) {
            return null;
        }
        if (tally.learnableTurns() == 0) {
            issues.error("no_assistant_turn", "no assistant turn to learn from: add an assistant message (weight 1)");
        }
        if (!tally.hasSystem()) {
            issues.warn(
                    "missing_system",
                    "no system message: the model learns to answer like this without one;"
                            + " add the system prompt you will use in production");
        }
        if (tally.lastRole() != null && !tally.lastRole().equals("assistant")) {
            issues.warn(
                    "trailing_turn",
                    "ends with " + withArticle(tally.lastRole()) + " message after the last assistant"
                            + " turn: nothing is learned from it");
        }
        int toolTokens = example.get("tools") == null ? 0 : conversation.count(Json.write(example.get("tools")));
        return new ExampleStats(line, tally.tokens() + toolTokens, tally.trainedTokens());
    }

    private ExampleStats preference(int line, Map<?, ?> example, LineIssues issues) {
        unknownKeys(example, PREFERENCE_KEYS, issues);
        if (!(example.get("input") instanceof Map<?, ?> input)) {
            issues.error("missing_input", "\"input\" must be an object with \"messages\"");
            return null;
        }
        Set<String> tools = conversation.declaredTools(input.get("tools"), issues);
        ConversationCheck.Tally tally = conversation.check(input.get("messages"), tools, "input.messages", issues);
        Integer preferred = output("preferred_output", example.get("preferred_output"), issues);
        Integer rejected = output("non_preferred_output", example.get("non_preferred_output"), issues);
        if (tally == null || preferred == null || rejected == null) {
            return null;
        }
        if (!"user".equals(tally.lastRole())) {
            issues.error(
                    "input_not_ending_with_user",
                    "input ends with " + withArticle(tally.lastRole()) + " message: it must"
                            + " end with the user turn both outputs answer");
        }
        if (example.get("preferred_output").equals(example.get("non_preferred_output"))) {
            issues.error(
                    "identical_outputs",
                    "preferred_output and non_preferred_output are identical: the pair" + " teaches no preference");
        }
        return new ExampleStats(line, tally.tokens() + preferred + rejected, preferred + rejected);
    }

    private Integer output(String key, Object value, LineIssues issues) {
        if (!(value instanceof List<?> list)
                || list.size() != 1
                || !(list.get(0) instanceof Map<?, ?> message)
                || !"assistant".equals(message.get("role"))) {
            issues.error("invalid_output", "\"" + key + "\" must be an array holding exactly one assistant message");
            return null;
        }
        Object content = message.get("content");
        if (message.get("tool_calls") == null && (!(content instanceof String text) || text.isBlank())) {
            issues.error("invalid_output", "the assistant message in \"" + key + "\" has no content");
            return null;
        }
        String text = content instanceof String s ? s : Json.write(message.get("tool_calls"));
        return ConversationCheck.TOKENS_PER_MESSAGE + conversation.count(text);
    }

    private static String withArticle(String role) {
        if (role == null) {
            return "no";
        }
        return (role.startsWith("a") ? "an " : "a ") + role;
    }

    private static void unknownKeys(Map<?, ?> example, Set<String> known, LineIssues issues) {
        for (Object key : example.keySet()) {
            if (!known.contains(key)) {
                issues.warn(
                        "unrecognized_key",
                        "unrecognized top-level key '" + key + "' is ignored by the"
                                + " providers: remove it or check its spelling");
            }
        }
    }
}
