package dev.ladder.rag.pgvector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataJsonTest {

    @Test
    void writesAFlatObjectEscapingStrings() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", "a \"quoted\" path\\x");
        metadata.put("draft", false);
        metadata.put("position", 3);
        metadata.put("weight", 0.25);

        assertThat(MetadataJson.write("c1", metadata))
                .isEqualTo(
                        "{\"source\":\"a \\\"quoted\\\" path\\\\x\",\"draft\":false,\"position\":3,\"weight\":0.25}");
    }

    @Test
    void readsIntegralNumbersAsLongAndOthersAsDouble() {
        Map<String, Object> metadata =
                MetadataJson.read("{\"a\": 3, \"b\": 2.0, \"c\": 0.5, \"d\": \"x\", \"e\": true}");

        assertThat(metadata).isEqualTo(Map.of("a", 3L, "b", 2L, "c", 0.5, "d", "x", "e", true));
    }

    @Test
    void writesBigDecimalsExactly() {
        assertThat(MetadataJson.write("c1", Map.of("price", new BigDecimal("12345678901234567890.5"))))
                .isEqualTo("{\"price\":12345678901234567890.5}");
    }

    @Test
    void rejectsNonFiniteNumbersNamingChunkAndKey() {
        assertThatThrownBy(() -> MetadataJson.write("c1", Map.of("score", Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk 'c1': metadata 'score' is Infinity: PostgreSQL stores only finite numbers,"
                        + " use a finite value");
    }
}
