package dev.ladder.reflection;

import dev.ladder.core.Message;
import dev.ladder.core.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One round of a reflection loop: what was asked, what the model wrote and what the verifier said.
 *
 * @param number the attempt's position, from 1.
 * @param prompt the messages sent to the model.
 * @param output the model's answer text.
 * @param verdict the verifier's judgement of {@code output}.
 * @param usage tokens spent by the model and the verifier in this attempt.
 * @param duration wall-clock time of the model call and the verification together.
 */
public record Attempt(
        int number, List<Message> prompt, String output, Verdict verdict, Usage usage, Duration duration) {

    public Attempt {
        if (number < 1) {
            throw new IllegalArgumentException("attempt number must be at least 1, was " + number);
        }
        prompt = List.copyOf(prompt);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(duration, "duration");
    }

    /** Returns true if the verifier accepted this attempt's output. */
    public boolean passed() {
        return verdict.passed();
    }
}
