package dev.ladder.core.anthropic;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;

/**
 * Reads a whole Messages API response body. Reads it as a stream of tokens rather than a tree, so
 * that each {@code tool_use} input keeps the exact text the model wrote.
 */
final class MessageParser {
    private MessageParser() {}

    /**
     * Reads the message in {@code reader} into {@code assembly}.
     *
     * @throws JsonDataException if the body is not a message: it has no {@code content}.
     */
    static void read(JsonReader reader, MessageAssembly assembly) throws IOException {
        boolean sawContent = false;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "id" -> assembly.id(nullableString(reader));
                case "model" -> assembly.model(nullableString(reader));
                case "stop_reason" -> assembly.stopReason(nullableString(reader));
                case "stop_details" -> assembly.stopDetails(reader.readJsonValue());
                case "usage" -> assembly.usage(reader.readJsonValue());
                case "content" -> {
                    readContent(reader, assembly);
                    sawContent = true;
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (!sawContent) {
            throw new JsonDataException("the body has no 'content': it is not a Messages API message");
        }
    }

    private static void readContent(JsonReader reader, MessageAssembly assembly) throws IOException {
        reader.beginArray();
        while (reader.hasNext()) {
            readBlock(reader, assembly);
        }
        reader.endArray();
    }

    private static void readBlock(JsonReader reader, MessageAssembly assembly) throws IOException {
        String type = null;
        String text = null;
        String id = null;
        String name = null;
        String input = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "type" -> type = nullableString(reader);
                case "text" -> text = nullableString(reader);
                case "id" -> id = nullableString(reader);
                case "name" -> name = nullableString(reader);
                case "input" -> input = reader.nextSource().readUtf8();
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if ("text".equals(type)) {
            assembly.appendText(text == null ? "" : text);
        } else if ("tool_use".equals(type)) {
            if (id == null || name == null) {
                throw new JsonDataException("a tool_use block lacks its id or name at " + reader.getPath());
            }
            int index = assembly.addToolCall(id, name);
            assembly.appendArguments(index, input == null ? "{}" : input);
        }
    }

    private static String nullableString(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        return reader.nextString();
    }
}
