package dev.ladder.reflection;

import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.Message;
import java.util.Objects;

/**
 * Verifies an output by asking a model to critique it: the critic replies with an approval word when
 * the answer is right, and with its criticism otherwise, which becomes the feedback the author
 * revises against.
 *
 * <p>The critic may be the author's own model or another one. Its tokens count towards the loop's
 * budget. Immutable and thread-safe when the critic model is.
 */
public final class CriticVerifier implements Verifier {

    /** The instructions used unless others are given. */
    public static final String DEFAULT_INSTRUCTIONS = """
            You review answers written by another assistant. Check the answer against the task for \
            errors of fact, logic, missing parts and format. If the answer is fully correct, reply with \
            the single word APPROVED. Otherwise do not write APPROVED: list each problem and how to fix \
            it, briefly.""";

    private final ChatModel critic;
    private final String instructions;
    private final String approval;

    private CriticVerifier(ChatModel critic, String instructions, String approval) {
        this.critic = Objects.requireNonNull(critic, "critic");
        this.instructions = Objects.requireNonNull(instructions, "instructions");
        this.approval = Objects.requireNonNull(approval, "approval");
        if (approval.isBlank()) {
            throw new IllegalArgumentException("approval word must not be blank");
        }
    }

    /** Creates a critic with {@link #DEFAULT_INSTRUCTIONS} that approves with {@code APPROVED}. */
    public static CriticVerifier of(ChatModel critic) {
        return new CriticVerifier(critic, DEFAULT_INSTRUCTIONS, "APPROVED");
    }

    /**
     * Creates a critic with its own {@code instructions}; the critic approves when its reply, trimmed,
     * starts with {@code approval}. The instructions must tell the critic to reply that way.
     */
    public static CriticVerifier of(ChatModel critic, String instructions, String approval) {
        return new CriticVerifier(critic, instructions, approval);
    }

    /**
     * Asks the critic about {@code output}.
     *
     * @throws dev.ladder.core.LadderException when the critic call fails.
     */
    @Override
    public Verdict verify(String task, String output) {
        ChatRequest request = ChatRequest.of(
                Message.system(instructions), Message.user("Task:\n" + task + "\n\nAnswer to review:\n" + output));
        ChatResponse response = critic.chat(request);
        String critique = response.text().strip();
        if (critique.startsWith(approval)) {
            return Verdict.pass().plusUsage(response.usage());
        }
        String feedback = critique.isEmpty() ? "The reviewer rejected the answer without saying why." : critique;
        return Verdict.fail(feedback).plusUsage(response.usage());
    }
}
