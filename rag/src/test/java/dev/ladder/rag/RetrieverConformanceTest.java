package dev.ladder.rag;

import dev.ladder.core.Retriever;
import dev.ladder.core.conformance.RetrieverContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** BM25, dense and hybrid retrieval each honour core's retriever contract. */
class RetrieverConformanceTest {

    private static final List<Chunk> CHUNKS = List.of(
            Chunk.of("1", "Solar eclipses happen when the Moon passes between the Sun and the Earth."),
            Chunk.of("2", "A total solar eclipse turns day into twilight for a few minutes."),
            Chunk.of("3", "Certified eclipse glasses make looking at the Sun safe."),
            Chunk.of("4", "Stock markets fell sharply on Tuesday."));

    private static final String QUERY = "solar eclipse sun";

    private static Bm25Index bm25() {
        Bm25Index index = Bm25Index.create();
        index.upsert(CHUNKS);
        return index;
    }

    private static DenseRetriever dense() {
        HashedWordsEmbedder embedder = new HashedWordsEmbedder(64);
        InMemoryVectorStore store = InMemoryVectorStore.create();
        List<String> texts = new ArrayList<>();
        CHUNKS.forEach(chunk -> texts.add(chunk.text()));
        store.upsert(CHUNKS, embedder.embed(texts));
        return DenseRetriever.of(embedder, store);
    }

    @Nested
    class Bm25 extends RetrieverContract {
        @Override
        protected Retriever retriever() {
            return bm25();
        }

        @Override
        protected String query() {
            return QUERY;
        }
    }

    @Nested
    class Dense extends RetrieverContract {
        @Override
        protected Retriever retriever() {
            return dense();
        }

        @Override
        protected String query() {
            return QUERY;
        }
    }

    @Nested
    class Hybrid extends RetrieverContract {
        @Override
        protected Retriever retriever() {
            return HybridRetriever.builder().add(bm25()).add(dense(), 0.5).build();
        }

        @Override
        protected String query() {
            return QUERY;
        }
    }
}
