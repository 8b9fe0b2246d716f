package dev.ladder.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every benchmark and writes {@code bench/RESULTS.md}: footprint, cold start, blocking and
 * streaming chat (JMH), then the rag and agent benchmarks, with a summary of every issue target and
 * whether this run met it. Started by {@code bench/run}, which builds the project and resolves each
 * library's classpath first.
 *
 * <p>Arguments: {@code --out FILE} (the Markdown to write), {@code --footprint DIR} (the resolved
 * classpaths), {@code --bench-classes DIR}, {@code --scifact DIR} (SciFact in BEIR layout; else the
 * system property {@code ladder.bench.scifact}, the environment variable {@code LADDER_SCIFACT}, or
 * {@code ../shared/data/scifact-beir}), {@code --quick} (short iterations, for a smoke run).
 */
public final class RunAll {
    private static final Logger log = LoggerFactory.getLogger(RunAll.class);

    private RunAll() {}

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        long start = System.nanoTime();
        List<String> sections = new ArrayList<>();
        List<Target> targets = new ArrayList<>();

        log.info("footprint");
        Footprint footprint = Footprint.measure(arguments.footprint());
        sections.add(footprint.markdown());
        targets.add(footprint.target());
        try (ReplayServer server = ReplayServer.start()) {
            log.info("warming up the replay server");
            server.warmUp(arguments.quick() ? 5 : 15);
            log.info("cold start");
            ColdStart coldStart = ColdStart.run(
                    arguments.footprint(), arguments.benchClasses(), server.baseUrl(), arguments.quick() ? 3 : 9);
            sections.add(coldStart.markdown());
            targets.add(coldStart.target());
            log.info("chat and streaming (JMH)");
            ChatBenchmarks chat = ChatBenchmarks.run(arguments.quick(), server.baseUrl());
            sections.add(chat.markdown());
            targets.addAll(0, chat.targets());
        }
        ModuleBenchmarks.Result modules = ModuleBenchmarks.run(arguments);
        sections.addAll(modules.sections());
        targets.addAll(modules.targets());

        long minutes = Math.round((System.nanoTime() - start) / 60e9);
        Files.writeString(
                arguments.out(), header(arguments, minutes) + summary(targets) + "\n" + String.join("\n", sections));
        log.info("wrote {}", arguments.out().toAbsolutePath());
        // Exit explicitly: OkHttp's and the libraries' threads must not keep the JVM alive.
        System.exit(0);
    }

    private static String header(Arguments arguments, long minutes) {
        return "# Ladder benchmark results\n\n"
                + "Measured side by side in one run on one machine; ratios hold better than absolute times,"
                + " and a machine shared with other work makes every figure noisy.\n\n"
                + "- date: " + LocalDate.now() + "\n"
                + "- Java: " + System.getProperty("java.vm.name") + " " + Runtime.version() + "\n"
                + "- cores: " + Runtime.getRuntime().availableProcessors() + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n"
                + "- mode: " + (arguments.quick() ? "quick (smoke run, short iterations)" : "full") + ", "
                + minutes + " minutes of benchmarks after the build\n\n"
                + "Reproduce with `bash bench/run` (add `--quick` for a short smoke run).\n\n";
    }

    private static String summary(List<Target> targets) {
        StringBuilder out = new StringBuilder("## Targets\n\n")
                .append(count(targets, Target.Verdict.MET))
                .append(" of ")
                .append(targets.size())
                .append(" targets met, ")
                .append(count(targets, Target.Verdict.MISSED))
                .append(" missed, ")
                .append(count(targets, Target.Verdict.NOT_RUN))
                .append(" not run. The sections below give every figure.\n\n")
                .append("| issue | target | measured | verdict |\n|---|---|---|---|\n");
        targets.forEach(target -> out.append(target.markdownRow()).append('\n'));
        return out.toString();
    }

    private static long count(List<Target> targets, Target.Verdict verdict) {
        return targets.stream().filter(t -> t.verdict() == verdict).count();
    }

    /** The command-line arguments. */
    record Arguments(Path out, Path footprint, String benchClasses, Path scifact, Path vectorCache, boolean quick) {
        static Arguments parse(String[] args) {
            Path out = Path.of("bench/RESULTS.md");
            Path footprint = Path.of("bench/target/footprint");
            String classes = "bench/target/classes";
            Path scifact = null;
            boolean quick = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--footprint" -> footprint = Path.of(value(args, ++i));
                    case "--bench-classes" -> classes = value(args, ++i);
                    case "--scifact" -> scifact = Path.of(value(args, ++i));
                    case "--quick" -> quick = true;
                    default ->
                        throw new IllegalArgumentException("unknown argument '" + args[i]
                                + "': use --out, --footprint, --bench-classes, --scifact or --quick");
                }
            }
            if (scifact == null) {
                scifact = defaultScifact();
            }
            Path cache = Path.of("bench/target/scifact-minilm.vectors");
            return new Arguments(out, footprint, classes, scifact, cache, quick);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException("argument " + args[i - 1] + " needs a value after it");
            }
            return args[i];
        }

        private static Path defaultScifact() {
            String property = System.getProperty("ladder.bench.scifact");
            if (property != null && !property.isBlank()) {
                return Path.of(property);
            }
            String env = System.getenv("LADDER_SCIFACT");
            if (env != null && !env.isBlank()) {
                return Path.of(env);
            }
            return Path.of("..", "shared", "data", "scifact-beir");
        }
    }
}
