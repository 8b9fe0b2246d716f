package dev.ladder.agent.tool;

import dev.ladder.core.Message;
import dev.ladder.core.Tool;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The tools a model may call, made from {@link ToolMethod}-annotated methods, and the runner of the
 * calls it makes. A call never throws: an unknown tool, arguments that do not fit the parameters,
 * or an exception in the tool become an error result the model reads and can correct.
 *
 * <p>Immutable and thread-safe if the tool objects are.
 */
public final class Toolbox {
    private final Map<String, MethodTool> tools;

    private Toolbox(Map<String, MethodTool> tools) {
        this.tools = tools;
    }

    /**
     * Collects the public {@link ToolMethod} methods of {@code targets}.
     *
     * @throws IllegalArgumentException if two tools share a name, a target has no tool method, or
     *     a parameter's type cannot be described in JSON Schema (the message names the method).
     */
    public static Toolbox of(Object... targets) {
        Map<String, MethodTool> tools = new LinkedHashMap<>();
        for (Object target : targets) {
            Objects.requireNonNull(target, "target");
            int before = tools.size();
            Method[] methods = target.getClass().getMethods();
            java.util.Arrays.sort(methods, java.util.Comparator.comparing(Method::getName));
            for (Method method : methods) {
                if (method.isAnnotationPresent(ToolMethod.class) && !Modifier.isStatic(method.getModifiers())) {
                    add(tools, target, method);
                }
            }
            if (tools.size() == before) {
                throw new IllegalArgumentException(
                        target.getClass().getName() + " has no public method annotated with @ToolMethod");
            }
        }
        return new Toolbox(java.util.Collections.unmodifiableMap(tools));
    }

    private static void add(Map<String, MethodTool> tools, Object target, Method method) {
        MethodTool tool;
        try {
            tool = MethodTool.of(target, method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "tool method " + method.getName() + " of "
                            + target.getClass().getSimpleName() + ": " + e.getMessage(),
                    e);
        }
        if (tools.putIfAbsent(tool.tool().name(), tool) != null) {
            throw new IllegalArgumentException("two tools are named '"
                    + tool.tool().name() + "': give one another name with @ToolMethod(name = ...)");
        }
    }

    /** Returns the tools as a model request lists them: per object, in the order of their method names. */
    public List<Tool> tools() {
        return tools.values().stream().map(MethodTool::tool).toList();
    }

    /** Runs {@code call} and returns its result, an error result when it could not run. */
    public ToolResultMessage call(ToolCall call) {
        MethodTool tool = tools.get(call.name());
        if (tool == null) {
            return error(call, "unknown tool '" + call.name() + "': available tools are " + tools.keySet());
        }
        try {
            return Message.toolResult(call.id(), tool.call(call.arguments()));
        } catch (MethodTool.ToolArgumentsException e) {
            return error(
                    call,
                    "invalid arguments for tool '" + call.name() + "': " + e.getMessage()
                            + "; call it again with arguments that match its schema");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return error(
                    call,
                    "tool '" + call.name() + "' failed: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (RuntimeException e) {
            return error(call, "tool '" + call.name() + "' failed: " + e.getMessage());
        }
    }

    /** Runs {@code calls} in parallel on {@code executor} and returns their results in call order. */
    public List<ToolResultMessage> callAll(List<ToolCall> calls, Executor executor) {
        List<CompletableFuture<ToolResultMessage>> futures = new ArrayList<>(calls.size());
        for (ToolCall call : calls) {
            futures.add(CompletableFuture.supplyAsync(() -> call(call), executor));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static ToolResultMessage error(ToolCall call, String message) {
        return new ToolResultMessage(call.id(), message, true);
    }
}
