package dev.ladder.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks that the BOM, which has no parent so that importing it imposes nothing else, states the same
 * versions as the build: Ladder's own, and the OkHttp, Okio, Kotlin and Moshi versions that core runs
 * with. Without the Okio and Kotlin alignment Maven may pick Moshi's older Okio, and OkHttp fails at
 * run time.
 */
class BomAlignmentTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..");

    private final Document parent = read(ROOT.resolve("pom.xml"));
    private final Document bom = read(ROOT.resolve("bom/pom.xml"));

    @Test
    void statesTheRuntimeVersionsTheBuildUses() {
        for (String property : List.of("okhttp.version", "okio.version", "kotlin.version", "moshi.version")) {
            assertThat(property(bom, property)).as(property).isEqualTo(property(parent, property));
        }
    }

    @Test
    void givesLadderModulesTheBuildsVersion() {
        String version = text(parent.getDocumentElement(), "version");

        assertThat(property(bom, "ladder.version")).isEqualTo(version);
        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(version);
    }

    @Test
    void managesEveryPublishedModule() {
        List<String> published = new ArrayList<>();
        for (Element module : children(child(parent.getDocumentElement(), "modules"), "module")) {
            String name = module.getTextContent().strip();
            if (!List.of("bom", "examples", "bench").contains(name)) {
                published.add("dev.ladder:ladder-" + name);
            }
        }

        assertThat(managed(bom).keySet()).containsAll(published);
    }

    @Test
    void alignsOkHttpOkioAndKotlinForMaven() {
        Map<String, Element> managed = managed(bom);

        for (String artifact : List.of(
                "com.squareup.okhttp3:okhttp",
                "com.squareup.okhttp3:okhttp-jvm",
                "com.squareup.okhttp3:okhttp-sse",
                "com.squareup.moshi:moshi")) {
            assertThat(managed).as(artifact).containsKey(artifact);
        }
        for (String imported : List.of("com.squareup.okio:okio-bom", "org.jetbrains.kotlin:kotlin-bom")) {
            assertThat(managed).as(imported).containsKey(imported);
            assertThat(text(managed.get(imported), "scope")).as(imported).isEqualTo("import");
            assertThat(text(managed.get(imported), "type")).as(imported).isEqualTo("pom");
        }
    }

    private static Map<String, Element> managed(Document pom) {
        Element management = child(pom.getDocumentElement(), "dependencyManagement");
        Map<String, Element> managed = new LinkedHashMap<>();
        for (Element dependency : children(child(management, "dependencies"), "dependency")) {
            managed.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), dependency);
        }
        return managed;
    }

    private static String property(Document pom, String name) {
        return text(child(pom.getDocumentElement(), "properties"), name);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.isEmpty()) {
            throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
        }
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Document read(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new AssertionError("cannot read " + pom.normalize() + ": " + e, e);
        }
    }
}
