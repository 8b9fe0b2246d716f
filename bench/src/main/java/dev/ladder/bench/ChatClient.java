package dev.ladder.bench;

/**
 * One library's way of making the benchmarked calls, set up against the replay server. The returned
 * values are checked once before measuring, so every library is seen to do the same work.
 */
public interface ChatClient extends AutoCloseable {

    /** Sends one blocking chat completion and returns the answer text. */
    String chat();

    /** Streams one chat completion to its handler and returns how many text deltas arrived. */
    int stream();

    @Override
    default void close() {}

    /** Creates the client of {@code library} for the server at {@code baseUrl}. */
    static ChatClient create(String library, String baseUrl) {
        return switch (library) {
            case "raw" -> new RawOkHttpMoshiClient(baseUrl);
            case "ladder" -> new LadderClient(baseUrl);
            case "langchain4j" -> new LangChain4jClient(baseUrl);
            case "openai-java" -> new OpenAiJavaClient(baseUrl);
            default ->
                throw new IllegalArgumentException(
                        "unknown library '" + library + "': use raw, ladder, langchain4j or openai-java");
        };
    }
}
