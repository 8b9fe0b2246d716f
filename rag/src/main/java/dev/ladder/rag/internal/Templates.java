package dev.ladder.rag.internal;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills prompt templates whose placeholders are written {@code {{name}}}. Every value is inserted
 * verbatim, once, so text that itself contains {@code {{...}}} is never expanded again.
 *
 * <p>Internal to the rag module: not part of its public API. Stateless and thread-safe.
 */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private Templates() {}

    /**
     * Checks that {@code template} holds each of {@code names} as a placeholder and returns it.
     *
     * @throws IllegalArgumentException naming the missing placeholder, for {@code what} (such as
     *     "rewrite template").
     */
    public static String require(String what, String template, String... names) {
        Objects.requireNonNull(template, what);
        for (String name : names) {
            if (!template.contains("{{" + name + "}}")) {
                throw new IllegalArgumentException(
                        what + " must contain the placeholder {{" + name + "}}: " + abbreviate(template));
            }
        }
        return template;
    }

    /**
     * Replaces each placeholder of {@code template} with its value in {@code values}; placeholders
     * without a value are left as they are.
     */
    public static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 77) + "...'";
    }
}
