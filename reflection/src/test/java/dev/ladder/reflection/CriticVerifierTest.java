package dev.ladder.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.SystemMessage;
import dev.ladder.core.UserMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import org.junit.jupiter.api.Test;

class CriticVerifierTest {

    @Test
    void passesWhenTheCriticApproves() {
        ScriptedChatModel critic = ScriptedChatModel.create().reply("APPROVED");

        Verdict verdict = CriticVerifier.of(critic).verify("Name a prime.", "7");

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.usage().inputTokens()).isEqualTo(10);
    }

    @Test
    void showsTheCriticTheTaskAndTheAnswer() {
        ScriptedChatModel critic = ScriptedChatModel.create().reply("APPROVED");

        CriticVerifier.of(critic).verify("Name a prime.", "7");

        assertThat(critic.lastRequest().messages().get(0))
                .isEqualTo(new SystemMessage(CriticVerifier.DEFAULT_INSTRUCTIONS));
        assertThat(((UserMessage) critic.lastRequest().messages().get(1)).text())
                .isEqualTo("Task:\nName a prime.\n\nAnswer to review:\n7");
    }

    @Test
    void turnsTheCritiqueIntoFeedback() {
        ScriptedChatModel critic = ScriptedChatModel.create().reply("  9 is 3 times 3, so it is not prime.\n");

        Verdict verdict = CriticVerifier.of(critic).verify("Name a prime.", "9");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.feedback()).isEqualTo("9 is 3 times 3, so it is not prime.");
    }

    @Test
    void authorRevisesAgainstTheCritique() {
        ScriptedChatModel author = ScriptedChatModel.create().replies("9", "7");
        ScriptedChatModel critic = ScriptedChatModel.create().replies("9 is 3 times 3.", "APPROVED");

        ReflectionResult result = ReflectionLoop.builder(author, CriticVerifier.of(critic))
                .build()
                .run("Name a prime.");

        assertThat(result.output()).isEqualTo("7");
        assertThat(((UserMessage) author.lastRequest().messages().get(0)).text())
                .contains("9 is 3 times 3.");
        assertThat(result.usage().inputTokens()).isEqualTo(40);
    }

    @Test
    void approvesWithItsOwnWord() {
        ScriptedChatModel critic = ScriptedChatModel.create().reply("LGTM, ship it");

        Verdict verdict = CriticVerifier.of(critic, "Reply LGTM if the answer is right.", "LGTM")
                .verify("t", "a");

        assertThat(verdict.passed()).isTrue();
    }
}
