package dev.ladder.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.schema.Description;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ToolboxTest {

    /** Tools over a tiny weather table. */
    public static final class Weather {
        final CountDownLatch together = new CountDownLatch(2);

        @ToolMethod("Returns the temperature in a city, in degrees Celsius.")
        public int temperature(@Description("the city's English name") String city, Optional<String> unit) {
            if (city.equals("Atlantis")) {
                throw new IllegalStateException("no station in Atlantis");
            }
            return city.length() + unit.map(String::length).orElse(0);
        }

        @ToolMethod(value = "Waits until another call of this tool runs at the same time.", name = "meet")
        public String meetAnother(String who) throws InterruptedException {
            together.countDown();
            return who + (together.await(5, TimeUnit.SECONDS) ? " met" : " waited alone");
        }
    }

    private final Weather weather = new Weather();
    private final Toolbox toolbox = Toolbox.of(weather);

    @Test
    void toolDescribesNameDescriptionAndParameterSchemaFromTheMethod() {
        Tool tool = toolbox.tools().get(1);

        assertThat(tool.name()).isEqualTo("temperature");
        assertThat(tool.description()).isEqualTo("Returns the temperature in a city, in degrees Celsius.");
        assertThat(tool.parameters())
                .isEqualTo(Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of(
                                "city", Map.of("type", "string", "description", "the city's English name"),
                                "unit", Map.of("type", "string")),
                        "required",
                        List.of("city"),
                        "additionalProperties",
                        false));
    }

    @Test
    void annotationNameOverridesTheMethodName() {
        assertThat(toolbox.tools()).extracting(Tool::name).containsExactly("meet", "temperature");
    }

    @Test
    void callBindsArgumentsAndRendersTheResult() {
        ToolResultMessage result =
                toolbox.call(new ToolCall("c1", "temperature", "{\"city\":\"Oslo\",\"unit\":\"C\"}"));

        assertThat(result).isEqualTo(new ToolResultMessage("c1", "5", false));
    }

    @Test
    void unknownToolBecomesAnErrorResult() {
        ToolResultMessage result = toolbox.call(new ToolCall("c2", "forecast", "{}"));

        assertThat(result)
                .isEqualTo(new ToolResultMessage(
                        "c2", "unknown tool 'forecast': available tools are [meet, temperature]", true));
    }

    @Test
    void argumentsOfTheWrongTypeBecomeAnErrorResultNamingThePath() {
        ToolResultMessage result = toolbox.call(new ToolCall("c3", "temperature", "{\"city\":42}"));

        assertThat(result.error()).isTrue();
        assertThat(result.content())
                .startsWith("invalid arguments for tool 'temperature': $.city: ")
                .endsWith("; call it again with arguments that match its schema");
    }

    @Test
    void argumentsThatAreNotJsonBecomeAnErrorResult() {
        ToolResultMessage result = toolbox.call(new ToolCall("c4", "temperature", "{city: Oslo"));

        assertThat(result.error()).isTrue();
        assertThat(result.content()).startsWith("invalid arguments for tool 'temperature': $: ");
    }

    @Test
    void exceptionInTheToolBecomesAnErrorResult() {
        ToolResultMessage result = toolbox.call(new ToolCall("c5", "temperature", "{\"city\":\"Atlantis\"}"));

        assertThat(result)
                .isEqualTo(new ToolResultMessage(
                        "c5", "tool 'temperature' failed: IllegalStateException: no station in Atlantis", true));
    }

    @Test
    void severalCallsRunInParallel() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<ToolResultMessage> results = toolbox.callAll(
                    List.of(new ToolCall("a", "meet", "{\"who\":\"a\"}"), new ToolCall("b", "meet", "{\"who\":\"b\"}")),
                    executor);

            assertThat(results).extracting(ToolResultMessage::content).containsExactly("a met", "b met");
        } finally {
            executor.shutdownNow();
        }
    }

    /** A trip, as a record parameter of a tool. */
    public record Trip(String from, String to, int nights) {}

    /** A tool with structured parameters. */
    public static final class Travel {
        @ToolMethod("Books a trip for travellers.")
        public String book(Trip trip, List<String> travellers) {
            return trip.from() + "->" + trip.to() + " x" + trip.nights() + " for " + String.join(" and ", travellers);
        }
    }

    @Test
    void recordAndListParametersAreDescribedAndBound() {
        Toolbox travel = Toolbox.of(new Travel());

        ToolResultMessage result = travel.call(new ToolCall(
                "t1",
                "book",
                "{\"trip\":{\"from\":\"Oslo\",\"to\":\"Rome\",\"nights\":3},\"travellers\":[\"Ada\",\"Alan\"]}"));

        assertThat(result).isEqualTo(new ToolResultMessage("t1", "Oslo->Rome x3 for Ada and Alan", false));
        Map<?, ?> properties = (Map<?, ?>) travel.tools().get(0).parameters().get("properties");
        assertThat(((Map<?, ?>) properties.get("trip")).get("type")).isEqualTo("object");
        assertThat(properties.get("travellers")).isEqualTo(Map.of("type", "array", "items", Map.of("type", "string")));
    }

    @Test
    void argumentMissingARequiredRecordFieldBecomesAnErrorResult() {
        ToolResultMessage result = Toolbox.of(new Travel())
                .call(new ToolCall("t2", "book", "{\"trip\":{\"from\":\"Oslo\"},\"travellers\":[]}"));

        assertThat(result.error()).isTrue();
        assertThat(result.content()).startsWith("invalid arguments for tool 'book': $.trip");
    }

    @Test
    void objectWithoutToolMethodsIsRejected() {
        assertThatThrownBy(() -> Toolbox.of("not a tool"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.String has no public method annotated with @ToolMethod");
    }
}
