package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {

    @Test
    void readsSetextHeadings() {
        List<Document.Section> sections = MarkdownParser.sections("Title\n=====\n\nintro\n\nPart\n----\nbody\n");

        assertThat(sections)
                .containsExactly(
                        new Document.Section(List.of("Title"), "intro"),
                        new Document.Section(List.of("Title", "Part"), "body"));
    }

    @Test
    void aShallowerHeadingClosesDeeperOnes() {
        List<Document.Section> sections = MarkdownParser.sections("# A\n### C\nc\n## B\nb\n");

        assertThat(sections)
                .extracting(Document.Section::headings)
                .containsExactly(List.of("A", "C"), List.of("A", "B"));
    }

    @Test
    void keepsTextBeforeTheFirstHeadingWithoutHeadings() {
        assertThat(MarkdownParser.sections("preface\n# H\nx"))
                .first()
                .isEqualTo(new Document.Section(List.of(), "preface"));
    }
}
