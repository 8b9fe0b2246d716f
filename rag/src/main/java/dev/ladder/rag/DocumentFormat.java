package dev.ladder.rag;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text formats {@link DocumentLoader} understands, and how each becomes a {@link Document}.
 *
 * <p>Thread-safe: parsing keeps no state between calls.
 */
public enum DocumentFormat {

    /** Plain text: one section, the text as it is. */
    TEXT,

    /**
     * Markdown: ATX ({@code ## Title}) and setext headings open sections and form the heading path;
     * headings inside fenced code blocks are left alone.
     */
    MARKDOWN,

    /**
     * HTML: visible text only (scripts, styles, templates and comments dropped, entities decoded,
     * whitespace collapsed outside {@code <pre>}); {@code <h1>}..{@code <h6>} form the heading path
     * and {@code <title>} becomes the {@code title} metadata.
     */
    HTML;

    /**
     * Returns the format for a file name by its extension: {@code .md}, {@code .markdown} are
     * Markdown, {@code .html}, {@code .htm}, {@code .xhtml} are HTML, anything else is text.
     */
    public static DocumentFormat forFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return HTML;
        }
        return TEXT;
    }

    /** Parses {@code content} read from {@code source} into a document in this format. */
    public Document parse(String source, String content) {
        return switch (this) {
            case TEXT ->
                new Document(source, List.of(new Document.Section(List.of(), content)), Map.of("format", "text"));
            case MARKDOWN -> new Document(source, MarkdownParser.sections(content), Map.of("format", "markdown"));
            case HTML -> HtmlParser.parse(source, content);
        };
    }
}
