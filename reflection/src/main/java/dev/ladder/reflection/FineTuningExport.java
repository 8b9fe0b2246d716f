package dev.ladder.reflection;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.Message;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.UserMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns reflection traces into fine-tuning data, so that what the loop corrected at run time can be
 * trained into the model (rung 5).
 *
 * <p>Only traces that ended with a passing output are used. Each failed attempt of such a trace
 * becomes one example: its prompt, answered with the passing output. As SFT data that is a chat
 * example in the OpenAI format ({@code {"messages":[...]}}); as DPO data it is a preference pair in
 * OpenAI's format ({@code {"input":{"messages":[...]},"preferred_output":[...],
 * "non_preferred_output":[...]}}) with the passing output preferred and the failed one not. Together
 * AI and other OpenAI-compatible fine-tuning services accept the same lines.
 *
 * <p>Stateless and thread-safe.
 */
public final class FineTuningExport {
    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    private FineTuningExport() {}

    /** Returns one SFT JSONL line per failed attempt that a later attempt corrected. */
    public static List<String> sftLines(List<ReflectionResult> traces) {
        List<String> lines = new ArrayList<>();
        for (ReflectionResult trace : traces) {
            for (Attempt failed : correctedFailures(trace)) {
                List<Object> messages = messages(failed.prompt());
                messages.add(assistant(trace.output()));
                lines.add(JSON.toJson(Map.of("messages", messages)));
            }
        }
        return lines;
    }

    /** Returns one DPO JSONL line per failed attempt that a later attempt corrected. */
    public static List<String> dpoLines(List<ReflectionResult> traces) {
        List<String> lines = new ArrayList<>();
        for (ReflectionResult trace : traces) {
            for (Attempt failed : correctedFailures(trace)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("input", Map.of("messages", messages(failed.prompt())));
                line.put("preferred_output", List.of(assistant(trace.output())));
                line.put("non_preferred_output", List.of(assistant(failed.output())));
                lines.add(JSON.toJson(line));
            }
        }
        return lines;
    }

    /**
     * Writes {@code lines} to {@code out}, each followed by a newline; does not close {@code out}.
     *
     * @throws UncheckedIOException when writing fails.
     */
    public static void write(List<String> lines, Writer out) {
        try {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write fine-tuning JSONL: " + e.getMessage(), e);
        }
    }

    private static List<Attempt> correctedFailures(ReflectionResult trace) {
        if (!trace.passed()) {
            return List.of();
        }
        List<Attempt> attempts = trace.attempts();
        return attempts.subList(0, attempts.size() - 1);
    }

    private static List<Object> messages(List<Message> prompt) {
        List<Object> messages = new ArrayList<>();
        for (Message message : prompt) {
            messages.add(message(message));
        }
        return messages;
    }

    private static Map<String, Object> message(Message message) {
        if (message instanceof SystemMessage system) {
            return turn("system", system.text());
        }
        if (message instanceof UserMessage user) {
            return turn("user", user.text());
        }
        if (message instanceof AssistantMessage assistant) {
            return assistant(assistant.text() == null ? "" : assistant.text());
        }
        ToolResultMessage tool = (ToolResultMessage) message;
        Map<String, Object> turn = turn("tool", tool.content());
        turn.put("tool_call_id", tool.toolCallId());
        return turn;
    }

    private static Map<String, Object> assistant(String text) {
        return turn("assistant", text);
    }

    private static Map<String, Object> turn(String role, String content) {
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("role", role);
        turn.put("content", content);
        return turn;
    }
}
