package dev.ladder.core.schema;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.FinishReason;
import dev.ladder.core.Usage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the chat completions recorded by openai-python (test resource
 * {@code schema/nonstreaming_recorded_responses.jsonl}) into {@link ChatResponse}s, mapping only
 * what structured output reads: text, refusal, finish reason and usage.
 */
final class RecordedResponses {
    private static final JsonAdapter<Map<String, Object>> ADAPTER =
            new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    private RecordedResponses() {}

    /** Returns the response recorded for the openai-python test named {@code test}. */
    static ChatResponse response(String test) {
        for (Map<String, Object> line : lines()) {
            if (line.get("test").equals(test)) {
                return toResponse((Map<?, ?>) line.get("response"));
            }
        }
        throw new IllegalArgumentException("no recorded response for test " + test);
    }

    private static List<Map<String, Object>> lines() {
        List<Map<String, Object>> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                RecordedResponses.class.getResourceAsStream("/schema/nonstreaming_recorded_responses.jsonl"),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(ADAPTER.fromJson(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static ChatResponse toResponse(Map<?, ?> body) {
        List<Choice> choices = new ArrayList<>();
        for (Object item : (List<?>) body.get("choices")) {
            Map<?, ?> choice = (Map<?, ?>) item;
            Map<?, ?> message = (Map<?, ?>) choice.get("message");
            String reason = (String) choice.get("finish_reason");
            choices.add(new Choice(
                    ((Number) choice.get("index")).intValue(),
                    new AssistantMessage((String) message.get("content"), (String) message.get("refusal"), List.of()),
                    finishReason(reason),
                    reason,
                    List.of()));
        }
        Map<?, ?> usage = (Map<?, ?>) body.get("usage");
        return new ChatResponse(
                (String) body.get("id"),
                (String) body.get("model"),
                choices,
                new Usage(
                        ((Number) usage.get("prompt_tokens")).longValue(),
                        ((Number) usage.get("completion_tokens")).longValue(),
                        0,
                        0),
                null);
    }

    private static FinishReason finishReason(String reason) {
        switch (reason) {
            case "stop":
                return FinishReason.STOP;
            case "length":
                return FinishReason.LENGTH;
            case "tool_calls":
                return FinishReason.TOOL_CALLS;
            default:
                return FinishReason.OTHER;
        }
    }
}
