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
 * <p>Each run uses a new thread id. Both in-memory checkpointers keep every checkpoint of every
 * thread, as LangGraph4j's MemorySaver has no retention setting, and both write one per step.
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
        double[] us = measureInterleaved(
                List.of(lg4jPlain::run, ladderPlain::run, lg4jMemory::run, ladderMemory::run), rounds, steps);
        rows.add(row("LangGraph4j 1.8.17, no checkpointer", steps, us[0], us[0]));
        rows.add(row("Ladder, no checkpointer", steps, us[1], us[0]));
        rows.add(row("LangGraph4j 1.8.17, MemorySaver", steps, us[2], us[2]));
        rows.add(row("Ladder, MemoryCheckpointer", steps, us[3], us[2]));

        Path dir = Files.createTempDirectory("ladder-bench");
        try (JdbcCheckpointer sqlite = JdbcCheckpointer.sqlite(dir.resolve("bench.db"), LadderCycle.SCHEMA)) {
            LadderCycle ladderSqlite = new LadderCycle(sqliteSteps, sqlite);
            double sqliteUs = measureInterleaved(List.of(ladderSqlite::run), Math.max(3, rounds / 3), sqliteSteps)[0];
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

    /**
     * Runs every variant once per round, in turn, so that garbage and JIT state left by one runtime
     * burden the others equally; returns each variant's median microseconds per step.
     */
    private static double[] measureInterleaved(List<IntSupplier> variants, int rounds, int steps) {
        for (int i = 0; i < rounds; i++) {
            variants.forEach(run -> check(run.getAsInt(), steps));
        }
        double[][] perStep = new double[variants.size()][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int v = 0; v < variants.size(); v++) {
                long start = System.nanoTime();
                check(variants.get(v).getAsInt(), steps);
                perStep[v][i] = (System.nanoTime() - start) / 1_000.0 / steps;
            }
        }
        double[] medians = new double[variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            java.util.Arrays.sort(perStep[v]);
            medians[v] = perStep[v][rounds / 2];
        }
        return medians;
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
