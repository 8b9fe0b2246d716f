package dev.ladder.core;

import java.util.Base64;
import java.util.Objects;

/**
 * An image in a user message, given by URL or inline as base64 data.
 *
 * @param url an {@code https:} URL, or null when {@code data} is set.
 * @param mediaType the MIME type of inline data, such as {@code image/png}; null for a URL.
 * @param data base64-encoded image bytes, or null when {@code url} is set.
 * @param detail the provider's detail hint ({@code low}, {@code high}, {@code auto}), or null.
 */
public record ImagePart(String url, String mediaType, String data, String detail) implements ContentPart {

    public ImagePart {
        if ((url == null) == (data == null)) {
            throw new IllegalArgumentException("an image needs exactly one of url or data");
        }
        if (data != null) {
            Objects.requireNonNull(mediaType, "mediaType of inline image data");
        }
    }

    /** Creates an image referenced by {@code url}. */
    public static ImagePart fromUrl(String url) {
        return new ImagePart(Objects.requireNonNull(url, "url"), null, null, null);
    }

    /** Creates an inline image from raw {@code bytes} of type {@code mediaType}. */
    public static ImagePart fromBytes(byte[] bytes, String mediaType) {
        return new ImagePart(null, mediaType, Base64.getEncoder().encodeToString(bytes), null);
    }

    /** Returns the image as a URL, a {@code data:} URL for inline data. */
    public String asUrl() {
        return url != null ? url : "data:" + mediaType + ";base64," + data;
    }

    /** Returns a copy with the provider's detail hint. */
    public ImagePart withDetail(String detail) {
        return new ImagePart(url, mediaType, data, detail);
    }
}
