package dev.ladder.core.schema;

import static dev.ladder.core.schema.SchemaJson.json;
import static dev.ladder.core.schema.SchemaJson.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.squareup.moshi.Types;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Choice;
import dev.ladder.core.ResponseFormat;
import dev.ladder.core.ToolCall;
import dev.ladder.core.schema.SchemaFixtures.CalendarEvent;
import dev.ladder.core.schema.SchemaFixtures.Colour;
import dev.ladder.core.schema.SchemaFixtures.Colours;
import dev.ladder.core.schema.SchemaFixtures.Contact;
import dev.ladder.core.schema.SchemaFixtures.Exchange;
import dev.ladder.core.schema.SchemaFixtures.GetWeatherArgs;
import dev.ladder.core.schema.SchemaFixtures.Location;
import dev.ladder.core.schema.SchemaFixtures.StockPriceArgs;
import dev.ladder.core.schema.SchemaFixtures.Trip;
import dev.ladder.core.schema.SchemaFixtures.Units;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructuredOutputTest {

    @Test
    void parsesTheRecordedLocationAnswer() {
        ChatResponse response = RecordedResponses.response("test_parse_pydantic_model");

        assertThat(StructuredOutput.parse(response, Location.class))
                .isEqualTo(new Location("San Francisco", 65, Units.f));
    }

    @Test
    void parsesEveryRecordedChoiceIncludingAWholeNumberWrittenAsDecimal() {
        ChatResponse response = RecordedResponses.response("test_parse_pydantic_model_multiple_choices");

        assertThat(response.choices().stream()
                        .map(Choice::message)
                        .map(message -> StructuredOutput.parse(message.text(), Location.class)))
                .containsExactly(
                        new Location("San Francisco", 64, Units.f),
                        new Location("San Francisco", 65, Units.f),
                        new Location("San Francisco", 63, Units.f));
    }

    @Test
    void parsesTheRecordedEnumAnswerByMoshiNames() {
        ChatResponse response = RecordedResponses.response("test_parse_pydantic_model_enum");

        assertThat(StructuredOutput.parse(response, Colour.class)).isEqualTo(new Colour(Colours.RED, "#FF0000"));
    }

    @Test
    void parsesTheRecordedListAnswer() {
        ChatResponse response = RecordedResponses.response("test_parse_pydantic_dataclass");

        assertThat(StructuredOutput.parse(response, CalendarEvent.class))
                .isEqualTo(new CalendarEvent("Science Fair", "Friday", List.of("Alice", "Bob")));
    }

    @Test
    void parsesTheRecordedStrictToolCallArguments() {
        ToolCall call = RecordedResponses.response("test_parse_pydantic_tool")
                .message()
                .toolCalls()
                .get(0);

        assertThat(StructuredOutput.parse(call.arguments(), GetWeatherArgs.class))
                .isEqualTo(new GetWeatherArgs("Edinburgh", "UK", Units.c));
    }

    @Test
    void parsesEachOfTheRecordedParallelToolCalls() {
        List<ToolCall> calls = RecordedResponses.response("test_parse_multiple_pydantic_tools")
                .message()
                .toolCalls();

        assertThat(StructuredOutput.parse(calls.get(0).arguments(), GetWeatherArgs.class))
                .isEqualTo(new GetWeatherArgs("Edinburgh", "GB", Units.c));
        assertThat(StructuredOutput.parse(calls.get(1).arguments(), StockPriceArgs.class))
                .isEqualTo(new StockPriceArgs("AAPL", Exchange.NASDAQ));
    }

    @Test
    void reportsTheRecordedRefusalInsteadOfAParseError() {
        ChatResponse response = RecordedResponses.response("test_parse_pydantic_model_refusal");

        assertThatThrownBy(() -> StructuredOutput.parse(response, Location.class))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessage("the model refused to answer instead of giving Location:"
                        + " \"I'm very sorry, but I can't assist with that.\"");
    }

    @Test
    void reportsTheRecordedAnswerCutOffAtTheTokenLimit() {
        ChatResponse response = RecordedResponses.response("test_parse_max_tokens_reached");

        assertThatThrownBy(() -> StructuredOutput.parse(response, Location.class))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessage("the answer was cut off at the output token limit (finish reason LENGTH) before"
                        + " Location was complete: raise maxOutputTokens; the answer reads \"{\\\"\"");
    }

    @Test
    void quotesTheRecordedPlainTextAnswerThatIsNotJson() {
        ChatResponse response = RecordedResponses.response("test_parse_nothing");

        assertThatThrownBy(() -> StructuredOutput.parse(response, Location.class))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessage("expected JSON for Location but the answer is not JSON (malformed JSON at $):"
                        + " \"I'm unable to provide real-time weather updates. To get the current weather in San"
                        + " Francisco, I recommend checking a reliable weather website or app like the Weather"
                        + " Channel or a local news station.\"");
    }

    @Test
    void namesThePathExpectationAndFindingOfAMismatch() {
        assertThatThrownBy(() -> StructuredOutput.parse(
                        json("{'city':'San Francisco','temperature':'warm','units':'f'}"), Location.class))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessage("the answer does not match Location at $.temperature: expected integer but found string"
                        + " \"warm\"");
    }

    @Test
    void listsEveryMismatchWithItsPath() {
        assertThatThrownBy(() -> StructuredOutput.parse(json("{'city':'San Francisco','units':'k'}"), Location.class))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessage("the answer does not match Location in 2 places: $: missing required property"
                        + " 'temperature'; $.units: expected one of \"c\", \"f\" but found \"k\"");
    }

    @Test
    void exposesEveryViolationAndTheAnswer() {
        String answer = json("{'city':'San Francisco','units':'k'}");

        StructuredOutputException error = catchThrowableOfType(
                StructuredOutputException.class, () -> StructuredOutput.parse(answer, Location.class));

        assertThat(error.violations())
                .containsExactly(
                        new SchemaViolation("$", "missing required property 'temperature'"),
                        new SchemaViolation("$.units", "expected one of \"c\", \"f\" but found \"k\""));
        assertThat(error.text()).isEqualTo(answer);
    }

    @Test
    void reportsANumberTooLargeForTheJavaType() {
        assertThatThrownBy(() -> StructuredOutput.parse(
                        json("{'city':'Oslo','temperature':3000000000,'units':'c'}"), Location.class))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessage("the answer does not match Location: Expected an int but was 3000000000 at $.temperature");
    }

    @Test
    void toleratesACodeFenceAroundTheJson() {
        String fenced = "```json\n" + json("{'city':'Oslo','temperature':4,'units':'c'}") + "\n```\n";

        assertThat(StructuredOutput.parse(fenced, Location.class)).isEqualTo(new Location("Oslo", 4, Units.c));
    }

    @Test
    void readsTheFirstCodeFenceWithProseAroundIt() {
        String answer = "Here is the weather:\n```json\n" + json("{'city':'Oslo','temperature':4,'units':'c'}")
                + "\n```\nAnything else?";

        assertThat(StructuredOutput.parse(answer, Location.class)).isEqualTo(new Location("Oslo", 4, Units.c));
    }

    @Test
    void readsJsonWithProseAroundItAndNoFence() {
        String answer = "Sure! " + json("{'city':'Oslo','temperature':4,'units':'c'}") + " Hope that helps.";

        assertThat(StructuredOutput.parse(answer, Location.class)).isEqualTo(new Location("Oslo", 4, Units.c));
    }

    @Test
    void proseWithBracesThatAreNotJsonIsStillReportedAsNotJson() {
        assertThatThrownBy(() -> StructuredOutput.parse("I cannot answer {sorry}", Location.class))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessageStartingWith("expected JSON for Location but the answer is not JSON (");
    }

    @Test
    void readsAbsentAndNullOptionalsAsEmpty() {
        assertThat(StructuredOutput.parse(json("{'name':'Ada','email':null}"), Contact.class))
                .isEqualTo(new Contact("Ada", Optional.empty(), null, Optional.empty()));
    }

    @Test
    void readsPresentOptionalsAsTheirValues() {
        assertThat(StructuredOutput.parse(
                        json("{'name':'Ada','email':'ada@example.org','phone':'1','units':'c'}"), Contact.class))
                .isEqualTo(new Contact("Ada", Optional.of("ada@example.org"), "1", Optional.of(Units.c)));
    }

    @Test
    void readsANestedOptionalRecord() {
        assertThat(StructuredOutput.parse(
                        json("{'destination':'Oslo','weather':{'city':'Oslo','temperature':4," + "'units':'c'}}"),
                        Trip.class))
                .isEqualTo(new Trip("Oslo", Optional.of(new Location("Oslo", 4, Units.c))));
    }

    @Test
    void readsAGenericType() {
        Type type = Types.newParameterizedType(List.class, Location.class);

        List<Location> locations = StructuredOutput.parse(json("[{'city':'Oslo','temperature':4,'units':'c'}]"), type);

        assertThat(locations).containsExactly(new Location("Oslo", 4, Units.c));
    }

    @Test
    void readsAPrimitive() {
        int answer = StructuredOutput.parse("42", int.class);

        assertThat(answer).isEqualTo(42);
    }

    @Test
    void keepsDecimalNumbersExact() {
        assertThat(StructuredOutput.parse("{\"amount\": 0.1000000000000000055511151231257827}", BigAmount.class))
                .isEqualTo(new BigAmount(new BigDecimal("0.1000000000000000055511151231257827")));
    }

    @Test
    void buildsAStrictResponseFormatNamedAfterTheType() {
        ResponseFormat format = StructuredOutput.responseFormat(CalendarEvent.class);

        assertThat(format.type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(format.name()).isEqualTo("CalendarEvent");
        assertThat(format.strict()).isTrue();
        assertThat(render(format.schema())).isEqualTo(render(JsonSchemas.strict(CalendarEvent.class)));
    }

    @Test
    void writesExamplesTheWayStrictAnswersLook() {
        assertThat(StructuredOutput.toJson(new Contact("Ada", Optional.empty(), null, Optional.of(Units.f))))
                .isEqualTo(json("{'name':'Ada','email':null,'phone':null,'units':'f'}"));
    }

    @Test
    void rejectsARecordMoshiCannotConstruct() {
        assertThatThrownBy(() -> StructuredOutput.parse("{\"name\":\"x\"}", Hidden.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read dev.ladder.core.schema.StructuredOutputTest$Hidden at $ of Hidden: declare"
                        + " the record public so that Moshi can construct it");
    }

    /** A record Moshi cannot construct. */
    record Hidden(String name) {}

    /** A record with an exact decimal. */
    public record BigAmount(BigDecimal amount) {}
}
