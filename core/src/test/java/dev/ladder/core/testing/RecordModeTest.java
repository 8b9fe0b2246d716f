package dev.ladder.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        assertThat(RecordMode.fromEnvironment(RecordMode.REPLAY)).isEqualTo(RecordMode.RECORD_IF_MISSING);
    }

    @Test
    void fallsBackToTheDefaultWhenNothingIsSet() {
        assertThat(RecordMode.fromEnvironment(RecordMode.REPLAY)).isEqualTo(RecordMode.REPLAY);
    }

    @Test
    void rejectsASettingThatNamesNoMode() {
        System.setProperty(RecordMode.PROPERTY, "rewind");

        assertThatThrownBy(() -> RecordMode.fromEnvironment(RecordMode.REPLAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ladder.record.mode is 'rewind', which names no record mode: use one of "
                        + "[RECORD, REPLAY, RECORD_IF_MISSING]");
    }
}
