package dev.ladder.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.testing.ScriptedChatModel;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FineTuningExportTest {
    private static final Verifier EVEN = Verifier.of(output -> output.matches("\\d*[02468]"), "Must be even.");
    private static final ReflectionPrompt SHORT = new ReflectionPrompt("{task} Was: {previous}. {feedback}");

    @Test
    void writesEachCorrectedFailureAsAChatExample() {
        ReflectionResult trace = run("1", "2");

        assertThat(FineTuningExport.sftLines(List.of(trace)))
                .containsExactly("{\"messages\":[{\"role\":\"system\",\"content\":\"Digits only.\"},"
                        + "{\"role\":\"user\",\"content\":\"Pick.\"},{\"role\":\"assistant\",\"content\":\"2\"}]}");
    }

    @Test
    void writesEachCorrectedFailureAsAPreferencePair() {
        ReflectionResult trace = run("1", "3", "4");

        assertThat(FineTuningExport.dpoLines(List.of(trace)))
                .containsExactly(
                        "{\"input\":{\"messages\":[{\"role\":\"system\",\"content\":\"Digits only.\"},"
                                + "{\"role\":\"user\",\"content\":\"Pick.\"}]},"
                                + "\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"4\"}],"
                                + "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"1\"}]}",
                        "{\"input\":{\"messages\":[{\"role\":\"system\",\"content\":\"Digits only.\"},"
                                + "{\"role\":\"user\",\"content\":\"Pick. Was: 1. Must be even.\"}]},"
                                + "\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"4\"}],"
                                + "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"3\"}]}");
    }

    @Test
    void skipsTracesThatNeverPassed() {
        ReflectionResult trace = run("1", "3", "5");

        assertThat(FineTuningExport.sftLines(List.of(trace))).isEmpty();
        assertThat(FineTuningExport.dpoLines(List.of(trace))).isEmpty();
    }

    @Test
    void skipsTracesRightAtTheFirstAttempt() {
        assertThat(FineTuningExport.dpoLines(List.of(run("2")))).isEmpty();
    }

    @Test
    void writesOneLinePerExample() {
        StringWriter out = new StringWriter();

        FineTuningExport.write(List.of("{\"a\":1}", "{\"b\":2}"), out);

        assertThat(out).hasToString("{\"a\":1}\n{\"b\":2}\n");
    }

    private static ReflectionResult run(String... replies) {
        ScriptedChatModel model = ScriptedChatModel.create().replies(replies);
        return ReflectionLoop.builder(model, EVEN)
                .systemPrompt("Digits only.")
                .reflectionPrompt(SHORT)
                .build()
                .run("Pick.");
    }
}
