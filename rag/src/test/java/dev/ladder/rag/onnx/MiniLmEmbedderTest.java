package dev.ladder.rag.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.builder().threads(1).build();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void returnsUnitVectorsOf384Dimensions() {
        float[] vector = embedder.embed("The cat sits on the mat.");

        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        assertThat(vector).hasSize(MiniLmEmbedder.DIMENSIONS);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, Offset.offset(1e-5));
    }

    @Test
    void placesParaphrasesCloserThanUnrelatedSentences() {
        List<float[]> v = embedder.embed(List.of(
                "A man is playing a guitar.",
                "Someone plays an acoustic guitar.",
                "The stock market fell sharply today."));

        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(0.6).isGreaterThan(dot(v.get(0), v.get(2)) + 0.4);
    }

    @Test
    void returnsBatchVectorsInTheOrderOfTheTexts() {
        List<String> texts = List.of("a much longer sentence about cooking pasta with tomatoes", "short", "");

        List<float[]> batch = embedder.embed(texts);

        // The quantized model scales activations over the whole padded batch, so batched vectors
        // match one-by-one vectors closely but not bit for bit.
        for (int i = 0; i < texts.size(); i++) {
            float[] single = embedder.embed(texts.get(i));
            assertThat(dot(batch.get(i), single)).as(texts.get(i)).isGreaterThan(0.95);
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
