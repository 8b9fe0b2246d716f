package dev.ladder.core.testing;

import dev.ladder.core.ChatRequest;
import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.Message;
import dev.ladder.core.ServerException;
import dev.ladder.core.ToolCall;
import dev.ladder.core.Usage;
import dev.ladder.core.conformance.CallMode;
import dev.ladder.core.conformance.ChatModelContract;
import dev.ladder.core.conformance.ChatScenario;
import dev.ladder.core.conformance.FailureScenario;
import java.util.List;
import java.util.Map;

class ScriptedChatModelContractTest extends ChatModelContract {
    private static final ChatRequest REQUEST = ChatRequest.of(Message.user("What is the weather in Paris?"));
    private static final String TEXT = "It is sunny in Paris today.";
    private static final ToolCall CALL = new ToolCall("call_1", "get_weather", "{\"location\": \"Paris\"}");

    @Override
    protected ChatScenario textReply(CallMode mode) {
        ScriptedChatModel model = ScriptedChatModel.create().reply(TEXT);
        return ChatScenario.text(model, REQUEST, TEXT, new Usage(10, TEXT.length() / 4, 0, 0));
    }

    @Override
    protected ChatScenario toolCallReply(CallMode mode) {
        ScriptedChatModel model = ScriptedChatModel.create().replyWithToolCalls(CALL);
        return ChatScenario.toolCalls(model, REQUEST, null, List.of(CALL), new Usage(10, 1, 0, 0));
    }

    @Override
    protected FailureScenario retriableFailure(CallMode mode) {
        ServerException overloaded =
                new ServerException("overloaded", 529, Map.of(), "{\"type\":\"error\"}", null, "overloaded_error");
        return new FailureScenario(ScriptedChatModel.create().fail(overloaded), REQUEST, ServerException.class, true);
    }

    @Override
    protected FailureScenario nonRetriableFailure(CallMode mode) {
        InvalidRequestException invalid = new InvalidRequestException(
                "bad request", 400, Map.of(), "{\"type\":\"error\"}", null, "invalid_request_error");
        return new FailureScenario(
                ScriptedChatModel.create().fail(invalid), REQUEST, InvalidRequestException.class, false);
    }
}
