package dev.ladder.examples;

import dev.ladder.core.ChatModel;
import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import dev.ladder.rag.Bm25Index;
import dev.ladder.rag.Chunk;
import dev.ladder.rag.DenseRetriever;
import dev.ladder.rag.Document;
import dev.ladder.rag.DocumentLoader;
import dev.ladder.rag.HybridRetriever;
import dev.ladder.rag.InMemoryVectorStore;
import dev.ladder.rag.IngestProgress;
import dev.ladder.rag.Ingestor;
import dev.ladder.rag.answer.Answer;
import dev.ladder.rag.answer.Citation;
import dev.ladder.rag.answer.GroundedAnswerer;
import dev.ladder.rag.onnx.MiniLmEmbedder;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's RAG step: Ladder's own module READMEs split, embedded in-process with MiniLM, stored in
 * memory and fused with BM25; a few questions answered with numbered citations.
 */
final class RagStep {
    static final String DOCS_FOLDER = "docs/";
    static final List<String> DOCS = List.of(
            "core/README.md", "reflection/README.md", "rag/README.md", "agent/README.md", "peft-client/README.md");
    static final List<String> QUESTIONS = List.of(
            "Which safety walls protect the database from a model's SQL?",
            "How are citations in an answer mapped back to passages?",
            "What does the LoRA rank control?");
    private static final int TOP = 3;
    private static final int CANDIDATES = 20;

    private final Optional<ChatModel> model;
    private final PrintStream out;
    private Retriever dense;
    private Retriever keywords;
    private Retriever hybrid;

    RagStep(Optional<ChatModel> model, PrintStream out) {
        this.model = model;
        this.out = out;
    }

    void run() {
        List<Document> documents = DOCS.stream()
                .map(name -> DocumentLoader.loadResource(DOCS_FOLDER + name, RagStep.class.getClassLoader()))
                .toList();
        out.println("Loading the embedding model all-MiniLM-L6-v2 (384 dimensions, ONNX Runtime, in-process)");
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            ingest(documents, embedder);
            for (String question : QUESTIONS) {
                ask(question);
            }
        }
    }

    private void ingest(List<Document> documents, MiniLmEmbedder embedder) {
        InMemoryVectorStore store = InMemoryVectorStore.create();
        Bm25Index index = Bm25Index.create();
        Ingestor ingestor = Ingestor.builder(embedder, store)
                .keywordIndex(index)
                .batchSize(16)
                .listener(this::progress)
                .build();
        List<Chunk> chunks = ingestor.ingest(documents);

        Table table = Table.of("document", "sections", "chunks", "characters");
        for (Document document : documents) {
            long count = chunks.stream()
                    .filter(chunk -> document.source().equals(chunk.metadata().get("source")))
                    .count();
            table.row(
                    shortSource(document.source()),
                    document.sections().size(),
                    count,
                    document.text().length());
        }
        out.print(table.render());
        out.println("Retriever: dense (cosine over MiniLM vectors) and BM25 keywords, fused by reciprocal rank");

        dense = DenseRetriever.of(embedder, store);
        keywords = index;
        hybrid = HybridRetriever.builder()
                .add(dense)
                .add(keywords)
                .candidates(CANDIDATES)
                .build();
    }

    private void progress(IngestProgress progress) {
        int done = (int) Math.round(progress.fraction() * 20);
        out.printf(
                Locale.ROOT,
                "  embedding [%s%s] %3d/%d chunks of %d documents%n",
                "#".repeat(done),
                ".".repeat(20 - done),
                progress.chunksStored(),
                progress.chunksTotal(),
                progress.documents());
    }

    private void ask(String question) {
        out.println();
        out.println("Q: " + question);
        List<Passage> passages = hybrid.retrieve(question, TOP);
        Map<String, Object> denseRanks = ranks(dense, question);
        Map<String, Object> keywordRanks = ranks(keywords, question);
        Table table = Table.of("#", "source > heading path", "fused score", "dense rank", "keyword rank");
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            table.row(
                    "[" + (i + 1) + "]",
                    location(passage),
                    String.format(Locale.ROOT, "%.4f", passage.score()),
                    denseRanks.getOrDefault(passage.id(), "-"),
                    keywordRanks.getOrDefault(passage.id(), "-"));
        }
        out.print(table.render());
        for (int i = 0; i < passages.size(); i++) {
            out.println("  [" + (i + 1) + "] \"" + snippet(passages.get(i).text()) + "\"");
        }
        model.ifPresent(chatModel -> answer(chatModel, question, passages));
    }

    private static Map<String, Object> ranks(Retriever retriever, String question) {
        Map<String, Object> ranks = new HashMap<>();
        List<Passage> ranked = retriever.retrieve(question, CANDIDATES);
        for (int i = 0; i < ranked.size(); i++) {
            ranks.put(ranked.get(i).id(), i + 1);
        }
        return ranks;
    }

    private void answer(ChatModel chatModel, String question, List<Passage> passages) {
        Answer answer = GroundedAnswerer.builder(chatModel, hybrid).build().answer(question, passages);
        if (!answer.answered()) {
            out.println("A: (no answer) " + answer.reason());
            return;
        }
        out.println("A (from the model): " + answer.text());
        for (Citation citation : answer.citations()) {
            Passage passage = citation.passage();
            out.println("   [" + citation.number() + "] " + location(passage));
        }
        if (answer.citations().isEmpty()) {
            out.println("   (the answer cites none of the passages)");
        }
        if (!answer.unknownCitations().isEmpty()) {
            out.println("   cited numbers it was never given: " + answer.unknownCitations());
        }
    }

    /**
     * Returns the passage's file and its heading path below the document's title (the title is the
     * file's first heading, so the file name already says it), such as
     * {@code reflection/README.md > Safety model}.
     */
    static String location(Passage passage) {
        String path = String.valueOf(passage.metadata().getOrDefault("headings", ""));
        int belowTitle = path.indexOf(" > ");
        String file = shortSource(passage.source());
        return belowTitle < 0 ? file : file + " > " + path.substring(belowTitle + 3);
    }

    private static String snippet(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 110 ? line : line.substring(0, 107) + "...";
    }

    /** Returns a document's path within the shipped docs folder, such as {@code agent/README.md}. */
    static String shortSource(String source) {
        String prefix = "classpath:" + DOCS_FOLDER;
        return source.startsWith(prefix) ? source.substring(prefix.length()) : source;
    }
}
