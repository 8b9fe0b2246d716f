package dev.ladder.bench;

/**
 * Makes one chat call with one library in a fresh JVM and exits: the process the cold-start
 * measurement times from launch to exit.
 */
public final class ColdStartMain {
    private ColdStartMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ColdStartMain <library> <baseUrl>");
        }
        String answer;
        try (ChatClient client = ChatClient.create(args[0], args[1])) {
            answer = client.chat();
        }
        // Exit explicitly: OkHttp's dispatcher threads would otherwise keep the JVM alive for a minute.
        System.exit(answer != null && answer.startsWith(ChatBenchmark.EXPECTED_ANSWER_PREFIX) ? 0 : 3);
    }
}
