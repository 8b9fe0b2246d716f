package dev.ladder.rag.answer;

import dev.ladder.core.Passage;
import java.util.ArrayList;
import java.util.List;

/**
 * The passages that fit a token budget, numbered from 1 in the order given. Each passage is shown
 * as {@code [n] text}; a block's tokens are counted as shown. A passage that does not fit is skipped
 * and later, smaller ones may still fit. The blank lines between blocks are not counted.
 *
 * @param passages the passages that fit, in order; {@code passages.get(n - 1)} is number {@code n}.
 * @param blocks the text of each numbered passage as the prompt shows it.
 * @param tokens the tokens of all blocks together, at most the budget.
 * @param skipped the passages that did not fit, in order.
 */
record ContextWindow(List<Passage> passages, List<String> blocks, int tokens, List<Passage> skipped) {

    ContextWindow {
        passages = List.copyOf(passages);
        blocks = List.copyOf(blocks);
        skipped = List.copyOf(skipped);
    }

    static ContextWindow pack(List<Passage> candidates, int budget, TokenCounter counter) {
        List<Passage> passages = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        List<Passage> skipped = new ArrayList<>();
        int tokens = 0;
        for (Passage passage : candidates) {
            String block = "[" + (passages.size() + 1) + "] " + passage.text().strip();
            int cost = counter.count(block);
            if (tokens + cost <= budget) {
                passages.add(passage);
                blocks.add(block);
                tokens += cost;
            } else {
                skipped.add(passage);
            }
        }
        return new ContextWindow(passages, blocks, tokens, skipped);
    }

    String text() {
        return String.join("\n\n", blocks);
    }
}
