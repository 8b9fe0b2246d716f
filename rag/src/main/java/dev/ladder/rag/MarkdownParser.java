package dev.ladder.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts Markdown into sections at its headings, keeping the heading path of each. */
final class MarkdownParser {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");

    private final List<Document.Section> sections = new ArrayList<>();
    private final String[] path = new String[6];
    private final StringBuilder body = new StringBuilder();

    private MarkdownParser() {}

    static List<Document.Section> sections(String markdown) {
        MarkdownParser parser = new MarkdownParser();
        parser.parse(markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        return parser.sections;
    }

    private void parse(String[] lines) {
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence == null && fenceMatch.matches()) {
                fence = fenceMatch.group(1).substring(0, 3);
            } else if (fence != null && line.strip().startsWith(fence)) {
                fence = null;
            } else if (fence == null && openHeading(line, i + 1 < lines.length ? lines[i + 1] : null)) {
                i += isSetext(line, i + 1 < lines.length ? lines[i + 1] : null) ? 1 : 0;
                continue;
            }
            body.append(line).append('\n');
        }
        flush();
    }

    private boolean openHeading(String line, String next) {
        Matcher atx = ATX.matcher(line);
        if (atx.matches()) {
            startSection(atx.group(1).length(), atx.group(2) == null ? "" : atx.group(2));
            return true;
        }
        if (isSetext(line, next)) {
            startSection(next.strip().charAt(0) == '=' ? 1 : 2, line.strip());
            return true;
        }
        return false;
    }

    /** A setext heading is a text line after a blank line (or at the start) underlined by = or -. */
    private boolean isSetext(String line, String next) {
        boolean paragraphStart = body.length() == 0 || body.toString().endsWith("\n\n");
        return next != null
                && paragraphStart
                && !line.isBlank()
                && SETEXT.matcher(next).matches()
                && !ATX.matcher(line).matches();
    }

    private void startSection(int level, String title) {
        flush();
        path[level - 1] = title.strip();
        for (int deeper = level; deeper < path.length; deeper++) {
            path[deeper] = null;
        }
    }

    private void flush() {
        String text = body.toString().strip();
        body.setLength(0);
        if (!text.isEmpty()) {
            sections.add(new Document.Section(headings(), text));
        }
    }

    private List<String> headings() {
        List<String> headings = new ArrayList<>();
        for (String heading : path) {
            if (heading != null && !heading.isEmpty()) {
                headings.add(heading);
            }
        }
        return headings;
    }
}
