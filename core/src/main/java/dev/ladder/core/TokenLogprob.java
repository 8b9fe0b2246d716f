package dev.ladder.core;

import java.util.List;
import java.util.Objects;

/**
 * The log probability of one generated token and of its most likely alternatives.
 *
 * @param token the token text.
 * @param logprob its natural log probability.
 * @param bytes the token's UTF-8 bytes, or empty when the provider gave none.
 * @param topLogprobs the most likely tokens at this position, best first, possibly empty.
 */
public record TokenLogprob(String token, double logprob, List<Integer> bytes, List<TokenLogprob> topLogprobs) {

    public TokenLogprob {
        Objects.requireNonNull(token, "token");
        bytes = List.copyOf(bytes);
        topLogprobs = List.copyOf(topLogprobs);
    }
}
