package dev.ladder.bench;

import java.util.Optional;

/**
 * One target an issue sets for a benchmark, with the figure measured against it. A module benchmark
 * running in a child JVM prints its targets as tab-separated lines that {@link ModuleBenchmarks}
 * collects for the summary of {@code bench/RESULTS.md}.
 *
 * @param issue the issue that sets the target, such as {@code #9}.
 * @param goal what the target asks, in words.
 * @param measured what this run measured, or why it measured nothing.
 * @param verdict whether the measured figure meets the goal.
 */
public record Target(String issue, String goal, String measured, Verdict verdict) {
    private static final String PREFIX = "target\t";

    /** Whether a target was met. */
    public enum Verdict {
        MET("met"),
        MISSED("**missed**"),
        NOT_RUN("not run");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** Returns a target that was measured, met or missed. */
    public static Target of(String issue, String goal, String measured, boolean met) {
        return new Target(issue, goal, measured, met ? Verdict.MET : Verdict.MISSED);
    }

    /** Returns a target that this run could not measure, saying why. */
    public static Target notRun(String issue, String goal, String why) {
        return new Target(issue, goal, why, Verdict.NOT_RUN);
    }

    /** Returns the target as one line for a parent process to read back with {@link #parse}. */
    public String line() {
        return PREFIX + clean(issue) + "\t" + clean(goal) + "\t" + clean(measured) + "\t" + verdict.name();
    }

    /** Reads a line printed by {@link #line()}; any other line gives an empty result. */
    public static Optional<Target> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] fields = line.substring(PREFIX.length()).split("\t", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException(
                    "target line '" + line + "' has " + fields.length + " fields: expected issue, goal, measured, met");
        }
        return Optional.of(new Target(fields[0], fields[1], fields[2], Verdict.valueOf(fields[3])));
    }

    /** Returns the target as a row of the summary table. */
    String markdownRow() {
        return "| " + issue + " | " + goal + " | " + measured + " | " + verdict.text + " |";
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }
}
