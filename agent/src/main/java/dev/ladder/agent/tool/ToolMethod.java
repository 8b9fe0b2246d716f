package dev.ladder.agent.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool a model may call. {@link Toolbox#of} reads the method's name,
 * this description, and its parameters' names, Java types and {@code @Description}s into the tool's
 * JSON Schema. Compile with {@code -parameters} so that parameter names reach the schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ToolMethod {

    /** Returns what the tool does and when to use it; models read this. */
    String value();

    /** Returns the name the model calls the tool by; the method's name when empty. */
    String name() default "";
}
