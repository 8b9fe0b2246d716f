package dev.ladder.reflection.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The Chinook SQLite database and Spider questions from the test resources. */
final class Chinook {
    private Chinook() {}

    /** Returns a writable copy of Chinook in {@code dir}, so that only the walls keep it unchanged. */
    static Path copy(Path dir) {
        try {
            Path copy = dir.resolve("chinook.sqlite");
            Files.copy(resource("chinook/Chinook_Sqlite.sqlite"), copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().setWritable(true);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path spiderQuestions() {
        return resource("spider-chinook/chinook_1_train_questions.json");
    }

    static Path resource(String name) {
        try {
            return Path.of(Chinook.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
