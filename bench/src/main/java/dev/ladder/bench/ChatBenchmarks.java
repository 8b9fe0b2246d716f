package dev.ladder.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

/**
 * Runs {@link ChatBenchmark} under JMH with the GC profiler and renders the figures, the ratios and
 * issue 9's targets for them.
 *
 * <p>A full run measures in three passes, the middle one with the libraries in reverse order, and
 * takes each library's median pass: on a shared machine the load drifts over minutes, and a library
 * measured only early or only late would carry that drift into its ratio.
 */
final class ChatBenchmarks {
    static final List<String> LIBRARIES = List.of("raw", "ladder", "langchain4j", "openai-java");
    private static final int STREAM_EVENTS = 180;

    /** Issue 9: a stream allocates at most what LangChain4j's did when the issue was written. */
    private static final double STREAM_BYTES_LIMIT = 82 * 1024;

    private final Map<String, Figure> chat = new LinkedHashMap<>();
    private final Map<String, Figure> stream = new LinkedHashMap<>();
    private final int passes;

    private ChatBenchmarks(int passes) {
        this.passes = passes;
    }

    /** One library's figures: time per operation (µs) and bytes allocated per operation, per pass. */
    private record Figure(List<Double> micros, List<Double> bytes) {
        Figure() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        double time() {
            return median(micros);
        }

        double allocated() {
            return median(bytes);
        }

        private static double median(List<Double> values) {
            double[] sorted =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        /** The largest difference between passes, relative to the median time. */
        double spread() {
            double max = micros.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double min = micros.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            return (max - min) / time();
        }
    }

    /** Runs both benchmarks for every library; {@code quick} shortens the iterations for a smoke run. */
    static ChatBenchmarks run(boolean quick, String serverUrl) throws RunnerException {
        int passes = quick ? 1 : 3;
        ChatBenchmarks figures = new ChatBenchmarks(passes);
        for (int pass = 0; pass < passes; pass++) {
            List<String> order = new ArrayList<>(LIBRARIES);
            if (pass % 2 == 1) {
                Collections.reverse(order);
            }
            for (String library : order) {
                Options options = new OptionsBuilder()
                        .include(ChatBenchmark.class.getName())
                        .param("library", library)
                        .addProfiler(GCProfiler.class)
                        .forks(1)
                        .warmupIterations(quick ? 1 : 3)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(quick ? 2 : 5)
                        .measurementTime(TimeValue.seconds(1))
                        .jvmArgsAppend("-Xms512m", "-Xmx512m", "-D" + ChatBenchmark.SERVER_URL + "=" + serverUrl)
                        .shouldFailOnError(true)
                        .build();
                figures.add(new Runner(options).run());
            }
        }
        return figures;
    }

    private void add(Collection<RunResult> results) {
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String library = result.getParams().getParam("library");
            Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
            Figure figure = (benchmark.endsWith(".chat") ? chat : stream).computeIfAbsent(library, l -> new Figure());
            figure.micros().add(result.getPrimaryResult().getScore());
            figure.bytes().add(allocated == null ? Double.NaN : allocated.getScore());
        }
    }

    /** Issue 9's targets for the blocking call and the stream, against this run's figures. */
    List<Target> targets() {
        Figure rawChat = chat.get("raw");
        Figure ladderChat = chat.get("ladder");
        Figure rawStream = stream.get("raw");
        Figure ladderStream = stream.get("ladder");
        Figure langchainStream = stream.get("langchain4j");
        double chatTime = ladderChat.time() / rawChat.time();
        double chatBytes = ladderChat.allocated() / rawChat.allocated();
        double streamTime = ladderStream.time() / rawStream.time();
        return List.of(
                Target.of(
                        "#9",
                        "blocking call within 15% of raw OkHttp + Moshi in time",
                        fmt(chatTime, 2) + "x raw (" + fmt(ladderChat.time(), 1) + " vs " + fmt(rawChat.time(), 1)
                                + " µs)",
                        chatTime <= 1.15),
                Target.of(
                        "#9",
                        "blocking call within 30% of raw in bytes allocated",
                        fmt(chatBytes, 2) + "x raw (" + kb(ladderChat.allocated()) + " vs " + kb(rawChat.allocated())
                                + " KB)",
                        chatBytes <= 1.30),
                Target.of(
                        "#9",
                        "180-chunk stream within 20% of raw in time",
                        fmt(streamTime, 2) + "x raw (" + fmt(ladderStream.time() / 1000, 3) + " vs "
                                + fmt(rawStream.time() / 1000, 3) + " ms)",
                        streamTime <= 1.20),
                Target.of(
                        "#9",
                        "stream allocates at most 82 KB, and at most LangChain4j in the same run",
                        kb(ladderStream.allocated()) + " KB (LangChain4j " + kb(langchainStream.allocated()) + " KB)",
                        ladderStream.allocated() <= STREAM_BYTES_LIMIT
                                && ladderStream.allocated() <= langchainStream.allocated()));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## Blocking chat call\n\n")
                .append("Sequential calls against a local server replaying a recorded OpenAI response"
                        + " (the server runs in another JVM). Bytes are all the client JVM allocated per call,"
                        + " every thread, from JMH's GC profiler. ")
                .append(passNote())
                .append("\n\n| library | µs per call | KB allocated per call | time vs raw | bytes vs raw |"
                        + " time vs Ladder | spread between passes |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        rows(out, chat, false);
        out.append("\n## Streaming\n\n")
                .append("The recorded 180-chunk JSON stream, replayed whole per operation; events per second are"
                        + " chunks delivered to the handler.\n\n")
                .append("| library | ms per stream | events per second | KB allocated per stream | time vs raw |"
                        + " bytes vs raw | time vs Ladder | spread between passes |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        rows(out, stream, true);
        return out.toString();
    }

    private String passNote() {
        return passes == 1
                ? "One JMH pass (quick run)."
                : "Median of " + passes + " JMH passes (the middle one in reverse library order);"
                        + " the last column shows how far the passes were apart.";
    }

    private void rows(StringBuilder out, Map<String, Figure> figures, boolean streaming) {
        Figure raw = figures.get("raw");
        Figure ladder = figures.get("ladder");
        for (String library : LIBRARIES) {
            Figure f = figures.get(library);
            if (f == null) {
                continue;
            }
            out.append("| ").append(library).append(" | ");
            if (streaming) {
                out.append(fmt(f.time() / 1000, 3)).append(" | ").append(fmt(STREAM_EVENTS / (f.time() / 1e6), 0));
            } else {
                out.append(fmt(f.time(), 1));
            }
            out.append(" | ").append(kb(f.allocated()));
            out.append(" | ").append(ratio(f.time(), raw.time()));
            out.append(" | ").append(ratio(f.allocated(), raw.allocated()));
            out.append(" | ").append(ratio(f.time(), ladder.time()));
            out.append(" | ").append(passes == 1 ? "n/a" : fmt(100 * f.spread(), 0) + "%");
            out.append(" |\n");
        }
    }

    private static String kb(double bytes) {
        return fmt(bytes / 1024, 1);
    }

    private static String ratio(double value, double base) {
        return fmt(value / base, 2) + "x";
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
