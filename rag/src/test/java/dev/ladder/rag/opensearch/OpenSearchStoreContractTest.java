package dev.ladder.rag.opensearch;

import dev.ladder.rag.VectorStore;
import dev.ladder.rag.VectorStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/** The OpenSearch store passes the same conformance tests as every other store. */
class OpenSearchStoreContractTest extends VectorStoreContract {
    private static final AtomicInteger INDEXES = new AtomicInteger();

    private OpenSearchStore store;

    @Override
    protected VectorStore emptyStore() {
        store = OpenSearchStore.create(
                OpenSearchConfig.builder(EmbeddedOpenSearch.get().url())
                        .index("ladder-contract-" + INDEXES.incrementAndGet())
                        .dimensions(DIMENSION)
                        .build());
        return store;
    }

    @AfterEach
    void dropIndex() {
        store.dropIndex();
    }
}
