package dev.ladder.core.openai;

import com.squareup.moshi.JsonWriter;
import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ContentPart;
import dev.ladder.core.ImagePart;
import dev.ladder.core.Message;
import dev.ladder.core.ResponseFormat;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.TextPart;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolChoice;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.UserMessage;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link ChatRequest} as the body of {@code POST /chat/completions}, field by field. Fields of
 * {@link ChatRequest#extraBody()} are written last and replace Ladder's field of the same name.
 */
final class ChatBodyWriter {
    private final ChatRequest request;
    private final String model;
    private final boolean stream;
    private final String maxTokensField;
    private final Map<String, Object> extra;

    ChatBodyWriter(ChatRequest request, String model, boolean stream, String maxTokensField) {
        this.request = request;
        this.model = model;
        this.stream = stream;
        this.maxTokensField = maxTokensField;
        this.extra = request.extraBody();
    }

    void write(JsonWriter out) throws IOException {
        out.beginObject();
        if (own("model")) {
            out.name("model").value(model);
        }
        if (own("messages")) {
            writeMessages(out);
        }
        writeSampling(out);
        writeTools(out);
        writeResponseFormat(out);
        writeStreaming(out);
        for (Map.Entry<String, Object> field : extra.entrySet()) {
            out.name(field.getKey()).jsonValue(field.getValue());
        }
        out.endObject();
    }

    private boolean own(String name) {
        return !extra.containsKey(name);
    }

    private void writeSampling(JsonWriter out) throws IOException {
        number(out, "temperature", request.temperature());
        number(out, "top_p", request.topP());
        number(out, maxTokensField, request.maxOutputTokens());
        if (!request.stop().isEmpty() && own("stop")) {
            out.name("stop").beginArray();
            for (String stop : request.stop()) {
                out.value(stop);
            }
            out.endArray();
        }
        number(out, "seed", request.seed());
        number(out, "n", request.choices());
        if (request.logprobs() != null && own("logprobs")) {
            out.name("logprobs").value(request.logprobs());
        }
        number(out, "top_logprobs", request.topLogprobs());
    }

    private void number(JsonWriter out, String name, Number value) throws IOException {
        if (value != null && own(name)) {
            out.name(name).value(value);
        }
    }

    private void writeMessages(JsonWriter out) throws IOException {
        out.name("messages").beginArray();
        for (Message message : request.messages()) {
            out.beginObject();
            if (message instanceof SystemMessage system) {
                out.name("role").value("system").name("content").value(system.text());
            } else if (message instanceof UserMessage user) {
                out.name("role").value("user");
                writeUserContent(out, user);
            } else if (message instanceof AssistantMessage assistant) {
                writeAssistant(out, assistant);
            } else if (message instanceof ToolResultMessage result) {
                out.name("role").value("tool");
                out.name("tool_call_id").value(result.toolCallId());
                out.name("content").value(result.content());
            }
            out.endObject();
        }
        out.endArray();
    }

    private static void writeUserContent(JsonWriter out, UserMessage user) throws IOException {
        if (user.parts().size() == 1 && user.parts().get(0) instanceof TextPart text) {
            out.name("content").value(text.text());
            return;
        }
        out.name("content").beginArray();
        for (ContentPart part : user.parts()) {
            out.beginObject();
            if (part instanceof TextPart text) {
                out.name("type").value("text").name("text").value(text.text());
            } else if (part instanceof ImagePart image) {
                out.name("type").value("image_url").name("image_url").beginObject();
                out.name("url").value(image.asUrl());
                if (image.detail() != null) {
                    out.name("detail").value(image.detail());
                }
                out.endObject();
            }
            out.endObject();
        }
        out.endArray();
    }

    private static void writeAssistant(JsonWriter out, AssistantMessage assistant) throws IOException {
        out.name("role").value("assistant");
        if (assistant.text() != null || !assistant.hasToolCalls()) {
            out.name("content").value(assistant.text());
        }
        if (assistant.refusal() != null) {
            out.name("refusal").value(assistant.refusal());
        }
        if (assistant.hasToolCalls()) {
            out.name("tool_calls").beginArray();
            for (ToolCall call : assistant.toolCalls()) {
                out.beginObject().name("id").value(call.id()).name("type").value("function");
                out.name("function").beginObject();
                out.name("name").value(call.name()).name("arguments").value(call.arguments());
                out.endObject().endObject();
            }
            out.endArray();
        }
    }

    private void writeTools(JsonWriter out) throws IOException {
        if (!request.tools().isEmpty() && own("tools")) {
            out.name("tools").beginArray();
            for (Tool tool : request.tools()) {
                out.beginObject()
                        .name("type")
                        .value("function")
                        .name("function")
                        .beginObject();
                out.name("name").value(tool.name());
                if (!tool.description().isEmpty()) {
                    out.name("description").value(tool.description());
                }
                out.name("parameters").jsonValue(tool.parameters());
                if (tool.strict()) {
                    out.name("strict").value(true);
                }
                out.endObject().endObject();
            }
            out.endArray();
        }
        ToolChoice choice = request.toolChoice();
        if (choice != null && own("tool_choice")) {
            out.name("tool_choice");
            switch (choice.mode()) {
                case AUTO -> out.value("auto");
                case NONE -> out.value("none");
                case REQUIRED -> out.value("required");
                case TOOL ->
                    out.beginObject()
                            .name("type")
                            .value("function")
                            .name("function")
                            .beginObject()
                            .name("name")
                            .value(choice.toolName())
                            .endObject()
                            .endObject();
            }
        }
        if (request.parallelToolCalls() != null && own("parallel_tool_calls")) {
            out.name("parallel_tool_calls").value(request.parallelToolCalls());
        }
    }

    private void writeResponseFormat(JsonWriter out) throws IOException {
        ResponseFormat format = request.responseFormat();
        if (format == null || !own("response_format")) {
            return;
        }
        out.name("response_format").beginObject();
        switch (format.type()) {
            case TEXT -> out.name("type").value("text");
            case JSON_OBJECT -> out.name("type").value("json_object");
            case JSON_SCHEMA -> {
                out.name("type").value("json_schema").name("json_schema").beginObject();
                out.name("name").value(format.name());
                out.name("schema").jsonValue(format.schema());
                out.name("strict").value(format.strict());
                out.endObject();
            }
        }
        out.endObject();
    }

    private void writeStreaming(JsonWriter out) throws IOException {
        if (!stream) {
            return;
        }
        if (own("stream")) {
            out.name("stream").value(true);
        }
        if (own("stream_options")) {
            out.name("stream_options")
                    .beginObject()
                    .name("include_usage")
                    .value(true)
                    .endObject();
        }
    }
}
