package dev.ladder.peft.dataset;

import dev.ladder.peft.internal.Json;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one list of chat messages: roles, their order, content, weights and tool calls, and estimates
 * its tokens. Stateless apart from the estimator; thread-safe.
 */
final class ConversationCheck {
    /** Tokens OpenAI's cookbook counts per message for the role and separators. */
    static final int TOKENS_PER_MESSAGE = 3;
    /** Tokens counted per image part, the price of a low-detail image. */
    static final int TOKENS_PER_IMAGE = 85;

    private static final Set<String> SYSTEM_KEYS = Set.of("role", "content", "name");
    private static final Map<String, Set<String>> KEYS_BY_ROLE = Map.of(
            "system", SYSTEM_KEYS,
            "developer", SYSTEM_KEYS,
            "user", SYSTEM_KEYS,
            "assistant", Set.of("role", "content", "name", "weight", "tool_calls", "function_call", "refusal"),
            "tool", Set.of("role", "content", "tool_call_id", "name"));

    private final TokenEstimator estimator;

    ConversationCheck(TokenEstimator estimator) {
        this.estimator = estimator;
    }

    /** What a conversation held, for the checks of the example around it. */
    record Tally(int tokens, int trainedTokens, int learnableTurns, boolean hasSystem, String lastRole) {}

    Tally check(Object value, Set<String> declaredTools, String where, LineIssues issues) {
        if (!(value instanceof List<?> messages)) {
            issues.error("missing_messages", "'" + where + "' must be an array of messages");
            return null;
        }
        if (messages.isEmpty()) {
            issues.error("missing_messages", "'" + where + "' is empty: add the conversation to learn from");
            return null;
        }
        Walk walk = new Walk(declaredTools, issues);
        for (int i = 0; i < messages.size(); i++) {
            walk.visit(i + 1, messages.get(i));
        }
        return walk.tally();
    }

