package dev.ladder.rag.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class NodeRotationTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final NodeRotation rotation = new NodeRotation(
            List.of(HttpUrl.get("http://a:9200"), HttpUrl.get("http://b:9200"), HttpUrl.get("http://c:9200")),
            clock::get);

    @Test
    void takesTheNodesInTurn() {
        assertThat(List.of(rotation.choose(), rotation.choose(), rotation.choose(), rotation.choose()))
                .containsExactly(0, 1, 2, 0);
    }

    @Test
    void skipsARestingNodeUntilItsRestEnds() {
        assertThat(rotation.failed(1)).isEqualTo(NodeRotation.REST);

        assertThat(List.of(rotation.choose(), rotation.choose(), rotation.choose()))
                .containsExactly(0, 2, 2);

        clock.addAndGet(NodeRotation.REST.toNanos());
        assertThat(List.of(rotation.choose(), rotation.choose(), rotation.choose()))
                .containsExactly(0, 1, 2);
    }

    @Test
    void restsTwiceAsLongAfterEachFailureInARowUpToTheMaximum() {
        assertThat(rotation.failed(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(rotation.failed(0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(rotation.failed(0)).isEqualTo(Duration.ofSeconds(120));
        for (int i = 0; i < 30; i++) {
            rotation.failed(0);
        }
        assertThat(rotation.failed(0)).isEqualTo(NodeRotation.MAX_REST);
    }

    @Test
    void aNodeThatAnswersIsWellAgainAtOnce() {
        rotation.failed(0);
        rotation.failed(0);

        rotation.answered(0);

        assertThat(rotation.choose()).isEqualTo(0);
        assertThat(rotation.failed(0)).isEqualTo(NodeRotation.REST);
    }

    @Test
    void whenEveryNodeRestsTheOneWhoseRestEndsFirstIsTried() {
        rotation.failed(0);
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        rotation.failed(1);
        rotation.failed(2);

        assertThat(List.of(rotation.choose(), rotation.choose(), rotation.choose()))
                .containsExactly(0, 0, 0);
    }
}
