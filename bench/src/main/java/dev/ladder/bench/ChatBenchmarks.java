package dev.ladder.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link ChatBenchmark} under JMH with the GC profiler and renders the figures and ratios. */
final class ChatBenchmarks {
    static final List<String> LIBRARIES = List.of("raw", "ladder", "langchain4j", "openai-java");
    private static final int STREAM_EVENTS = 180;

    private final Map<String, double[]> chat = new LinkedHashMap<>();
    private final Map<String, double[]> stream = new LinkedHashMap<>();

    /** Runs both benchmarks for every library; {@code quick} shortens the iterations for a smoke run. */
    static ChatBenchmarks run(boolean quick, String serverUrl) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ChatBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                .forks(1)
                .warmupIterations(quick ? 1 : 4)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Xms512m", "-Xmx512m", "-D" + ChatBenchmark.SERVER_URL + "=" + serverUrl)
                .shouldFailOnError(true)
                .build();
        return from(new Runner(options).run());
    }

    private static ChatBenchmarks from(Collection<RunResult> results) {
        ChatBenchmarks figures = new ChatBenchmarks();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String library = result.getParams().getParam("library");
            double micros = result.getPrimaryResult().getScore();
            Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
            double bytes = allocated == null ? Double.NaN : allocated.getScore();
            (benchmark.endsWith(".chat") ? figures.chat : figures.stream).put(library, new double[] {micros, bytes});
        }
        return figures;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## Blocking chat call\n\n")
                .append("Sequential calls against a local server replaying a recorded OpenAI response.\n\n")
                .append("| library | µs per call | KB allocated per call | time vs raw | bytes vs raw |"
                        + " time vs Ladder |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        rows(out, chat, false);
        out.append("\n## Streaming\n\n")
                .append("The recorded 180-chunk JSON stream, replayed whole per operation.\n\n")
                .append("| library | ms per stream | events per second | KB allocated per stream | time vs raw |"
                        + " bytes vs raw | time vs Ladder |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        rows(out, stream, true);
        return out.toString();
    }

    private static void rows(StringBuilder out, Map<String, double[]> figures, boolean streaming) {
        double[] raw = figures.get("raw");
        double[] ladder = figures.get("ladder");
        for (String library : LIBRARIES) {
            double[] f = figures.get(library);
            if (f == null) {
                continue;
            }
            out.append("| ").append(library).append(" | ");
            if (streaming) {
                out.append(fmt(f[0] / 1000, 3)).append(" | ").append(fmt(STREAM_EVENTS / (f[0] / 1e6), 0));
            } else {
                out.append(fmt(f[0], 1));
            }
            out.append(" | ").append(fmt(f[1] / 1024, 1));
            out.append(" | ").append(ratio(f[0], raw[0])).append(" | ").append(ratio(f[1], raw[1]));
            out.append(" | ")
                    .append(ladder == null ? "n/a" : ratio(f[0], ladder[0]))
                    .append(" |\n");
        }
    }

    private static String ratio(double value, double base) {
        return fmt(value / base, 2) + "x";
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
