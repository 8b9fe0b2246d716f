package dev.ladder.reflection.sql;

import dev.ladder.reflection.ReflectionResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Execution accuracy of plain prompting and of reflection over a set of examples.
 *
 * @param outcomes one per example, in input order.
 */
public record EvaluationReport(List<ExampleOutcome> outcomes) {

    public EvaluationReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Returns how many examples were scored: those whose gold SQL ran. */
    public int scored() {
        return count(ExampleOutcome::scored);
    }

    /** Returns how many plain answers matched the gold result. */
    public int plainCorrect() {
        return count(ExampleOutcome::plainCorrect);
    }

    /** Returns how many reflected answers matched the gold result. */
    public int reflectionCorrect() {
        return count(ExampleOutcome::reflectionCorrect);
    }

    /** Returns the share of scored examples plain prompting got right, 0 when none was scored. */
    public double plainAccuracy() {
        return scored() == 0 ? 0 : (double) plainCorrect() / scored();
    }

    /** Returns the share of scored examples reflection got right, 0 when none was scored. */
    public double reflectionAccuracy() {
        return scored() == 0 ? 0 : (double) reflectionCorrect() / scored();
    }

    /** Returns the reflection traces, for {@link dev.ladder.reflection.FineTuningExport}. */
    public List<ReflectionResult> reflectionTraces() {
        return outcomes.stream().map(o -> o.reflection().trace()).toList();
    }

    /** Returns a one-line summary such as {@code plain 61/84 (72.6%), reflection 70/84 (83.3%), 0 gold errors}. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "plain %d/%d (%.1f%%), reflection %d/%d (%.1f%%), %d gold errors",
                plainCorrect(),
                scored(),
                100 * plainAccuracy(),
                reflectionCorrect(),
                scored(),
                100 * reflectionAccuracy(),
                outcomes.size() - scored());
    }

    private int count(Predicate<ExampleOutcome> test) {
        return (int) outcomes.stream().filter(test).count();
    }
}
