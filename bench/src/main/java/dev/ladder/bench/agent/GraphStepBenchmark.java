package dev.ladder.bench.agent;

import dev.ladder.agent.JdbcCheckpointer;
import dev.ladder.agent.MemoryCheckpointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.bsc.langgraph4j.GraphStateException;

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
    public static void main(String[] args) throws IOException, GraphStateException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int sqliteSteps = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        System.out.print(measure(rounds, steps, sqliteSteps).markdown());
    }

    /**
     * Runs the cycle for {@code steps} steps on each in-memory variant and for {@code sqliteSteps} on
     * SQLite, {@code rounds} measured rounds after as many warm-up rounds, and returns the medians.
     */
    public static Figures measure(int rounds, int steps, int sqliteSteps) throws IOException, GraphStateException {
        LadderCycle ladderPlain = new LadderCycle(steps, null);
        LadderCycle ladderMemory = new LadderCycle(steps, MemoryCheckpointer.create());
        LangGraph4jCycle lg4jPlain = new LangGraph4jCycle(steps, false);
        LangGraph4jCycle lg4jMemory = new LangGraph4jCycle(steps, true);
        double[] us = measureInterleaved(
                List.of(lg4jPlain::run, ladderPlain::run, lg4jMemory::run, ladderMemory::run), rounds, steps);

        Path dir = Files.createTempDirectory("ladder-bench");
        try (JdbcCheckpointer sqlite = JdbcCheckpointer.sqlite(dir.resolve("bench.db"), LadderCycle.SCHEMA)) {
            LadderCycle ladderSqlite = new LadderCycle(sqliteSteps, sqlite);
            double sqliteUs = measureInterleaved(List.of(ladderSqlite::run), Math.max(3, rounds / 3), sqliteSteps)[0];
            return new Figures(rounds, steps, sqliteSteps, us[0], us[1], us[2], us[3], sqliteUs);
        } finally {
            deleteTree(dir);
        }
    }

    /** Median microseconds per step of each variant. */
    public record Figures(
            int rounds,
            int steps,
            int sqliteSteps,
            double langGraph4jPlain,
            double ladderPlain,
            double langGraph4jMemory,
            double ladderMemory,
            double ladderSqlite) {

        /** How many times less time per step Ladder takes, both without checkpoints. */
        public double plainRatio() {
            return langGraph4jPlain / ladderPlain;
        }

        /** How many times less time per step Ladder takes, both with in-memory checkpoints. */
        public double memoryRatio() {
            return langGraph4jMemory / ladderMemory;
        }

        /** Returns the table as Markdown. */
        public String markdown() {
            List<String[]> rows = new ArrayList<>();
            rows.add(row("LangGraph4j 1.8.17, no checkpointer", steps, langGraph4jPlain, langGraph4jPlain));
            rows.add(row("Ladder, no checkpointer", steps, ladderPlain, langGraph4jPlain));
            rows.add(row("LangGraph4j 1.8.17, MemorySaver", steps, langGraph4jMemory, langGraph4jMemory));
            rows.add(row("Ladder, MemoryCheckpointer", steps, ladderMemory, langGraph4jMemory));
            rows.add(row("Ladder, SQLite checkpointer (file, WAL)", sqliteSteps, ladderSqlite, Double.NaN));
            StringBuilder out = new StringBuilder();
            out.append("| runtime | steps per run | us per step (median) | vs LangGraph4j, same checkpointing |\n");
            out.append("|---|---:|---:|---:|\n");
            rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
            out.append('\n')
                    .append(String.format(
                            Locale.ROOT, "%d measured rounds after %d warm-up rounds.%n", rounds, rounds));
            return out.toString();
        }
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
