package dev.ladder.reflection;

import dev.ladder.core.Usage;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Checks a model's output against reality: runs it, validates it, or has it critiqued.
 *
 * <p>A verifier returns a failing {@link Verdict} for a bad output; it throws only when checking
 * itself is impossible (the database is down, the critic model fails), and the reflection loop lets
 * that exception through. Implementations shipped with Ladder say in their Javadoc whether they are
 * thread-safe.
 */
@FunctionalInterface
public interface Verifier {

    /**
     * Judges {@code output}, which the model wrote for {@code task}.
     *
     * @throws RuntimeException when the check cannot be carried out; a bad output is a failing
     *     verdict, not an exception.
     */
    Verdict verify(String task, String output);

    /**
     * Returns a verifier that passes when {@code test} accepts the output and otherwise fails with
     * {@code feedback}. Thread-safe if {@code test} is.
     */
    static Verifier of(Predicate<String> test, String feedback) {
        Objects.requireNonNull(test, "test");
        Verdict failed = Verdict.fail(feedback);
        return (task, output) -> test.test(output) ? Verdict.pass() : failed;
    }

    /**
     * Returns a verifier that runs {@code verifiers} in order and stops at the first failure, so a
     * cheap check (run the SQL) spares an expensive one (an LLM critic). The verdict's usage is the
     * sum over the verifiers that ran. Thread-safe if every verifier is.
     *
     * @throws IllegalArgumentException when {@code verifiers} is empty.
     */
    static Verifier allOf(Verifier... verifiers) {
        List<Verifier> steps = List.of(verifiers);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("allOf needs at least one verifier");
        }
        return (task, output) -> {
            Usage usage = Usage.ZERO;
            for (Verifier step : steps) {
                Verdict verdict = step.verify(task, output);
                usage = usage.plus(verdict.usage());
                if (!verdict.passed()) {
                    return new Verdict(false, verdict.feedback(), usage);
                }
            }
            return new Verdict(true, "", usage);
        };
    }
}
