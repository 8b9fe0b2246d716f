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
 */
final class ColdStart {
    private final Map<String, Double> medians = new LinkedHashMap<>();

    static ColdStart run(Path footprintDir, String benchClasses, String baseUrl, int runs)
            throws IOException, InterruptedException {
        ColdStart coldStart = new ColdStart();
        for (String library : ChatBenchmarks.LIBRARIES) {
            String classpath = benchClasses
                    + File.pathSeparator
                    + Files.readString(Footprint.classpathFile(footprintDir, library))
                            .trim();
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                seconds[i] = launch(classpath, library, baseUrl);
            }
            Arrays.sort(seconds);
            coldStart.medians.put(library, seconds[runs / 2]);
        }
        return coldStart;
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
                .append("A fresh JVM to the first chat response, whole process, median of the runs.\n\n")
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
