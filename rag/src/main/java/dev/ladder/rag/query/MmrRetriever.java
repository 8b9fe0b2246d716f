package dev.ladder.rag.query;

import dev.ladder.core.Embedder;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Diversifies results by maximal marginal relevance (Carbonell and Goldstein, 1998): from the
 * delegate's first {@code candidates} passages it picks, one at a time, the passage that maximizes
 * {@code lambda * sim(query, p) - (1 - lambda) * max sim(p, picked)}, cosine similarity throughout.
 * Near-duplicates of a passage already picked fall back, so the context covers more ground.
 *
 * <p>Vectors: MMR needs a vector for the query and every candidate, and a {@link Retriever} returns
 * only text. This retriever embeds the query and the candidates' texts with the given
 * {@link Embedder} in one batch per query, so it works over any retriever (vector, full-text,
 * hybrid); use the same embedder as the store to avoid a second model. Callers that already hold
 * the vectors call {@link #select} directly. Passages keep the delegate's scores; only the order and
 * the choice change. Immutable and thread-safe.
 */
public final class MmrRetriever implements Retriever {
    private final Retriever delegate;
    private final Embedder embedder;
    private final double lambda;
    private final int candidates;

    /**
     * Creates a retriever that diversifies the first {@code candidates} passages of {@code delegate}
     * with the trade-off {@code lambda}: 1 is pure relevance, 0 pure diversity.
     *
     * @throws IllegalArgumentException if {@code lambda} is outside 0..1 or {@code candidates} is not
     *     positive.
     */
    public MmrRetriever(Retriever delegate, Embedder embedder, double lambda, int candidates) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.lambda = checkLambda(lambda);
        this.candidates = Queries.positive("candidates", candidates);
    }

    @Override
    public List<Passage> retrieve(String query, int limit) {
        Queries.check(query, limit);
        List<Passage> found = delegate.retrieve(query, Math.max(limit, candidates));
        if (found.size() <= 1) {
            return found;
        }
        List<String> texts = new ArrayList<>();
        texts.add(query);
        found.forEach(passage -> texts.add(passage.text()));
        List<float[]> vectors = embedder.embed(texts);
        return select(vectors.get(0), found, vectors.subList(1, vectors.size()), lambda, limit);
    }

    /**
     * Returns at most {@code limit} of {@code passages} in maximal marginal relevance order, given the
     * {@code query} vector and one vector per passage (same order).
     *
     * @throws IllegalArgumentException if the lists differ in size, vectors differ in dimension,
     *     {@code lambda} is outside 0..1 or {@code limit} is not positive.
     */
    public static List<Passage> select(
            float[] query, List<Passage> passages, List<float[]> vectors, double lambda, int limit) {
        checkLambda(lambda);
        Queries.positive("limit", limit);
        if (passages.size() != vectors.size()) {
            throw new IllegalArgumentException(
                    passages.size() + " passages but " + vectors.size() + " vectors: give one vector per passage");
        }
        double[] relevance = new double[passages.size()];
        for (int i = 0; i < relevance.length; i++) {
            relevance[i] = cosine(query, vectors.get(i));
        }
        double[] redundancy = new double[passages.size()];
        boolean[] picked = new boolean[passages.size()];
        List<Passage> selected = new ArrayList<>();
        while (selected.size() < Math.min(limit, passages.size())) {
            int best = best(relevance, redundancy, picked, lambda);
            picked[best] = true;
            selected.add(passages.get(best));
            for (int i = 0; i < redundancy.length; i++) {
                if (!picked[i]) {
                    redundancy[i] = Math.max(redundancy[i], cosine(vectors.get(best), vectors.get(i)));
                }
            }
        }
        return List.copyOf(selected);
    }

    private static int best(double[] relevance, double[] redundancy, boolean[] picked, double lambda) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < relevance.length; i++) {
            double score = lambda * relevance[i] - (1 - lambda) * redundancy[i];
            if (!picked[i] && score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors of " + a.length + " and " + b.length + " dimensions do not compare: use one embedder");
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    private static double checkLambda(double lambda) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be between 0 and 1, was " + lambda);
        }
        return lambda;
    }
}
