package dev.ladder.core.schema;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Types the schema tests describe and parse into; public because Moshi constructs them. */
public final class SchemaFixtures {
    private SchemaFixtures() {}

    /** The unit the recorded weather answers use. */
    @Description("Temperature unit.")
    public enum Units {
        @Description("degrees Celsius")
        c,
        @Description("degrees Fahrenheit")
        f
    }

    /** The answer shape of the recorded openai-python structured output tests. */
    @Description("The weather in a city.")
    public record Location(@Description("Name of the city.") String city, int temperature, Units units) {}

    /** The enum answer of the recorded openai-python tests, with Moshi's {@code @Json} names. */
    public record Colour(
            Colours color, @Json(name = "hex_color_code") String hexColorCode) {}

    /** Colours, as in the recorded test. */
    public enum Colours {
        @Json(name = "red")
        RED,
        @Json(name = "blue")
        BLUE,
        @Json(name = "green")
        GREEN
    }

    /** The dataclass answer of the recorded openai-python tests. */
    public record CalendarEvent(String name, String date, List<String> participants) {}

    /** Every scalar type. */
    public record Scalars(
            String text,
            char letter,
            boolean flag,
            int count,
            Long total,
            double ratio,
            Float weight,
            BigDecimal price,
            BigInteger huge) {}

    /** Every collection type. */
    public record Collections(List<String> tags, Set<Integer> ids, int[] scores, Location[] places) {}

    /** A map with string keys. */
    public record Scores(Map<String, Integer> byName) {}

    /** A map with non-string keys. */
    public record ScoresById(Map<Integer, String> byId) {}

    /** Records inside records. */
    public record Forecast(String city, List<Day> days) {}

    /** One day of a forecast. */
    public record Day(String date, int high, int low) {}

    /** A record that holds itself. */
    public record TreeNode(String name, List<TreeNode> children) {}

    /** A record that holds a record that holds itself. */
    public record Organisation(String name, Employee head, List<Employee> staff) {}

    /** An employee and the employees reporting to them. */
    public record Employee(String name, List<Employee> reports) {}

    /** An annotation named Nullable, as JSpecify, JSR 305 and others spell it. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    public @interface Nullable {}

    /** Optional and nullable components. */
    public record Contact(
            String name,
            Optional<String> email,
            @Nullable String phone,
            @Description("Preferred unit.") Optional<Units> units) {}

    /** An optional record component. */
    public record Trip(String destination, Optional<Location> weather) {}

    /** A generic record. */
    public record Page<T>(List<T> items, int total) {}

    /** A component of type Object. */
    public record Report(String title, List<Details> sections) {}

    /** A section whose details are untyped. */
    public record Details(String heading, Object details) {}

    /** A raw list component. */
    @SuppressWarnings("rawtypes") // the raw type is what the test is about
    public record RawList(List items) {}

    /** A wildcard component. */
    public record Wildcard(List<? extends Day> days) {}

    /** A plain class, not a record. */
    public static final class Bean {
        public String name;
    }

    /** A record holding a plain class. */
    public record HoldsBean(Bean bean) {}

    /** A record with a constrained value for validation tests. */
    public record Reading(String sensor, double value) {}
}
