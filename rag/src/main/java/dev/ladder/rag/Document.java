package dev.ladder.rag;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded document: its source, its text cut into sections under their headings, and metadata
 * that every chunk of it inherits. {@link DocumentLoader} creates documents from files, folders and
 * classpath resources; {@link TextSplitter} cuts them into {@link Chunk}s.
 *
 * @param source where the document came from (a path, a resource name or a URL); chunk ids and the
 *     {@code source} metadata derive from it.
 * @param sections the text in reading order; a plain text document has one section without headings.
 * @param metadata values every chunk of the document carries (strings, numbers or booleans).
 */
public record Document(String source, List<Section> sections, Map<String, Object> metadata) {

    public Document {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("document source is blank: name where the text came from");
        }
        sections = List.copyOf(sections);
        metadata = Map.copyOf(metadata);
    }

    /** Creates a document of plain text with one section and no metadata. */
    public static Document of(String source, String text) {
        return new Document(source, List.of(new Section(List.of(), text)), Map.of());
    }

    /** Returns the text of every section joined by blank lines, headings left out. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(section.text());
        }
        return text.toString();
    }

    /**
     * A run of text under one heading path.
     *
     * @param headings the enclosing headings, outermost first; empty before the first heading.
     * @param text the body text of the section, without its heading line.
     */
    public record Section(List<String> headings, String text) {

        public Section {
            headings = List.copyOf(headings);
            Objects.requireNonNull(text, "text");
        }
    }
}
