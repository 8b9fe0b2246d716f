package dev.ladder.core.testing;

import dev.ladder.core.StreamHandler;
import dev.ladder.core.ToolCallDelta;
import dev.ladder.core.Usage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One delta of a scripted or recorded stream, before its completion. */
sealed interface StreamEvent {

    /** Hands this event to the matching method of {@code handler}. */
    void deliverTo(StreamHandler handler);

    /** Returns this event as a JSON tree for a cassette. */
    Map<String, Object> toTree();

    /** A piece of answer text. */
    record Text(int choice, String delta) implements StreamEvent {
        public Text {
            Objects.requireNonNull(delta, "delta");
        }

        @Override
        public void deliverTo(StreamHandler handler) {
            handler.onText(choice, delta);
        }

        @Override
        public Map<String, Object> toTree() {
            return tree("text", delta, choice);
        }
    }

    /** A piece of a refusal. */
    record Refusal(int choice, String delta) implements StreamEvent {
        public Refusal {
            Objects.requireNonNull(delta, "delta");
        }

        @Override
        public void deliverTo(StreamHandler handler) {
            handler.onRefusal(choice, delta);
        }

        @Override
        public Map<String, Object> toTree() {
            return tree("refusal", delta, choice);
        }
    }

    /** A piece of a tool call. */
    record ToolCallPiece(ToolCallDelta delta) implements StreamEvent {
        public ToolCallPiece {
            Objects.requireNonNull(delta, "delta");
        }

        @Override
        public void deliverTo(StreamHandler handler) {
            handler.onToolCallDelta(delta);
        }

        @Override
        public Map<String, Object> toTree() {
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("choice", delta.choice());
            call.put("index", delta.index());
            call.put("id", delta.id());
            call.put("name", delta.name());
            call.put("argumentsDelta", delta.argumentsDelta());
            return Map.of("toolCall", call);
        }
    }

    /** The token counts. */
    record UsageReport(Usage usage) implements StreamEvent {
        public UsageReport {
            Objects.requireNonNull(usage, "usage");
        }

        @Override
        public void deliverTo(StreamHandler handler) {
            handler.onUsage(usage);
        }

        @Override
        public Map<String, Object> toTree() {
            return Map.of("usage", ChatCodec.usageTree(usage));
        }
    }

    private static Map<String, Object> tree(String kind, String delta, int choice) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put(kind, delta);
        if (choice != 0) {
            tree.put("choice", choice);
        }
        return tree;
    }
}
