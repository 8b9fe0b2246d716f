package dev.ladder.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Message;
import dev.ladder.core.UserMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReflectionLoopTest {
    private static final Verifier EVEN_NUMBER =
            Verifier.of(output -> output.matches("\\d*[02468]"), "The number must be even.");

    @Test
    void stopsAtTheFirstPassingOutput() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("42");

        ReflectionResult result =
                ReflectionLoop.builder(model, EVEN_NUMBER).build().run("Pick an even number.");

        assertThat(result.output()).isEqualTo("42");
        assertThat(result.passed()).isTrue();
        assertThat(result.stopReason()).isEqualTo(StopReason.PASSED);
        assertThat(result.attempts()).hasSize(1);
    }

    @Test
    void feedsTaskPreviousOutputAndFeedbackBack() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("41", "40");

        ReflectionLoop.builder(model, EVEN_NUMBER).build().run("Pick an even number.");

        assertThat(userText(model.requests().get(1).messages())).isEqualTo("""
                        Pick an even number.

                        Your previous answer was:
                        41

                        It was checked and failed:
                        The number must be even.

                        Think about what caused the failure, then write a corrected answer in full.""");
    }

    @Test
    void returnsTheCorrectedOutputWithEveryAttemptTraced() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("41", "40");

        ReflectionResult result =
                ReflectionLoop.builder(model, EVEN_NUMBER).build().run("Pick an even number.");

        assertThat(result.output()).isEqualTo("40");
        assertThat(result.attempts()).extracting(Attempt::output).containsExactly("41", "40");
        assertThat(result.attempts())
                .extracting(a -> a.verdict().feedback())
                .containsExactly("The number must be even.", "");
        assertThat(result.attempts().get(0).prompt()).containsExactly(Message.user("Pick an even number."));
    }

    @Test
    void stopsAfterMaxAttempts() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", "3", "5", "7");

        ReflectionResult result = ReflectionLoop.builder(model, EVEN_NUMBER)
                .maxAttempts(3)
                .build()
                .run("Pick.");

        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_ATTEMPTS);
        assertThat(result.passed()).isFalse();
        assertThat(result.output()).isEqualTo("5");
        assertThat(model.remaining()).isEqualTo(1);
    }

    @Test
    void stopsWhenTheModelRepeatsItself() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", " 1\n", "2");

        ReflectionResult result = ReflectionLoop.builder(model, EVEN_NUMBER)
                .maxAttempts(5)
                .build()
                .run("Pick.");

        assertThat(result.stopReason()).isEqualTo(StopReason.NO_PROGRESS);
        assertThat(result.attempts()).hasSize(2);
    }

    @Test
    void stopsWhenTheTokenBudgetIsSpent() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", "3", "5");

        ReflectionResult result = ReflectionLoop.builder(model, EVEN_NUMBER)
                .maxAttempts(5)
                .tokenBudget(15)
                .build()
                .run("Pick.");

        assertThat(result.stopReason()).isEqualTo(StopReason.TOKEN_BUDGET);
        assertThat(result.attempts()).hasSize(2);
        assertThat(result.usage().totalTokens()).isEqualTo(22);
    }

    @Test
    void recordsUsageAndDurationOfEachAttempt() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", "2");

        ReflectionResult result =
                ReflectionLoop.builder(model, EVEN_NUMBER).build().run("Pick.");

        assertThat(result.attempts()).allSatisfy(attempt -> {
            assertThat(attempt.usage().inputTokens()).isEqualTo(10);
            assertThat(attempt.duration()).isPositive();
        });
    }

    @Test
    void sendsTheSystemPromptAndRequestOptionsEveryTime() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", "2");

        ReflectionLoop.builder(model, EVEN_NUMBER)
                .systemPrompt("Answer with digits only.")
                .requestOptions(request -> request.model("small").temperature(0.0))
                .build()
                .run("Pick.");

        assertThat(model.requests()).allSatisfy(request -> {
            assertThat(request.messages().get(0)).isEqualTo(Message.system("Answer with digits only."));
            assertThat(request.model()).isEqualTo("small");
            assertThat(request.temperature()).isEqualTo(0.0);
        });
    }

    @Test
    void usesAReplacedReflectionPrompt() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", "2");

        ReflectionLoop.builder(model, EVEN_NUMBER)
                .reflectionPrompt(new ReflectionPrompt("{previous} is wrong: {feedback} Task: {task}"))
                .build()
                .run("Pick.");

        assertThat(userText(model.lastRequest().messages()))
                .isEqualTo("1 is wrong: The number must be even. Task: Pick.");
    }

    @Test
    void letsAVerifierFailureThrough() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("1");
        Verifier broken = (task, output) -> {
            throw new IllegalStateException("checker is down");
        };

        assertThatThrownBy(() -> ReflectionLoop.builder(model, broken).build().run("Pick."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("checker is down");
    }

    @Test
    void refusesZeroAttempts() {
        ReflectionLoop.Builder builder = ReflectionLoop.builder(ScriptedChatModel.create(), EVEN_NUMBER);

        assertThatThrownBy(() -> builder.maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1, was 0");
    }

    private static String userText(List<Message> messages) {
        return ((UserMessage) messages.get(messages.size() - 1)).text();
    }
}
