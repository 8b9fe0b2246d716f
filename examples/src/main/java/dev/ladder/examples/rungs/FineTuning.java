package dev.ladder.examples.rungs;

import dev.ladder.peft.Checkpoint;
import dev.ladder.peft.FineTuneJob;
import dev.ladder.peft.FineTuningClient;
import dev.ladder.peft.JobEvent;
import dev.ladder.peft.JobListener;
import dev.ladder.peft.JobWatcher;
import dev.ladder.peft.Lora;
import dev.ladder.peft.UploadedFile;
import dev.ladder.peft.dataset.DatasetCheck;
import dev.ladder.peft.dataset.DatasetFormat;
import dev.ladder.peft.openai.OpenAiFineTuning;
import dev.ladder.peft.openai.OpenAiHyperparameters;
import dev.ladder.peft.openai.OpenAiJobRequest;
import dev.ladder.peft.together.TogetherFineTuning;
import dev.ladder.peft.together.TogetherJobRequest;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rung 5, fine-tuning: a chat dataset is checked line by line and its training cost estimated, all
 * offline; then, on request, it is uploaded, a job is started and {@link JobWatcher} follows it to
 * the end, printing status changes, events, metrics and checkpoints. The default dataset is
 * {@code rungs/support_chat.jsonl}, twelve support conversations of a music store written for
 * this example.
 *
 * <p>Run from the repository root, with a JSONL file of your own as argument if you like:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.ladder.examples.rungs.FineTuning -Dexec.args="train.jsonl"
 * </pre>
 *
 * <p>Training costs money, so a job starts only with the argument {@code --submit} and a key:
 * {@code OPENAI_API_KEY} (supervised fine-tuning of gpt-4o-mini) or {@code TOGETHER_API_KEY} (a
 * LoRA adapter for Llama 3.1 8B).
 */
public final class FineTuning {
    static final String DATASET = "rungs/support_chat.jsonl";
    static final int EPOCHS = 3;
    /** OpenAI's training price for gpt-4o-mini, in dollars per million tokens; check before you rely on it. */
    static final BigDecimal USD_PER_MILLION_TOKENS = new BigDecimal("3.00");

    /** A provider's client, how it starts a job on an uploaded training file, and how jobs are watched. */
    record Provider(String name, FineTuningClient client, Function<String, FineTuneJob> start, JobWatcher watcher) {}

    private FineTuning() {}

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean submit = arguments.remove("--submit");
        Path dataset = arguments.isEmpty() ? ExampleSupport.resourceCopy(DATASET) : Path.of(arguments.get(0));
        run(dataset, submit ? provider(System.getenv()) : Optional.empty(), System.out);
    }

    /** Checks {@code dataset}; when it is ready and a provider is given, trains on it and watches the job. */
    static void run(Path dataset, Optional<Provider> provider, PrintStream out) {
        DatasetCheck check = DatasetCheck.run(dataset, DatasetFormat.CHAT, EPOCHS, USD_PER_MILLION_TOKENS);
        out.print(check.render());
        if (!check.report().valid()) {
            return;
        }
        if (provider.isEmpty()) {
            out.println("To train on it: set OPENAI_API_KEY or TOGETHER_API_KEY and pass --submit.");
            return;
        }
        UploadedFile file = provider.get().client().upload(dataset);
        FineTuneJob job = provider.get().start().apply(file.id());
        out.printf(
                "Uploaded %s; started job %s on %s (a restarted watch resumes by its id)%n",
                file.id(), job.id(), provider.get().name());
        FineTuneJob done = provider.get().watcher().watch(job.id(), progress(out));
        out.println("Job " + done.id() + " ended " + done.rawStatus()
                + (done.fineTunedModel() == null ? "" : ": model " + done.fineTunedModel())
                + (done.error() == null ? "" : ": " + done.error().message()));
    }

    /** OpenAI when its key is set (supervised), else Together (LoRA); empty when neither key is set. */
    static Optional<Provider> provider(Map<String, String> env) {
        if (env.containsKey("OPENAI_API_KEY")) {
            OpenAiFineTuning openai = OpenAiFineTuning.fromEnv();
            OpenAiHyperparameters epochs =
                    OpenAiHyperparameters.builder().epochs(EPOCHS).build();
            return Optional.of(new Provider(
                    "OpenAI",
                    openai,
                    id -> openai.create(OpenAiJobRequest.builder("gpt-4o-mini-2024-07-18", id)
                            .supervised(epochs)
                            .build()),
                    JobWatcher.builder(openai).build()));
        }
        if (env.containsKey("TOGETHER_API_KEY")) {
            TogetherFineTuning together = TogetherFineTuning.fromEnv();
            String model = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";
            return Optional.of(new Provider(
                    "Together",
                    together,
                    id -> together.create(TogetherJobRequest.builder(model, id)
                            .lora(new Lora(16, 32, 0.05, "all-linear"))
                            .epochs(EPOCHS)
                            .build()),
                    JobWatcher.builder(together).build()));
        }
        return Optional.empty();
    }

    private static JobListener progress(PrintStream out) {
        return new JobListener() {
            @Override
            public void onStatus(FineTuneJob job) {
                out.println("  status " + job.rawStatus());
            }

            @Override
            public void onEvent(JobEvent event) {
                out.println("  event " + event.message() + (event.hasMetrics() ? " " + event.metrics() : ""));
            }

            @Override
            public void onCheckpoint(Checkpoint checkpoint) {
                out.println("  checkpoint at step " + checkpoint.step() + ": " + checkpoint.model());
            }
        };
    }
}
