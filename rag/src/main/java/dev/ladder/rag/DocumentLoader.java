package dev.ladder.rag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads text, Markdown and HTML documents from files, folders, classpath resources and classpath
 * folders. The format follows
 * the file extension (see {@link DocumentFormat#forFileName}); files are read as UTF-8.
 *
 * <p>Stateless and thread-safe.
 */
public final class DocumentLoader {

    /** The extensions {@link #loadFolder(Path)} picks up. */
    public static final Set<String> DEFAULT_EXTENSIONS =
            Set.of("txt", "text", "md", "markdown", "html", "htm", "xhtml");

    private DocumentLoader() {}

    /**
     * Loads one file; its source is the path as given.
     *
     * @throws UncheckedIOException if the file cannot be read or is not valid UTF-8; the message
     *     names the file.
     */
    public static Document loadFile(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads every file under {@code folder} (recursively) with one of {@link #DEFAULT_EXTENSIONS},
     * sorted by path so that the order is the same on every machine.
     *
     * @throws IllegalArgumentException if {@code folder} is not a directory.
     * @throws UncheckedIOException if a file cannot be read; nothing is returned then.
     */
    public static List<Document> loadFolder(Path folder) {
        return loadFolder(folder, DEFAULT_EXTENSIONS);
    }

    /**
     * Loads every file under {@code folder} (recursively) whose extension, compared without case,
     * is in {@code extensions} (given without the dot), sorted by path.
     *
     * @throws IllegalArgumentException if {@code folder} is not a directory.
     * @throws UncheckedIOException if a file cannot be read; nothing is returned then.
     */
    public static List<Document> loadFolder(Path folder, Set<String> extensions) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder + " (use loadFile for a single file)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> extensions.contains(extension(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
        List<Document> documents = new ArrayList<>(files.size());
        for (Path file : files) {
            documents.add(loadFile(file));
        }
        return documents;
    }

    /**
     * Loads a classpath resource through this class's class loader; its source is
     * {@code classpath:<name>}.
     *
     * @throws IllegalArgumentException if there is no such resource.
     * @throws UncheckedIOException if it cannot be read or is not valid UTF-8.
     */
    public static Document loadResource(String name) {
        return loadResource(name, DocumentLoader.class.getClassLoader());
    }

    /**
     * Loads a classpath resource through {@code classLoader}; its source is
     * {@code classpath:<name>}.
     *
     * @throws IllegalArgumentException if there is no such resource.
     * @throws UncheckedIOException if it cannot be read or is not valid UTF-8.
     */
    public static Document loadResource(String name, ClassLoader classLoader) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        String source = "classpath:" + path;
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource '" + path
                        + "': check the name and that its jar or folder is on the classpath");
            }
            return parse(source, path, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads every resource under the classpath folder {@code folder} (recursively, in a directory or
     * in a jar, across every classpath entry holding it) with one of {@link #DEFAULT_EXTENSIONS},
     * through this class's class loader, sorted by name. Each source is {@code classpath:<name>}.
     *
     * @throws IllegalArgumentException if the name is blank or no classpath entry holds the folder.
     * @throws UncheckedIOException if a resource cannot be read or is not valid UTF-8; nothing is
     *     returned then.
     */
    public static List<Document> loadResourceFolder(String folder) {
        return loadResourceFolder(folder, DocumentLoader.class.getClassLoader(), DEFAULT_EXTENSIONS);
    }

    /**
     * Loads every resource under the classpath folder {@code folder} through {@code classLoader}
     * whose extension, compared without case, is in {@code extensions}; see
     * {@link #loadResourceFolder(String)}.
     *
     * @throws IllegalArgumentException if the name is blank, no classpath entry holds the folder, or
     *     it lies neither in
     *     a directory nor in a jar (a jar nested in another jar, for instance).
     * @throws UncheckedIOException if a resource cannot be read or is not valid UTF-8.
     */
    public static List<Document> loadResourceFolder(String folder, ClassLoader classLoader, Set<String> extensions) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(extensions, "extensions");
        String path = folder.replaceAll("^/+|/+$", "");
        if (path.isBlank()) {
            throw new IllegalArgumentException(
                    "classpath folder '" + folder + "' names no folder: give one such as \"docs\"");
        }
        return ClasspathFolder.load(path, classLoader, extensions);
    }

    static Document parse(String source, String fileName, InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        String content;
        try {
            content = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8; convert it to UTF-8 first", e);
        }
        if (content.startsWith("\ufeff")) {
            content = content.substring(1);
        }
        return DocumentFormat.forFileName(fileName).parse(source, content);
    }

    static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
