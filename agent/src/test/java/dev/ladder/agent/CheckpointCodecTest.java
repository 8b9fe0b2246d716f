package dev.ladder.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ImagePart;
import dev.ladder.core.Message;
import dev.ladder.core.TextPart;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckpointCodecTest {
    static final Key<List<String>> LOG = Key.appending("log", String.class);
    static final Key<Integer> ROUNDS = Key.reduced("rounds", Integer.class, 0, Integer::sum);
    static final Key<List<Message>> MESSAGES = Key.appending("messages", Message.class);
    static final Schema SCHEMA = Schema.of(LOG, ROUNDS, MESSAGES);

    private final CheckpointCodec codec = new CheckpointCodec(SCHEMA);

    @Test
    void checkpointIsWrittenAsTheDocumentedJsonDocument() {
        Checkpoint checkpoint = new Checkpoint(
                "order-42",
                "mx80oa9r1o5e76-2",
                "mx80oa9r1o5e76-1",
                0,
                Map.of("rounds", 1, "log", List.of("draft")),
                List.of(new Task("1.0", "review", Update.empty())),
                Map.of(),
                List.of(),
                List.of(),
                Map.of(),
                "loop",
                null,
                null,
                Instant.parse("2026-12-03T20:38:09.714Z"));

        assertThat(codec.encode(checkpoint))
                .isEqualTo("{\"format\":\"ladder-checkpoint\",\"version\":1,\"threadId\":\"order-42\","
                        + "\"id\":\"mx80oa9r1o5e76-2\",\"parentId\":\"mx80oa9r1o5e76-1\",\"step\":0,\"source\":\"loop\","
                        + "\"createdAt\":\"2026-12-03T20:38:09.714Z\",\"values\":{\"log\":[\"draft\"],\"rounds\":1},"
                        + "\"next\":[{\"id\":\"1.0\",\"node\":\"review\",\"input\":{\"writes\":[],\"goTo\":[]}}],"
                        + "\"joins\":{},\"interrupts\":[],\"resumes\":{}}");
    }

    @Test
    void pendingWriteIsWrittenAsTheDocumentedJsonDocument() {
        PendingWrite write = new PendingWrite("1.0", "review", Update.of(LOG, List.of("approved")));

        assertThat(codec.encode(write))
                .isEqualTo("{\"format\":\"ladder-write\",\"version\":1,\"taskId\":\"1.0\",\"node\":\"review\","
                        + "\"update\":{\"writes\":[{\"key\":\"log\",\"value\":[\"approved\"],\"overwrite\":false}],"
                        + "\"goTo\":[]}}");
    }

    @Test
    void everyFieldOfACheckpointSurvivesTheRoundTrip() {
        PendingWrite write =
                new PendingWrite("3.1", "b", Update.overwrite(LOG, List.of("x")).andGoTo("c"));
        Checkpoint checkpoint = new Checkpoint(
                "t",
                "id-4",
                "id-3",
                2,
                Map.of("log", List.of("a", "b"), "rounds", 7, "messages", List.of(Message.user("hi"))),
                List.of(
                        new Task("3.0", "a", Update.empty()),
                        new Task("3.1", "b", Update.of(ROUNDS, 2).and(LOG, List.of("send input")))),
                Map.of("a+b->c", Set.of("a")),
                List.of(write),
                List.of(new Interrupt("3.0:1", "a", Map.of("question", "ok?", "options", List.of("yes", "no")))),
                Map.of("3.0", List.of("first answer")),
                "update",
                "a",
                "node 'b' failed",
                Instant.parse("2026-01-02T03:04:05.678Z"));

        Checkpoint read = codec.decode(codec.encode(checkpoint), List.of(codec.decodeWrite(codec.encode(write))));

        assertThat(read).isEqualTo(checkpoint);
    }

    @Test
    void everyKindOfCoreMessageSurvivesTheRoundTrip() {
        List<Message> conversation = List.of(
                Message.system("be brief"),
                Message.user(new TextPart("what is this?"), new ImagePart(null, "image/png", "iVBORw0KGgo=", "low")),
                new AssistantMessage(null, null, List.of(new ToolCall("call_1", "lookup", "{\"q\":\"x\"}"))),
                new ToolResultMessage("call_1", "no station", true),
                new AssistantMessage("it is a cat", null, List.of()),
                new AssistantMessage(null, "I can't help with that.", List.of()));
        Checkpoint checkpoint = checkpointOf(Map.of("messages", conversation));

        Checkpoint read = codec.decode(codec.encode(checkpoint), List.of());

        assertThat(read.values().get("messages")).isEqualTo(conversation);
    }

    @Test
    void documentThatIsNotACheckpointFailsLoudly() {
        assertThatThrownBy(() -> codec.decode("{\"format\":\"something-else\"}", List.of()))
                .isInstanceOf(CheckpointException.class)
                .hasMessage(
                        "a stored document is not a ladder-checkpoint: it starts with {\"format\":\"something-else\"}");
    }

    @Test
    void storedNullValueFailsNamingTheKeyRatherThanBecomingNull() {
        String json = codec.encode(checkpointOf(Map.of("rounds", 3))).replace("\"rounds\":3", "\"rounds\":null");

        assertThatThrownBy(() -> codec.decode(json, List.of()))
                .isInstanceOf(CheckpointException.class)
                .hasMessage("cannot read state key 'rounds' of checkpoint 'c' of thread 't' as java.lang.Integer:"
                        + " the stored value is null; the key's type changed since it was stored");
    }

    private static Checkpoint checkpointOf(Map<String, Object> values) {
        return new Checkpoint(
                "t",
                "c",
                null,
                0,
                values,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                Map.of(),
                "loop",
                null,
                null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
