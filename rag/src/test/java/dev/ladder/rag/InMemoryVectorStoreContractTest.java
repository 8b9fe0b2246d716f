package dev.ladder.rag;

/** The exact in-memory store passes the conformance tests every store passes. */
class InMemoryVectorStoreContractTest extends VectorStoreContract {

    @Override
    protected VectorStore emptyStore() {
        return InMemoryVectorStore.builder().dimensions(DIMENSION).build();
    }
}
