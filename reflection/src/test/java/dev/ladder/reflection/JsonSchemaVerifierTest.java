package dev.ladder.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.ResponseFormat;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemaVerifierTest {
    private static final Map<String, Object> FORECAST = Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                    "city", Map.of("type", "string"),
                    "highs", Map.of("type", "array", "items", Map.of("type", "integer"))),
            "required",
            List.of("city", "highs"),
            "additionalProperties",
            false);

    @Test
    void passesJsonThatMatchesTheSchema() {
        Verdict verdict = JsonSchemaVerifier.of(FORECAST).verify("task", "{\"city\":\"Oslo\",\"highs\":[3,5]}");

        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void readsJsonFromACodeFence() {
        String answer = "Sure:\n```json\n{\"city\":\"Oslo\",\"highs\":[3]}\n```";

        assertThat(JsonSchemaVerifier.of(FORECAST).verify("task", answer).passed())
                .isTrue();
    }

    @Test
    void listsEveryViolationWithItsPath() {
        Verdict verdict = JsonSchemaVerifier.of(FORECAST).verify("task", "{\"city\":\"Oslo\",\"highs\":[3,\"warm\"]}");

        assertThat(verdict.feedback())
                .isEqualTo("The JSON does not match the required schema:\n"
                        + "- $.highs[1]: expected integer but found string \"warm\"\n"
                        + "Reply with the corrected JSON only.");
    }

    @Test
    void failsTextThatIsNotJson() {
        Verdict verdict = JsonSchemaVerifier.of(FORECAST).verify("task", "It will be warm in Oslo.");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.feedback()).startsWith("The JSON does not match the required schema:\n- $: expected JSON");
    }

    @Test
    void loopCorrectsStructuredOutputFromTheViolations() {
        ScriptedChatModel model = ScriptedChatModel.create()
                .replies("{\"city\":\"Oslo\",\"highs\":[\"3\"]}", "{\"city\":\"Oslo\",\"highs\":[3]}");

        ReflectionResult result = ReflectionLoop.builder(model, JsonSchemaVerifier.of(FORECAST))
                .requestOptions(request -> request.responseFormat(ResponseFormat.jsonSchema("forecast", FORECAST)))
                .build()
                .run("Give the forecast for Oslo as JSON.");

        assertThat(result.output()).isEqualTo("{\"city\":\"Oslo\",\"highs\":[3]}");
        assertThat(model.lastRequest().responseFormat().name()).isEqualTo("forecast");
        assertThat(result.attempts().get(0).verdict().feedback())
                .contains("- $.highs[0]: expected integer but found string");
    }
}
