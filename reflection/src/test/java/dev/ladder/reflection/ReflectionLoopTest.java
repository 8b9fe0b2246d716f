package dev.ladder.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ladder.core.LadderException;
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
    void keepsTheAttemptsMadeBeforeAModelFailure() {
        LadderException outage = new LadderException("provider is down");
        ScriptedChatModel model = ScriptedChatModel.create().reply("1").fail(outage);

        assertThatThrownBy(
                        () -> ReflectionLoop.builder(model, EVEN_NUMBER).build().run("Pick."))
                .isInstanceOfSatisfying(ReflectionFailedException.class, e -> {
                    assertThat(e.attempts()).extracting(Attempt::output).containsExactly("1");
                    assertThat(e.getCause()).isSameAs(outage);
                })
                .hasMessage("model call failed at attempt 2 of the reflection loop, after 1 traced attempt(s):"
                        + " provider is down");
    }

    @Test
    void continuesFromAnEarlierFailedAttempt() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", "2");
        ReflectionResult oneShot = ReflectionLoop.builder(model, EVEN_NUMBER)
                .maxAttempts(1)
                .build()
                .run("Pick.");

        ReflectionResult result =
                ReflectionLoop.builder(model, EVEN_NUMBER).build().continueFrom("Pick.", oneShot.attempts());

        assertThat(result.attempts()).extracting(Attempt::number).containsExactly(1, 2);
        assertThat(result.output()).isEqualTo("2");
        assertThat(userText(model.lastRequest().messages())).contains("Your previous answer was:\n1\n");
    }

    @Test
    void makesNoCallWhenTheEarlierAttemptPassed() {
        ScriptedChatModel model = ScriptedChatModel.create().reply("4");
        ReflectionResult oneShot = ReflectionLoop.builder(model, EVEN_NUMBER)
                .maxAttempts(1)
                .build()
                .run("Pick.");

        ReflectionResult result =
                ReflectionLoop.builder(model, EVEN_NUMBER).build().continueFrom("Pick.", oneShot.attempts());

        assertThat(result.stopReason()).isEqualTo(StopReason.PASSED);
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void countsEarlierAttemptsTowardsTheMaximum() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", "3", "5", "7");
        ReflectionResult twoShots = ReflectionLoop.builder(model, EVEN_NUMBER)
                .maxAttempts(2)
                .build()
                .run("Pick.");

        ReflectionResult result = ReflectionLoop.builder(model, EVEN_NUMBER)
                .maxAttempts(3)
                .build()
                .continueFrom("Pick.", twoShots.attempts());

        assertThat(result.attempts()).extracting(Attempt::output).containsExactly("1", "3", "5");
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_ATTEMPTS);
    }

    @Test
    void goesOnAfterAModelFailureWithTheAttemptsItKept() {
        ScriptedChatModel model = ScriptedChatModel.create()
                .reply("1")
                .fail(new LadderException("provider is down"))
                .reply("2");
        ReflectionLoop loop = ReflectionLoop.builder(model, EVEN_NUMBER).build();
        ReflectionFailedException failure =
                catchThrowableOfType(ReflectionFailedException.class, () -> loop.run("Pick."));

        ReflectionResult result = loop.continueFrom("Pick.", failure.attempts());

        assertThat(result.attempts()).extracting(Attempt::output).containsExactly("1", "2");
        assertThat(result.passed()).isTrue();
    }

    @Test
    void refusesEarlierAttemptsOutOfOrder() {
        ScriptedChatModel model = ScriptedChatModel.create().replies("1", "3");
        List<Attempt> attempts = ReflectionLoop.builder(model, EVEN_NUMBER)
                .maxAttempts(2)
                .build()
                .run("Pick.")
                .attempts();
        ReflectionLoop loop = ReflectionLoop.builder(model, EVEN_NUMBER).build();

        assertThatThrownBy(() -> loop.continueFrom("Pick.", List.of(attempts.get(1), attempts.get(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("earlier attempt 1 is numbered 2: pass the attempts of one loop, oldest first");
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
