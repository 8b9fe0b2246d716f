package dev.ladder.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock("system property " + RecordMode.PROPERTY)
class RecordModeTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(RecordMode.PROPERTY);
    }

    @Test
    void readsTheModeFromTheSystemPropertyInAnyCase() {
        System.setProperty(RecordMode.PROPERTY, "record-if-missing");

        assertThat(RecordMode.fromEnv(RecordMode.REPLAY)).isEqualTo(RecordMode.RECORD_IF_MISSING);
    }

    @Test
    void fallsBackToTheDefaultWhenNothingIsSet() {
        assertThat(RecordMode.fromEnv(RecordMode.REPLAY, Map.of())).isEqualTo(RecordMode.REPLAY);
    }

    @Test
    void readsTheModeFromTheEnvironmentVariable() {
        Map<String, String> env = Map.of(RecordMode.VARIABLE, "RECORD");

        assertThat(RecordMode.fromEnv(RecordMode.REPLAY, env)).isEqualTo(RecordMode.RECORD);
    }

    @Test
    void prefersTheSystemPropertyToTheEnvironmentVariable() {
        System.setProperty(RecordMode.PROPERTY, "replay");
        Map<String, String> env = Map.of(RecordMode.VARIABLE, "record");

        assertThat(RecordMode.fromEnv(RecordMode.RECORD_IF_MISSING, env)).isEqualTo(RecordMode.REPLAY);
    }

    @Test
    void namesTheEnvironmentVariableWhenItNamesNoMode() {
        Map<String, String> env = Map.of(RecordMode.VARIABLE, "playback");

        assertThatThrownBy(() -> RecordMode.fromEnv(RecordMode.REPLAY, env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LADDER_RECORD_MODE is 'playback', which names no record mode: use one of "
                        + "[RECORD, REPLAY, RECORD_IF_MISSING]");
    }

    @Test
    void rejectsASettingThatNamesNoMode() {
        System.setProperty(RecordMode.PROPERTY, "rewind");

        assertThatThrownBy(() -> RecordMode.fromEnv(RecordMode.REPLAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ladder.record.mode is 'rewind', which names no record mode: use one of "
                        + "[RECORD, REPLAY, RECORD_IF_MISSING]");
    }
}