    Set<String> declaredTools(Object tools, LineIssues issues) {
        if (tools == null) {
            return null;
        }
        if (!(tools instanceof List<?> list)) {
            issues.error("invalid_tools", "'tools' must be an array of function definitions");
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (int j = 0; j < list.size(); j++) {
            String name = functionName(list.get(j));
            if (name == null) {
                issues.error(
                        "invalid_tools",
                        "tool " + (j + 1) + " in 'tools' needs \"type\": \"function\" and a"
                                + " \"function\" object with a \"name\"");
            } else {
                names.add(name);
            }
        }
        return names;
    }

    int count(String text) {
        return estimator.count(text);
    }

    private static String functionName(Object tool) {
        if (tool instanceof Map<?, ?> map
                && "function".equals(map.get("type"))
                && map.get("function") instanceof Map<?, ?> function
                && function.get("name") instanceof String name
                && !name.isBlank()) {
            return name;
        }
        return null;
    }

    /** The state of one pass over the messages. */
    private final class Walk {
        private final Set<String> declaredTools;
        private final LineIssues issues;
        private final Set<String> pendingCalls = new LinkedHashSet<>();
        private int tokens = TOKENS_PER_MESSAGE;
        private int trainedTokens;
        private int learnableTurns;
        private boolean hasSystem;
        private boolean started;
        private boolean sawUser;
        private String lastRole;

        Walk(Set<String> declaredTools, LineIssues issues) {
            this.declaredTools = declaredTools;
            this.issues = issues;
        }

        void visit(int n, Object value) {
            if (!(value instanceof Map<?, ?> message)) {
                issues.error("not_object", "message " + n + " is not a JSON object");
                return;
            }
            if (!(message.get("role") instanceof String role)) {
                issues.error(
                        "missing_role",
                        "message " + n + " has no \"role\": add one of system, user, assistant," + " tool");
                return;
            }
            Set<String> allowed = KEYS_BY_ROLE.get(role);
            if (allowed == null) {
                issues.error(
                        "unknown_role",
                        "message " + n + " has unknown role '" + role + "': use one of system,"
                                + " developer, user, assistant, tool");
                return;
            }
            for (Object key : message.keySet()) {
                if (!allowed.contains(key)) {
                    issues.error(
                            "unrecognized_key",
                            "message " + n + " (" + role + ") has unrecognized key '" + key + "': remove it");
                }
            }
            visit(n, role, message);
            lastRole = role;
        }

        private void visit(int n, String role, Map<?, ?> message) {
            int content = content(n, role, message);
            tokens += TOKENS_PER_MESSAGE + content + name(message);
            switch (role) {
                case "system", "developer" -> system(n, role);
                case "user" -> user(n);
                case "assistant" -> assistant(n, message, content);
                default -> tool(n, message);
            }
        }

        private void system(int n, String role) {
            if (started) {
                issues.error(
                        "system_after_turn",
                        "message " + n + " (" + role + ") comes after the conversation"
                                + " started: put system messages first");
            }
            hasSystem = true;
        }

        private void user(int n) {
            closeToolCalls(n);
            started = true;
            sawUser = true;
        }

        private void assistant(int n, Map<?, ?> message, int contentTokens) {
            closeToolCalls(n);
            if (!sawUser) {
                issues.error(
                        "missing_user",
                        "message " + n + " (assistant) comes before any user message: add the"
                                + " user turn it answers");
            }
            started = true;
            int callTokens = toolCalls(n, message.get("tool_calls"));
            tokens += callTokens;
            if (weight(n, message.get("weight")) != 0) {
                trainedTokens += contentTokens + callTokens;
                learnableTurns++;
            }
        }

        private void tool(int n, Map<?, ?> message) {
            if (pendingCalls.isEmpty()) {
                issues.error(
                        "tool_without_call",
                        "message " + n + " (tool) answers no tool call: it must follow an"
                                + " assistant message with tool_calls");
                return;
            }
            if (!(message.get("tool_call_id") instanceof String id)) {
                issues.error(
                        "missing_tool_call_id",
                        "message " + n + " (tool) has no \"tool_call_id\": name the" + " call it answers");
                return;
            }
            if (!pendingCalls.remove(id)) {
                issues.error(
                        "unknown_tool_call_id",
                        "message " + n + " (tool) answers tool call '" + id + "', which"
                                + " the assistant turn before it did not make");
            }
        }

        private void closeToolCalls(int n) {
            if (!pendingCalls.isEmpty()) {
                issues.error(
                        "unanswered_tool_call",
                        "tool call(s) " + String.join(", ", pendingCalls) + " get no" + " tool message before message "
                                + n + ": add a tool message with each tool_call_id");
                pendingCalls.clear();
            }
        }

        private int name(Map<?, ?> message) {
            return message.get("name") instanceof String name ? 1 + count(name) : 0;
        }

        private int content(int n, String role, Map<?, ?> message) {
            Object content = message.get("content");
            boolean calls = message.get("tool_calls") != null || message.get("function_call") != null;
            String label = "message " + n + " (" + role + ")";
            if (content == null) {
                if (!calls) {
                    issues.error("missing_content", label + " has no \"content\"");
                }
                return 0;
            }
            if (content instanceof String text) {
                if (text.isBlank() && !calls) {
                    issues.error("empty_content", label + " has empty content");
                }
                return count(text);
            }
            if (content instanceof List<?> parts && !parts.isEmpty()) {
                return parts(label, role, parts);
            }
            issues.error("invalid_content", "content of " + label + " must be a non-empty string or array of parts");
            return 0;
        }

        private int parts(String label, String role, List<?> parts) {
            int total = 0;
            for (int j = 0; j < parts.size(); j++) {
                Object part = parts.get(j);
                if (part instanceof Map<?, ?> map
                        && "text".equals(map.get("type"))
                        && map.get("text") instanceof String t) {
                    total += count(t);
                } else if (part instanceof Map<?, ?> map
                        && "image_url".equals(map.get("type"))
                        && role.equals("user")) {
                    total += TOKENS_PER_IMAGE;
                } else {
                    issues.error(
                            "invalid_content",
                            "part " + (j + 1) + " of " + label + " must be {\"type\": \"text\"," + " \"text\": ...}"
                                    + (role.equals("user") ? " or an image_url part" : ""));
                }
            }
            return total;
        }

        private double weight(int n, Object weight) {
            if (weight == null) {
                return 1;
            }
            if (weight instanceof Number number && (number.doubleValue() == 0 || number.doubleValue() == 1)) {
                return number.doubleValue();
            }
            issues.error(
                    "invalid_weight",
                    "weight of message " + n + " (assistant) must be 0 or 1 but was " + Json.writeWithNulls(weight));
            return 1;
        }

        private int toolCalls(int n, Object value) {
            if (value == null) {
                return 0;
            }
            if (!(value instanceof List<?> calls) || calls.isEmpty()) {
                issues.error("invalid_tool_call", "tool_calls of message " + n + " must be a non-empty array");
                return 0;
            }
            int total = 0;
            for (int j = 0; j < calls.size(); j++) {
                total += toolCall(n, j + 1, calls.get(j));
            }
            return total;
        }

        private int toolCall(int n, int j, Object value) {
            String label = "tool call " + j + " of message " + n;
            if (!(value instanceof Map<?, ?> call)
                    || !(call.get("id") instanceof String id)
                    || id.isBlank()
                    || !"function".equals(call.get("type"))
                    || !(call.get("function") instanceof Map<?, ?> function)
                    || !(function.get("name") instanceof String name)
                    || !(function.get("arguments") instanceof String arguments)) {
                issues.error(
                        "invalid_tool_call",
                        label + " needs \"id\", \"type\": \"function\" and a \"function\""
                                + " with \"name\" and \"arguments\" (a JSON string)");
                return 0;
            }
            try {
                Json.parse(arguments);
            } catch (IOException | RuntimeException e) {
                issues.error(
                        "invalid_tool_call",
                        "arguments of " + label + " ('" + id + "') are not valid JSON: " + Json.abbreviate(arguments));
            }
            if (declaredTools != null && !declaredTools.contains(name)) {
                issues.error(
                        "unknown_tool",
                        label + " calls '" + name + "', which 'tools' does not declare: declare"
                                + " it or fix the name");
            }
            pendingCalls.add(id);
            return count(name) + count(arguments) + TOKENS_PER_MESSAGE;
        }

        Tally tally() {
            return new Tally(tokens, trainedTokens, learnableTurns, hasSystem, lastRole);
        }
    }
}
