package dev.ladder.core.testing;

import dev.ladder.core.ChatModel;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.conformance.CallMode;
import dev.ladder.core.conformance.ChatScenario;
import dev.ladder.core.conformance.FailureScenario;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Records each of the scripted fake's scenarios, then runs the contract on the replay alone. */
class RecordReplayChatModelContractTest extends ScriptedChatModelContractTest {

    @TempDir
    Path dir;

    @Override
    protected ChatScenario textReply(CallMode mode) {
        ChatScenario scripted = super.textReply(mode);
        return new ChatScenario(
                recordThenReplay(scripted.model(), scripted, mode),
                scripted.request(),
                scripted.expectedText(),
                scripted.expectedToolCalls(),
                scripted.expectedFinishReason(),
                scripted.expectedUsage());
    }

    @Override
    protected ChatScenario toolCallReply(CallMode mode) {
        ChatScenario scripted = super.toolCallReply(mode);
        return new ChatScenario(
                recordThenReplay(scripted.model(), scripted, mode),
                scripted.request(),
                scripted.expectedText(),
                scripted.expectedToolCalls(),
                scripted.expectedFinishReason(),
                scripted.expectedUsage());
    }

    @Override
    protected FailureScenario retriableFailure(CallMode mode) {
        FailureScenario scripted = super.retriableFailure(mode);
        return new FailureScenario(
                recordFailureThenReplay(scripted), scripted.request(), scripted.expectedType(), true);
    }

    @Override
    protected FailureScenario nonRetriableFailure(CallMode mode) {
        FailureScenario scripted = super.nonRetriableFailure(mode);
        return new FailureScenario(
                recordFailureThenReplay(scripted), scripted.request(), scripted.expectedType(), false);
    }

    private ChatModel recordThenReplay(ChatModel real, ChatScenario scenario, CallMode mode) {
        Path file = dir.resolve("contract.json");
        RecordReplayChatModel recorder = RecordReplayChatModel.of(file, RecordMode.RECORD, real);
        if (mode == CallMode.STREAM) {
            recorder.stream(scenario.request(), new StreamHandler() {});
        } else {
            recorder.chat(scenario.request());
        }
        return RecordReplayChatModel.replay(file);
    }

    private ChatModel recordFailureThenReplay(FailureScenario scenario) {
        Path file = dir.resolve("contract.json");
        RecordReplayChatModel recorder = RecordReplayChatModel.of(file, RecordMode.RECORD, scenario.model());
        recorder.stream(scenario.request(), new StreamHandler() {});
        return RecordReplayChatModel.replay(file);
    }
}
