package dev.ladder.rag;

/**
 * The quantized in-memory store passes the conformance tests too: its compact copies follow every
 * add, replace and delete, and the exact rescoring gives cosine scores.
 */
class QuantizedInMemoryVectorStoreContractTest extends VectorStoreContract {

    @Override
    protected VectorStore emptyStore() {
        return InMemoryVectorStore.builder()
                .dimensions(DIMENSION)
                .quantized(true)
                .rescoreCandidates(1)
                .build();
    }
}
