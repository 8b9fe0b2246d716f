package dev.ladder.core.openai;

import static dev.ladder.core.openai.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    private final MockWebServer server = new MockWebServer();
    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = OpenAiClient.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(TestData.KEY)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private float[] embedRecorded(String file, OpenAiEmbedder.Encoding encoding) {
        server.enqueue(TestData.jsonResponse(200, TestData.text("openai-node/" + file)));
        return client.embedder("text-embedding-3-large").withEncoding(encoding).embed("hello");
    }

    @Test
    void decodesBase64AndFloatEmbeddingsToTheSameVector() {
        float[] base64 = embedRecorded("embeddings-base64-response.json", OpenAiEmbedder.Encoding.BASE64);
        float[] floats = embedRecorded("embeddings-float-response.json", OpenAiEmbedder.Encoding.FLOAT);

        assertThat(base64).hasSize(256);
        assertThat(base64).containsExactly(floats);
    }

    @Test
    void asksForTheEncodingAndDimensionsInTheSpecsFieldNames() throws Exception {
        server.enqueue(TestData.jsonResponse(200, TestData.text("openai-node/embeddings-base64-response.json")));

        client.embedder("text-embedding-3-large").withDimensions(256).embed("hello");

        Map<String, Object> body =
                object(TestData.tree(server.takeRequest().getBody().utf8()));
        assertThat(body)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "model",
                        "text-embedding-3-large",
                        "input",
                        List.of("hello"),
                        "encoding_format",
                        "base64",
                        "dimensions",
                        256.0));
    }

    @Test
    void splitsALargeBatchAndKeepsTheOrderOfTheTexts() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return TestData.jsonResponse(200, reversedLengths(request));
            }
        });

        List<float[]> vectors = client.embedder("e")
                .withBatchSize(2)
                .withEncoding(OpenAiEmbedder.Encoding.FLOAT)
                .embed(List.of("a", "bb", "ccc", "dddd", "eeeee"));

        assertThat(vectors.stream().map(v -> v[0]).toList()).containsExactly(1f, 2f, 3f, 4f, 5f);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void rejectsAnEmptyTextNamingItsPosition() {
        OpenAiEmbedder embedder = client.embedder("e");

        assertThatThrownBy(() -> embedder.embed(List.of("a", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text 1 is empty: the embeddings API rejects it; remove it or give it content");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rejectsABatchSizeAboveTheApiLimit() {
        OpenAiEmbedder embedder = client.embedder("e");

        assertThatThrownBy(() -> embedder.withBatchSize(4096))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be between 1 and 2048, was 4096");
    }

    @Test
    void sendsNoRequestForNoTexts() {
        assertThat(client.embedder("e").embed(List.of())).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    /** Answers with each input's length as its one-value vector, listing the items in reverse order. */
    private static String reversedLengths(RecordedRequest request) {
        List<?> inputs =
                (List<?>) object(TestData.tree(request.getBody().utf8())).get("input");
        StringBuilder data = new StringBuilder();
        for (int i = inputs.size() - 1; i >= 0; i--) {
            data.append(data.length() == 0 ? "" : ",")
                    .append("{\"object\":\"embedding\",\"index\":")
                    .append(i)
                    .append(",\"embedding\":[")
                    .append(((String) inputs.get(i)).length())
                    .append(".0]}");
        }
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"e\",\"usage\":{\"prompt_tokens\":1,"
                + "\"total_tokens\":1}}";
    }
}
