package dev.ladder.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDatasetTest {

    @Test
    void readsCasesFromJsonLinesNamingThemByLineWhenIdIsAbsent(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("capitals.jsonl");
        Files.writeString(
                file,
                "{\"id\":\"fr\",\"input\":\"France\",\"expected\":\"Paris\"}\n\n" + "{\"input\":\"Tell a joke\"}\n");

        assertThat(EvalDataset.fromJsonl(file))
                .isEqualTo(new EvalDataset(
                        "capitals",
                        java.util.List.of(
                                EvalCase.of("fr", "France", "Paris"), new EvalCase("3", "Tell a joke", null, null))));
    }

    @Test
    void namesTheLineWithoutInput(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.jsonl");
        Files.writeString(file, "{\"input\":\"France\"}\n{\"question\":\"Italy\"}\n");

        assertThatThrownBy(() -> EvalDataset.fromJsonl(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 of " + file + " has no \"input\": give each case a string input");
    }

    @Test
    void rejectsTwoCasesWithTheSameId() {
        assertThatThrownBy(() -> EvalDataset.of(
                        "dupes", EvalCase.of("fr", "France", "Paris"), EvalCase.of("fr", "Francia", "Paris")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data set 'dupes' has two cases with id 'fr': make ids unique");
    }
}
