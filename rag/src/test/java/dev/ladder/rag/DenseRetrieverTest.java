package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.Passage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseRetrieverTest {

    @Test
    void embedsTheQueryAndSearchesTheStore() {
        LetterEmbedder embedder = new LetterEmbedder();
        InMemoryVectorStore store = InMemoryVectorStore.create();
        List<Chunk> chunks = List.of(Chunk.of("z", "zzz zzz"), Chunk.of("a", "aaa bbb"));
        store.upsert(chunks, embedder.embed(List.of("zzz zzz", "aaa bbb")));

        assertThat(DenseRetriever.of(embedder, store).retrieve("abba", 1))
                .extracting(Passage::id)
                .containsExactly("a");
    }

    @Test
    void appliesItsFilter() {
        LetterEmbedder embedder = new LetterEmbedder();
        InMemoryVectorStore store = InMemoryVectorStore.create();
        store.upsert(
                List.of(new Chunk("a", "aaa", Map.of("k", 1)), new Chunk("b", "bbb", Map.of("k", 2))),
                embedder.embed(List.of("aaa", "bbb")));

        assertThat(DenseRetriever.of(embedder, store, Filter.eq("k", 2)).retrieve("aaa", 2))
                .extracting(Passage::id)
                .containsExactly("b");
    }
}
