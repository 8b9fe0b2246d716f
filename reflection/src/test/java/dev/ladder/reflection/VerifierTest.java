package dev.ladder.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {

    @Test
    void predicateVerifierFailsWithItsFeedback() {
        Verifier nonEmpty = Verifier.of(output -> !output.isBlank(), "Write something.");

        assertThat(nonEmpty.verify("task", " ")).isEqualTo(Verdict.fail("Write something."));
        assertThat(nonEmpty.verify("task", "x")).isEqualTo(Verdict.pass());
    }

    @Test
    void allOfStopsAtTheFirstFailure() {
        List<String> ran = new ArrayList<>();
        Verifier first = (task, output) -> {
            ran.add("first");
            return Verdict.fail("first failed");
        };
        Verifier second = (task, output) -> {
            ran.add("second");
            return Verdict.pass();
        };

        Verdict verdict = Verifier.allOf(first, second).verify("task", "output");

        assertThat(verdict.feedback()).isEqualTo("first failed");
        assertThat(ran).containsExactly("first");
    }

    @Test
    void allOfAddsUpTheUsageOfEveryVerifierThatRan() {
        Verifier cheap = (task, output) -> Verdict.pass().plusUsage(new Usage(1, 2, 0, 0));
        Verifier costly = (task, output) -> Verdict.fail("no").plusUsage(new Usage(10, 20, 0, 0));

        Verdict verdict = Verifier.allOf(cheap, costly).verify("task", "output");

        assertThat(verdict).isEqualTo(new Verdict(false, "no", new Usage(11, 22, 0, 0)));
    }

    @Test
    void allOfNeedsAVerifier() {
        assertThatThrownBy(Verifier::allOf)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allOf needs at least one verifier");
    }

    @Test
    void failedVerdictNeedsFeedback() {
        assertThatThrownBy(() -> Verdict.fail(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed verdict needs feedback for the model, was blank");
    }
}
