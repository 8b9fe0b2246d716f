package dev.ladder.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible endpoint that answers every chat completion with a response recorded
 * from the live API: the non-streaming body, or the 180-chunk stream when the request asks to
 * stream. Every library under test talks to it over real HTTP on loopback.
 */
public final class ReplayServer implements AutoCloseable {
    static {
        // Without it the JDK server delays small writes by ~40 ms (Nagle), swamping what is measured.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final byte[] response = Resources.bytes("recorded/chat_completion.json");
    private final byte[] stream = Resources.bytes("recorded/json_object_response_format.sse");

    private ReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/v1/chat/completions", this::chat);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "replay-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Starts a server on a free loopback port. */
    public static ReplayServer start() {
        try {
            return new ReplayServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the base URL clients are configured with, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Serves blocking calls and streams to a client in this JVM for {@code seconds}, so that the
     * server's code is compiled before any library is measured against it. Without it the library
     * measured first would pay for the server's warm-up.
     */
    public void warmUp(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        try (ChatClient client = ChatClient.create("raw", baseUrl())) {
            while (System.nanoTime() < end) {
                for (int i = 0; i < 20; i++) {
                    client.chat();
                }
                client.stream();
            }
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        boolean streaming =
                new String(request, StandardCharsets.UTF_8).replace(" ", "").contains("\"stream\":true");
        byte[] body = streaming ? stream : response;
        exchange.getResponseHeaders().set("Content-Type", streaming ? "text/event-stream" : "application/json");
        exchange.getResponseHeaders().set("x-request-id", "req_bench");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
