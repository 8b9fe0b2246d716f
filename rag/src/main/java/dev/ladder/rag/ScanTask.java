package dev.ladder.rag;

import java.util.concurrent.RecursiveTask;

/** Finds the best rows of a range by halving it until a range is small enough for one worker. */
final class ScanTask extends RecursiveTask<TopK> {

    private static final long serialVersionUID = 1L;

    private final transient Scan scan;
    private final transient Chunk[] chunks;
    private final transient Filter filter;
    private final int limit;
    private final int from;
    private final int to;
    private final int grain;

    ScanTask(Scan scan, Chunk[] chunks, Filter filter, int limit, int from, int to, int grain) {
        this.scan = scan;
        this.chunks = chunks;
        this.filter = filter;
        this.limit = limit;
        this.from = from;
        this.to = to;
        this.grain = grain;
    }

    @Override
    protected TopK compute() {
        if (to - from <= grain) {
            return scanRange();
        }
        int middle = (from + to) >>> 1;
        ScanTask right = new ScanTask(scan, chunks, filter, limit, middle, to, grain);
        right.fork();
        TopK left = new ScanTask(scan, chunks, filter, limit, from, middle, grain).compute();
        left.addAll(right.join());
        return left;
    }

    private TopK scanRange() {
        TopK top = new TopK(limit);
        boolean all = filter instanceof Filter.All;
        for (int row = from; row < to; row++) {
            if (all || filter.test(chunks[row].metadata())) {
                float score = scan.score(row);
                if (score > top.threshold()) {
                    top.offer(score, row);
                }
            }
        }
        return top;
    }
}
