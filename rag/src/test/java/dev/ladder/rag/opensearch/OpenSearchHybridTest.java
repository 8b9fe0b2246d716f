package dev.ladder.rag.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.onnx.MiniLmEmbedder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hybrid retrieval on a real node with the real MiniLM model: BM25 misses a paraphrase that shares
 * no word with the question, k-NN misses an exact product code that means nothing to the model, and
 * the fusion of the two finds both.
 */
class OpenSearchHybridTest {
    private static final List<Chunk> CHUNKS = List.of(
            Chunk.of("recover", "Forgotten login credentials can be recovered from the account settings page."),
            Chunk.of("manager", "The password manager extension crashed after the browser update."),
            Chunk.of(
                    "serial", "Units with serial numbers starting XJ-9000 shipped from the Lisbon warehouse in March."),
            Chunk.of("hot", "The laptop gets very hot and the fan is loud under heavy load."),
            Chunk.of("thermal", "Thermal paste dries out after a few years and raises CPU temperatures."),
            Chunk.of("battery", "Battery life drops when screen brightness is at maximum."),
            Chunk.of("printer", "The printer shows a paper jam warning even when the tray is empty."));
    private static final String PARAPHRASE = "How do I reset my password?";
    private static final String CODE = "XJ-9000 overheating";

    private static MiniLmEmbedder embedder;
    private static OpenSearchStore store;

    @BeforeAll
    static void index() {
        embedder = MiniLmEmbedder.builder().threads(1).build();
        store = OpenSearchStore.create(
                OpenSearchConfig.builder(EmbeddedOpenSearch.get().url())
                        .index("ladder-hybrid")
                        .dimensions(MiniLmEmbedder.DIMENSIONS)
                        .build());
        store.upsert(CHUNKS, embedder.embed(CHUNKS.stream().map(Chunk::text).toList()));
    }

    @AfterAll
    static void drop() {
        store.dropIndex();
        embedder.close();
    }

    @Test
    void keywordSearchMissesTheParaphraseThatVectorSearchFinds() {
        assertThat(top2(store.keywordRetriever(), PARAPHRASE)).doesNotContain("recover");
        assertThat(top2(store.vectorRetriever(embedder), PARAPHRASE)).contains("recover");
    }

    @Test
    void vectorSearchMissesTheCodeThatKeywordSearchFinds() {
        assertThat(top2(store.vectorRetriever(embedder), CODE)).doesNotContain("serial");
        assertThat(top2(store.keywordRetriever(), CODE)).contains("serial");
    }

    @Test
    void hybridFindsWhatEachHalfAloneMisses() {
        Retriever hybrid = store.hybridRetriever(embedder, 1.0, 1.0);

        assertThat(top2(hybrid, PARAPHRASE)).contains("recover");
        assertThat(top2(hybrid, CODE)).contains("serial");
    }

    private static List<String> top2(Retriever retriever, String query) {
        return retriever.retrieve(query, 2).stream().map(Passage::id).toList();
    }
}
