package dev.ladder.core.schema;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;

/** Builds the Moshi instance structured output binds with: Moshi's own plus the types schemas allow. */
final class MoshiAdapters {
    private MoshiAdapters() {}

    static Moshi moshi() {
        return new Moshi.Builder()
                .add(MoshiAdapters::optional)
                .add(BigDecimal.class, new BigDecimalAdapter().nullSafe())
                .add(BigInteger.class, new BigIntegerAdapter().nullSafe())
                .build();
    }

    private static JsonAdapter<?> optional(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty() || Types.getRawType(type) != Optional.class) {
            return null;
        }
        if (!(type instanceof ParameterizedType p)) {
            throw new IllegalArgumentException("raw Optional has no value type: use Optional<T>");
        }
        return new OptionalAdapter(moshi.adapter(p.getActualTypeArguments()[0]));
    }

    /** Reads null as an empty Optional and writes an empty Optional as null. */
    private static final class OptionalAdapter extends JsonAdapter<Optional<Object>> {
        private final JsonAdapter<Object> value;

        OptionalAdapter(JsonAdapter<Object> value) {
            this.value = value;
        }

        @Override
        public Optional<Object> fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
                reader.nextNull();
                return Optional.empty();
            }
            return Optional.ofNullable(value.fromJson(reader));
        }

        @Override
        public void toJson(JsonWriter writer, Optional<Object> optional) throws IOException {
            if (optional == null || optional.isEmpty()) {
                writer.nullValue();
            } else {
                value.toJson(writer, optional.get());
            }
        }
    }

    /** Reads a JSON number exactly. */
    private static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
        @Override
        public BigDecimal fromJson(JsonReader reader) throws IOException {
            return new BigDecimal(reader.nextString());
        }

        @Override
        public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
            writer.value(value);
        }
    }

    /** Reads a JSON whole number exactly. */
    private static final class BigIntegerAdapter extends JsonAdapter<BigInteger> {
        @Override
        public BigInteger fromJson(JsonReader reader) throws IOException {
            return new BigDecimal(reader.nextString()).toBigIntegerExact();
        }

        @Override
        public void toJson(JsonWriter writer, BigInteger value) throws IOException {
            writer.value(value);
        }
    }
}
