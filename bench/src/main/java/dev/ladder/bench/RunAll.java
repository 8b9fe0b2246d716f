package dev.ladder.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every benchmark and writes {@code bench/RESULTS.md}. Started by {@code bench/run}, which
 * builds the project and resolves each library's classpath first.
 *
 * <p>Arguments: {@code --out FILE} (the Markdown to write), {@code --footprint DIR} (the resolved
 * classpaths), {@code --bench-classes DIR}, {@code --scifact DIR} (SciFact in BEIR layout; skipped
 * when absent), {@code --quick} (short iterations, for a smoke run).
 */
public final class RunAll {
    private static final Logger log = LoggerFactory.getLogger(RunAll.class);

    private RunAll() {}

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        List<String> sections = new ArrayList<>();

        log.info("footprint");
        sections.add(Footprint.measure(arguments.footprint()).markdown());
        log.info("cold start");
        try (ReplayServer server = ReplayServer.start()) {
            sections.add(ColdStart.run(
                            arguments.footprint(),
                            arguments.benchClasses(),
                            server.baseUrl(),
                            arguments.quick() ? 3 : 7)
                    .markdown());
            log.info("chat and streaming (JMH)");
            sections.add(ChatBenchmarks.run(arguments.quick(), server.baseUrl()).markdown());
        }
        sections.addAll(ModuleBenchmarks.run(arguments));

        Files.writeString(arguments.out(), header() + String.join("\n", sections));
        log.info("wrote {}", arguments.out().toAbsolutePath());
        System.exit(0);
    }

    private static String header() {
        return "# Ladder benchmark results\n\n"
                + "Measured side by side in one run on one machine; ratios hold better than absolute times.\n\n"
                + "- date: " + LocalDate.now() + "\n"
                + "- Java: " + System.getProperty("java.vm.name") + " " + Runtime.version() + "\n"
                + "- cores: " + Runtime.getRuntime().availableProcessors() + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n\n"
                + "Reproduce with `bash bench/run` (add `--quick` for a short smoke run).\n\n";
    }

    /** The command-line arguments. */
    record Arguments(Path out, Path footprint, String benchClasses, Path scifact, boolean quick) {
        static Arguments parse(String[] args) {
            Path out = Path.of("bench/RESULTS.md");
            Path footprint = Path.of("bench/target/footprint");
            String classes = "bench/target/classes";
            Path scifact = null;
            boolean quick = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(args[++i]);
                    case "--footprint" -> footprint = Path.of(args[++i]);
                    case "--bench-classes" -> classes = args[++i];
                    case "--scifact" -> scifact = Path.of(args[++i]);
                    case "--quick" -> quick = true;
                    default ->
                        throw new IllegalArgumentException("unknown argument '" + args[i]
                                + "': use --out, --footprint, --bench-classes, --scifact or --quick");
                }
            }
            return new Arguments(out, footprint, classes, scifact, quick);
        }
    }
}
