package dev.ladder.peft.openai;

import dev.ladder.core.LadderException;
import dev.ladder.core.http.HttpTransport;
import dev.ladder.peft.UploadedFile;
import dev.ladder.peft.internal.JsonObject;
import dev.ladder.peft.internal.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a large file through OpenAI's Uploads API: create an upload, add the file in parts, complete it
 * with the part ids and the file's MD5. A failure cancels the upload, so no half-finished upload is left
 * pending. Thread-safe; each call uses its own state.
 */
final class OpenAiUploads {
    private static final Logger log = LoggerFactory.getLogger(OpenAiUploads.class);
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");

    private final HttpTransport transport;

    OpenAiUploads(HttpTransport transport) {
        this.transport = transport;
    }

    UploadedFile upload(Path file, String purpose, int partBytes) {
        long size = size(file);
        JsonObject upload = create(file, purpose, size);
        String id = upload.string("id");
        log.debug("created upload {} for {} ({} bytes)", id, file, size);
        try {
            return complete(id, sendParts(id, file, partBytes));
        } catch (LadderException | UncheckedIOException e) {
            cancelAfter(id, e);
            throw e;
        }
    }

    private JsonObject create(Path file, String purpose, long size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purpose", purpose);
        body.put("filename", file.getFileName().toString());
        body.put("bytes", size);
        body.put("mime_type", file.toString().endsWith(".jsonl") ? "text/jsonl" : "application/octet-stream");
        return Wire.object(
                transport,
                transport
                        .post("uploads", Wire.body(body))
                        .operation("create upload")
                        .build(),
                "upload");
    }

    private Parts sendParts(String id, Path file, int partBytes) {
        MessageDigest md5 = md5();
        List<String> partIds = new ArrayList<>();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
            byte[] part;
            while ((part = in.readNBytes(partBytes)).length > 0) {
                partIds.add(sendPart(id, part, partIds.size() + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " for upload " + id + ": " + e.getMessage(), e);
        }
        return new Parts(partIds, HexFormat.of().formatHex(md5.digest()));
    }

    private String sendPart(String id, byte[] part, int number) {
        RequestBody form = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("data", "part-" + number, RequestBody.create(part, OCTETS))
                .build();
        return Wire.object(
                        transport,
                        transport
                                .post("uploads/" + id + "/parts", form)
                                .operation("add upload part")
                                .build(),
                        "upload part")
                .string("id");
    }

    private UploadedFile complete(String id, Parts parts) {
        Map<String, Object> body = Map.of("part_ids", parts.ids(), "md5", parts.md5());
        JsonObject upload = Wire.object(
                transport,
                transport
                        .post("uploads/" + id + "/complete", Wire.body(body))
                        .operation("complete upload")
                        .build(),
                "upload");
        JsonObject file = upload.optObject("file");
        if (file == null) {
            throw new dev.ladder.core.MalformedResponseException("upload " + id + " completed with status '"
                    + upload.optString("status") + "' but no file: " + upload);
        }
        return OpenAiMapper.file(file);
    }

    JsonObject cancel(String id) {
        return Wire.object(
                transport,
                transport
                        .post("uploads/" + id + "/cancel", Wire.body(Map.of()))
                        .operation("cancel upload")
                        .build(),
                "upload");
    }

    private void cancelAfter(String id, RuntimeException failure) {
        try {
            cancel(id);
        } catch (LadderException e) {
            failure.addSuppressed(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    private record Parts(List<String> ids, String md5) {}
}
