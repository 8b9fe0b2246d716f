package dev.ladder.bench;

import dev.ladder.bench.agent.GraphStepBenchmark;
import dev.ladder.bench.rag.SciFactBench;
import dev.ladder.bench.rag.VectorStoreBench;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmarks of the rag and agent modules, each in a JVM of its own (its own heap, no JIT
 * state or threads left over from another benchmark), and returns their Markdown sections and the
 * targets of issues 5 and 6 with what was measured against them.
 *
 * <p>The child JVM runs {@link #main}, which prints the section and then one {@link Target#line()}
 * per target. Benchmarks that other work maintains (SciFact on OpenSearch, on pgvector) are started
 * through their own {@code main(folder, vectorCache)} by class name, when present on the class path;
 * their output is kept from its first Markdown heading on.
 */
final class ModuleBenchmarks {
    private static final Logger log = LoggerFactory.getLogger(ModuleBenchmarks.class);

    /** Benchmarks over SciFact run through their own main, by class name, when the class exists. */
    private static final List<String> EXTERNAL_SCIFACT =
            List.of("dev.ladder.bench.rag.OpenSearchSciFactBench", "dev.ladder.bench.rag.PgVectorSciFactBench");

    private static final String SCIFACT_HELP = "Pass the folder with `bash bench/run --scifact DIR`, the system"
            + " property `-Dladder.bench.scifact=DIR` or the environment variable `LADDER_SCIFACT=DIR`;"
            + " by default it is `../shared/data/scifact-beir` beside the repository. The data set is"
            + " CC BY-NC, so it stays out of the repository.";

    /** The sections and targets of every module benchmark. */
    record Result(List<String> sections, List<Target> targets) {}

    private final RunAll.Arguments arguments;
    private final List<String> sections = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    private ModuleBenchmarks(RunAll.Arguments arguments) {
        this.arguments = arguments;
    }

    /** Runs every module benchmark in a child JVM; a failing one leaves a note, not a failed run. */
    static Result run(RunAll.Arguments arguments) throws InterruptedException {
        ModuleBenchmarks run = new ModuleBenchmarks(arguments);
        String quick = arguments.quick() ? "quick" : "full";
        if (!run.child("vector store", "2g", List.of(ModuleBenchmarks.class.getName(), "vector-store", quick))) {
            run.targets.add(Target.notRun("#5", "in-memory vector store targets", "the benchmark failed"));
        }
        if (!run.child("graph steps", "2g", List.of(ModuleBenchmarks.class.getName(), "graph-steps", quick))) {
            run.targets.add(Target.notRun("#6", "graph step target", "the benchmark failed"));
        }
        run.scifact();
        return new Result(run.sections, run.targets);
    }

    private void scifact() throws InterruptedException {
        Path folder = arguments.scifact();
        if (!Files.isRegularFile(folder.resolve("corpus.jsonl"))) {
            sections.add("## SciFact retrieval (not run)\n\nNo SciFact data in BEIR layout at `"
                    + folder.toAbsolutePath().normalize() + "` (no corpus.jsonl there). " + SCIFACT_HELP + "\n");
            targets.add(Target.notRun("#5", "BM25 nDCG@10 on SciFact >= 0.665 (BEIR)", "no SciFact data"));
            targets.add(Target.notRun("#5", "hybrid nDCG@10 above BM25 and dense alone", "no SciFact data"));
            return;
        }
        Path vectors = arguments.vectorCache().toAbsolutePath();
        if (arguments.quick() && !Files.exists(vectors)) {
            sections.add("## SciFact retrieval (not run)\n\nA quick run uses the corpus vectors that a full run"
                    + " caches in `" + arguments.vectorCache() + "`; there are none yet. Run `bash bench/run` once"
                    + " without `--quick` (embedding the corpus takes a few minutes).\n");
            return;
        }
        String data = folder.toAbsolutePath().toString();
        if (!child("SciFact", "2g", List.of(ModuleBenchmarks.class.getName(), "scifact", data, vectors.toString()))) {
            targets.add(Target.notRun("#5", "SciFact nDCG@10 targets", "the benchmark failed"));
        }
        for (String name : EXTERNAL_SCIFACT) {
            if (present(name)) {
                child(name.substring(name.lastIndexOf('.') + 1), "2g", List.of(name, data, vectors.toString()));
            }
        }
    }

    /**
     * Runs {@code mainAndArgs} in a child JVM and keeps its section and targets, or notes its failure;
     * returns whether it succeeded.
     */
    private boolean child(String name, String heap, List<String> mainAndArgs) throws InterruptedException {
        log.info("{}", name);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("ladder."))
                .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        long start = System.nanoTime();
        String failure;
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            CompletableFuture<String> output = readAsync(process.getInputStream());
            long minutes = arguments.quick() ? 10 : 30;
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                failure = "did not finish within " + minutes + " minutes";
            } else if (process.exitValue() != 0) {
                failure = "its JVM exited with status " + process.exitValue() + " (the log above says why)";
            } else {
                keep(output.join());
                log.info("{} took {} s", name, (System.nanoTime() - start) / 1_000_000_000L);
                return true;
            }
        } catch (IOException e) {
            failure = "could not start a JVM: " + e.getMessage();
        }
        log.warn("{} failed: {}", name, failure);
        sections.add("## " + name + " (failed)\n\nThe benchmark " + failure + ".\n");
        return false;
    }

    /** Splits a child's output into its section (from the first heading on) and its target lines. */
    private void keep(String output) {
        StringBuilder section = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            var target = Target.parse(line);
            if (target.isPresent()) {
                targets.add(target.get());
            } else if (section.length() > 0 || line.startsWith("#")) {
                section.append(line).append('\n');
            }
        }
        sections.add(section.toString().strip() + "\n");
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ModuleBenchmarks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Runs one module benchmark and prints its Markdown section, then its targets as lines. Arguments:
     * {@code vector-store quick|full}, {@code graph-steps quick|full}, or {@code scifact DIR CACHE}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ModuleBenchmarks vector-store|graph-steps quick|full,"
                    + " or ModuleBenchmarks scifact <scifact-beir folder> <vector cache file>");
        }
        boolean quick = args[1].equals("quick");
        List<String> lines = switch (args[0]) {
            case "vector-store" -> vectorStore(quick);
            case "graph-steps" -> graphSteps(quick);
            case "scifact" -> {
                if (args.length != 3) {
                    throw new IllegalArgumentException(
                            "usage: ModuleBenchmarks scifact <scifact-beir folder> <vector cache file>");
                }
                yield scifact(Path.of(args[1]), Path.of(args[2]));
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown module benchmark '" + args[0] + "': use vector-store, graph-steps or scifact");
        };
        lines.forEach(System.out::println);
        // Exit explicitly: ONNX Runtime and JDBC threads must not hold the JVM open.
        System.exit(0);
    }

    private static List<String> vectorStore(boolean quick) {
        int n = quick ? 20_000 : 100_000;
        VectorStoreBench.Figures f = VectorStoreBench.measure(n, 384, quick ? 20 : 100, 42);
        String scale = quick ? " (quick run: " + n + " vectors)" : "";
        List<String> lines = new ArrayList<>(List.of(f.markdown()));
        lines.add(Target.of(
                        "#5",
                        "exact search at least 4x faster than LangChain4j" + scale,
                        fmt("%.1fx (%.2f ms vs %.2f ms)", f.exactSpeedUp(), f.exactMs(), f.langchainMs()),
                        f.exactSpeedUp() >= 4)
                .line());
        lines.add(Target.of(
                        "#5",
                        "exact store heap within 10% of 4 bytes per dimension" + scale,
                        fmt("%.2f bytes per dimension", f.heapBytesPerDimension()),
                        f.heapBytesPerDimension() <= 4.4)
                .line());
        lines.add(Target.of(
                        "#5",
                        "int8 index at least 10x faster than LangChain4j" + scale,
                        fmt("%.1fx (%.2f ms)", f.quantizedSpeedUp(), f.quantizedMs()),
                        f.quantizedSpeedUp() >= 10)
                .line());
        lines.add(Target.of(
                        "#5",
                        "int8 index recall@10 >= 0.99 against exact search",
                        fmt("%.3f", f.quantizedRecall()),
                        f.quantizedRecall() >= 0.99)
                .line());
        return lines;
    }

    private static List<String> graphSteps(boolean quick) throws Exception {
        GraphStepBenchmark.Figures f = GraphStepBenchmark.measure(quick ? 3 : 15, 10_000, quick ? 300 : 1_000);
        List<String> lines = new ArrayList<>();
        lines.add("## Graph steps: a three-node cycle, Ladder vs LangGraph4j 1.8.17\n");
        lines.add(f.markdown());
        lines.add(Target.of(
                        "#6",
                        "at least 3x less time per step than LangGraph4j, in-memory checkpoints",
                        fmt(
                                "%.1fx (%.2f us vs %.2f us per step)",
                                f.memoryRatio(), f.ladderMemory(), f.langGraph4jMemory()),
                        f.memoryRatio() >= 3)
                .line());
        return lines;
    }

    private static List<String> scifact(Path folder, Path cache) {
        boolean cached = Files.exists(cache);
        long start = System.nanoTime();
        SciFactBench.Figures f = SciFactBench.measure(folder, cache, null);
        String vectors = cached
                ? "Corpus vectors loaded from the cache `" + cache.getFileName() + "` of an earlier run."
                : fmt(
                        "Corpus embedded in this run and cached (%d s in all).",
                        (System.nanoTime() - start) / 1_000_000_000L);
        double bm25 = f.bm25().ndcgAt10();
        double dense = f.dense().ndcgAt10();
        double hybrid = f.hybrid().ndcgAt10();
        List<String> lines = new ArrayList<>(List.of(f.markdown(), vectors));
        lines.add(Target.of("#5", "BM25 nDCG@10 on SciFact >= 0.665 (BEIR)", fmt("%.4f", bm25), bm25 >= 0.665)
                .line());
        lines.add(Target.of(
                        "#5",
                        "hybrid nDCG@10 above BM25 and dense alone",
                        fmt("%.4f vs BM25 %.4f, dense %.4f", hybrid, bm25, dense),
                        hybrid > bm25 && hybrid > dense)
                .line());
        return lines;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
