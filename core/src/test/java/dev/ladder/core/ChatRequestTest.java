package dev.ladder.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    @Test
    void rejectsRequestWithoutMessages() {
        assertThatThrownBy(() -> ChatRequest.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a chat request needs at least one message");
    }

    @Test
    void rejectsTemperatureOutOfRangeNamingTheValue() {
        assertThatThrownBy(() -> ChatRequest.builder().temperature(3.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature must be between 0.0 and 2.0, was 3.5");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        ChatRequest request = ChatRequest.builder()
                .model("m")
                .addMessage(Message.user("hi"))
                .temperature(0.2)
                .stop(List.of("END"))
                .extraBody("reasoning_effort", "low")
                .extraHeader("X-Trace", "1")
                .build();

        ChatRequest copy = request.toBuilder().build();

        assertThat(copy.model()).isEqualTo("m");
        assertThat(copy.messages()).isEqualTo(request.messages());
        assertThat(copy.temperature()).isEqualTo(0.2);
        assertThat(copy.stop()).containsExactly("END");
        assertThat(copy.extraBody()).isEqualTo(Map.of("reasoning_effort", "low"));
        assertThat(copy.extraHeaders()).isEqualTo(Map.of("X-Trace", "1"));
    }

    @Test
    void toolNamesMustSuitEveryProvider() {
        assertThatThrownBy(() -> Tool.of("get weather", "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tool name 'get weather' is not allowed: use 1 to 64 letters, digits, '_' or '-'");
    }

    @Test
    void passageMetadataRejectsValuesThatAreNotJsonScalars() {
        assertThatThrownBy(() -> new Passage("p1", "text", 1.0, Map.of("tags", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metadata 'tags' has a value of type java.util.")
                .hasMessageEndingWith(": use a String, a Number or a Boolean");
    }
}
