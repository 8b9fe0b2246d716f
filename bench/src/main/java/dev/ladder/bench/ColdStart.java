package dev.ladder.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times a fresh JVM from launch to its first chat response, for each library, with only that
 * library's runtime classpath (plus the bench classes) on the class path.
 *
 * <p>Each round launches every library once, in turn, so load from other processes falls on all of
 * them alike; a first round, not counted, brings the jars into the page cache.
 */
final class ColdStart {
    private final Map<String, Double> medians = new LinkedHashMap<>();
    private final int runs;

    private ColdStart(int runs) {
        this.runs = runs;
    }

    static ColdStart run(Path footprintDir, String benchClasses, String baseUrl, int runs)
            throws IOException, InterruptedException {
        Map<String, String> classpaths = new LinkedHashMap<>();
        for (String library : ChatBenchmarks.LIBRARIES) {
            classpaths.put(
                    library,
                    benchClasses
                            + File.pathSeparator
                            + Files.readString(Footprint.classpathFile(footprintDir, library))
                                    .trim());
        }
        Map<String, double[]> seconds = new LinkedHashMap<>();
        classpaths.keySet().forEach(library -> seconds.put(library, new double[runs]));
        for (int round = -1; round < runs; round++) {
            for (Map.Entry<String, String> library : classpaths.entrySet()) {
                double elapsed = launch(library.getValue(), library.getKey(), baseUrl);
                if (round >= 0) {
                    seconds.get(library.getKey())[round] = elapsed;
                }
            }
        }
        ColdStart coldStart = new ColdStart(runs);
        seconds.forEach((library, times) -> {
            Arrays.sort(times);
            coldStart.medians.put(library, times[runs / 2]);
        });
        return coldStart;
    }

    /** Issue 9's target: Ladder's cold start within 30% of raw OkHttp + Moshi. */
    Target target() {
        double ratio = medians.get("ladder") / medians.get("raw");
        return Target.of(
                "#9",
                "cold start within 30% of raw",
                ChatBenchmarks.fmt(ratio, 2) + "x raw (" + ChatBenchmarks.fmt(medians.get("ladder"), 3) + " vs "
                        + ChatBenchmarks.fmt(medians.get("raw"), 3) + " s)",
                ratio <= 1.30);
    }

    private static double launch(String classpath, String library, String baseUrl)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", classpath, ColdStartMain.class.getName(), library, baseUrl));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("cold start of " + library + " failed: " + new String(output));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## Cold start\n\n")
                .append("A fresh JVM to the first chat response, whole process (launch to exit), median of ")
                .append(runs)
                .append(" rounds, each launching every library in turn after an uncounted first round.\n\n")
                .append("| library | seconds | vs raw |\n|---|---:|---:|\n");
        double raw = medians.get("raw");
        medians.forEach((library, seconds) -> out.append("| ")
                .append(library)
                .append(" | ")
                .append(ChatBenchmarks.fmt(seconds, 3))
                .append(" | ")
                .append(ChatBenchmarks.fmt(seconds / raw, 2))
                .append("x |\n"));
        return out.toString();
    }
}
