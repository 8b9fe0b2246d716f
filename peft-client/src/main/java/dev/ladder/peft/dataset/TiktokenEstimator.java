package dev.ladder.peft.dataset;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Objects;

/**
 * Counts tokens exactly with one of OpenAI's byte-pair encodings, through the jtokkit library
 * ({@code com.knuddels:jtokkit}, an optional dependency of this module: add it to use this class).
 * {@code o200k_base} is the encoding of GPT-4o, GPT-4.1 and the o-series, {@code cl100k_base} that of
 * GPT-4 and GPT-3.5 Turbo. For other providers' models (Llama, Qwen, Mistral on Together) an OpenAI
 * encoding is an approximation, usually within a few percent on English text. Special-token text
 * such as {@code <|endoftext|>} is counted as ordinary text. Immutable and thread-safe.
 */
public final class TiktokenEstimator implements TokenEstimator {
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final String[] O200K_FAMILIES = {
        "gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4", "gpt-oss"
    };

    private final Encoding encoding;

    private TiktokenEstimator(Encoding encoding) {
        this.encoding = encoding;
    }

    /** Returns an estimator with {@code o200k_base}, the encoding of GPT-4o, GPT-4.1 and o-series models. */
    public static TiktokenEstimator o200k() {
        return new TiktokenEstimator(REGISTRY.getEncoding(EncodingType.O200K_BASE));
    }

    /** Returns an estimator with {@code cl100k_base}, the encoding of GPT-4 and GPT-3.5 Turbo. */
    public static TiktokenEstimator cl100k() {
        return new TiktokenEstimator(REGISTRY.getEncoding(EncodingType.CL100K_BASE));
    }

    /**
     * Returns an estimator with the encoding of OpenAI model {@code model}: {@code o200k_base} for the
     * GPT-4o, GPT-4.1, GPT-4.5, GPT-5 and o-series families, {@code cl100k_base} for GPT-4 and GPT-3.5
     * Turbo. A fine-tuned model's name ({@code ft:gpt-4o-mini-2024-07-18:org::id}) counts as its base.
     *
     * @throws IllegalArgumentException if {@code model} is none of these.
     */
    public static TiktokenEstimator forModel(String model) {
        Objects.requireNonNull(model, "model");
        String base = model.startsWith("ft:") ? model.substring(3) : model;
        for (String prefix : O200K_FAMILIES) {
            if (base.startsWith(prefix)) {
                return o200k();
            }
        }
        if (base.startsWith("gpt-4") || base.startsWith("gpt-3.5")) {
            return cl100k();
        }
        throw new IllegalArgumentException("no OpenAI encoding is known for model '" + model
                + "': use TiktokenEstimator.o200k() (recent OpenAI models; an approximation for others) or cl100k()");
    }

    /** Returns the encoding's name, such as {@code o200k_base}. */
    public String encoding() {
        return encoding.getName();
    }

    @Override
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    @Override
    public String toString() {
        return "TiktokenEstimator[" + encoding.getName() + "]";
    }
}
