package dev.ladder.agent.tool;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.ladder.core.Tool;
import dev.ladder.core.schema.Description;
import dev.ladder.core.schema.JsonSchemas;
import dev.ladder.core.schema.SchemaViolation;
import dev.ladder.core.schema.StructuredOutput;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One annotated method bound to its object, with the tool description built from it. */
final class MethodTool {
    private static final JsonAdapter<Object> TREES = new Moshi.Builder().build().adapter(Object.class);

    private final Object target;
    private final Method method;
    private final Tool tool;

    private MethodTool(Object target, Method method, Tool tool) {
        this.target = target;
        this.method = method;
        this.tool = tool;
    }

    static MethodTool of(Object target, Method method) {
        ToolMethod annotation = method.getAnnotation(ToolMethod.class);
        String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
        return new MethodTool(target, method, Tool.of(name, annotation.value(), parameters(method)));
    }

    Tool tool() {
        return tool;
    }

    /** Runs the method with {@code arguments} and returns its result as text for the model. */
    String call(String arguments) throws ToolArgumentsException, InvocationTargetException {
        List<SchemaViolation> violations =
                JsonSchemas.validate(tool.parameters(), arguments.isBlank() ? "{}" : arguments);
        if (!violations.isEmpty()) {
            throw new ToolArgumentsException(
                    violations.stream().map(v -> v.path() + ": " + v.message()).collect(Collectors.joining("; ")));
        }
        Map<?, ?> values = readObject(arguments.isBlank() ? "{}" : arguments);
        Object[] bound = bind(values);
        try {
            Object result = method.invoke(target, bound);
            return render(result);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "tool method " + method + " is not accessible: make it and its class public", e);
        }
    }

    private Object[] bind(Map<?, ?> values) throws ToolArgumentsException {
        Parameter[] parameters = method.getParameters();
        Object[] bound = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Object value = values.get(parameter.getName());
            boolean optional = parameter.getType() == Optional.class;
            if (value == null) {
                bound[i] = optional ? Optional.empty() : null;
                continue;
            }
            try {
                String json = StructuredOutput.toJson(value);
                bound[i] = optional
                        ? Optional.of(StructuredOutput.parse(
                                json,
                                ((ParameterizedType) parameter.getParameterizedType()).getActualTypeArguments()[0]))
                        : StructuredOutput.parse(json, parameter.getParameterizedType());
            } catch (RuntimeException e) {
                throw new ToolArgumentsException("argument '" + parameter.getName() + "': " + e.getMessage());
            }
        }
        return bound;
    }

    private static Map<?, ?> readObject(String arguments) throws ToolArgumentsException {
        try {
            return (Map<?, ?>) TREES.fromJson(arguments);
        } catch (java.io.IOException | RuntimeException e) {
            throw new ToolArgumentsException("the arguments are not a JSON object: " + e.getMessage());
        }
    }

    private static String render(Object result) {
        if (result == null) {
            return "done";
        }
        return result instanceof String text ? text : StructuredOutput.toJson(result);
    }

    private static Map<String, Object> parameters(Method method) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            boolean optional = parameter.getType() == Optional.class;
            java.lang.reflect.Type type = optional
                    ? ((ParameterizedType) parameter.getParameterizedType()).getActualTypeArguments()[0]
                    : parameter.getParameterizedType();
            Map<String, Object> schema = JsonSchemas.of(type);
            Description description = parameter.getAnnotation(Description.class);
            if (description != null) {
                schema.put("description", description.value());
            }
            properties.put(parameter.getName(), schema);
            if (!optional) {
                required.add(parameter.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Arguments the model wrote that do not fit the tool's parameters. */
    static final class ToolArgumentsException extends Exception {
        private static final long serialVersionUID = 1L;

        ToolArgumentsException(String message) {
            super(message);
        }
    }
}
