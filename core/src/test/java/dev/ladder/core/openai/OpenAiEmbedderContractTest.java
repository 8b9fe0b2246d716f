package dev.ladder.core.openai;

import static dev.ladder.core.openai.TestData.array;
import static dev.ladder.core.openai.TestData.object;

import dev.ladder.core.Embedder;
import dev.ladder.core.conformance.EmbedderContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * Runs the embedder contract on the OpenAI client, in both wire encodings, against a server that
 * answers in the shape of the embeddings response recorded from the live API.
 *
 * <p>Only one vector was recorded, and the contract needs a different one for each text; the server
 * therefore answers each text with the recorded vector rotated by a number of components that
 * depends on the text, so equal texts get equal vectors and different texts distant ones.
 */
class OpenAiEmbedderContractTest extends EmbedderContract {
    private static final Map<String, Object> BASE64 =
            object(TestData.tree(TestData.text("openai-node/embeddings-base64-response.json")));
    private static final Map<String, Object> FLOAT =
            object(TestData.tree(TestData.text("openai-node/embeddings-float-response.json")));

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new RecordedShape());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected Embedder embedder() {
        return client().embedder((String) BASE64.get("model"));
    }

    private OpenAiClient client() {
        return OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(TestData.KEY)
                .build();
    }

    /** The same contract with vectors sent as lists of JSON numbers. */
    @Nested
    class FloatEncoding extends EmbedderContract {

        @Override
        protected Embedder embedder() {
            return client().embedder((String) FLOAT.get("model")).withEncoding(OpenAiEmbedder.Encoding.FLOAT);
        }
    }

    /** Answers an embeddings request in the recorded response's shape and encoding, one vector per input. */
    private static final class RecordedShape extends Dispatcher {

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            Map<String, Object> body = object(TestData.tree(request.getBody().utf8()));
            boolean base64 = "base64".equals(body.get("encoding_format"));
            Map<String, Object> recorded = base64 ? BASE64 : FLOAT;
            List<Object> data = new ArrayList<>();
            List<Object> inputs = array(body.get("input"));
            for (int i = 0; i < inputs.size(); i++) {
                Map<String, Object> item =
                        new LinkedHashMap<>(object(array(recorded.get("data")).get(0)));
                item.put("index", i);
                item.put("embedding", rotated(item.get("embedding"), shift((String) inputs.get(i))));
                data.add(item);
            }
            Map<String, Object> response = new LinkedHashMap<>(recorded);
            response.put("data", data);
            return TestData.jsonResponse(200, TestData.json(response));
        }

        private static int shift(String text) {
            return Math.floorMod(text.hashCode(), 256);
        }

        private static Object rotated(Object embedding, int shift) {
            if (embedding instanceof String text) {
                byte[] bytes = ByteString.decodeBase64(text).toByteArray();
                byte[] turned = new byte[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    turned[i] = bytes[Math.floorMod(i + 4 * shift, bytes.length)];
                }
                return ByteString.of(turned).base64();
            }
            List<Object> values = array(embedding);
            List<Object> turned = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                turned.add(values.get(Math.floorMod(i + shift, values.size())));
            }
            return turned;
        }
    }
}
