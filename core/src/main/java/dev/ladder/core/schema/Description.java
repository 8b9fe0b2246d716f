package dev.ladder.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a type, a record component, a field, a parameter or an enum constant to the model.
 *
 * <p>{@link JsonSchemas} copies the text into the generated schema's {@code description}: on a
 * record or enum it describes the whole object, on a record component or parameter it describes
 * that property, and on enum constants it is listed after the enum's own description as
 * {@code "name: text"} pairs, since JSON Schema has no place for a description per value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Description {

    /** Returns the text the model reads. */
    String value();
}
