package dev.ladder.bench;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The floor every library is built on: OkHttp and Moshi used directly, request written and
 * response read by hand with no model classes. Ladder's targets are stated against it.
 */
final class RawOkHttpMoshiClient implements ChatClient {
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client = new OkHttpClient();
    private final String url;

    RawOkHttpMoshiClient(String baseUrl) {
        this.url = baseUrl + "/chat/completions";
    }

    @Override
    public String chat() {
        try (Response response = client.newCall(request(false)).execute()) {
            return content(JsonReader.of(response.body().source()), "message");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int stream() {
        int deltas = 0;
        try (Response response = client.newCall(request(true)).execute()) {
            BufferedSource source = response.body().source();
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                    continue;
                }
                Buffer event = new Buffer().writeUtf8(line, 6, line.length());
                if (content(JsonReader.of(event), "delta") != null) {
                    deltas++;
                }
            }
            return deltas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the pooled connections and stops the dispatcher's threads, so the JVM can exit at once. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private Request request(boolean stream) throws IOException {
        Buffer body = new Buffer();
        try (JsonWriter writer = JsonWriter.of(body)) {
            writer.beginObject();
            writer.name("model").value("gpt-4o-2024-08-06");
            writer.name("messages").beginArray();
            writer.beginObject().name("role").value("user");
            writer.name("content").value("What's the weather like in SF?").endObject();
            writer.endArray();
            if (stream) {
                writer.name("stream").value(true);
            }
            writer.endObject();
        }
        return new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer sk-bench")
                .post(RequestBody.create(body.readByteString(), JSON))
                .build();
    }

    /** Reads choices[0].{field}.content from a chat completion or chunk. */
    private static String content(JsonReader reader, String field) throws IOException {
        String content = null;
        reader.beginObject();
        while (reader.hasNext()) {
            if (!reader.nextName().equals("choices")) {
                reader.skipValue();
                continue;
            }
            reader.beginArray();
            while (reader.hasNext()) {
                reader.beginObject();
                while (reader.hasNext()) {
                    if (reader.nextName().equals(field)) {
                        content = readContent(reader);
                    } else {
                        reader.skipValue();
                    }
                }
                reader.endObject();
            }
            reader.endArray();
        }
        reader.endObject();
        return content;
    }

    private static String readContent(JsonReader reader) throws IOException {
        String content = null;
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.nextName().equals("content") && reader.peek() == JsonReader.Token.STRING) {
                content = reader.nextString();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return content;
    }
}
