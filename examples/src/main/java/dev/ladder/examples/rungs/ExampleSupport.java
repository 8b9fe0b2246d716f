package dev.ladder.examples.rungs;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.Message;
import dev.ladder.core.SystemMessage;
import dev.ladder.core.ToolCall;
import dev.ladder.core.ToolResultMessage;
import dev.ladder.core.UserMessage;
import dev.ladder.rag.Document;
import dev.ladder.rag.DocumentLoader;
import dev.ladder.reflection.sql.QueryResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the rung examples share: resources as files, and how rows and messages print. */
final class ExampleSupport {
    static final String CHINOOK = "chinook/Chinook_Sqlite.sqlite";
    private static final Pattern README = Pattern.compile("README.*\\.md");

    private ExampleSupport() {}

    /** Copies the Chinook database to a temporary file, so the examples never touch the shipped one. */
    static Path chinookCopy() {
        return resourceCopy(CHINOOK);
    }

    /**
     * Copies the classpath resource {@code name} under its own file name into a new temporary folder;
     * both are deleted when the JVM exits.
     *
     * @throws IllegalArgumentException if there is no such resource.
     */
    static Path resourceCopy(String name) {
        try (InputStream in = ExampleSupport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource '" + name
                        + "': build the examples module so that its resources are on the classpath");
            }
            Path folder = Files.createTempDirectory("ladder-");
            folder.toFile().deleteOnExit();
            Path copy = folder.resolve(name.substring(name.lastIndexOf('/') + 1));
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy resource " + name + " to a temporary file", e);
        }
    }

    /** Returns the text of the classpath resource {@code name}, read as UTF-8. */
    static String resourceText(String name) {
        try {
            return Files.readString(resourceCopy(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** Returns the classpath folder {@code name} as a path (inside its jar if need be), or empty. */
    static Optional<Path> classpathFolder(String name) {
        URL url = ExampleSupport.class.getClassLoader().getResource(name);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // another caller opened the jar; Path.of(uri) finds its file system
                }
            }
            Path folder = Path.of(uri);
            return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open classpath folder " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the README files of the Ladder repository that {@code directory} is in: the root's and
     * each module's.
     *
     * @throws IllegalArgumentException if {@code directory} is not inside the repository.
     */
    static List<Document> repositoryReadmes(Path directory) {
        for (Path root = directory.toAbsolutePath(); root != null; root = root.getParent()) {
            if (Files.isRegularFile(root.resolve("core/README.md"))) {
                try (Stream<Path> files = Files.find(
                        root,
                        2,
                        (file, attributes) ->
                                README.matcher(file.getFileName().toString()).matches())) {
                    return files.sorted().map(DocumentLoader::loadFile).toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list the README files under " + root, e);
                }
            }
        }
        throw new IllegalArgumentException(directory.toAbsolutePath()
                + " is not inside the Ladder repository, so it has no README files to index: pass a folder of"
                + " Markdown files");
    }

    /** Renders up to {@code limit} rows: cells joined by ", ", rows by "; ", numbers to 2 decimals. */
    static String rows(QueryResult result, int limit) {
        String text = result.rows().stream()
                .limit(limit)
                .map(row -> row.stream().map(ExampleSupport::cell).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        int more = result.rows().size() - limit;
        return more > 0 ? text + "; ... " + more + " more rows" : text;
    }

    private static String cell(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue())
                    .setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value);
    }

    /** Renders a message as one line per turn, role first, tool calls with their arguments. */
    static String turn(Message message) {
        if (message instanceof SystemMessage system) {
            return "system: " + system.text();
        }
        if (message instanceof UserMessage user) {
            return "user: " + user.text();
        }
        if (message instanceof ToolResultMessage result) {
            return (result.error() ? "tool error: " : "tool result: ") + result.content();
        }
        AssistantMessage assistant = (AssistantMessage) message;
        if (!assistant.hasToolCalls()) {
            return "assistant: " + assistant.text();
        }
        return "assistant calls " + calls(assistant.toolCalls());
    }

    /** Renders tool calls as {@code name(arguments)}, comma-separated. */
    static String calls(List<ToolCall> calls) {
        return calls.stream().map(c -> c.name() + "(" + c.arguments() + ")").collect(Collectors.joining(", "));
    }
}
