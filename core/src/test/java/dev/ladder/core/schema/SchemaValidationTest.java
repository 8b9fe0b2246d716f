package dev.ladder.core.schema;

import static dev.ladder.core.schema.SchemaJson.json;
import static dev.ladder.core.schema.SchemaJson.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.schema.SchemaFixtures.Contact;
import dev.ladder.core.schema.SchemaFixtures.Location;
import dev.ladder.core.schema.SchemaFixtures.TreeNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {
    private static final Map<String, Object> FORECAST = schema("{'type':'object','properties':{"
            + "'city':{'type':'string','minLength':2,'maxLength':20},"
            + "'forecast':{'type':'array','minItems':1,'maxItems':3,'items':{'type':'object','properties':{"
            + "'high':{'type':'integer','minimum':-90,'maximum':60},'sky':{'enum':['sun','rain']}},"
            + "'required':['high'],'additionalProperties':false}}},"
            + "'required':['city','forecast']}");

    private static List<SchemaViolation> check(Map<String, Object> schema, String singleQuoted) {
        return JsonSchemas.validate(schema, json(singleQuoted));
    }

    @Test
    void findsNoViolationInConformingJson() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[{'high':3,'sky':'rain'}]}"))
                .isEmpty();
    }

    @Test
    void namesThePathOfAValueOfTheWrongType() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[{'high':3},{'high':4},{'high':'warm'}]}"))
                .containsExactly(
                        new SchemaViolation("$.forecast[2].high", "expected integer but found string \"warm\""));
    }

    @Test
    void acceptsAWholeNumberWrittenWithAFractionAsInteger() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[{'high':13.0}]}"))
                .isEmpty();
    }

    @Test
    void rejectsAFractionAsInteger() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[{'high':6.5}]}"))
                .containsExactly(new SchemaViolation("$.forecast[0].high", "expected integer but found number 6.5"));
    }

    @Test
    void reportsMissingRequiredPropertiesAtTheirObject() {
        assertThat(check(FORECAST, "{'forecast':[{'sky':'sun'}]}"))
                .containsExactly(
                        new SchemaViolation("$", "missing required property 'city'"),
                        new SchemaViolation("$.forecast[0]", "missing required property 'high'"));
    }

    @Test
    void reportsPropertiesThatAdditionalPropertiesFalseForbids() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[{'high':3,'wind':'strong'}]}"))
                .containsExactly(
                        new SchemaViolation("$.forecast[0].wind", "unexpected property 'wind'; allowed: high, sky"));
    }

    @Test
    void checksAdditionalPropertiesAgainstTheirSchema() {
        assertThat(check(schema("{'type':'object','additionalProperties':{'type':'integer'}}"), "{'a':1,'b c':'x'}"))
                .containsExactly(new SchemaViolation("$['b c']", "expected integer but found string \"x\""));
    }

    @Test
    void listsTheAllowedValuesOfAnEnum() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[{'high':3,'sky':'snow'}]}"))
                .containsExactly(new SchemaViolation(
                        "$.forecast[0].sky", "expected one of \"sun\", \"rain\" but found \"snow\""));
    }

    @Test
    void comparesAgainstAConstant() {
        assertThat(check(schema("{'const':{'kind':'point','x':1}}"), "{'kind':'point','x':2}"))
                .containsExactly(new SchemaViolation(
                        "$", "expected {\"kind\":\"point\",\"x\":1} but found {\"kind\":\"point\",\"x\":2}"));
    }

    @Test
    void countsItemsAgainstMinItems() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[]}"))
                .containsExactly(new SchemaViolation("$.forecast", "expected at least 1 item but found 0"));
    }

    @Test
    void countsItemsAgainstMaxItems() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[{'high':1},{'high':2},{'high':3},{'high':4}]}"))
                .containsExactly(new SchemaViolation("$.forecast", "expected at most 3 items but found 4"));
    }

    @Test
    void comparesNumbersAgainstMinimumAndMaximum() {
        assertThat(check(FORECAST, "{'city':'Oslo','forecast':[{'high':-100},{'high':61}]}"))
                .containsExactly(
                        new SchemaViolation("$.forecast[0].high", "expected a number >= -90 but found -100"),
                        new SchemaViolation("$.forecast[1].high", "expected a number <= 60 but found 61"));
    }

    @Test
    void comparesNumbersAgainstExclusiveBounds() {
        assertThat(check(schema("{'type':'number','exclusiveMinimum':0}"), "0"))
                .containsExactly(new SchemaViolation("$", "expected a number > 0 but found 0"));
    }

    @Test
    void countsCharactersAgainstMinLengthAndMaxLength() {
        assertThat(check(FORECAST, "{'city':'X','forecast':[{'high':1}]}"))
                .containsExactly(new SchemaViolation("$.city", "expected at least 2 characters but found 1 in \"X\""));
    }

    @Test
    void matchesStringsAgainstAPattern() {
        assertThat(check(schema("{'type':'string','pattern':'^[A-Z]{3}$'}"), "'usd'"))
                .containsExactly(new SchemaViolation("$", "expected a string matching /^[A-Z]{3}$/ but found \"usd\""));
    }

    @Test
    void reportsTheOnlyAlternativeOfTheValuesKindWhenAnyOfFails() {
        Map<String, Object> nullableSky = schema("{'anyOf':[{'type':'string','enum':['sun','rain']},{'type':'null'}]}");

        assertThat(check(nullableSky, "'snow'"))
                .containsExactly(new SchemaViolation("$", "expected one of \"sun\", \"rain\" but found \"snow\""));
    }

    @Test
    void summarisesTheAlternativesWhenNoneOfAnyOfFitsTheKind() {
        Map<String, Object> numberOrText = schema("{'anyOf':[{'type':'integer'},{'type':'string'}]}");

        assertThat(check(numberOrText, "true"))
                .containsExactly(new SchemaViolation("$", "expected integer or string but found boolean true"));
    }

    @Test
    void rejectsAValueMatchingSeveralAlternativesOfOneOf() {
        Map<String, Object> oneOf = schema("{'oneOf':[{'type':'integer'},{'type':'number'}]}");

        assertThat(check(oneOf, "3"))
                .containsExactly(new SchemaViolation(
                        "$", "expected exactly one alternative of oneOf to match but 2 did: numbers 1, 2"));
    }

    @Test
    void followsReferencesIntoDefs() {
        Map<String, Object> schema = schema("{'type':'object','properties':{'head':{'$ref':'#/$defs/Person'}},"
                + "'$defs':{'Person':{'type':'object','properties':{'age':{'type':'integer'}}}}}");

        assertThat(check(schema, "{'head':{'age':'old'}}"))
                .containsExactly(new SchemaViolation("$.head.age", "expected integer but found string \"old\""));
    }

    @Test
    void followsReferencesToTheRootThroughRecursiveGeneratedSchemas() {
        String tree = "{'name':'a','children':[{'name':'b','children':[{'name':3,'children':[]}]}]}";

        assertThat(check(JsonSchemas.of(TreeNode.class), tree))
                .containsExactly(
                        new SchemaViolation("$.children[0].children[0].name", "expected string but found number 3"));
    }

    @Test
    void acceptsNullWhereOpenApiNullableIsSet() {
        assertThat(check(schema("{'type':'string','nullable':true}"), "null")).isEmpty();
    }

    @Test
    void acceptsNullForOptionalPropertiesOfAStrictSchema() {
        assertThat(check(JsonSchemas.strict(Contact.class), "{'name':'Ada','email':null,'phone':null,'units':null}"))
                .isEmpty();
    }

    @Test
    void reportsStrictSchemaAnswersMissingAnOptionalProperty() {
        assertThat(check(JsonSchemas.strict(Contact.class), "{'name':'Ada','email':null,'phone':null}"))
                .containsExactly(new SchemaViolation("$", "missing required property 'units'"));
    }

    @Test
    void findsRepeatedItemsWhereItemsMustBeUnique() {
        assertThat(check(schema("{'type':'array','uniqueItems':true}"), "[1,2,1.0]"))
                .containsExactly(new SchemaViolation("$", "expected unique items but items 0 and 2 are both 1"));
    }

    @Test
    void reportsTextThatIsNotJsonAsOneViolationAtTheRoot() {
        assertThat(JsonSchemas.validate(JsonSchemas.of(Location.class), "{\"city\": \"Oslo\""))
                .containsExactly(
                        new SchemaViolation(
                                "$",
                                "expected JSON but the text is not: the text ends before the JSON value is complete, at $.city"));
    }

    @Test
    void validatesATreeReadByMoshi() {
        Map<String, Object> tree = Map.of("city", "Oslo", "temperature", 4.0, "units", "k");

        assertThat(JsonSchemas.validateTree(JsonSchemas.of(Location.class), tree))
                .containsExactly(new SchemaViolation("$.units", "expected one of \"c\", \"f\" but found \"k\""));
    }

    @Test
    void rejectsAReferenceThatPointsToNothing() {
        assertThatThrownBy(() -> check(schema("{'$ref':'#/$defs/Missing'}"), "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$ref '#/$defs/Missing' points to nothing in the schema");
    }

    @Test
    void rejectsAnUnknownTypeName() {
        assertThatThrownBy(() -> check(schema("{'type':'text'}"), "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the schema for $ has unknown type 'text': use null, boolean, string, number, integer,"
                        + " object or array");
    }
}
