package dev.ladder.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Sequential blocking chat calls and whole streams against the replay server, one library per
 * parameter value. Run it with JMH's GC profiler to get bytes allocated per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChatBenchmark {
    /** The answer text of the recorded non-streaming response. */
    static final String EXPECTED_ANSWER_PREFIX = "I'm unable to provide real-time weather updates.";

    /** The system property that points the benchmark at a replay server in another JVM. */
    static final String SERVER_URL = "ladder.bench.url";

    @Param({"raw", "ladder", "langchain4j", "openai-java"})
    public String library;

    private ReplayServer server;
    private ChatClient client;

    @Setup(Level.Trial)
    public void start() {
        // RunAll serves from its own JVM, so the server's allocations don't count against the client.
        String url = System.getProperty(SERVER_URL);
        if (url == null) {
            server = ReplayServer.start();
            url = server.baseUrl();
        }
        client = ChatClient.create(library, url);
        String answer = client.chat();
        if (answer == null || !answer.startsWith(EXPECTED_ANSWER_PREFIX)) {
            throw new IllegalStateException(library + " returned an unexpected answer: " + answer);
        }
        int deltas = client.stream();
        if (deltas < 170) {
            throw new IllegalStateException(library + " delivered only " + deltas + " text deltas of the stream");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Benchmark
    public String chat() {
        return client.chat();
    }

    @Benchmark
    public int stream() {
        return client.stream();
    }
}
