package dev.ladder.rag.opensearch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real single-node OpenSearch 2.19 cluster running inside the test JVM, with the k-NN plugin
 * (lucene engine) loaded from the jars Maven unpacked from its zip. Started once per JVM, on free
 * ports, and stopped when the JVM exits.
 */
public final class EmbeddedOpenSearch {
    private static EmbeddedOpenSearch instance;

    private final Node node;
    private final int httpPort;

    private EmbeddedOpenSearch(Node node, int httpPort) {
        this.node = node;
        this.httpPort = httpPort;
    }

    /** Returns the running node, starting it on first use. */
    public static synchronized EmbeddedOpenSearch get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    /** Returns the node's HTTP URL. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    private static EmbeddedOpenSearch start() {
        try {
            Path home = Files.createTempDirectory("ladder-opensearch");
            int httpPort = freePort();
            Settings settings = Settings.builder()
                    .put("path.home", home.toString())
                    .put("cluster.name", "ladder-test")
                    .put("node.name", "ladder-test-node")
                    .put("discovery.type", "single-node")
                    .put("network.host", "127.0.0.1")
                    .put("http.port", httpPort)
                    .put("transport.port", freePort())
                    .put("http.type", "netty4")
                    .put("transport.type", "netty4")
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .build();
            Node node = new TestNode(
                    settings,
                    List.of(Netty4Plugin.class, PainlessPlugin.class, CommonAnalysisPlugin.class, knnPlugin()));
            node.start();
            return new EmbeddedOpenSearch(node, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NodeValidationException e) {
            throw new IllegalStateException("embedded OpenSearch failed its bootstrap checks", e);
        }
    }

    private static Class<? extends Plugin> knnPlugin() throws MalformedURLException {
        String dir = System.getProperty("ladder.opensearch.knn.dir", "target/opensearch-knn");
        File[] files = new File(dir).listFiles((d, name) -> name.endsWith(".jar") && !name.startsWith("slf4j-api"));
        if (files == null || files.length == 0) {
            throw new IllegalStateException("no k-NN plugin jars in " + dir
                    + ": run the tests through Maven, which unpacks org.opensearch.plugin:opensearch-knn there");
        }
        List<URL> urls = new ArrayList<>();
        for (File file : files) {
            urls.add(file.toURI().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), EmbeddedOpenSearch.class.getClassLoader());
        try {
            return Class.forName("org.opensearch.knn.plugin.KNNPlugin", true, loader)
                    .asSubclass(Plugin.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the jars in " + dir + " hold no k-NN plugin", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void close() {
        try {
            node.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exposes Node's constructor that takes plugin classes from the classpath. */
    private static final class TestNode extends Node {
        TestNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
            super(new Environment(settings, null), plugins, true);
        }
    }
}
