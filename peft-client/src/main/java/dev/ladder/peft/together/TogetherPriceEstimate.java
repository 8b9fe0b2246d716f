package dev.ladder.peft.together;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * Together's estimate of what a fine-tuning job will cost, from its estimate-price endpoint.
 *
 * @param totalPrice the estimated price in US dollars.
 * @param allowedToProceed whether the account's credit allows the job.
 * @param userLimit the account's credit limit in US dollars, or null if not reported.
 * @param trainTokens the estimated tokens to train, or null if not reported.
 * @param evalTokens the estimated tokens to evaluate, or null if not reported.
 */
public record TogetherPriceEstimate(
        BigDecimal totalPrice, boolean allowedToProceed, BigDecimal userLimit, Long trainTokens, Long evalTokens) {

    /** Validates the price. */
    public TogetherPriceEstimate {
        Objects.requireNonNull(totalPrice, "totalPrice");
    }

    /** Returns the estimate as one line of text. */
    public String render() {
        return String.format(
                Locale.ROOT,
                "Cost (Together estimate): $%s for %s train and %s eval tokens%s",
                totalPrice.toPlainString(),
                trainTokens == null ? "?" : String.format(Locale.ROOT, "%,d", trainTokens),
                evalTokens == null ? "?" : String.format(Locale.ROOT, "%,d", evalTokens),
                allowedToProceed ? "" : "; not allowed to proceed: the account's credit limit is too low");
    }
}
