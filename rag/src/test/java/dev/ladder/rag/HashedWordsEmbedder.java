package dev.ladder.rag;

import dev.ladder.core.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic test embedder: each lower-cased word adds 1 to the component its hash selects,
 * so texts sharing words have a high cosine similarity. A last component of 0.01 keeps every vector
 * away from length zero.
 */
public final class HashedWordsEmbedder implements Embedder {
    private final int dimension;

    public HashedWordsEmbedder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            vectors.add(vector(text));
        }
        return vectors;
    }

    private float[] vector(String text) {
        float[] vector = new float[dimension];
        vector[dimension - 1] = 0.01f;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), dimension - 1)] += 1;
            }
        }
        return vector;
    }
}
