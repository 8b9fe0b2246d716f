package dev.ladder.core.eval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears about each finished case run. Calls come from the evaluation's worker threads, one at a
 * time, with {@code completed} counting up by one. An exception a listener throws is logged and
 * otherwise ignored.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Receives the progress after one more case run finished. */
    void onProgress(EvalProgress progress);

    /** Returns a listener that does nothing. */
    static ProgressListener none() {
        return progress -> {};
    }

    /** Returns a listener that logs each finished run at INFO to the logger {@code dev.ladder.core.eval}. */
    static ProgressListener logging() {
        Logger log = LoggerFactory.getLogger("dev.ladder.core.eval");
        return progress -> {
            CaseResult latest = progress.latest();
            String outcome = latest.failed() ? "error: " + latest.error() : latest.passed() ? "pass" : "fail";
            log.info(
                    "{}/{} {} {}: {}",
                    progress.completed(),
                    progress.total(),
                    latest.strategy(),
                    latest.caseId(),
                    outcome);
        };
    }
}
