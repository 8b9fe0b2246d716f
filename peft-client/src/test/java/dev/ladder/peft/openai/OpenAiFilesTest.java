package dev.ladder.peft.openai;

import static dev.ladder.peft.testing.Payloads.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.ServerException;
import dev.ladder.peft.UploadedFile;
import dev.ladder.peft.testing.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiFilesTest {
    private static final String DATA = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n";

    private final MockWebServer server = new MockWebServer();
    private OpenAiFineTuning client;

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = OpenAiServer.client(server);
        file = dir.resolve("mydata.jsonl");
        Files.writeString(file, DATA);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void uploadsFileAsMultipartWithPurpose() throws Exception {
        server.enqueue(ok("openai-openapi/file.json"));

        UploadedFile uploaded = client.upload(file);

        assertThat(uploaded)
                .isEqualTo(new UploadedFile(
                        "file-abc123", "mydata.jsonl", 120000, "fine-tune", Instant.ofEpochSecond(1677610602)));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/files");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-key");
        String body = request.getBody().utf8();
        assertThat(body).contains("name=\"purpose\"\r\n\r\nfine-tune\r\n");
        assertThat(body).contains("name=\"file\"; filename=\"mydata.jsonl\"").contains(DATA);
    }

    @Test
    void uploadsInPartsThenCompletesWithPartIdsAndMd5() throws Exception {
        server.enqueue(ok("openai-openapi/upload-create.json"));
        server.enqueue(ok("openai-openapi/upload-part.json"));
        server.enqueue(ok("openai-openapi/upload-part.json"));
        server.enqueue(ok("openai-openapi/upload-part.json"));
        server.enqueue(ok("openai-openapi/upload-complete.json"));

        UploadedFile uploaded = client.uploadInParts(file, "fine-tune", 20);

        assertThat(uploaded.id()).isEqualTo("file-xyz321");
        assertThat(Payloads.parse(server.takeRequest().getBody()))
                .isEqualTo(Map.of(
                        "purpose", "fine-tune",
                        "filename", "mydata.jsonl",
                        "bytes", (double) DATA.length(),
                        "mime_type", "text/jsonl"));
        for (int i = 0; i < 3; i++) {
            RecordedRequest part = server.takeRequest();
            assertThat(part.getUrl().encodedPath()).isEqualTo("/v1/uploads/upload_abc123/parts");
            assertThat(part.getBody().utf8()).contains("name=\"data\"");
        }
        RecordedRequest complete = server.takeRequest();
        assertThat(complete.getUrl().encodedPath()).isEqualTo("/v1/uploads/upload_abc123/complete");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
        assertThat(Payloads.parse(complete.getBody()))
                .isEqualTo(Map.of("part_ids", List.of("part_def456", "part_def456", "part_def456"), "md5", md5));
    }

    @Test
    void cancelsTheUploadWhenAPartFails() throws Exception {
        server.enqueue(ok("openai-openapi/upload-create.json"));
        server.enqueue(Payloads.json(500, "{\"error\": {\"message\": \"boom\", \"type\": \"server_error\"}}"));
        server.enqueue(ok("openai-openapi/upload-cancel.json"));

        assertThatThrownBy(() -> client.uploadInParts(file, "fine-tune", 1024)).isInstanceOf(ServerException.class);

        server.takeRequest();
        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/uploads/upload_abc123/cancel");
    }

    @Test
    void rejectsPartsLargerThan64Megabytes() {
        assertThatThrownBy(() -> client.uploadInParts(file, "fine-tune", OpenAiFineTuning.MAX_PART_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partBytes must be from 1 to 67108864 but was 67108865");
    }

    @Test
    void cancelsAnUpload() throws Exception {
        server.enqueue(ok("openai-openapi/upload-cancel.json"));

        client.cancelUpload("upload_abc123");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/uploads/upload_abc123/cancel");
    }

    @Test
    void listsFiles() throws Exception {
        server.enqueue(ok("openai-openapi/files-list.json"));

        List<UploadedFile> files =
                StreamSupport.stream(client.files().spliterator(), false).toList();

        assertThat(files).extracting(UploadedFile::id).containsExactly("file-abc123", "file-abc456");
        assertThat(server.takeRequest().getUrl().query()).isEqualTo("limit=100");
    }

    @Test
    void retrievesFile() throws Exception {
        server.enqueue(ok("openai-openapi/file-retrieve.json"));

        assertThat(client.file("file-abc123").filename()).isEqualTo("mydata.jsonl");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/files/file-abc123");
    }

    @Test
    void deletesFile() throws Exception {
        server.enqueue(ok("openai-openapi/file-delete.json"));

        assertThat(client.deleteFile("file-abc123")).isTrue();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/files/file-abc123");
    }

    @Test
    void downloadsFileContentAsBytes() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().body(DATA).build());

        assertThat(new String(client.content("file-abc123"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(DATA);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/files/file-abc123/content");
    }

    @Test
    void rejectsIdWithSlash() {
        assertThatThrownBy(() -> client.file("../models"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fileId '../models' is not a valid id: it must be non-blank and have no '/'");
    }
}
