package dev.ladder.agent;

import static dev.ladder.agent.StateGraph.END;
import static dev.ladder.agent.StateGraph.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateKeysTest {

    /** A user's record as the whole state. */
    public record Order(String id, List<String> log, int total) {}

    @Test
    void topicKeyCollectsOneStepsWritesAndIsClearedAtTheNext() {
        Key<List<String>> events = Key.topic("events", String.class);
        List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
        CompiledGraph graph = StateGraph.of(Schema.of(events))
                .node("a", ctx -> Update.of(events, List.of("a")))
                .node("b", ctx -> Update.of(events, List.of("b")))
                .node("read", ctx -> {
                    seen.add(ctx.get(events));
                    return Update.empty();
                })
                .node("readAgain", ctx -> {
                    seen.add(ctx.get(events));
                    return Update.empty();
                })
                .edge(START, "a")
                .edge(START, "b")
                .join(List.of("a", "b"), "read")
                .edge("read", "readAgain")
                .edge("readAgain", END)
                .compile();

        graph.invoke(Update.empty());

        assertThat(seen).containsExactly(List.of("a", "b"), List.of());
    }

    @Test
    void mergingKeyMergesWrittenMapsWithLaterEntriesWinning() {
        Key<Map<String, Integer>> stock = Key.merging("stock", Integer.class);
        CompiledGraph graph = StateGraph.of(Schema.of(stock))
                .node("count", ctx -> Update.of(stock, Map.of("apples", 3, "pears", 5)))
                .node("sell", ctx -> Update.of(stock, Map.of("apples", 1)))
                .edge(START, "count")
                .edge("count", "sell")
                .edge("sell", END)
                .compile();

        RunResult result = graph.invoke(Update.of(stock, Map.of("plums", 7)));

        assertThat(result.get(stock)).isEqualTo(Map.of("plums", 7, "apples", 1, "pears", 5));
    }

    /** A chat message with an id, as a message history stores it; a null text marks a removal. */
    public record Note(String id, String text) {}

    static final Key<List<Note>> NOTES = Key.byId("notes", Note.class, Note::id, note -> note.text() == null);

    @Test
    void byIdKeyAppendsNewElementsAndReplacesOnesWithTheSameId() {
        Key<List<Note>> notes = Key.byId("notes", Note.class, Note::id);
        CompiledGraph graph = StateGraph.of(Schema.of(notes))
                .node("edit", ctx -> Update.of(notes, List.of(new Note("1", "hello, edited"), new Note("3", "new"))))
                .edge(START, "edit")
                .edge("edit", END)
                .compile();

        RunResult result = graph.invoke(Update.of(notes, List.of(new Note("1", "hello"), new Note("2", "world"))));

        assertThat(result.get(notes))
                .containsExactly(new Note("1", "hello, edited"), new Note("2", "world"), new Note("3", "new"));
    }

    @Test
    void removalDeletesTheElementWithItsId() {
        List<Note> after = reduce(List.of(new Note("1", "a"), new Note("2", "b")), List.of(new Note("1", null)));

        assertThat(after).containsExactly(new Note("2", "b"));
    }

    @Test
    void removeAllDropsEverythingBeforeItInTheUpdate() {
        List<Note> after = reduce(
                List.of(new Note("1", "a"), new Note("2", "b")),
                List.of(new Note("3", "c"), new Note(Key.REMOVE_ALL, null), new Note("4", "d")));

        assertThat(after).containsExactly(new Note("4", "d"));
    }

    static final Key<List<Note>> IDENTIFIED_NOTES = Key.byId(
            "notes", Note.class, Note::id, (note, id) -> new Note(id, note.text()), note -> note.text() == null);

    @Test
    void elementsWithoutAnIdGetFreshIdsWhenTheKeyHasAnIdAssigner() {
        List<Note> after = IDENTIFIED_NOTES.apply(
                IDENTIFIED_NOTES.apply(null, List.of(new Note("1", "a"))),
                List.of(new Note(null, "b"), new Note(null, "c")));

        assertThat(after).extracting(Note::text).containsExactly("a", "b", "c");
        assertThat(after).extracting(Note::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(after.get(1).id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void removeAllThenANewElementLeavesOnlyTheNewElement() {
        List<Note> after = IDENTIFIED_NOTES.apply(
                IDENTIFIED_NOTES.apply(null, List.of(new Note("1", "a"), new Note("2", "b"))),
                List.of(new Note(Key.REMOVE_ALL, null), new Note(null, "fresh")));

        assertThat(after).extracting(Note::text).containsExactly("fresh");
    }

    @Test
    void elementWithoutAnIdIsRejectedByAKeyWithoutAnIdAssigner() {
        assertThatThrownBy(() -> reduce(List.of(), List.of(new Note(null, "a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an element written to list key 'notes' has no id: Note[id=null, text=a];"
                        + " give it one, or declare the key with an id assigner (withId)");
    }

    @Test
    void inputMessagesWithoutIdsGetIdsBeforeTheFirstNodeAndKeepThem() {
        List<List<Note>> seen = Collections.synchronizedList(new ArrayList<>());
        CompiledGraph graph = StateGraph.of(Schema.of(IDENTIFIED_NOTES))
                .node("edit", ctx -> {
                    Note first = ctx.get(IDENTIFIED_NOTES).get(0);
                    seen.add(ctx.get(IDENTIFIED_NOTES));
                    return Update.of(IDENTIFIED_NOTES, List.of(new Note(first.id(), "hello, edited")));
                })
                .edge(START, "edit")
                .edge("edit", END)
                .compile();

        RunResult result = graph.invoke(Update.of(IDENTIFIED_NOTES, List.of(new Note(null, "hello"))));

        assertThat(result.get(IDENTIFIED_NOTES))
                .containsExactly(new Note(seen.get(0).get(0).id(), "hello, edited"));
    }

    private static List<Note> reduce(List<Note> initial, List<Note> update) {
        return NOTES.apply(NOTES.apply(null, initial), update);
    }

    @Test
    void deferredNodeRunsOnceAfterBranchesOfDifferentLengths() {
        Key<List<String>> log = Key.appending("log", String.class);
        CompiledGraph graph = StateGraph.of(Schema.of(log))
                .node("short", ctx -> Update.of(log, List.of("short")))
                .node("long1", ctx -> Update.of(log, List.of("long1")))
                .node("long2", ctx -> Update.of(log, List.of("long2")))
                .node(
                        "summary",
                        ctx -> Update.of(
                                log, List.of("summary of " + ctx.get(log).size())),
                        NodeOptions.defer())
                .edge(START, "short")
                .edge(START, "long1")
                .edge("long1", "long2")
                .edge("short", "summary")
                .edge("long2", "summary")
                .edge("summary", END)
                .compile();

        assertThat(graph.invoke(Update.empty()).get(log)).containsExactly("short", "long1", "long2", "summary of 3");
    }

    @Test
    void recordStateIsReadAsTheRecordAndWrittenAsItsChanges() {
        Key<List<String>> log = Key.appending("log", String.class);
        CompiledGraph graph = StateGraph.of(Schema.ofRecord(Order.class, log))
                .node("price", ctx -> {
                    Order order = ctx.state().as(Order.class);
                    return Update.changes(order, new Order(order.id(), List.of("priced"), order.total() + 40));
                })
                .node(
                        "ship",
                        ctx -> Update.of(
                                log,
                                List.of("shipped " + ctx.state().as(Order.class).id())))
                .edge(START, "price")
                .edge("price", "ship")
                .edge("ship", END)
                .compile();

        RunResult result = graph.invoke(Update.changes(new Order(null, List.of(), 0), new Order("o-1", List.of(), 2)));

        assertThat(result.state().as(Order.class)).isEqualTo(new Order("o-1", List.of("priced", "shipped o-1"), 42));
    }

    @Test
    void recordWithAnUnwrittenPrimitiveComponentFailsNamingIt() {
        State empty = new State(Schema.ofRecord(Order.class), Map.of());

        assertThatThrownBy(() -> empty.as(Order.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("record component 'total' of Order has no value yet and is a primitive: write it first,"
                        + " or make it a wrapper type");
    }

    @Test
    void overrideThatNamesNoComponentIsRejected() {
        assertThatThrownBy(() -> Schema.ofRecord(Order.class, Key.appending("notes", String.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key 'notes' is not a component of Order; components: [id, log, total]");
    }
}
