package dev.ladder.core.schema;

import static dev.ladder.core.schema.SchemaJson.json;
import static dev.ladder.core.schema.SchemaJson.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.ladder.core.schema.SchemaFixtures.CalendarEvent;
import dev.ladder.core.schema.SchemaFixtures.Collections;
import dev.ladder.core.schema.SchemaFixtures.Colour;
import dev.ladder.core.schema.SchemaFixtures.Contact;
import dev.ladder.core.schema.SchemaFixtures.Day;
import dev.ladder.core.schema.SchemaFixtures.Forecast;
import dev.ladder.core.schema.SchemaFixtures.HoldsBean;
import dev.ladder.core.schema.SchemaFixtures.Location;
import dev.ladder.core.schema.SchemaFixtures.Organisation;
import dev.ladder.core.schema.SchemaFixtures.Page;
import dev.ladder.core.schema.SchemaFixtures.RawList;
import dev.ladder.core.schema.SchemaFixtures.Report;
import dev.ladder.core.schema.SchemaFixtures.Scalars;
import dev.ladder.core.schema.SchemaFixtures.Scores;
import dev.ladder.core.schema.SchemaFixtures.ScoresById;
import dev.ladder.core.schema.SchemaFixtures.TreeNode;
import dev.ladder.core.schema.SchemaFixtures.Trip;
import dev.ladder.core.schema.SchemaFixtures.Units;
import dev.ladder.core.schema.SchemaFixtures.Wildcard;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    @Test
    void describesRecordAsObjectWithPropertiesInDeclarationOrder() {
        assertThat(render(JsonSchemas.of(Location.class)))
                .isEqualTo(json("{'type':'object','description':'The weather in a city.','properties':{"
                        + "'city':{'type':'string','description':'Name of the city.'},"
                        + "'temperature':{'type':'integer'},"
                        + "'units':{'type':'string','description':'Temperature unit. c: degrees Celsius;"
                        + " f: degrees Fahrenheit','enum':['c','f']}},"
                        + "'required':['city','temperature','units']}"));
    }

    @Test
    void describesEnumByTheNamesMoshiWrites() {
        assertThat(render(JsonSchemas.of(Colour.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'color':{'type':'string','enum':['red','blue','green']},"
                        + "'hex_color_code':{'type':'string'}},"
                        + "'required':['color','hex_color_code']}"));
    }

    @Test
    void describesEnumAtTheRoot() {
        assertThat(render(JsonSchemas.of(Units.class)))
                .isEqualTo(json("{'type':'string','description':'Temperature unit. c: degrees Celsius;"
                        + " f: degrees Fahrenheit','enum':['c','f']}"));
    }

    @Test
    void describesStringsBooleansWholeAndDecimalNumbers() {
        assertThat(render(JsonSchemas.of(Scalars.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'text':{'type':'string'},"
                        + "'letter':{'type':'string','minLength':1,'maxLength':1},"
                        + "'flag':{'type':'boolean'},"
                        + "'count':{'type':'integer'},"
                        + "'total':{'type':'integer'},"
                        + "'ratio':{'type':'number'},"
                        + "'weight':{'type':'number'},"
                        + "'price':{'type':'number'},"
                        + "'huge':{'type':'integer'}},"
                        + "'required':['text','letter','flag','count','total','ratio','weight','price','huge']}"));
    }

    @Test
    void describesListsSetsAndArraysAsArrays() {
        assertThat(render(JsonSchemas.of(Collections.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'tags':{'type':'array','items':{'type':'string'}},"
                        + "'ids':{'type':'array','items':{'type':'integer'},'uniqueItems':true},"
                        + "'scores':{'type':'array','items':{'type':'integer'}},"
                        + "'places':{'type':'array','items':{'type':'object','description':'The weather in a city.',"
                        + "'properties':{'city':{'type':'string','description':'Name of the city.'},"
                        + "'temperature':{'type':'integer'},"
                        + "'units':{'type':'string','description':'Temperature unit. c: degrees Celsius;"
                        + " f: degrees Fahrenheit','enum':['c','f']}},"
                        + "'required':['city','temperature','units']}}},"
                        + "'required':['tags','ids','scores','places']}"));
    }

    @Test
    void describesStringKeyedMapAsObjectWithAdditionalProperties() {
        assertThat(render(JsonSchemas.of(Scores.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'byName':{'type':'object','additionalProperties':{'type':'integer'}}},"
                        + "'required':['byName']}"));
    }

    @Test
    void inlinesNestedRecords() {
        assertThat(render(JsonSchemas.of(Forecast.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'city':{'type':'string'},"
                        + "'days':{'type':'array','items':{'type':'object','properties':{"
                        + "'date':{'type':'string'},'high':{'type':'integer'},'low':{'type':'integer'}},"
                        + "'required':['date','high','low']}}},"
                        + "'required':['city','days']}"));
    }

    @Test
    void refersToTheRootForARecordThatHoldsItself() {
        assertThat(render(JsonSchemas.of(TreeNode.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'name':{'type':'string'},"
                        + "'children':{'type':'array','items':{'$ref':'#'}}},"
                        + "'required':['name','children']}"));
    }

    @Test
    void definesARecursiveRecordBelowTheRootOnceInDefs() {
        assertThat(render(JsonSchemas.of(Organisation.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'name':{'type':'string'},"
                        + "'head':{'$ref':'#/$defs/Employee'},"
                        + "'staff':{'type':'array','items':{'$ref':'#/$defs/Employee'}}},"
                        + "'required':['name','head','staff'],"
                        + "'$defs':{'Employee':{'type':'object','properties':{"
                        + "'name':{'type':'string'},"
                        + "'reports':{'type':'array','items':{'$ref':'#/$defs/Employee'}}},"
                        + "'required':['name','reports']}}}"));
    }

    @Test
    void leavesOptionalAndNullableComponentsOutOfRequired() {
        assertThat(render(JsonSchemas.of(Contact.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'name':{'type':'string'},"
                        + "'email':{'type':'string'},"
                        + "'phone':{'type':'string'},"
                        + "'units':{'type':'string','description':'Preferred unit.','enum':['c','f']}},"
                        + "'required':['name']}"));
    }

    @Test
    void describesOptionalOutsideARecordAsNullable() {
        assertThat(render(JsonSchemas.of(Types.newParameterizedType(
                        List.class, Types.newParameterizedType(Optional.class, String.class)))))
                .isEqualTo(json("{'type':'array','items':{'type':['string','null']}}"));
    }

    @Test
    void resolvesTheTypeArgumentsOfAGenericRecord() {
        assertThat(render(JsonSchemas.of(
                        Types.newParameterizedTypeWithOwner(SchemaFixtures.class, Page.class, Day.class))))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'items':{'type':'array','items':{'type':'object','properties':{"
                        + "'date':{'type':'string'},'high':{'type':'integer'},'low':{'type':'integer'}},"
                        + "'required':['date','high','low']}},"
                        + "'total':{'type':'integer'}},"
                        + "'required':['items','total']}"));
    }

    @Test
    void strictModeRequiresEveryPropertyAndForbidsExtraOnes() {
        assertThat(render(JsonSchemas.strict(Forecast.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'city':{'type':'string'},"
                        + "'days':{'type':'array','items':{'type':'object','properties':{"
                        + "'date':{'type':'string'},'high':{'type':'integer'},'low':{'type':'integer'}},"
                        + "'required':['date','high','low'],'additionalProperties':false}}},"
                        + "'required':['city','days'],'additionalProperties':false}"));
    }

    @Test
    void strictModeMakesOptionalPropertiesRequiredAndNullable() {
        assertThat(render(JsonSchemas.strict(Contact.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'name':{'type':'string'},"
                        + "'email':{'type':['string','null']},"
                        + "'phone':{'type':['string','null']},"
                        + "'units':{'description':'Preferred unit.','anyOf':["
                        + "{'type':'string','description':'Temperature unit. c: degrees Celsius; f: degrees Fahrenheit',"
                        + "'enum':['c','f']},{'type':'null'}]}},"
                        + "'required':['name','email','phone','units'],'additionalProperties':false}"));
    }

    @Test
    void strictModeWrapsAnOptionalRecordInAnyOfWithNull() {
        assertThat(render(JsonSchemas.strict(Trip.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'destination':{'type':'string'},"
                        + "'weather':{'anyOf':[{'type':'object','description':'The weather in a city.',"
                        + "'properties':{'city':{'type':'string','description':'Name of the city.'},"
                        + "'temperature':{'type':'integer'},"
                        + "'units':{'type':'string','description':'Temperature unit. c: degrees Celsius;"
                        + " f: degrees Fahrenheit','enum':['c','f']}},"
                        + "'required':['city','temperature','units'],'additionalProperties':false},"
                        + "{'type':'null'}]}},"
                        + "'required':['destination','weather'],'additionalProperties':false}"));
    }

    @Test
    void strictModeLeavesOutKeywordsOpenAiRejects() {
        assertThat(render(JsonSchemas.strict(Collections.class)))
                .contains(json("'ids':{'type':'array','items':{'type':'integer'}}"))
                .doesNotContain("uniqueItems");
    }

    @Test
    void strictModeRejectsMapsNamingTheFix() {
        assertThatThrownBy(() -> JsonSchemas.strict(Scores.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot describe Map<String, Integer> at $.byName of Scores in strict mode, which forbids"
                        + " objects with free property names: use a List of records holding the key and the value");
    }

    @Test
    void strictModeRejectsARootThatIsNotARecord() {
        assertThatThrownBy(() -> JsonSchemas.strict(Types.newParameterizedType(List.class, Location.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strict mode needs a record at the root, got List<Location>: wrap it in a record");
    }

    @Test
    void rejectsObjectNamingItsPath() {
        assertThatThrownBy(() -> JsonSchemas.of(Report.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot describe java.lang.Object at $.sections[*].details of Report in JSON Schema:"
                        + " use a concrete type: a record, an enum, String, a number, a boolean, a List, a Set"
                        + " or a Map<String, V>");
    }

    @Test
    void rejectsARawType() {
        assertThatThrownBy(() -> JsonSchemas.of(RawList.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot describe java.util.List at $.items of RawList in JSON Schema: give its type"
                        + " arguments, such as List<String>");
    }

    @Test
    void rejectsAWildcard() {
        assertThatThrownBy(() -> JsonSchemas.of(Wildcard.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot describe ? extends dev.ladder.core.schema.SchemaFixtures$Day at $.days[*] of"
                        + " Wildcard in JSON Schema: use the exact type, such as List<Item> for List<? extends Item>");
    }

    @Test
    void rejectsAClassThatIsNotARecord() {
        assertThatThrownBy(() -> JsonSchemas.of(HoldsBean.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot describe dev.ladder.core.schema.SchemaFixtures$Bean at $.bean of HoldsBean in"
                        + " JSON Schema: it is not a record; declare it as a record, or use an enum, String, a number,"
                        + " a boolean, a List, a Set or a Map<String, V>");
    }

    @Test
    void rejectsAMapWhoseKeysAreNotStrings() {
        assertThatThrownBy(() -> JsonSchemas.of(ScoresById.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot describe java.util.Map<java.lang.Integer, java.lang.String> at $.byId of"
                        + " ScoresById in JSON Schema: JSON object keys are strings; use Map<String, String>");
    }

    @Test
    void describesTheRecordedDataclassAnswer() {
        assertThat(render(JsonSchemas.strict(CalendarEvent.class)))
                .isEqualTo(json("{'type':'object','properties':{"
                        + "'name':{'type':'string'},'date':{'type':'string'},"
                        + "'participants':{'type':'array','items':{'type':'string'}}},"
                        + "'required':['name','date','participants'],'additionalProperties':false}"));
    }
}
