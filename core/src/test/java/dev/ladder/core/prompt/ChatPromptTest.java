package dev.ladder.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.Message;
import dev.ladder.core.ResponseFormat;
import dev.ladder.core.schema.StructuredOutputException;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatPromptTest {
    private static final ChatPrompt WEATHER = ChatPrompt.builder()
            .system("You report the weather in {{units}}.")
            .example("Weather in Oslo?", new Weather("Oslo", 4))
            .example("Weather in Rome?", "{\"city\":\"Rome\",\"temperature\":21}")
            .user("Weather in {{city}}?")
            .build();

    /** The answer the prompts ask for. */
    public record Weather(String city, int temperature) {}

    @Test
    void rendersSystemExamplePairsAndUserTurnInOrder() {
        assertThat(WEATHER.messages(Map.of("units", "Celsius", "city", "Paris")))
                .containsExactly(
                        Message.system("You report the weather in Celsius."),
                        Message.user("Weather in Oslo?"),
                        Message.assistant("{\"city\":\"Oslo\",\"temperature\":4}"),
                        Message.user("Weather in Rome?"),
                        Message.assistant("{\"city\":\"Rome\",\"temperature\":21}"),
                        Message.user("Weather in Paris?"));
    }

    @Test
    void collectsTheVariablesOfSystemAndUserTemplates() {
        assertThat(WEATHER.variables()).containsExactly("units", "city");
    }

    @Test
    void namesAVariableMissingFromEitherTemplate() {
        assertThatThrownBy(() -> WEATHER.messages(Map.of("city", "Paris")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no value for template variable 'units': pass it to render (values given: city)");
    }

    @Test
    void namesAValueNoTemplateUses() {
        assertThatThrownBy(() -> WEATHER.messages(Map.of("units", "Celsius", "city", "Paris", "day", "Monday")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value 'day' is not used by the template, whose variables are units, city: remove it or"
                        + " fix the name");
    }

    @Test
    void putsModelAndConfiguredOptionsOnTheRequest() {
        ChatPrompt prompt = ChatPrompt.builder()
                .user("Hi {{name}}")
                .model("gpt-4o-mini")
                .configure(request -> request.temperature(0.0))
                .build();

        ChatRequest request = prompt.request(Map.of("name", "Ada"));

        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.temperature()).isEqualTo(0.0);
        assertThat(request.messages()).containsExactly(Message.user("Hi Ada"));
    }

    @Test
    void asksForAStrictJsonSchemaWhenAnAnswerTypeIsGiven() {
        ChatRequest request = WEATHER.request(Map.of("units", "Celsius", "city", "Paris"), Weather.class);

        assertThat(request.responseFormat().type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(request.responseFormat().name()).isEqualTo("Weather");
    }

    @Test
    void parsesTheModelsStructuredAnswer() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("{\"city\":\"Paris\",\"temperature\":18}");

        assertThat(WEATHER.ask(model, Map.of("units", "Celsius", "city", "Paris"), Weather.class))
                .isEqualTo(new Weather("Paris", 18));
    }

    @Test
    void reportsARefusalWhenAskingForAStructuredAnswer() {
        ScriptedChatModel model = ScriptedChatModel.create().refuse("I can't help with that.");

        assertThatThrownBy(() -> WEATHER.ask(model, Map.of("units", "Celsius", "city", "Paris"), Weather.class))
                .isInstanceOf(StructuredOutputException.class)
                .hasMessage("the model refused to answer instead of giving Weather: \"I can't help with that.\"");
    }

    @Test
    void returnsTheTextOfAPlainAnswer() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("Sunny, 18 degrees.");

        assertThat(ChatPrompt.of("Weather in {{city}}?").ask(model, Map.of("city", "Paris")))
                .isEqualTo("Sunny, 18 degrees.");
    }

    @Test
    void needsAUserTurn() {
        assertThatThrownBy(() -> ChatPrompt.builder().system("Be brief.").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a chat prompt needs a user turn: call user(template)");
    }
}
