package dev.ladder.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ladder.core.Embedder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that an {@link Embedder} honours its contract: one vector per text in the texts' order,
 * every vector of one dimension and finite, a single text embedded like a batch of one, and a null
 * text rejected with {@link IllegalArgumentException}.
 *
 * <p>Extend it in a test class and implement {@link #embedder()}. The contract embeds
 * {@link #texts()} as one batch and each text alone; an HTTP embedder can be pointed at a
 * {@code MockWebServer} whose dispatcher answers each of those requests with a recorded payload.
 */
public abstract class EmbedderContract {

    /** Returns the embedder under test; called once per test. */
    protected abstract Embedder embedder();

    /** Returns the texts the contract embeds: at least two different ones. */
    protected List<String> texts() {
        return List.of(
                "The cat sat on the mat.",
                "Stock markets fell sharply on Tuesday.",
                "A kitten was sleeping on the rug.");
    }

    /** Returns the cosine similarity above which two vectors count as the same; 0.999 unless overridden. */
    protected double sameVectorSimilarity() {
        return 0.999;
    }

    @Test
    void embedsEveryTextIntoOneVector() {
        List<float[]> vectors = embedder().embed(texts());

        assertEquals(texts().size(), vectors.size(), "one vector per text");
    }

    @Test
    void returnsVectorsInTheOrderOfTheTexts() {
        Embedder embedder = embedder();

        List<float[]> batch = embedder.embed(texts());

        for (int i = 0; i < texts().size(); i++) {
            float[] alone = embedder.embed(texts().get(i));
            double similarity = cosine(batch.get(i), alone);
            assertTrue(
                    similarity >= sameVectorSimilarity(),
                    "vector " + i + " of the batch has similarity " + similarity + " to '" + texts().get(i)
                            + "' embedded alone: the batch is out of order");
        }
    }

    @Test
    void givesEveryVectorTheSameDimension() {
        List<float[]> vectors = embedder().embed(texts());

        int dimension = vectors.get(0).length;
        assertTrue(dimension > 0, "vectors have no components");
        for (int i = 1; i < vectors.size(); i++) {
            assertEquals(dimension, vectors.get(i).length, "dimension of vector " + i);
        }
    }

    @Test
    void fillsVectorsWithFiniteNumbers() {
        List<float[]> vectors = embedder().embed(texts());

        for (int i = 0; i < vectors.size(); i++) {
            for (float value : vectors.get(i)) {
                assertTrue(Float.isFinite(value), "vector " + i + " holds " + value);
            }
        }
    }

    @Test
    void rejectsANullText() {
        List<String> withNull = Arrays.asList(texts().get(0), null);

        assertThrows(IllegalArgumentException.class, () -> embedder().embed(withNull));
    }

    private static double cosine(float[] a, float[] b) {
        assertEquals(a.length, b.length, "dimensions of the compared vectors");
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
