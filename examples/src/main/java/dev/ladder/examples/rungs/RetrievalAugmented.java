package dev.ladder.examples.rungs;

import dev.ladder.core.ChatModel;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.examples.Models;
import dev.ladder.rag.Bm25Index;
import dev.ladder.rag.DenseRetriever;
import dev.ladder.rag.Document;
import dev.ladder.rag.DocumentLoader;
import dev.ladder.rag.HybridRetriever;
import dev.ladder.rag.InMemoryVectorStore;
import dev.ladder.rag.Ingestor;
import dev.ladder.rag.answer.Answer;
import dev.ladder.rag.answer.GroundedAnswerer;
import dev.ladder.rag.onnx.MiniLmEmbedder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rung 3, retrieval-augmented generation: a folder of Markdown is split, embedded in-process
 * (MiniLM, no service) into an in-memory vector store and a BM25 keyword index, and questions are
 * answered by {@link GroundedAnswerer} from the passages a hybrid retriever finds, with numbered
 * citations mapped back to their sources.
 *
 * <p>Run from the repository root; the first argument is a folder of Markdown (default: the docs
 * shipped with the examples, else this repository's README files), questions may follow:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.ladder.examples.rungs.RetrievalAugmented -Dexec.args="path/to/docs"
 * </pre>
 *
 * <p>Without a model configured (see {@link Models}) it prints the numbered passages it would
 * answer from.
 */
public final class RetrievalAugmented {
    static final List<String> QUESTIONS = List.of(
            "How does Ladder stop SQL written by a model from changing the database?",
            "Where can an agent graph keep its checkpoints?",
            "What does the dataset check report before a fine-tuning upload?");

    private RetrievalAugmented() {}

    public static void main(String[] args) {
        Optional<Path> folder = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        List<String> questions = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : QUESTIONS;
        run(Models.fromEnv(), documents(folder, "docs", Path.of("").toAbsolutePath()), questions, System.out);
    }

    /** Indexes {@code documents}, then answers each question with citations, or shows its sources. */
    static void run(Optional<ChatModel> model, List<Document> documents, List<String> questions, PrintStream out) {
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            Retriever hybrid = index(embedder, documents, out);
            if (model.isEmpty()) {
                out.println(Models.HOW_TO_CONFIGURE);
                questions.forEach(question -> printSources(question, hybrid.retrieve(question, 3), out));
                return;
            }
            GroundedAnswerer answerer =
                    GroundedAnswerer.builder(model.get(), hybrid).limit(6).build();
            questions.forEach(question -> print(question, answerer.answer(question), out));
        }
    }

    /** Splits and embeds the documents, and returns BM25 and vector search fused by rank. */
    private static Retriever index(MiniLmEmbedder embedder, List<Document> documents, PrintStream out) {
        InMemoryVectorStore vectors = InMemoryVectorStore.create();
        Bm25Index keywords = Bm25Index.create();
        out.println("Documents to index: " + documents.size());
        Ingestor.builder(embedder, vectors)
                .keywordIndex(keywords)
                .listener(p -> out.printf("  embedded %d of %d chunks%n", p.chunksStored(), p.chunksTotal()))
                .build()
                .ingest(documents);
        return HybridRetriever.builder()
                .add(keywords)
                .add(DenseRetriever.of(embedder, vectors))
                .build();
    }

    private static void print(String question, Answer answer, PrintStream out) {
        out.println("Q: " + question);
        out.println(answer.answered() ? "A: " + answer.text() : "  no answer: " + answer.reason());
        answer.citations().forEach(c -> out.printf("  [%d] %s%n", c.number(), where(c.passage())));
        if (!answer.unknownCitations().isEmpty()) {
            out.println("  cited sources it was never given: " + answer.unknownCitations());
        }
    }

    private static void printSources(String question, List<Passage> found, PrintStream out) {
        out.println("Q: " + question);
        for (int i = 0; i < found.size(); i++) {
            String text = found.get(i).text().replaceAll("\\s+", " ");
            out.printf("  [%d] %s: %.80s...%n", i + 1, where(found.get(i)), text);
        }
    }

    /** The passage's file and the headings above it. */
    private static String where(Passage passage) {
        return Path.of(passage.source()).getFileName() + " > "
                + passage.metadata().get("headings");
    }

    /** The folder given, else the classpath folder, else the README files of this repository. */
    static List<Document> documents(Optional<Path> folder, String classpathFolder, Path workingDirectory) {
        return folder.or(() -> ExampleSupport.classpathFolder(classpathFolder))
                .map(DocumentLoader::loadFolder)
                .orElseGet(() -> ExampleSupport.repositoryReadmes(workingDirectory));
    }
}
