package dev.ladder.peft.dataset;

import java.util.List;

/** Collects the issues of one line. Not thread-safe; one per line being checked. */
final class LineIssues {
    private final int line;
    private final List<Issue> sink;
    private int errors;

    LineIssues(int line, List<Issue> sink) {
        this.line = line;
        this.sink = sink;
    }

    void error(String code, String message) {
        errors++;
        sink.add(new Issue(line, Severity.ERROR, code, message));
    }

    void warn(String code, String message) {
        sink.add(new Issue(line, Severity.WARNING, code, message));
    }

    int errors() {
        return errors;
    }
}
