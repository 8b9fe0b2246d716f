package dev.ladder.peft.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSplitTest {
    @TempDir
    Path dir;

    private Path source;

    @BeforeEach
    void writeSource() throws IOException {
        source = dir.resolve("all.jsonl");
        Files.write(
                source,
                IntStream.range(0, 100).mapToObj(i -> "{\"n\": " + i + "}").toList());
    }

    @Test
    void putsTheRequestedShareIntoValidation() {
        DatasetSplit split = split(0.2, 7);

        assertThat(split.trainCount()).isEqualTo(80);
        assertThat(split.validationCount()).isEqualTo(20);
    }

    @Test
    void givesTheSameSplitForTheSameSeed() throws IOException {
        split(0.2, 7);
        List<String> first = Files.readAllLines(dir.resolve("valid.jsonl"));

        split(0.2, 7);

        assertThat(Files.readAllLines(dir.resolve("valid.jsonl"))).isEqualTo(first);
    }

    @Test
    void givesAnotherSplitForAnotherSeed() throws IOException {
        split(0.2, 7);
        List<String> first = Files.readAllLines(dir.resolve("valid.jsonl"));

        split(0.2, 8);

        assertThat(Files.readAllLines(dir.resolve("valid.jsonl"))).isNotEqualTo(first);
    }

    @Test
    void keepsEveryExampleExactlyOnceInOriginalOrder() throws IOException {
        split(0.3, 1);

        List<String> all = new ArrayList<>(Files.readAllLines(dir.resolve("train.jsonl")));
        all.addAll(Files.readAllLines(dir.resolve("valid.jsonl")));
        assertThat(all).containsExactlyInAnyOrderElementsOf(Files.readAllLines(source));
        assertThat(Files.readAllLines(dir.resolve("train.jsonl")))
                .isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
    }

    @Test
    void rejectsFractionOfOne() {
        assertThatThrownBy(() -> split(1.0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validationFraction must be above 0 and below 1 but was 1.0");
    }

    @Test
    void rejectsSourceWithOneExample() throws IOException {
        Files.writeString(source, "{\"n\": 1}\n");

        assertThatThrownBy(() -> split(0.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(source + " has 1 examples: a split needs at least 2");
    }

    private DatasetSplit split(double fraction, long seed) {
        return DatasetSplit.split(source, dir.resolve("train.jsonl"), dir.resolve("valid.jsonl"), fraction, seed);
    }

    private static int number(String line) {
        return Integer.parseInt(line.replaceAll("\\D", ""));
    }
}
