package dev.ladder.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures the runtime classpath of each library's minimal "chat with OpenAI" setup: the number of
 * jars and their total size. The classpaths are resolved by Maven beforehand (see bench/run) into
 * one file per library.
 */
final class Footprint {
    private final Map<String, long[]> jars = new LinkedHashMap<>();

    static Path classpathFile(Path dir, String library) {
        return dir.resolve(library + ".classpath");
    }

    static Footprint measure(Path dir) throws IOException {
        Footprint footprint = new Footprint();
        for (String library : ChatBenchmarks.LIBRARIES) {
            long count = 0;
            long bytes = 0;
            for (String entry :
                    Files.readString(classpathFile(dir, library)).trim().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    count++;
                    bytes += Files.size(Path.of(entry));
                }
            }
            footprint.jars.put(library, new long[] {count, bytes});
        }
        return footprint;
    }

    /** Issue 9's target: ladder-core's runtime classpath at most 0.6 MB above OkHttp + Moshi + slf4j. */
    Target target() {
        double above = (jars.get("ladder")[1] - jars.get("raw")[1]) / 1e6;
        return Target.of(
                "#9",
                "ladder-core runtime classpath at most 0.6 MB above OkHttp + Moshi + slf4j",
                ChatBenchmarks.fmt(above, 2) + " MB above (" + ChatBenchmarks.fmt(jars.get("ladder")[1] / 1e6, 2)
                        + " MB in " + jars.get("ladder")[0] + " jars)",
                above <= 0.6);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## Footprint\n\n")
                .append("Runtime classpath of the minimal chat setup: raw is OkHttp + Moshi + slf4j-api,")
                .append(" Ladder is `ladder-core` alone, LangChain4j is `langchain4j-open-ai`,")
                .append(" openai-java is `openai-java`.\n\n")
                .append("| library | jars | MB | MB above raw |\n|---|---:|---:|---:|\n");
        long raw = jars.get("raw")[1];
        jars.forEach((library, f) -> out.append("| ")
                .append(library)
                .append(" | ")
                .append(f[0])
                .append(" | ")
                .append(ChatBenchmarks.fmt(f[1] / 1e6, 2))
                .append(" | ")
                .append(ChatBenchmarks.fmt((f[1] - raw) / 1e6, 2))
                .append(" |\n"));
        return out.toString();
    }
}
