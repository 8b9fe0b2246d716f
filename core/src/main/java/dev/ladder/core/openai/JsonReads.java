package dev.ladder.core.openai;

import com.squareup.moshi.JsonReader;
import dev.ladder.core.TokenLogprob;
import dev.ladder.core.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the parts that chat responses and stream chunks share: usage and token log probabilities. */
final class JsonReads {
    private static final JsonReader.Options USAGE = JsonReader.Options.of(
            "prompt_tokens", "completion_tokens", "prompt_tokens_details", "completion_tokens_details");
    private static final JsonReader.Options CACHED = JsonReader.Options.of("cached_tokens");
    private static final JsonReader.Options REASONING = JsonReader.Options.of("reasoning_tokens");
    private static final JsonReader.Options LOGPROBS = JsonReader.Options.of("content", "refusal");
    private static final JsonReader.Options TOKEN = JsonReader.Options.of("token", "logprob", "bytes", "top_logprobs");

    private JsonReads() {}

    /** Returns the string at the reader, or null for a JSON null. */
    static String nullableString(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        return reader.nextString();
    }

    /** Returns true and consumes the value if it is a JSON null. */
    static boolean skipNull(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
            reader.nextNull();
            return true;
        }
        return false;
    }

    /** Reads a {@code usage} object, or returns null for a JSON null. */
    static Usage usage(JsonReader reader) throws IOException {
        if (skipNull(reader)) {
            return null;
        }
        long input = 0;
        long output = 0;
        long cached = 0;
        long reasoning = 0;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(USAGE)) {
                case 0 -> input = reader.nextLong();
                case 1 -> output = reader.nextLong();
                case 2 -> cached = detail(reader, CACHED);
                case 3 -> reasoning = detail(reader, REASONING);
                default -> skipField(reader);
            }
        }
        reader.endObject();
        return new Usage(input, output, cached, reasoning);
    }

    private static long detail(JsonReader reader, JsonReader.Options name) throws IOException {
        if (skipNull(reader)) {
            return 0;
        }
        long value = 0;
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.selectName(name) == 0 && !skipNull(reader)) {
                value = reader.nextLong();
            } else {
                skipField(reader);
            }
        }
        reader.endObject();
        return value;
    }

    /** Skips an unknown field's name, if unread, and its value. */
    static void skipField(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NAME) {
            reader.skipName();
        }
        reader.skipValue();
    }

    /**
     * Reads a choice's {@code logprobs} object into {@code into}: the content tokens, or the refusal
     * tokens when there are no content tokens.
     */
    static void logprobs(JsonReader reader, List<TokenLogprob> into) throws IOException {
        if (skipNull(reader)) {
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            int field = reader.selectName(LOGPROBS);
            if (field >= 0 && !skipNull(reader)) {
                reader.beginArray();
                while (reader.hasNext()) {
                    into.add(token(reader));
                }
                reader.endArray();
            } else if (field < 0) {
                skipField(reader);
            }
        }
        reader.endObject();
    }

    private static TokenLogprob token(JsonReader reader) throws IOException {
        String token = "";
        double logprob = 0;
        List<Integer> bytes = List.of();
        List<TokenLogprob> top = List.of();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.selectName(TOKEN)) {
                case 0 -> token = reader.nextString();
                case 1 -> logprob = reader.nextDouble();
                case 2 -> bytes = bytes(reader);
                case 3 -> top = topLogprobs(reader);
                default -> skipField(reader);
            }
        }
        reader.endObject();
        return new TokenLogprob(token, logprob, bytes, top);
    }

    private static List<Integer> bytes(JsonReader reader) throws IOException {
        if (skipNull(reader)) {
            return List.of();
        }
        List<Integer> bytes = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            bytes.add(reader.nextInt());
        }
        reader.endArray();
        return bytes;
    }

    private static List<TokenLogprob> topLogprobs(JsonReader reader) throws IOException {
        if (skipNull(reader)) {
            return List.of();
        }
        List<TokenLogprob> top = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            top.add(token(reader));
        }
        reader.endArray();
        return top;
    }
}
