package dev.ladder.core.testing;

import dev.ladder.core.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A hand-written embedder for tests: words hashed into 16 buckets, counted and normalised. */
final class HashingEmbedder implements Embedder {
    private int calls;

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        calls++;
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("text " + i + " is null");
            }
            vectors.add(vector(texts.get(i)));
        }
        return vectors;
    }

    synchronized int calls() {
        return calls;
    }

    private static float[] vector(String text) {
        float[] vector = new float[16];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), vector.length)] += 1f / 3f;
            }
        }
        return vector;
    }
}
