package dev.ladder.rag;

import dev.ladder.core.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A deterministic fake embedder: counts of each letter a-z plus one, and records its batches. */
final class LetterEmbedder implements Embedder {

    final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        batchSizes.add(texts.size());
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            vectors.add(letters(text));
        }
        return vectors;
    }

    static float[] letters(String text) {
        float[] vector = new float[27];
        vector[26] = 1;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                vector[c - 'a']++;
            }
        }
        return vector;
    }
}
