package dev.ladder.peft.together;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of Together's DPO training method.
 *
 * @param beta the DPO temperature, above 0: lower lets the model move further from the reference
 *     model; Together's default is 0.1.
 * @param rpoAlpha the weight of an added supervised loss on the preferred answer (RPO); 0 turns it off.
 * @param simpoGamma the target reward margin of SimPO; 0 turns it off.
 * @param normalizeLogratiosByLength whether to divide log-ratios by answer length, so long answers do
 *     not dominate.
 * @param referenceFree whether to drop the reference model from the loss.
 */
public record TogetherDpo(
        double beta, double rpoAlpha, double simpoGamma, boolean normalizeLogratiosByLength, boolean referenceFree) {

    /** Validates the settings. */
    public TogetherDpo {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("DPO beta must be above 0 but was " + beta);
        }
        if (!(rpoAlpha >= 0) || !(simpoGamma >= 0)) {
            throw new IllegalArgumentException(
                    "rpoAlpha and simpoGamma must not be negative but were " + rpoAlpha + ", " + simpoGamma);
        }
    }

    /** Returns plain DPO with {@code beta} and every other setting off. */
    public static TogetherDpo of(double beta) {
        return new TogetherDpo(beta, 0, 0, false, false);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "dpo");
        json.put("dpo_beta", beta);
        json.put("rpo_alpha", rpoAlpha);
        json.put("simpo_gamma", simpoGamma);
        json.put("dpo_normalize_logratios_by_length", normalizeLogratiosByLength);
        json.put("dpo_reference_free", referenceFree);
        return json;
    }
}
