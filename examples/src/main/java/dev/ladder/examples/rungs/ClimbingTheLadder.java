package dev.ladder.examples.rungs;

import dev.ladder.core.ChatModel;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.core.eval.Answer;
import dev.ladder.core.eval.EvalDataset;
import dev.ladder.core.eval.EvalReport;
import dev.ladder.core.eval.Evaluation;
import dev.ladder.core.eval.ProgressListener;
import dev.ladder.core.eval.Score;
import dev.ladder.core.eval.Scorer;
import dev.ladder.core.eval.Scorers;
import dev.ladder.core.eval.Strategy;
import dev.ladder.core.prompt.ChatPrompt;
import dev.ladder.examples.Models;
import dev.ladder.rag.Bm25Index;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.DenseRetriever;
import dev.ladder.rag.HybridRetriever;
import dev.ladder.rag.InMemoryVectorStore;
import dev.ladder.rag.Ingestor;
import dev.ladder.rag.answer.GroundedAnswerer;
import dev.ladder.rag.onnx.MiniLmEmbedder;
import dev.ladder.reflection.sql.ConnectionSource;
import dev.ladder.reflection.sql.Nl2Sql;
import dev.ladder.reflection.sql.SchemaOptions;
import dev.ladder.reflection.sql.SqlDatabase;
import dev.ladder.reflection.sql.SqlDialect;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Climbing the ladder: twelve questions about the Chinook music store, whose answers the database
 * holds, answered by plain prompting (rung 1), by SQL with self-reflection (rung 2) and by RAG over
 * facts rendered from the database as sentences (rung 3). Core's evaluation harness runs them side
 * by side and prints accuracy, tokens and latency per rung, then saves the report as JSON and
 * Markdown. A fourth row needs no model: whether the passages RAG retrieves mention the answer at
 * all, the most RAG could reach.
 *
 * <p>Run from the repository root (the report folder may be given, a temporary one by default):
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.ladder.examples.rungs.ClimbingTheLadder
 * </pre>
 */
public final class ClimbingTheLadder {
    static final String QUESTIONS = "rungs/chinook_questions.jsonl";
    /** One sentence per genre, media type, country, artist and employee: what RAG retrieves from. */
    static final String FACTS = "rungs/chinook_facts.sql";

    /** Passes an answer that mentions the expected one as whole words, ignoring case, punctuation and [n]. */
    static final Scorer MENTIONS = (question, answer) -> {
        String said = " " + Scorers.normalize(answer.text().replaceAll("\\[\\d+]", " ")) + " ";
        String expected = Scorers.normalize(question.expected());
        return said.contains(" " + expected + " ") ? Score.pass() : Score.fail("does not mention " + expected);
    };

    static final ChatPrompt PROMPT = ChatPrompt.builder()
            .system("You answer questions about the Chinook sample database of an online music store."
                    + " Reply with the answer only: a number, a name or a short phrase.")
            .user("{{question}}")
            .build();

    private ClimbingTheLadder() {}

    public static void main(String[] args) throws IOException {
        Path reports = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ladder-climb");
        run(Models.fromEnv(), reports, System.out);
    }

    /** Evaluates every rung the configuration allows, prints the table and saves the report. */
    static EvalReport run(Optional<ChatModel> model, Path reports, PrintStream out) throws IOException {
        EvalDataset questions = EvalDataset.fromJsonl(ExampleSupport.resourceCopy(QUESTIONS));
        SqlDatabase chinook = SqlDatabase.builder(
                        SqlDialect.SQLITE, ConnectionSource.sqliteReadOnly(ExampleSupport.chinookCopy()))
                .maxRows(500)
                .build();
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            Retriever facts = index(chinook, embedder, out);
            Evaluation.Builder evaluation =
                    Evaluation.builder().dataset(questions).scorer(MENTIONS);
            if (model.isPresent()) {
                evaluation
                        .strategy("1 prompting", Strategy.of(model.get(), PROMPT, "question"))
                        .strategy("2 reflection", reflection(model.get(), chinook))
                        .strategy("3 rag", rag(model.get(), facts));
            } else {
                out.println(Models.HOW_TO_CONFIGURE);
            }
            EvalReport report = evaluation
                    .strategy(
                            "rag context, no model",
                            Strategy.ofFunction(question -> facts.retrieve(question, 5).stream()
                                    .map(Passage::text)
                                    .collect(Collectors.joining("\n"))))
                    .onProgress(ProgressListener.logging())
                    .build()
                    .run();
            out.print(report.table());
            Files.createDirectories(reports);
            report.writeJson(reports.resolve("climbing.json"));
            report.writeMarkdown(reports.resolve("climbing.md"));
            out.println("Saved climbing.json and climbing.md in " + reports);
            return report;
        }
    }

    /** Rung 2: the model writes SQL, the database's errors go back to it, the rows are the answer. */
    private static Strategy reflection(ChatModel model, SqlDatabase chinook) {
        Nl2Sql nl2sql = Nl2Sql.builder(model, chinook)
                .schemaOptions(new SchemaOptions(table -> true, 1))
                .build();
        return question -> {
            var answer = nl2sql.ask(question.input());
            String rows = answer.succeeded() ? ExampleSupport.rows(answer.result(), 5) : "(no query ran)";
            return new Answer(rows, answer.trace().usage());
        };
    }

    /** Rung 3: the model answers from the five facts retrieved, citing them. */
    private static Strategy rag(ChatModel model, Retriever facts) {
        GroundedAnswerer answerer =
                GroundedAnswerer.builder(model, facts).limit(5).build();
        return question -> {
            var answer = answerer.answer(question.input());
            return new Answer(answer.answered() ? answer.text() : "(" + answer.reason() + ")", answer.usage());
        };
    }

    private static Retriever index(SqlDatabase chinook, MiniLmEmbedder embedder, PrintStream out) {
        List<Chunk> facts = chinook.query(ExampleSupport.resourceText(FACTS)).rows().stream()
                .map(row -> Chunk.of((String) row.get(0), (String) row.get(1)))
                .toList();
        InMemoryVectorStore vectors = InMemoryVectorStore.create();
        Bm25Index keywords = Bm25Index.create();
        Ingestor.builder(embedder, vectors).keywordIndex(keywords).build().ingestChunks(facts);
        out.println("Indexed " + facts.size() + " facts rendered from the database, e.g. "
                + facts.get(0).text());
        return HybridRetriever.builder()
                .add(keywords)
                .add(DenseRetriever.of(embedder, vectors))
                .build();
    }
}
