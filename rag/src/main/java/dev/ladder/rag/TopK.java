package dev.ladder.rag;

/** Keeps the k best (score, row) pairs seen, in a min-heap on primitive arrays. Not thread-safe. */
final class TopK {

    private final float[] scores;
    private final int[] rows;
    private int size;

    TopK(int k) {
        scores = new float[k];
        rows = new int[k];
    }

    /** Returns the score a new entry must beat once full; negative infinity before. */
    float threshold() {
        return size < scores.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(float score, int row) {
        if (size < scores.length) {
            scores[size] = score;
            rows[size] = row;
            siftUp(size++);
        } else if (score > scores[0] || (score == scores[0] && row < rows[0])) {
            scores[0] = score;
            rows[0] = row;
            siftDown(0);
        }
    }

    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.rows[i]);
        }
    }

    /** Returns the rows best first (ties by lower row), emptying nothing. */
    int[] rowsBestFirst() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> scores[a] != scores[b]
                        ? Float.compare(scores[b], scores[a])
                        : Integer.compare(rows[a], rows[b]));
        int[] best = new int[size];
        for (int i = 0; i < size; i++) {
            best[i] = rows[order[i]];
        }
        return best;
    }

    private boolean less(int a, int b) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && rows[a] > rows[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            int smallest = i;
            if (left < size && less(left, smallest)) {
                smallest = left;
            }
            if (left + 1 < size && less(left + 1, smallest)) {
                smallest = left + 1;
            }
            if (smallest == i) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        int row = rows[a];
        rows[a] = rows[b];
        rows[b] = row;
    }
}
