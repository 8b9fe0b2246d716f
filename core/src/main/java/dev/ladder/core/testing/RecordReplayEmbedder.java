package dev.ladder.core.testing;

import dev.ladder.core.Embedder;
import dev.ladder.core.LadderException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Wraps a real {@link Embedder}, recording its batches to a readable JSON cassette file and
 * replaying them deterministically, so tests that embed run offline.
 *
 * <p>A call matches a recording when it asks for the same texts in the same order. Vectors are
 * stored as JSON numbers in their shortest exact form and replay bit for bit. Failures are
 * recorded and replayed as the same exception type, message and status. Identical batches recorded
 * several times are answered in recorded order, the last answer repeating.
 *
 * <p>Thread-safe if the wrapped embedder is.
 */
public final class RecordReplayEmbedder implements Embedder {
    private static final String KIND = "embeddings";

    private final Cassette cassette;
    private final RecordMode mode;
    private final Embedder delegate;

    private RecordReplayEmbedder(Cassette cassette, RecordMode mode, Embedder delegate) {
        this.cassette = cassette;
        this.mode = mode;
        this.delegate = delegate;
    }

    /**
     * Creates a wrapper that answers only from the cassette at {@code file}.
     *
     * @throws IllegalArgumentException if the file does not exist or is not an embeddings cassette.
     * @throws java.io.UncheckedIOException if the file cannot be read.
     */
    public static RecordReplayEmbedder replay(Path file) {
        return new RecordReplayEmbedder(Cassette.open(file, KIND, RecordMode.REPLAY), RecordMode.REPLAY, null);
    }

    /**
     * Creates a wrapper around {@code delegate} using the cassette at {@code file} in {@code mode}.
     * In {@link RecordMode#REPLAY} the delegate is never called.
     *
     * @throws IllegalArgumentException if replaying a file that does not exist, or the file is not an
     *     embeddings cassette.
     * @throws java.io.UncheckedIOException if the file cannot be read.
     */
    public static RecordReplayEmbedder of(Path file, RecordMode mode, Embedder delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return new RecordReplayEmbedder(Cassette.open(file, KIND, mode), mode, delegate);
    }

    /**
     * Returns the recorded vectors for {@code texts}, or embeds them with the wrapped embedder when
     * recording.
     *
     * @throws IllegalArgumentException if a text is null.
     * @throws LadderException the recorded failure, or the wrapped embedder's failure when recording.
     * @throws IllegalStateException in {@link RecordMode#REPLAY} when no recording matches; the
     *     message shows the texts and the closest recorded batch.
     * @throws java.io.UncheckedIOException if the cassette cannot be written.
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        Map<String, Object> request = Map.of("texts", checked(texts));
        Optional<Map<String, Object>> recorded = recorded(request);
        if (recorded.isPresent()) {
            return replay(recorded.get());
        }
        try {
            List<float[]> vectors = delegate.embed(texts);
            cassette.add(
                    request,
                    Map.of(
                            "vectors",
                            vectors.stream().map(RecordReplayEmbedder::tree).toList()));
            return vectors;
        } catch (LadderException e) {
            cassette.add(request, Map.of("error", Failures.tree(e)));
            throw e;
        }
    }

    private Optional<Map<String, Object>> recorded(Map<String, Object> request) {
        if (mode == RecordMode.RECORD) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> recorded = cassette.find(request);
        if (recorded.isEmpty() && mode == RecordMode.REPLAY) {
            throw new IllegalStateException(cassette.missMessage(request));
        }
        return recorded;
    }

    private static List<String> checked(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException(
                        "text " + i + " of " + texts.size() + " is null: embed only non-null texts");
            }
        }
        return List.copyOf(texts);
    }

    private static List<Object> tree(float[] vector) {
        List<Object> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        return values;
    }

    private static List<float[]> replay(Map<String, Object> exchange) {
        if (exchange.containsKey("error")) {
            throw Failures.error(Trees.map(exchange.get("error")));
        }
        List<float[]> vectors = new ArrayList<>();
        for (Object item : Trees.list(exchange, "vectors")) {
            List<?> values = (List<?>) item;
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = Float.parseFloat(values.get(i).toString());
            }
            vectors.add(vector);
        }
        return vectors;
    }
}
