package dev.ladder.core.openai;

import java.util.Objects;

/**
 * A model the server offers, as {@link OpenAiClient#listModels()} reports it.
 *
 * @param id the name to put in requests.
 * @param ownedBy who owns it, such as {@code openai} or an organisation, or null when not given.
 * @param created when it was created, in seconds since the epoch, or 0 when not given.
 */
public record ModelInfo(String id, String ownedBy, long created) {

    public ModelInfo {
        Objects.requireNonNull(id, "id");
    }
}
