package dev.ladder.rag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads the documents under a folder of the classpath, whether the folder lies in a directory or in
 * a jar, across every classpath entry that holds it; for a name found in two entries the first
 * wins, as in the class loader's own lookup. Documents come sorted by resource name.
 */
final class ClasspathFolder {

    private final String folder;
    private final Set<String> extensions;
    private final Map<String, Document> documents = new TreeMap<>();

    private ClasspathFolder(String folder, Set<String> extensions) {
        this.folder = folder;
        this.extensions = extensions;
    }

    static List<Document> load(String folder, ClassLoader classLoader, Set<String> extensions) {
        List<URL> roots;
        try {
            roots = Collections.list(classLoader.getResources(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up classpath folder '" + folder + "': " + e.getMessage(), e);
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no classpath folder '" + folder
                    + "': check the name and that its jar or folder is on the classpath");
        }
        ClasspathFolder loader = new ClasspathFolder(folder, extensions);
        roots.forEach(loader::loadRoot);
        return new ArrayList<>(loader.documents.values());
    }

    private void loadRoot(URL root) {
        try {
            switch (root.getProtocol()) {
                case "file" -> walk(Path.of(root.toURI()));
                case "jar" -> walkJar(root);
                default ->
                    throw new IllegalArgumentException("classpath folder '" + folder + "' lies at " + root
                            + ", neither a directory nor a jar: load its files one by one with loadResource");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath folder " + root + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("classpath folder '" + folder + "' lies at an unusable " + root, e);
        }
    }

    private void walkJar(URL root) throws IOException, URISyntaxException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        Path jar = Path.of(connection.getJarFileURL().toURI());
        // A file system of our own: opening the jar by URI could clash with one the application holds.
        try (FileSystem zip = FileSystems.newFileSystem(jar, (ClassLoader) null)) {
            walk(zip.getPath("/" + connection.getEntryName()));
        }
    }

    private void walk(Path top) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(top)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> extensions.contains(DocumentLoader.extension(path)))
                    .toList();
        }
        for (Path file : files) {
            String relative =
                    top.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String name = folder + "/" + relative;
            if (!documents.containsKey(name)) {
                try (InputStream in = Files.newInputStream(file)) {
                    documents.put(name, DocumentLoader.parse("classpath:" + name, name, in));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read classpath:" + name + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
