package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    private static final String TEXT = "Retrieval finds passages. Generation writes the answer. "
            + "Citations point back to sources.\n\nA second paragraph follows here. It is short.";

    private static TextSplitter splitter(int max, int overlap) {
        return TextSplitter.builder().maxChars(max).overlapChars(overlap).build();
    }

    @Test
    void keepsTextWithinTheBudgetWhole() {
        assertThat(splitter(500, 50).split(TEXT)).containsExactly(TEXT);
    }

    @Test
    void prefersParagraphBoundaries() {
        assertThat(splitter(100, 0).split(TEXT))
                .containsExactly(
                        "Retrieval finds passages. Generation writes the answer. Citations point back to sources.",
                        "A second paragraph follows here. It is short.");
    }

    @Test
    void fallsBackToSentencesThenWords() {
        assertThat(splitter(30, 0).split("Alpha beta gamma. Delta epsilon zeta eta theta iota kappa lambda."))
                .containsExactly("Alpha beta gamma.", "Delta epsilon zeta eta theta", "iota kappa lambda.");
    }

    @Test
    void sharesWholeWordsBetweenConsecutiveChunks() {
        List<String> chunks = splitter(24, 12).split("one two three four five six seven eight nine ten");

        assertThat(chunks)
                .containsExactly("one two three four five", "four five six seven", "six seven eight nine ten");
    }

    @Test
    void neverCutsAWordAndKeepsAnOversizedWordWhole() {
        List<String> chunks = splitter(10, 0).split("tiny supercalifragilistic word");

        assertThat(chunks).containsExactly("tiny", "supercalifragilistic", "word");
    }

    @Test
    void givesEachChunkItsSourcePositionAndHeadings() {
        Document document = new Document(
                "guide.md",
                List.of(
                        new Document.Section(List.of("Guide"), "Intro text."),
                        new Document.Section(List.of("Guide", "Setup"), "Install it. Then run it.")),
                Map.of("lang", "en"));

        List<Chunk> chunks = splitter(12, 0).split(document);

        assertThat(chunks).extracting(Chunk::id).containsExactly("guide.md#0", "guide.md#1", "guide.md#2");
        assertThat(chunks.get(2).text()).isEqualTo("Then run it.");
        assertThat(chunks.get(2).metadata())
                .isEqualTo(Map.of("lang", "en", "source", "guide.md", "position", 2, "headings", "Guide > Setup"));
    }

    @Test
    void givesTheSameChunksForTheSameInput() {
        String text = "word ".repeat(500) + "\n\n" + "Sentence one. Sentence two! ".repeat(40);

        assertThat(splitter(120, 30).split(text)).isEqualTo(splitter(120, 30).split(text));
    }

    @Test
    void rejectsAnOverlapAsLargeAsTheBudget() {
        assertThatThrownBy(() -> splitter(100, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overlapChars (100) must be smaller than maxChars (100)");
    }
}
