package dev.ladder.peft.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * What a training run is expected to cost at a price per token the caller supplies: tokens of one pass
 * over the data times epochs times price. Hosted services bill trained tokens this way (OpenAI's
 * supervised training and Together's per-token pricing); use the provider's own estimate where one
 * exists, such as Together's estimate-price endpoint. Immutable and thread-safe.
 *
 * @param tokensPerEpoch estimated tokens of one pass over the training examples.
 * @param epochs the number of passes.
 * @param usdPerMillionTokens the price the caller passed, in US dollars per million training tokens.
 */
public record CostEstimate(long tokensPerEpoch, int epochs, BigDecimal usdPerMillionTokens) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** Validates the parts. */
    public CostEstimate {
        if (tokensPerEpoch < 0) {
            throw new IllegalArgumentException("tokensPerEpoch must not be negative but was " + tokensPerEpoch);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1 but was " + epochs);
        }
        Objects.requireNonNull(usdPerMillionTokens, "usdPerMillionTokens");
        if (usdPerMillionTokens.signum() < 0) {
            throw new IllegalArgumentException(
                    "usdPerMillionTokens must not be negative but was " + usdPerMillionTokens.toPlainString());
        }
    }

    /** Estimates the cost of training {@code epochs} passes over the examples of {@code report}. */
    public static CostEstimate of(ValidationReport report, int epochs, BigDecimal usdPerMillionTokens) {
        return new CostEstimate(report.totalTokens(), epochs, usdPerMillionTokens);
    }

    /** Returns the tokens billed over all epochs. */
    public long billedTokens() {
        return Math.multiplyExact(tokensPerEpoch, (long) epochs);
    }

    /** Returns the estimated cost in US dollars, rounded to the cent. */
    public BigDecimal usd() {
        return usdPerMillionTokens
                .multiply(BigDecimal.valueOf(billedTokens()))
                .divide(MILLION, 2, RoundingMode.HALF_UP);
    }

    /** Returns the estimate as one line of text. */
    public String render() {
        return String.format(
                Locale.ROOT,
                "Cost (estimated): %,d tokens x %d epochs = %,d tokens at $%s per 1M tokens = $%s",
                tokensPerEpoch,
                epochs,
                billedTokens(),
                usdPerMillionTokens.toPlainString(),
                usd().toPlainString());
    }
}
