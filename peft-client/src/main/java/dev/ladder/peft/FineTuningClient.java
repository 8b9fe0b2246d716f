package dev.ladder.peft;

import java.nio.file.Path;
import java.util.List;

/**
 * The operations every fine-tuning provider offers, over the normalised job model: upload a training
 * file, look jobs up, cancel them, read their events, checkpoints and training metrics. Creating a job takes
 * provider-specific settings, so each implementation adds its own {@code create} method. Lists are lazy
 * iterables that fetch further pages only as iteration reaches them. Implementations are immutable and
 * thread-safe.
 *
 * <p>Every method throws core's {@link dev.ladder.core.ServiceException} subclasses for HTTP errors
 * ({@link dev.ladder.core.AuthenticationException}, {@link dev.ladder.core.NotFoundException}, ...), {@link
 * dev.ladder.core.ConnectionException} when the provider cannot be reached, and {@link
 * dev.ladder.core.MalformedResponseException} when it answers in an unexpected shape.
 */
public interface FineTuningClient {

    /**
     * Uploads {@code file} as training data ({@code purpose=fine-tune}) and returns it with its id.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read.
     */
    UploadedFile upload(Path file);

    /** Returns the current state of job {@code jobId}. */
    FineTuneJob retrieve(String jobId);

    /** Asks the provider to cancel job {@code jobId} and returns its state after the request. */
    FineTuneJob cancel(String jobId);

    /** Returns the jobs of the account, newest first, fetching pages lazily. */
    Iterable<FineTuneJob> jobs();

    /** Returns the events of job {@code jobId}, newest first, fetching pages lazily. */
    Iterable<JobEvent> events(String jobId);

    /** Returns the checkpoints of job {@code jobId}, newest first, fetching pages lazily. */
    Iterable<Checkpoint> checkpoints(String jobId);

    /**
     * Returns the training metrics of job {@code jobId} logged after step {@code afterStep}, oldest
     * first; pass -1 for all. Providers report them in their own way (OpenAI in metrics events,
     * Together at a metrics endpoint); each implementation reads no more than it needs.
     */
    List<TrainingMetrics> metrics(String jobId, long afterStep);
}
