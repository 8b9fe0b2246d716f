package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class HybridRetrieverTest {

    private static Retriever ranking(String... ids) {
        return (query, limit) -> java.util.Arrays.stream(ids)
                .limit(limit)
                .map(id -> new Passage(id, "text " + id, 1.0, Map.of()))
                .toList();
    }

    @Test
    void fusesByWeightedReciprocalRank() {
        HybridRetriever hybrid = HybridRetriever.builder()
                .add(ranking("a", "b", "c"), 1.0)
                .add(ranking("c", "b"), 2.0)
                .k(0)
                .build();

        List<Passage> fused = hybrid.retrieve("q", 3);

        assertThat(fused).extracting(Passage::id).containsExactly("c", "b", "a");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 3 + 2.0 / 1, Offset.offset(1e-9));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 2 + 2.0 / 2, Offset.offset(1e-9));
    }

    @Test
    void asksEachRetrieverForTheCandidateDepth() {
        HybridRetriever hybrid = HybridRetriever.builder()
                .add(ranking("a", "b", "c", "d"))
                .candidates(2)
                .build();

        assertThat(hybrid.retrieve("q", 1)).extracting(Passage::id).containsExactly("a");
        assertThat(HybridRetriever.builder()
                        .add(ranking("a", "b", "c"))
                        .candidates(2)
                        .build()
                        .retrieve("q", 3))
                .hasSize(3);
    }

    @Test
    void rejectsABlankQueryBeforeAskingAnyRetriever() {
        Retriever failing = (query, limit) -> {
            throw new AssertionError("asked with '" + query + "'");
        };

        assertThatThrownBy(() -> HybridRetriever.builder().add(failing).build().retrieve(" ", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query is blank: pass the text to search for");
    }

    @Test
    void requiresARetriever() {
        assertThatThrownBy(() -> HybridRetriever.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("add at least one retriever before build()");
    }

    @Test
    void rejectsANonPositiveWeight() {
        assertThatThrownBy(() -> HybridRetriever.builder().add(ranking("a"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be a positive finite number, was 0.0");
    }
}
