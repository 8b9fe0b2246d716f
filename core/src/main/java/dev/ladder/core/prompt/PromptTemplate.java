package dev.ladder.core.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A text with named placeholders, such as {@code "What is the weather in {{city}}?"}.
 *
 * <p>A placeholder is a variable name between double braces; spaces inside the braces are allowed
 * ({@code {{ city }}}). A name starts with a letter or {@code _} and goes on with letters, digits
 * and {@code _}. To write two opening braces literally, put a backslash before them:
 * <code>\&#123;&#123;</code> renders <code>&#123;&#123;</code>; to write a backslash right before a
 * placeholder, double it: {@code \\{{city}}} renders a backslash and the city. Every other
 * character, single braces and a lone <code>&#125;&#125;</code> included, is literal, so JSON
 * examples need no escaping.
 *
 * <p>Immutable and thread-safe.
 */
public final class PromptTemplate {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int EXCERPT_LENGTH = 30;

    private final String text;
    private final List<Object> segments;
    private final Set<String> variables;

    private PromptTemplate(String text, List<Object> segments, Set<String> variables) {
        this.text = text;
        this.segments = segments;
        this.variables = variables;
    }

    /**
     * Parses {@code text} into a template.
     *
     * @throws IllegalArgumentException if a placeholder is not closed, is empty or does not hold a
     *     variable name; the message shows it with its line and column.
     */
    public static PromptTemplate of(String text) {
        Objects.requireNonNull(text, "text");
        List<Object> segments = new ArrayList<>();
        Set<String> variables = new LinkedHashSet<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\\\{{", i)) {
                literal.append('\\');
                i += 2;
            } else if (text.startsWith("\\{{", i)) {
                literal.append("{{");
                i += 3;
            } else if (text.startsWith("{{", i)) {
                int close = text.indexOf("}}", i + 2);
                String name = placeholder(text, i, close);
                segments.add(literal.toString());
                literal.setLength(0);
                segments.add(new Variable(name));
                variables.add(name);
                i = close + 2;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        segments.add(literal.toString());
        return new PromptTemplate(text, List.copyOf(segments), Collections.unmodifiableSet(variables));
    }

    private static String placeholder(String text, int open, int close) {
        if (close < 0) {
            throw new IllegalArgumentException("unclosed placeholder at " + position(text, open) + ": \""
                    + excerpt(text, open) + "\"; close it with }}, or write \\{{ for literal braces");
        }
        String name = text.substring(open + 2, close).strip();
        String placeholder = text.substring(open, close + 2);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty placeholder " + placeholder + " at " + position(text, open)
                    + ": put a variable name inside, or write \\{{ for literal braces");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("placeholder " + placeholder + " at " + position(text, open)
                    + " does not hold a variable name: use letters, digits and _, starting with a letter or _");
        }
        return name;
    }

    private static String position(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (index - lineStart + 1);
    }

    private static String excerpt(String text, int from) {
        int end = Math.min(text.length(), from + EXCERPT_LENGTH);
        int newline = text.indexOf('\n', from);
        if (newline >= 0 && newline < end) {
            end = newline;
        }
        return text.substring(from, end) + (end < text.length() && end == from + EXCERPT_LENGTH ? "..." : "");
    }

    /** Returns the template text as written. */
    public String text() {
        return text;
    }

    /** Returns the variable names the template uses, in order of first use. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * Returns the text with each placeholder replaced by its value's {@code String.valueOf}.
     *
     * @throws IllegalArgumentException if a variable has no value or a null value, or a value is
     *     given for a name the template does not use; the message names them.
     */
    public String render(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        requireNoUnused(values, variables);
        return fill(values);
    }

    /** Returns the text with placeholders filled, without checking for unused values. */
    String fill(Map<String, ?> values) {
        requireAll(values, variables);
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            out.append(segment instanceof Variable variable ? String.valueOf(values.get(variable.name())) : segment);
        }
        return out.toString();
    }

    static void requireAll(Map<String, ?> values, Set<String> names) {
        Set<String> missing = new TreeSet<>();
        for (String name : names) {
            if (values.get(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for template "
                    + (missing.size() == 1 ? "variable " : "variables ")
                    + quoted(missing) + ": pass " + (missing.size() == 1 ? "it" : "them") + " to render (values given: "
                    + (values.isEmpty() ? "none" : String.join(", ", new TreeSet<>(values.keySet()))) + ")");
        }
    }

    static void requireNoUnused(Map<String, ?> values, Set<String> names) {
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(names);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException((unused.size() == 1 ? "value " : "values ") + quoted(unused)
                    + (unused.size() == 1 ? " is" : " are") + " not used by the template, whose variables are "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ": remove "
                    + (unused.size() == 1 ? "it" : "them") + " or fix the name");
        }
    }

    private static String quoted(Set<String> names) {
        StringJoiner joiner = new StringJoiner(", ");
        names.forEach(name -> joiner.add("'" + name + "'"));
        return joiner.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PromptTemplate template && template.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private record Variable(String name) {}
}
