package dev.ladder.core.openai;

import dev.ladder.core.Embedder;
import dev.ladder.core.Usage;
import dev.ladder.core.http.HttpCall;
import dev.ladder.core.http.HttpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@link Embedder} over the OpenAI embeddings API. Get one from {@link OpenAiClient#embedder(String)}
 * and adjust it with the {@code with...} methods.
 *
 * <p>Immutable and thread-safe. A batch larger than {@link #batchSize()} is sent as several calls,
 * one after another; the vectors come back in the order of the texts.
 */
public final class OpenAiEmbedder implements Embedder {
    /** The most inputs OpenAI accepts in one embeddings call. */
    public static final int MAX_BATCH = 2048;

    /** How the server encodes vectors on the wire. */
    public enum Encoding {
        /** Lists of JSON numbers: every compatible server supports it. */
        FLOAT,
        /** Base64 little-endian float32: about a quarter of the bytes, and OpenAI's default in its SDKs. */
        BASE64
    }

    private final OpenAiClient client;
    private final String model;
    private final Integer dimensions;
    private final Encoding encoding;
    private final int batchSize;

    OpenAiEmbedder(OpenAiClient client, String model, Integer dimensions, Encoding encoding, int batchSize) {
        this.client = client;
        this.model = Objects.requireNonNull(model, "model");
        this.dimensions = dimensions;
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.batchSize = batchSize;
        if (dimensions != null && dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, was " + dimensions);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH + ", was " + batchSize);
        }
    }

    /** The embedding model or Azure deployment. */
    public String model() {
        return model;
    }

    /** The requested vector length, or null for the model's own. */
    public Integer dimensions() {
        return dimensions;
    }

    /** The wire encoding of vectors. */
    public Encoding encoding() {
        return encoding;
    }

    /** The most texts sent in one call. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns a copy that asks for vectors of {@code dimensions} values (text-embedding-3 models).
     *
     * @throws IllegalArgumentException if {@code dimensions} is below 1.
     */
    public OpenAiEmbedder withDimensions(int dimensions) {
        return new OpenAiEmbedder(client, model, dimensions, encoding, batchSize);
    }

    /** Returns a copy that asks for {@code encoding} on the wire. */
    public OpenAiEmbedder withEncoding(Encoding encoding) {
        return new OpenAiEmbedder(client, model, dimensions, encoding, batchSize);
    }

    /**
     * Returns a copy that sends at most {@code batchSize} texts per call.
     *
     * @throws IllegalArgumentException if {@code batchSize} is not between 1 and {@link #MAX_BATCH}.
     */
    public OpenAiEmbedder withBatchSize(int batchSize) {
        return new OpenAiEmbedder(client, model, dimensions, encoding, batchSize);
    }

    /**
     * Embeds {@code texts}, one vector per text in the same order.
     *
     * @throws IllegalArgumentException if a text is null or empty, naming its position.
     * @throws dev.ladder.core.LadderException when a call fails after retries; vectors of earlier
     *     batches are not returned.
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("text " + i + " is " + (text == null ? "null" : "empty")
                        + ": the embeddings API rejects it; remove it or give it content");
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += batchSize) {
            vectors.addAll(embedBatch(texts.subList(start, Math.min(texts.size(), start + batchSize))));
        }
        return vectors;
    }

    private List<float[]> embedBatch(List<String> batch) {
        HttpTransport transport = client.transport();
        HttpCall call = transport
                .post(client.embeddingsPath(model), out -> {
                    out.beginObject();
                    out.name("model").value(model);
                    out.name("input").beginArray();
                    for (String text : batch) {
                        out.value(text);
                    }
                    out.endArray();
                    out.name("encoding_format").value(encoding == Encoding.BASE64 ? "base64" : "float");
                    if (dimensions != null) {
                        out.name("dimensions").value(dimensions);
                    }
                    out.endObject();
                })
                .operation("embed")
                .model(model)
                .build();
        return transport.execute(call, body -> {
            EmbeddingsReader.Result result = EmbeddingsReader.read(body, batch.size());
            Usage usage = result.usage();
            transport.reportUsage(call, usage);
            return result.vectors();
        });
    }

    @Override
    public String toString() {
        return "OpenAiEmbedder{model=" + model + ", dimensions=" + dimensions + ", encoding=" + encoding
                + ", batchSize=" + batchSize + "}";
    }
}
