package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.Passage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryVectorStoreTest {

    private static InMemoryVectorStore threeChunks() {
        InMemoryVectorStore store = InMemoryVectorStore.create();
        store.upsert(
                List.of(
                        new Chunk("x", "east", Map.of("lang", "en", "year", 2020)),
                        new Chunk("y", "north", Map.of("lang", "de", "year", 2021)),
                        new Chunk("xy", "north-east", Map.of("lang", "en", "year", 2022))),
                List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1}));
        return store;
    }

    @Test
    void returnsTheNearestByCosineBestFirst() {
        List<Passage> found = threeChunks().search(new float[] {2, 0.1f}, 2, Filter.ALL);

        assertThat(found).extracting(Passage::id).containsExactly("x", "xy");
        assertThat(found.get(0).score()).isCloseTo(0.99875, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void searchesOnlyChunksPassingTheFilter() {
        List<Passage> found = threeChunks().search(new float[] {1, 0}, 3, Filter.eq("lang", "de"));

        assertThat(found).extracting(Passage::id).containsExactly("y");
    }

    @Test
    void replacesAChunkWithTheSameId() {
        InMemoryVectorStore store = threeChunks();

        store.upsert(List.of(Chunk.of("x", "west")), List.of(new float[] {-1, 0}));

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.search(new float[] {-1, 0}, 1, Filter.ALL))
                .extracting(Passage::text)
                .containsExactly("west");
    }

    @Test
    void deletesByIdAndIgnoresUnknownIds() {
        InMemoryVectorStore store = threeChunks();

        store.delete(List.of("x", "nope"));

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.search(new float[] {1, 0}, 3, Filter.ALL))
                .extracting(Passage::id)
                .containsExactly("xy", "y");
    }

    @Test
    void storesNothingWhenOneVectorOfABatchIsWrong() {
        InMemoryVectorStore store = threeChunks();

        assertThatThrownBy(() -> store.upsert(
                        List.of(Chunk.of("a", "ok"), Chunk.of("b", "bad")),
                        List.of(new float[] {1, 0}, new float[] {1, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vector of chunk 'b' has 3 dimensions, the store holds 2: embed every chunk with "
                        + "the same model");
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void rejectsAZeroVector() {
        assertThatThrownBy(() -> threeChunks().upsert(List.of(Chunk.of("z", "zero")), List.of(new float[] {0, 0})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vector of chunk 'z' is all zeros: cosine similarity needs a finite vector with a "
                        + "direction");
    }

    @Test
    void rejectsAQueryOfOtherDimensions() {
        assertThatThrownBy(() -> threeChunks().search(new float[] {1, 0, 0}, 1, Filter.ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query vector has 3 dimensions, the store holds 2: embed the query with the model "
                        + "used for the chunks");
    }

    @Test
    void savesAndLoadsChunksMetadataAndVectors(@TempDir Path dir) {
        Path file = dir.resolve("store.ldvs");
        InMemoryVectorStore store = threeChunks();
        store.upsert(
                List.of(new Chunk("t", "types", Map.of("l", 5L, "d", 0.5, "b", true))), List.of(new float[] {3, 4}));

        store.save(file);
        InMemoryVectorStore loaded = InMemoryVectorStore.load(file);

        assertThat(loaded.size()).isEqualTo(4);
        assertThat(loaded.get("xy")).isEqualTo(store.get("xy"));
        assertThat(loaded.get("t").orElseThrow().metadata()).isEqualTo(Map.of("l", 5L, "d", 0.5, "b", true));
        assertThat(loaded.vector("t").orElseThrow()).containsExactly(0.6f, 0.8f);
    }

    @Test
    void failsLoudlyOnAFileOfAnotherKind(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello world");

        assertThatThrownBy(() -> InMemoryVectorStore.load(file))
                .isInstanceOf(VectorStoreFileException.class)
                .hasMessage("vector store file " + file + " is not a Ladder vector store file (it does not start "
                        + "with \"LDVS\")");
    }

    @Test
    void failsLoudlyOnATruncatedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.ldvs");
        threeChunks().save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 27));

        assertThatThrownBy(() -> InMemoryVectorStore.load(file))
                .isInstanceOf(VectorStoreFileException.class)
                .hasMessage("vector store file " + file + " is truncated: it ends while reading the text of entry 0");
    }

    @Test
    void failsLoudlyOnAFlippedByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.ldvs");
        threeChunks().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 12] ^= 0x01;
        Files.write(file, bytes);

        assertThatThrownBy(() -> InMemoryVectorStore.load(file))
                .isInstanceOf(VectorStoreFileException.class)
                .hasMessageStartingWith("vector store file " + file + " is corrupt: checksum mismatch (stored ");
    }

    @Test
    void failsLoudlyOnAnUnknownVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.ldvs");
        threeChunks().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[7] = 9;
        Files.write(file, bytes);

        assertThatThrownBy(() -> InMemoryVectorStore.load(file))
                .isInstanceOf(VectorStoreFileException.class)
                .hasMessage("vector store file " + file + " has format version 9, this Ladder reads version 1: "
                        + "save it again with a matching Ladder version");
    }

    @Test
    void parallelScanFindsWhatASequentialScanFinds() {
        Random random = new Random(7);
        List<float[]> vectors = randomVectors(random, 20_000, 16);
        InMemoryVectorStore store = storeOf(InMemoryVectorStore.builder(), vectors);
        float[] query = randomVectors(random, 1, 16).get(0);

        List<String> expected = bruteForce(vectors, query, 10);

        assertThat(store.search(query, 10, Filter.ALL)).extracting(Passage::id).containsExactlyElementsOf(expected);
    }

    @Test
    void quantizedSearchRecallsWhatExactSearchFinds() {
        Random random = new Random(11);
        List<float[]> vectors = randomVectors(random, 5_000, 64);
        InMemoryVectorStore exact = storeOf(InMemoryVectorStore.builder(), vectors);
        InMemoryVectorStore quantized = storeOf(InMemoryVectorStore.builder().quantized(true), vectors);
        int found = 0;
        for (float[] query : randomVectors(random, 50, 64)) {
            List<Passage> truth = exact.search(query, 10, Filter.ALL);
            List<Passage> approximate = quantized.search(query, 10, Filter.ALL);
            found += (int) approximate.stream()
                    .filter(p -> truth.stream().anyMatch(t -> t.id().equals(p.id())))
                    .count();
        }

        assertThat(found / 500.0).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void servesConcurrentReadersAndWriters() throws Exception {
        InMemoryVectorStore store = InMemoryVectorStore.create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int writer = t;
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    store.upsert(List.of(Chunk.of(writer + "-" + i, "")), List.of(new float[] {1, i}));
                    assertThat(store.search(new float[] {1, 1}, 5, Filter.ALL)).isNotEmpty();
                }
            }));
        }
        for (Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(store.size()).isEqualTo(2000);
    }

    @Test
    void quantizedSearchFollowsDeletesAndReplacements() {
        Random random = new Random(13);
        List<float[]> vectors = randomVectors(random, 6_000, 32);
        InMemoryVectorStore exact = storeOf(InMemoryVectorStore.builder(), vectors);
        InMemoryVectorStore quantized =
                storeOf(InMemoryVectorStore.builder().quantized(true).rescoreCandidates(200), vectors);
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i += 2) {
            gone.add("v" + i);
        }
        List<Chunk> replaced = List.of(Chunk.of("v1", "moved"), Chunk.of("v5999", "moved too"));
        List<float[]> moved = randomVectors(random, 2, 32);

        for (InMemoryVectorStore store : List.of(exact, quantized)) {
            store.delete(gone);
            store.upsert(replaced, moved);
        }

        assertThat(quantized.size()).isEqualTo(3_000);
        for (float[] query :
                List.of(moved.get(0), moved.get(1), randomVectors(random, 1, 32).get(0))) {
            assertThat(quantized.search(query, 5, Filter.ALL))
                    .extracting(Passage::id)
                    .containsExactlyElementsOf(exact.search(query, 5, Filter.ALL).stream()
                            .map(Passage::id)
                            .toList());
        }
    }

    @Test
    void aSearchSeesABatchWhollyOrNotAtAll() throws Exception {
        InMemoryVectorStore store = InMemoryVectorStore.create();
        store.upsert(List.of(Chunk.of("seed", "")), List.of(new float[] {0, 1}));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> writer = pool.submit(() -> {
            for (int i = 0; i < 2_000; i++) {
                List<Chunk> pair = List.of(Chunk.of("a" + i, ""), Chunk.of("b" + i, ""));
                store.upsert(pair, List.of(new float[] {1, 0}, new float[] {1, 0}));
                store.delete(List.of("a" + i, "b" + i));
            }
        });
        Future<?> reader = pool.submit(() -> {
            while (!writer.isDone()) {
                List<Passage> found = store.search(new float[] {1, 0}, 3, Filter.ALL);
                assertThat(found.size()).isIn(1, 3);
                assertThat(store.size()).isIn(1, 3);
            }
        });
        writer.get(60, TimeUnit.SECONDS);
        reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(store.size()).isEqualTo(1);
    }

    private static InMemoryVectorStore storeOf(InMemoryVectorStore.Builder builder, List<float[]> vectors) {
        InMemoryVectorStore store = builder.build();
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            chunks.add(Chunk.of("v" + i, ""));
        }
        store.upsert(chunks, vectors);
        return store;
    }

    private static List<String> bruteForce(List<float[]> vectors, float[] query, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(cosine(vectors.get(b), query), cosine(vectors.get(a), query)));
        return order.subList(0, k).stream().map(i -> "v" + i).toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static List<float[]> randomVectors(Random random, int n, int dims) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[dims];
            for (int d = 0; d < dims; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(v);
        }
        return vectors;
    }
}
