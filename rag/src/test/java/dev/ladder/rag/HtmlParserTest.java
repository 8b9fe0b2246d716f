package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlParserTest {

    private static Document page() {
        return DocumentLoader.loadResource("docs/guide/page.html");
    }

    @Test
    void keepsOnlyVisibleTextUnderItsHeadings() {
        assertThat(page().sections())
                .containsExactly(
                        new Document.Section(List.of("Guide"), "First paragraph with bold text <here>."),
                        new Document.Section(List.of("Guide", "Details"), "one\ntwo\n\nUnclosed paragraph 3 < 5"));
    }

    @Test
    void takesTheTitleAsMetadata() {
        assertThat(page().metadata())
                .containsEntry("title", "Guide & Reference")
                .containsEntry("format", "html");
    }

    @Test
    void decodesNumericAndNamedEntitiesAndKeepsUnknownOnes() {
        assertThat(HtmlParser.decode("&#233;t&#xE9; &mdash; &bogus; AT&T")).isEqualTo("été — &bogus; AT&T");
    }

    @Test
    void toleratesAnUnclosedScript() {
        Document document = DocumentFormat.HTML.parse("x.html", "<p>kept</p><script>lost forever");

        assertThat(document.text()).isEqualTo("kept");
    }

    @Test
    void keepsLineBreaksInsidePre() {
        Document document = DocumentFormat.HTML.parse("x.html", "<pre>a\n  b</pre><p>c   d</p>");

        assertThat(document.text()).isEqualTo("a\n  b\n\nc d");
    }
}
