package dev.ladder.bench;

import java.util.ArrayList;
import java.util.List;

/** Runs the benchmarks of the rag and agent modules and returns their Markdown sections. */
final class ModuleBenchmarks {
    private ModuleBenchmarks() {}

    static List<String> run(RunAll.Arguments arguments) {
        return new ArrayList<>();
    }
}
