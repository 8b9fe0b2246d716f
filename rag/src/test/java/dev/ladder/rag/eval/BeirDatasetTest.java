package dev.ladder.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.rag.Bm25Index;
import dev.ladder.rag.Chunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {

    private static Path tiny() throws Exception {
        return Path.of(BeirDatasetTest.class.getResource("/beir-tiny").toURI());
    }

    @Test
    void loadsCorpusJudgedQueriesAndQrels() throws Exception {
        BeirDataset data = BeirDataset.load(tiny());

        assertThat(data.corpus()).hasSize(4);
        assertThat(data.corpus().get("d3"))
                .isEqualTo(new BeirDocument("d3", "Bones", "Calcium and vitamin D supplements reduce fractures."));
        assertThat(data.queries()).containsOnlyKeys("q1", "q2");
        assertThat(data.qrels()).isEqualTo(Map.of("q1", Map.of("d3", 1, "d1", 1), "q2", Map.of("d2", 1)));
    }

    @Test
    void evaluatesARetrieverOverTheJudgedQueries() throws Exception {
        BeirDataset data = BeirDataset.load(tiny());
        Bm25Index index = Bm25Index.create();
        data.corpus().values().forEach(d -> index.upsert(List.of(Chunk.of(d.id(), d.fullText()))));

        RetrievalReport report = RetrievalEvaluator.evaluate(data, index, 10);

        assertThat(report.queries()).isEqualTo(2);
        assertThat(report.recallAtK()).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat(report.mrrAt10()).isCloseTo(1.0, Offset.offset(1e-12));
    }

    @Test
    void namesTheMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> BeirDataset.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing " + dir.resolve("qrels").resolve("test.tsv")
                        + ": a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv");
    }

    @Test
    void namesTheMalformedLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1 d1 1\n");

        assertThatThrownBy(() -> BeirDataset.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("qrels/test.tsv") + " line 2: expected query-id, corpus-id and score "
                        + "separated by tabs, got 'q1 d1 1'");
    }
}
