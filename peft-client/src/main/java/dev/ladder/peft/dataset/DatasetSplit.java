package dev.ladder.peft.dataset;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a JSONL dataset into a training and a validation file, deterministically: each example is
 * ranked by a SHA-256 hash of the seed and its text, and the lowest-ranked fraction goes to validation.
 * The same file and seed always give the same split on any machine, and adding examples moves few old
 * ones across. Lines keep their original order within each output. Blank lines are dropped.
 *
 * @param trainFile where the training examples were written.
 * @param validationFile where the validation examples were written.
 * @param trainCount the number of training examples.
 * @param validationCount the number of validation examples.
 */
public record DatasetSplit(Path trainFile, Path validationFile, int trainCount, int validationCount) {

    /** Validates the parts. */
    public DatasetSplit {
        Objects.requireNonNull(trainFile, "trainFile");
        Objects.requireNonNull(validationFile, "validationFile");
        if (trainCount < 0 || validationCount < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + trainCount + ", " + validationCount);
        }
    }

    /**
     * Splits {@code source} into {@code trainFile} and {@code validationFile}. Both outputs are written to
     * temporary files first and moved into place only when complete, so a failure leaves no half-written
     * output.
     *
     * @param validationFraction the share of examples for validation, above 0 and below 1; the count is
     *     rounded and kept between 1 and all but one example.
     * @param seed chooses the split; keep it to get the same split again.
     * @throws IllegalArgumentException if the fraction is out of range or the source has fewer than 2
     *     examples.
     * @throws UncheckedIOException if reading or writing fails.
     */
    public static DatasetSplit split(
            Path source, Path trainFile, Path validationFile, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validationFraction must be above 0 and below 1 but was " + validationFraction);
        }
        List<String> lines = read(source);
        if (lines.size() < 2) {
            throw new IllegalArgumentException(source + " has " + lines.size() + " examples: a split needs at least 2");
        }
        Set<Integer> validation = chooseValidation(lines, validationFraction, seed);
        List<String> train = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (validation.contains(i) ? valid : train).add(lines.get(i));
        }
        write(trainFile, train);
        write(validationFile, valid);
        return new DatasetSplit(trainFile, validationFile, train.size(), valid.size());
    }

    private static Set<Integer> chooseValidation(List<String> lines, double fraction, long seed) {
        int count = (int) Math.max(1, Math.min(lines.size() - 1, Math.round(lines.size() * fraction)));
        List<Integer> order = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
            keys.add(rank(seed, lines.get(i)) + String.format("%010d", i));
        }
        order.sort(Comparator.comparing(keys::get));
        return new HashSet<>(order.subList(0, count));
    }

    private static String rank(long seed, String line) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return java.util.HexFormat.of().formatHex(digest.digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static List<String> read(Path source) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + source + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path target, List<String> lines) {
        Path absolute = target.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(
                    absolute.getParent(), absolute.getFileName().toString(), ".part");
            try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    writer.write(line);
                    writer.write('\n');
                }
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
