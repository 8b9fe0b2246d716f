package dev.ladder.peft.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostEstimateTest {

    @Test
    void multipliesTokensByEpochsAndPrice() {
        CostEstimate cost = new CostEstimate(1_500_000, 3, new BigDecimal("25.00"));

        assertThat(cost.billedTokens()).isEqualTo(4_500_000);
        assertThat(cost.usd()).isEqualByComparingTo("112.50");
    }

    @Test
    void rendersTheArithmetic() {
        assertThat(new CostEstimate(8_231, 3, new BigDecimal("3.00")).render())
                .isEqualTo("Cost (estimated): 8,231 tokens x 3 epochs = 24,693 tokens at $3.00 per 1M tokens = $0.07");
    }

    @Test
    void rejectsZeroEpochs() {
        assertThatThrownBy(() -> new CostEstimate(1, 0, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs must be at least 1 but was 0");
    }

    @Test
    void rejectsNegativePrice() {
        assertThatThrownBy(() -> new CostEstimate(1, 1, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usdPerMillionTokens must not be negative but was -1");
    }
}
