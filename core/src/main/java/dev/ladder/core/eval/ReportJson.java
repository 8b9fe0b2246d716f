package dev.ladder.core.eval;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The Moshi adapter that writes and reads {@link EvalReport}s. */
final class ReportJson {
    static final JsonAdapter<EvalReport> ADAPTER = new Moshi.Builder()
            .add(Duration.class, new DurationAdapter().nullSafe())
            .build()
            .adapter(EvalReport.class);

    private ReportJson() {}

    /** Writes durations as ISO-8601 text, which says its unit. */
    private static final class DurationAdapter extends JsonAdapter<Duration> {
        @Override
        public Duration fromJson(JsonReader reader) throws IOException {
            String text = reader.nextString();
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new JsonDataException(
                        "expected an ISO-8601 duration such as PT0.25S but found \"" + text + "\" at "
                                + reader.getPath(),
                        e);
            }
        }

        @Override
        public void toJson(JsonWriter writer, Duration value) throws IOException {
            writer.value(value.toString());
        }
    }
}
