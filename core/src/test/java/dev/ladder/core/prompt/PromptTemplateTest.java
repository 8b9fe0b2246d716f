package dev.ladder.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void fillsEachPlaceholderWithItsValue() {
        PromptTemplate template = PromptTemplate.of("Weather in {{city}} in {{ units }}, {{city}} time?");

        assertThat(template.render(Map.of("city", "Oslo", "units", "Celsius")))
                .isEqualTo("Weather in Oslo in Celsius, Oslo time?");
    }

    @Test
    void listsVariablesInOrderOfFirstUse() {
        assertThat(PromptTemplate.of("{{b}} {{a}} {{b}}").variables()).containsExactly("b", "a");
    }

    @Test
    void rendersValuesWithTheirStringForm() {
        assertThat(PromptTemplate.of("{{n}} days").render(Map.of("n", 3))).isEqualTo("3 days");
    }

    @Test
    void leavesSingleBracesAndJsonAlone() {
        String json = "Answer like {\"city\":{\"name\":\"Oslo\"}} for {{city}}";

        assertThat(PromptTemplate.of(json).render(Map.of("city", "Paris")))
                .isEqualTo("Answer like {\"city\":{\"name\":\"Oslo\"}} for Paris");
    }

    @Test
    void rendersEscapedBracesLiterally() {
        assertThat(PromptTemplate.of("Write \\{{name}} to show {{name}}").render(Map.of("name", "x")))
                .isEqualTo("Write {{name}} to show x");
    }

    @Test
    void rendersADoubledBackslashBeforeAPlaceholderAsOneBackslash() {
        assertThat(PromptTemplate.of("C:\\\\{{dir}}").render(Map.of("dir", "tmp")))
                .isEqualTo("C:\\tmp");
    }

    @Test
    void namesAMissingVariableAndTheValuesGiven() {
        PromptTemplate template = PromptTemplate.of("Weather in {{city}} in {{units}}");

        assertThatThrownBy(() -> template.render(Map.of("units", "Celsius")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no value for template variable 'city': pass it to render (values given: units)");
    }

    @Test
    void namesEveryMissingVariable() {
        PromptTemplate template = PromptTemplate.of("{{city}} {{units}}");

        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "no value for template variables 'city', 'units': pass them to render (values given: none)");
    }

    @Test
    void treatsANullValueAsMissing() {
        Map<String, Object> values = new HashMap<>();
        values.put("city", null);

        assertThatThrownBy(() -> PromptTemplate.of("{{city}}").render(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no value for template variable 'city': pass it to render (values given: city)");
    }

    @Test
    void namesAnUnusedValue() {
        PromptTemplate template = PromptTemplate.of("Weather in {{city}}");

        assertThatThrownBy(() -> template.render(Map.of("city", "Oslo", "cty", "Oslo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "value 'cty' is not used by the template, whose variables are city: remove it or fix the name");
    }

    @Test
    void namesAnUnclosedPlaceholderWithItsPosition() {
        assertThatThrownBy(() -> PromptTemplate.of("Hello\nWeather in {{city today?"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unclosed placeholder at line 2, column 12: \"{{city today?\"; close it with }}, or write"
                        + " \\{{ for literal braces");
    }

    @Test
    void rejectsAnEmptyPlaceholder() {
        assertThatThrownBy(() -> PromptTemplate.of("Weather in {{ }}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty placeholder {{ }} at line 1, column 12: put a variable name inside, or write \\{{"
                        + " for literal braces");
    }

    @Test
    void rejectsAPlaceholderThatIsNotAName() {
        assertThatThrownBy(() -> PromptTemplate.of("Dear {{first name}},"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("placeholder {{first name}} at line 1, column 6 does not hold a variable name: use"
                        + " letters, digits and _, starting with a letter or _");
    }
}
