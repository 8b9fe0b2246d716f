package dev.ladder.examples;

import dev.ladder.core.ChatModel;
import dev.ladder.reflection.sql.SqlDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The README's first command: every rung of Ladder on embedded defaults (SQLite, the in-process
 * MiniLM embedding model, in-memory stores), in about a minute. Steps that need a language model run
 * when the environment configures one (see {@link Models}); without one, the demo says what to set
 * and runs the rest. Nothing the demo prints as model output was written by anyone but the model.
 *
 * <pre>mvn -q -Pdemo -pl examples -am package -DskipTests</pre>
 */
public final class Demo {
    static final String CHINOOK = "chinook/Chinook_Sqlite.sqlite";

    private final PrintStream out;
    private final List<String[]> summary = new ArrayList<>();
    private boolean failed;

    private Demo(PrintStream out) {
        this.out = out;
    }

    /** Runs the demo with the process environment and exits with its status when it is not 0. */
    public static void main(String[] args) {
        int status = run(System.getenv(), System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs every step, printing to {@code out}, with the model {@code env} configures if any. Returns
     * 0 when every step ran (steps skipped for want of a model included), 1 when one failed.
     */
    static int run(Map<String, String> env, PrintStream out) {
        return new Demo(out).runAll(env);
    }

    private int runAll(Map<String, String> env) {
        long start = System.nanoTime();
        out.println("Ladder demo: the rungs of applying an LLM, on embedded defaults");
        out.println("(SQLite, the in-process MiniLM embedding model, in-memory stores: no service needed)");

        Optional<ChatModel> model = chooseModel(env);
        Path work = createWorkFolder();
        try {
            SqlDatabase chinook = SqlDatabase.sqlite(copyChinook(work));
            step(
                    "[2/5] RAG: retrieval with numbered citations over Ladder's own docs (rung 3)",
                    () -> new RagStep(model, out).run());
            step(
                    "[3/5] Self-reflection: NL2SQL over the Chinook database, behind two safety walls (rung 2)",
                    () -> new SqlStep(model, chinook, out).run());
            step(
                    "[4/5] Agent: tool calls that wait for a human's approval, checkpointed in SQLite (rung 4)",
                    () -> new AgentStep(model, chinook, work.resolve("agent-checkpoints.sqlite"), out).run());
            step(
                    "[5/5] Fine-tuning: check a dataset before uploading it (rung 5)",
                    () -> new FineTuningStep(out).run());
        } finally {
            deleteRecursively(work);
        }
        finish(model.isPresent(), start);
        return failed ? 1 : 0;
    }

    private Optional<ChatModel> chooseModel(Map<String, String> env) {
        heading("[1/5] Language model");
        long start = System.nanoTime();
        Optional<ChatModel> model;
        try {
            model = Models.fromEnv(env);
        } catch (RuntimeException e) {
            out.println("  FAILED to configure the model: " + e.getMessage());
            out.println("  Running the steps that need none.");
            failed = true;
            summary.add(row("[1/5] Language model", "FAILED", start));
            return Optional.empty();
        }
        out.println(model.map(chatModel -> "Using " + chatModel + "; steps that need a model run too.")
                .orElse(Models.HOW_TO_CONFIGURE));
        summary.add(row("[1/5] Language model", model.isPresent() ? "configured" : "none", start));
        return model;
    }

    private void step(String title, Runnable body) {
        heading(title);
        long start = System.nanoTime();
        try {
            body.run();
            summary.add(row(title, "ok", start));
        } catch (RuntimeException e) {
            out.println("  FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            failed = true;
            summary.add(row(title, "FAILED", start));
        }
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title + " ==");
    }

    private void finish(boolean withModel, long start) {
        heading("Summary");
        Table table = Table.of("step", "result", "seconds");
        summary.forEach(table::row);
        out.print(table.render());
        out.printf(Locale.ROOT, "Total %.1f s.%n", seconds(start));
        if (!withModel) {
            out.println("Skipped without a model: grounded answers, NL2SQL with reflection, the agent run."
                    + " Set OPENAI_API_KEY or ANTHROPIC_API_KEY to see them.");
        }
    }

    private static String[] row(String title, String result, long start) {
        return new String[] {
            title.substring(0, title.indexOf(':') < 0 ? title.length() : title.indexOf(':')),
            result,
            String.format(Locale.ROOT, "%.1f", seconds(start))
        };
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path createWorkFolder() {
        try {
            return Files.createTempDirectory("ladder-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the demo: " + e.getMessage(), e);
        }
    }

    /** Copies the shipped Chinook database to a file, since SQLite opens files, not jar entries. */
    private static Path copyChinook(Path work) {
        Path copy = work.resolve("Chinook_Sqlite.sqlite");
        try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(CHINOOK)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + CHINOOK + " not found: rebuild the examples");
            }
            Files.copy(in, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + CHINOOK + " to " + copy + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot delete the demo's temporary folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
