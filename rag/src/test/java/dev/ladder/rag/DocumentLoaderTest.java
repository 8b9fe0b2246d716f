package dev.ladder.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLoaderTest {

    private static Path docs() throws URISyntaxException {
        return Path.of(DocumentLoaderTest.class.getResource("/docs").toURI());
    }

    @Test
    void loadsMarkdownSectionsWithTheirHeadingPath() throws Exception {
        Document document = DocumentLoader.loadFile(docs().resolve("intro.md"));

        assertThat(document.sections())
                .extracting(Document.Section::headings)
                .containsExactly(
                        List.of("Ladder"), List.of("Ladder", "Install"), List.of("Ladder", "Use", "Retrieval"));
        assertThat(document.metadata()).containsEntry("format", "markdown");
    }

    @Test
    void keepsHashLinesInsideFencedCodeAsText() throws Exception {
        Document document = DocumentLoader.loadFile(docs().resolve("intro.md"));

        assertThat(document.sections().get(1).text()).contains("# not a heading: a comment in a shell script");
    }

    @Test
    void loadsAFolderRecursivelyByExtensionInPathOrder() throws Exception {
        List<Document> documents = DocumentLoader.loadFolder(docs());

        assertThat(documents)
                .extracting(d -> docs().relativize(Path.of(d.source())).toString())
                .containsExactly("guide/notes.txt", "guide/page.html", "intro.md");
    }

    @Test
    void loadsOnlyTheGivenExtensions() throws Exception {
        List<Document> documents = DocumentLoader.loadFolder(docs(), Set.of("csv"));

        assertThat(documents).singleElement().extracting(Document::text).isEqualTo("ignored by extension\n");
    }

    @Test
    void loadsAClasspathResourceNamedByItsPath() {
        Document document = DocumentLoader.loadResource("docs/guide/notes.txt");

        assertThat(document.source()).isEqualTo("classpath:docs/guide/notes.txt");
        assertThat(document.text()).isEqualTo("Plain text notes.\n\nSecond paragraph.\n");
    }

    @Test
    void loadsAClasspathFolderFromDirectoriesAndJarsInNameOrder(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("more-docs.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Directory entries, as Maven's jar plugin writes them: class loaders find folders by them.
            addEntry(out, "docs/", "");
            addEntry(out, "docs/extra/", "");
            addEntry(out, "docs/extra/faq.md", "# FAQ\n\nAsk away.");
            addEntry(out, "docs/intro.md", "shadowed by the copy in the directory that comes first");
            addEntry(out, "other/skipped.txt", "not in the folder");
        }
        URL[] path = {docs().getParent().toUri().toURL(), jar.toUri().toURL()};

        List<Document> documents;
        try (URLClassLoader loader = new URLClassLoader(path, null)) {
            documents = DocumentLoader.loadResourceFolder("/docs/", loader, DocumentLoader.DEFAULT_EXTENSIONS);
        }

        assertThat(documents)
                .extracting(Document::source)
                .containsExactly(
                        "classpath:docs/extra/faq.md",
                        "classpath:docs/guide/notes.txt",
                        "classpath:docs/guide/page.html",
                        "classpath:docs/intro.md");
        assertThat(documents.get(0).sections()).containsExactly(new Document.Section(List.of("FAQ"), "Ask away."));
        assertThat(documents.get(3).text()).startsWith("Ladder is a Java library");
    }

    @Test
    void loadsAClasspathFolderThroughItsOwnClassLoader() {
        assertThat(DocumentLoader.loadResourceFolder("docs/guide"))
                .extracting(Document::source)
                .contains("classpath:docs/guide/notes.txt", "classpath:docs/guide/page.html")
                .doesNotContain("classpath:docs/guide/data.csv");
    }

    @Test
    void namesAMissingClasspathFolder() {
        assertThatThrownBy(() -> DocumentLoader.loadResourceFolder("no/such/folder"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no classpath folder 'no/such/folder': check the name and that its jar or folder is on "
                        + "the classpath");
    }

    @Test
    void namesAMissingClasspathResource() {
        assertThatThrownBy(() -> DocumentLoader.loadResource("docs/missing.md"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no classpath resource 'docs/missing.md': check the name and that its jar or "
                        + "folder is on the classpath");
    }

    @Test
    void rejectsAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9});

        assertThatThrownBy(() -> DocumentLoader.loadFile(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read document " + file + ": not valid UTF-8; convert it to UTF-8 first");
    }

    @Test
    void rejectsAFileWhereAFolderIsExpected() throws Exception {
        Path file = docs().resolve("intro.md");

        assertThatThrownBy(() -> DocumentLoader.loadFolder(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a folder: " + file + " (use loadFile for a single file)");
    }

    private static void addEntry(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
