package dev.ladder.reflection;

import java.util.Objects;

/**
 * The prompt that asks the model to try again: a template over the task, the previous output and
 * the verifier's feedback, written as {@code {task}}, {@code {previous}} and {@code {feedback}}.
 *
 * <p>Placeholders are replaced once, left to right, so text inside the task or the output that looks
 * like a placeholder is never expanded. Immutable and thread-safe.
 *
 * @param template the text with placeholders; must contain {@code {previous}} and {@code {feedback}}.
 */
public record ReflectionPrompt(String template) {

    /** The prompt used unless another is given. */
    public static final ReflectionPrompt DEFAULT = new ReflectionPrompt("""
            {task}

            Your previous answer was:
            {previous}

            It was checked and failed:
            {feedback}

            Think about what caused the failure, then write a corrected answer in full.""");

    public ReflectionPrompt {
        Objects.requireNonNull(template, "template");
        for (String placeholder : new String[] {"{previous}", "{feedback}"}) {
            if (!template.contains(placeholder)) {
                throw new IllegalArgumentException("reflection prompt template lacks " + placeholder
                        + ": the model cannot correct an answer it does not see; add " + placeholder);
            }
        }
    }

    /** Returns the template with the placeholders replaced. */
    public String render(String task, String previous, String feedback) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                break;
            }
            int close = template.indexOf('}', open);
            String value = close < 0 ? null : value(template.substring(open, close + 1), task, previous, feedback);
            if (value == null) {
                out.append(template, i, open + 1);
                i = open + 1;
            } else {
                out.append(template, i, open).append(value);
                i = close + 1;
            }
        }
        return out.append(template.substring(i)).toString();
    }

    private static String value(String placeholder, String task, String previous, String feedback) {
        return switch (placeholder) {
            case "{task}" -> task;
            case "{previous}" -> previous;
            case "{feedback}" -> feedback;
            default -> null;
        };
    }
}
