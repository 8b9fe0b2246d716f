package dev.ladder.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of agent/README.md, kept compiling and true. */
class ReadmeExampleTest {
    static final Key<List<String>> LOG = Key.appending("log", String.class);
    static final Key<Integer> ROUNDS = Key.reduced("rounds", Integer.class, 0, Integer::sum);

    @TempDir
    Path dir;

    /** Returns the first fenced block of {@code language} in the module's README. */
    static String readmeBlock(String language) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```" + language + "\n");
        assertThat(start).as("a ```%s block in README.md", language).isNotNegative();
        int from = start + language.length() + 4;
        return readme.substring(from, readme.indexOf("```", from));
    }

    @Test
    void reviewLoopPausesForApprovalAndFinishesOnResume() throws IOException {
        try (JdbcCheckpointer checkpointer = JdbcCheckpointer.sqlite(dir.resolve("runs.db"), Schema.of(LOG, ROUNDS))) {
            CompiledGraph graph = StateGraph.of(Schema.of(LOG, ROUNDS))
                    .node("draft", ctx -> Update.of(LOG, List.of("draft")).and(ROUNDS, 1))
                    .node("review", ctx -> {
                        boolean ok = ctx.interrupt(Map.of("question", "approve?", "log", ctx.get(LOG)), Boolean.class);
                        return Update.of(LOG, List.of(ok ? "approved" : "rejected"));
                    })
                    .edge(StateGraph.START, "draft")
                    .edge("draft", "review")
                    .conditionalEdge(
                            "review",
                            s -> s.get(LOG).contains("approved") || s.get(ROUNDS) >= 3 ? "done" : "again",
                            Map.of("done", StateGraph.END, "again", "draft"))
                    .compile(GraphOptions.builder().checkpointer(checkpointer).build());

            RunConfig thread = RunConfig.thread("order-42");
            RunResult paused = graph.invoke(Update.empty(), thread);
            RunResult done = graph.resume(thread, true);

            assertThat(readmeBlock("mermaid")).isEqualTo(graph.mermaid());
            assertThat(paused.interrupts())
                    .extracting(Interrupt::payload)
                    .containsExactly(Map.of("question", "approve?", "log", List.of("draft")));
            assertThat(done.get(LOG)).containsExactly("draft", "approved");
        }
    }
}
