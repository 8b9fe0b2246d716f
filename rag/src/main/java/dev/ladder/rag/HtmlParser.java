package dev.ladder.rag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Extracts the visible text of HTML, tolerating the broken markup found in the wild: unclosed
 * tags, stray {@code <}, unknown entities and missing end tags are kept as text or skipped, never
 * an error.
 */
final class HtmlParser {

    private static final Set<String> HIDDEN =
            Set.of("script", "style", "noscript", "template", "svg", "iframe", "object");
    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "br",
            "dd",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "header",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "caption",
            "details",
            "summary");

    private final String html;
    private final String lower;
    private final List<Document.Section> sections = new ArrayList<>();
    private final String[] path = new String[6];
    private final StringBuilder body = new StringBuilder();
    private StringBuilder heading;
    private int headingLevel;
    private int preDepth;
    private String title;
    private int pos;

    private HtmlParser(String html) {
        this.html = html;
        this.lower = html.toLowerCase(Locale.ROOT);
    }

    static Document parse(String source, String html) {
        HtmlParser parser = new HtmlParser(html);
        parser.run();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("format", "html");
        if (parser.title != null && !parser.title.isBlank()) {
            metadata.put("title", parser.title);
        }
        return new Document(source, parser.sections, metadata);
    }

    private void run() {
        while (pos < html.length()) {
            int lt = html.indexOf('<', pos);
            int end = lt < 0 ? html.length() : lt;
            text(html.substring(pos, end));
            pos = end;
            if (lt >= 0) {
                markup();
            }
        }
        flush();
    }

    private void markup() {
        if (html.startsWith("<!--", pos)) {
            pos = skipPast("-->", pos + 4);
            return;
        }
        if (html.startsWith("<!", pos) || html.startsWith("<?", pos)) {
            pos = skipPast(">", pos + 2);
            return;
        }
        int close = html.indexOf('>', pos);
        boolean isTag = close > 0
                && pos + 1 < html.length()
                && (Character.isLetter(html.charAt(pos + 1)) || html.charAt(pos + 1) == '/');
        if (!isTag) {
            text("<");
            pos++;
            return;
        }
        String tag = html.substring(pos + 1, close);
        pos = close + 1;
        boolean endTag = tag.startsWith("/");
        String name = tagName(endTag ? tag.substring(1) : tag);
        if (endTag) {
            endTag(name);
        } else {
            startTag(name);
        }
    }

    private void startTag(String name) {
        if (name.equals("title")) {
            title = decode(rawUntilEnd("title")).strip().replaceAll("\\s+", " ");
        } else if (HIDDEN.contains(name)) {
            rawUntilEnd(name);
        } else if (isHeading(name)) {
            flush();
            heading = new StringBuilder();
            headingLevel = name.charAt(1) - '0';
        } else if (BLOCKS.contains(name)) {
            preDepth += name.equals("pre") ? 1 : 0;
            paragraphBreak(name);
        }
    }

    private void endTag(String name) {
        if (isHeading(name) && heading != null) {
            path[headingLevel - 1] = heading.toString().strip().replaceAll("\\s+", " ");
            for (int deeper = headingLevel; deeper < path.length; deeper++) {
                path[deeper] = null;
            }
            heading = null;
        } else if (BLOCKS.contains(name)) {
            preDepth -= name.equals("pre") && preDepth > 0 ? 1 : 0;
            paragraphBreak(name);
        }
    }

    private void paragraphBreak(String name) {
        boolean lineOnly = name.equals("br")
                || name.equals("li")
                || name.equals("td")
                || name.equals("th")
                || name.equals("dt")
                || name.equals("dd");
        trimTrailingSpace();
        if (body.length() > 0 && !endsWith(lineOnly ? "\n" : "\n\n")) {
            body.append(lineOnly || endsWith("\n") ? "\n" : "\n\n");
        }
    }

    private void text(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        String text = decode(raw);
        StringBuilder target = heading != null ? heading : body;
        if (preDepth > 0 && heading == null) {
            target.append(text);
            return;
        }
        String collapsed = text.replaceAll("\\s+", " ");
        boolean atLineStart = target.length() == 0
                || target.charAt(target.length() - 1) == '\n'
                || target.charAt(target.length() - 1) == ' ';
        target.append(atLineStart ? collapsed.stripLeading() : collapsed);
    }

    /** Returns the raw text up to the end tag of {@code name} and moves past that end tag. */
    private String rawUntilEnd(String name) {
        int end = lower.indexOf("</" + name, pos);
        if (end < 0) {
            String rest = html.substring(pos);
            pos = html.length();
            return rest;
        }
        String raw = html.substring(pos, end);
        pos = skipPast(">", end);
        return raw;
    }

    private int skipPast(String marker, int from) {
        int at = html.indexOf(marker, from);
        return at < 0 ? html.length() : at + marker.length();
    }

    private void flush() {
        String text = body.toString().strip();
        body.setLength(0);
        if (!text.isEmpty()) {
            List<String> headings = new ArrayList<>();
            for (String h : path) {
                if (h != null && !h.isEmpty()) {
                    headings.add(h);
                }
            }
            sections.add(new Document.Section(headings, text));
        }
    }

    private void trimTrailingSpace() {
        while (body.length() > 0 && body.charAt(body.length() - 1) == ' ') {
            body.setLength(body.length() - 1);
        }
    }

    private boolean endsWith(String suffix) {
        int start = body.length() - suffix.length();
        return start >= 0 && body.substring(start).equals(suffix);
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    private static String tagName(String tag) {
        int end = 0;
        while (end < tag.length()
                && !Character.isWhitespace(tag.charAt(end))
                && tag.charAt(end) != '/'
                && tag.charAt(end) != '>') {
            end++;
        }
        return tag.substring(0, end).toLowerCase(Locale.ROOT);
    }

    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (amp >= 0) {
            out.append(text, from, amp);
            int semi = text.indexOf(';', amp);
            String decoded = semi > amp && semi - amp <= 10 ? Entities.decode(text.substring(amp + 1, semi)) : null;
            if (decoded == null) {
                out.append('&');
                from = amp + 1;
            } else {
                out.append(decoded);
                from = semi + 1;
            }
            amp = text.indexOf('&', from);
        }
        return out.append(text, from, text.length()).toString();
    }
}
