package dev.ladder.core.testing;

import dev.ladder.core.Embedder;
import dev.ladder.core.conformance.EmbedderContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Replays, without the real embedder, every batch the contract asks for. */
class RecordReplayEmbedderContractTest extends EmbedderContract {

    @TempDir
    Path dir;

    @Override
    protected Embedder embedder() {
        Path file = dir.resolve("contract.json");
        Embedder recorder = RecordReplayEmbedder.of(file, RecordMode.RECORD, new HashingEmbedder());
        recorder.embed(texts());
        texts().forEach(text -> recorder.embed(List.of(text)));
        return RecordReplayEmbedder.replay(file);
    }
}
