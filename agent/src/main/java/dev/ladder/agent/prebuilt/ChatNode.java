package dev.ladder.agent.prebuilt;

import dev.ladder.agent.Key;
import dev.ladder.agent.Node;
import dev.ladder.agent.NodeContext;
import dev.ladder.agent.Update;
import dev.ladder.core.ChatModel;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.StreamHandler;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A graph node that sends the message list to a chat model, streams the answer's text as token
 * events, and appends the answer. Thread-safe if the model is.
 */
public final class ChatNode implements Node {
    private final ChatModel model;
    private final Key<List<Message>> messages;
    private final String systemPrompt;
    private final List<Tool> tools;

    private ChatNode(ChatModel model, Key<List<Message>> messages, String systemPrompt, List<Tool> tools) {
        this.model = Objects.requireNonNull(model, "model");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.systemPrompt = systemPrompt;
        this.tools = List.copyOf(tools);
    }

    /**
     * Creates a node asking {@code model} with the conversation in {@code messages}, preceded by
     * {@code systemPrompt} unless it is null, offering {@code tools}.
     */
    public static ChatNode of(ChatModel model, Key<List<Message>> messages, String systemPrompt, List<Tool> tools) {
        return new ChatNode(model, messages, systemPrompt, tools);
    }

    /**
     * Calls the model and returns its answer as an update of the message list.
     *
     * @throws LadderException if the model call fails; the node's retry policy decides what next.
     */
    @Override
    public Update run(NodeContext context) {
        ChatRequest request = ChatRequest.builder()
                .messages(conversation(context))
                .tools(tools)
                .build();
        return Update.of(messages, List.of(ask(request, context).message()));
    }

    private List<Message> conversation(NodeContext context) {
        List<Message> conversation = new ArrayList<>();
        if (systemPrompt != null) {
            conversation.add(new SystemMessage(systemPrompt));
        }
        conversation.addAll(context.get(messages));
        return conversation;
    }

    private ChatResponse ask(ChatRequest request, NodeContext context) {
        CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
        model.stream(request, new StreamHandler() {
            @Override
            public void onText(int choice, String delta) {
                if (choice == 0) {
                    context.emitToken(delta);
                }
            }

            @Override
            public void onComplete(ChatResponse response) {
                answer.complete(response);
            }

            @Override
            public void onError(LadderException error) {
                answer.completeExceptionally(error);
            }
        });
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LadderException ladder
                    ? ladder
                    : new LadderException(
                            "chat model call failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LadderException("interrupted while waiting for the chat model", e);
        }
    }
}
