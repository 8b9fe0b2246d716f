package dev.ladder.core.openai;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.ladder.core.Usage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import okio.Buffer;
import okio.ByteString;

/** Reads an embeddings response whose vectors are float lists or base64 little-endian float32. */
final class EmbeddingsReader {
    private static final JsonReader.Options ROOT = JsonReader.Options.of("data", "usage");
    private static final JsonReader.Options ITEM = JsonReader.Options.of("index", "embedding");

    private EmbeddingsReader() {}

    /** The vectors of one response, in the order of its inputs, and the tokens it consumed. */
    record Result(List<float[]> vectors, Usage usage) {}

    static Result read(Buffer body, int expected) throws IOException {
        JsonReader reader = JsonReader.of(body);
        float[][] vectors = new float[expected][];
        Usage usage = Usage.ZERO;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(ROOT)) {
                case 0 -> data(reader, vectors);
                case 1 -> {
                    Usage read = JsonReads.usage(reader);
                    usage = read == null ? Usage.ZERO : read;
                }
                default -> JsonReads.skipField(reader);
            }
        }
        reader.endObject();
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] == null) {
                throw new JsonDataException("the response has no embedding for input " + i + " of " + expected);
            }
        }
        return new Result(List.of(vectors), usage);
    }

    private static void data(JsonReader reader, float[][] vectors) throws IOException {
        reader.beginArray();
        int position = 0;
        while (reader.hasNext()) {
            int index = position++;
            float[] vector = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.selectName(ITEM)) {
                    case 0 -> index = reader.nextInt();
                    case 1 -> vector = vector(reader);
                    default -> JsonReads.skipField(reader);
                }
            }
            reader.endObject();
            if (index < 0 || index >= vectors.length || vector == null) {
                throw new JsonDataException("embedding " + index + " is out of range or empty for " + vectors.length
                        + " inputs at " + reader.getPath());
            }
            vectors[index] = vector;
        }
        reader.endArray();
    }

    private static float[] vector(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.STRING) {
            return decodeBase64(reader.nextString(), reader.getPath());
        }
        float[] values = new float[256];
        int size = 0;
        reader.beginArray();
        while (reader.hasNext()) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = (float) reader.nextDouble();
        }
        reader.endArray();
        return size == values.length ? values : Arrays.copyOf(values, size);
    }

    /** Decodes base64 little-endian float32 values, as OpenAI sends with {@code encoding_format=base64}. */
    static float[] decodeBase64(String text, String path) {
        ByteString bytes = ByteString.decodeBase64(text);
        if (bytes == null || bytes.size() % Float.BYTES != 0) {
            throw new JsonDataException("embedding at " + path + " is not base64 of float32 values");
        }
        float[] values = new float[bytes.size() / Float.BYTES];
        ByteBuffer.wrap(bytes.toByteArray())
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(values);
        return values;
    }
}
