package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Embedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestorTest {

    private static final List<Document> DOCUMENTS =
            List.of(Document.of("a.txt", "First one.\n\nSecond one.\n\nThird one."), Document.of("b.txt", "Only one."));

    private static TextSplitter small() {
        return TextSplitter.builder().maxChars(12).overlapChars(0).build();
    }

    @Test
    void storesEveryChunkWithItsVector() {
        InMemoryVectorStore store = InMemoryVectorStore.create();

        List<Chunk> chunks = Ingestor.builder(new LetterEmbedder(), store)
                .splitter(small())
                .build()
                .ingest(DOCUMENTS);

        assertThat(chunks).extracting(Chunk::id).containsExactly("a.txt#0", "a.txt#1", "a.txt#2", "b.txt#0");
        assertThat(store.size()).isEqualTo(4);
        assertThat(store.get("a.txt#1")).map(Chunk::text).contains("Second one.");
    }

    @Test
    void embedsInBatchesAndReportsProgressAfterEach() {
        LetterEmbedder embedder = new LetterEmbedder();
        List<IngestProgress> progress = new ArrayList<>();

        Ingestor.builder(embedder, InMemoryVectorStore.create())
                .splitter(small())
                .batchSize(3)
                .listener(progress::add)
                .build()
                .ingest(DOCUMENTS);

        assertThat(embedder.batchSizes).containsExactly(3, 1);
        assertThat(progress).containsExactly(new IngestProgress(3, 4, 2), new IngestProgress(4, 4, 2));
    }

    @Test
    void keepsIngestingWhenTheListenerFails() {
        InMemoryVectorStore store = InMemoryVectorStore.create();

        Ingestor.builder(new LetterEmbedder(), store)
                .splitter(small())
                .batchSize(1)
                .listener(p -> {
                    throw new IllegalStateException("listener bug");
                })
                .build()
                .ingest(DOCUMENTS);

        assertThat(store.size()).isEqualTo(4);
    }

    @Test
    void addsChunksToTheKeywordIndexToo() {
        Bm25Index index = Bm25Index.create();

        Ingestor.builder(new LetterEmbedder(), InMemoryVectorStore.create())
                .splitter(small())
                .keywordIndex(index)
                .build()
                .ingest(DOCUMENTS);

        assertThat(index.retrieve("third", 5)).extracting(p -> p.id()).containsExactly("a.txt#2");
    }

    @Test
    void rejectsAnEmbedderThatLosesTexts() {
        Embedder broken = texts -> List.of(new float[] {1});
        Ingestor ingestor = Ingestor.builder(broken, InMemoryVectorStore.create())
                .splitter(small())
                .build();

        assertThatThrownBy(() -> ingestor.ingest(DOCUMENTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith(" returned 1 vectors for 4 texts");
    }
}
