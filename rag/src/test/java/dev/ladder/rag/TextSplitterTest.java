package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
    void onRandomTextEveryChunkFitsStartsAndEndsOnWordBoundariesAndAllWordsAreKept() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            String text = randomText(random);
            int max = 20 + random.nextInt(200);
            int overlap = random.nextInt(max / 2);

            List<String> chunks = splitter(max, overlap).split(text);

            assertChunksOf(text, chunks, max, overlap);
        }
    }

    @Test
    void keepsTheHeadingPathOfAMarkdownFileInEveryChunk() {
        Document document = DocumentLoader.loadResource("docs/intro.md");

        List<Chunk> chunks = splitter(60, 0).split(document);

        assertThat(chunks)
                .extracting(chunk -> chunk.metadata().get("headings"))
                .containsExactly(
                        "Ladder",
                        "Ladder > Install",
                        "Ladder > Install",
                        "Ladder > Install",
                        "Ladder > Use > Retrieval");
        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(chunk.metadata()).containsEntry("source", "classpath:docs/intro.md"));
    }

    @Test
    void rejectsAnOverlapAsLargeAsTheBudget() {
        assertThatThrownBy(() -> splitter(100, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overlapChars (100) must be smaller than maxChars (100)");
    }

    /** Checks the splitter's guarantees on one text, with a message that shows the failing case. */
    private static void assertChunksOf(String text, List<String> chunks, int max, int overlap) {
        String context = "max " + max + ", overlap " + overlap + ", text '" + text + "'";
        int searchFrom = 0;
        List<String> words = new ArrayList<>();
        for (String chunk : chunks) {
            assertThat(chunk.length() <= max || !chunk.contains(" ") && !chunk.contains("\n"))
                    .as("chunk '%s' within the budget, %s", chunk, context)
                    .isTrue();
            int at = occurrenceOnWordBoundaries(text, chunk, searchFrom);
            assertThat(at)
                    .as(
                            "chunk '%s' is a piece of the text, in order, starting and ending at a word, %s",
                            chunk, context)
                    .isNotNegative();
            searchFrom = at + 1;
            words.addAll(List.of(chunk.split("\\s+")));
        }
        List<String> expected = List.of(text.strip().split("\\s+"));
        assertThat(words).as("every word kept, %s", context).containsAll(expected);
        if (overlap == 0) {
            assertThat(words).as("each word once without overlap, %s", context).isEqualTo(expected);
        }
    }

    private static int occurrenceOnWordBoundaries(String text, String chunk, int from) {
        for (int at = text.indexOf(chunk, from); at >= 0; at = text.indexOf(chunk, at + 1)) {
            int end = at + chunk.length();
            boolean starts = at == 0 || Character.isWhitespace(text.charAt(at - 1));
            boolean ends = end == text.length() || Character.isWhitespace(text.charAt(end));
            if (starts && ends) {
                return at;
            }
        }
        return -1;
    }

    private static String randomText(Random random) {
        String[] separators = {" ", " ", " ", " ", ". ", "! ", "\n", "\n\n", ";  "};
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(120);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(separators[random.nextInt(separators.length)]);
            }
            int length = 1 + (random.nextInt(20) == 0 ? random.nextInt(60) : random.nextInt(9));
            for (int c = 0; c < length; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }
}
