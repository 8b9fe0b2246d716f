package dev.ladder.bench.agent;

import dev.ladder.agent.JdbcCheckpointer;
import dev.ladder.agent.MemoryCheckpointer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Measures the per-step overhead of a graph runtime: a three-node cycle run for 10,000 steps, on
 * Ladder and on LangGraph4j 1.8.17 in the same JVM, with and without in-memory checkpoints, plus
 * Ladder's SQLite checkpointer. Prints a Markdown table of the median microseconds per step.
 *
 * <p>Run: {@code mvn -q -pl bench -am package -DskipTests} then
 * {@code java -cp "bench/target/classes:$(cat cp.txt)" dev.ladder.bench.agent.GraphStepBenchmark}
 * (see agent/README.md). Arguments: [rounds] [steps] [sqliteSteps], defaults 15, 10000, 1000.
 */
public final class GraphStepBenchmark {
    private GraphStepBenchmark() {}

    /** Runs every variant and prints the table to standard output. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int sqliteSteps = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        PrintStream out = System.out;
        List<String[]> rows = new ArrayList<>();

        LadderCycle ladderPlain = new LadderCycle(steps, null);
        LadderCycle ladderMemory = new LadderCycle(steps, MemoryCheckpointer.create());
        LangGraph4jCycle lg4jPlain = new LangGraph4jCycle(steps, false);
        LangGraph4jCycle lg4jMemory = new LangGraph4jCycle(steps, true);
        double lg4jPlainUs = measure(lg4jPlain::run, rounds, steps);
        double ladderPlainUs = measure(ladderPlain::run, rounds, steps);
        double lg4jMemoryUs = measure(lg4jMemory::run, rounds, steps);
        double ladderMemoryUs = measure(ladderMemory::run, rounds, steps);
        rows.add(row("LangGraph4j 1.8.17, no checkpointer", steps, lg4jPlainUs, lg4jPlainUs));
        rows.add(row("Ladder, no checkpointer", steps, ladderPlainUs, lg4jPlainUs));
        rows.add(row("LangGraph4j 1.8.17, MemorySaver", steps, lg4jMemoryUs, lg4jMemoryUs));
        rows.add(row("Ladder, MemoryCheckpointer", steps, ladderMemoryUs, lg4jMemoryUs));

        Path dir = Files.createTempDirectory("ladder-bench");
        try (JdbcCheckpointer sqlite = JdbcCheckpointer.sqlite(dir.resolve("bench.db"), LadderCycle.SCHEMA)) {
            LadderCycle ladderSqlite = new LadderCycle(sqliteSteps, sqlite);
            double sqliteUs = measure(ladderSqlite::run, Math.max(3, rounds / 3), sqliteSteps);
            rows.add(row("Ladder, SQLite checkpointer (file, WAL)", sqliteSteps, sqliteUs, Double.NaN));
        } finally {
            deleteTree(dir);
        }

        out.println("| runtime | steps per run | us per step (median) | vs LangGraph4j, same checkpointing |");
        out.println("|---|---:|---:|---:|");
        rows.forEach(r -> out.println("| " + String.join(" | ", r) + " |"));
        out.println();
        out.printf(
                Locale.ROOT,
                "JVM %s, %d processors, %d rounds after %d warm-up rounds%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                rounds,
                rounds);
    }

    private static double measure(IntSupplier run, int rounds, int steps) {
        for (int i = 0; i < rounds; i++) {
            check(run.getAsInt(), steps);
        }
        double[] perStep = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            check(run.getAsInt(), steps);
            perStep[i] = (System.nanoTime() - start) / 1_000.0 / steps;
        }
        java.util.Arrays.sort(perStep);
        return perStep[rounds / 2];
    }

    private static void check(int count, int steps) {
        int expected = ((steps + 2) / 3) * 3;
        if (count < steps || count > expected) {
            throw new IllegalStateException("the cycle stopped at " + count + " instead of " + steps);
        }
    }

    private static String[] row(String name, int steps, double us, double baseline) {
        String ratio = Double.isNaN(baseline) ? "" : String.format(Locale.ROOT, "%.1fx less time", baseline / us);
        if (baseline == us) {
            ratio = "baseline";
        }
        return new String[] {name, String.valueOf(steps), String.format(Locale.ROOT, "%.2f", us), ratio};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
