package dev.ladder.peft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchPositionTest {

    @Test
    void writesOneLineThatReadsBackTheSame() {
        WatchPosition position = new WatchPosition(
                "2024-05-07T12:00:00Z/epoch_complete/40", 40, Set.of("ft-1:40", "ft-1:20", "odd,id;x=y"));

        assertThat(position.toString())
                .isEqualTo("event=2024-05-07T12%3A00%3A00Z%2Fepoch_complete%2F40;step=40;checkpoints=ft-1%3A20,"
                        + "ft-1%3A40,odd%2Cid%3Bx%3Dy");
        assertThat(WatchPosition.parse(position.toString())).isEqualTo(position);
    }

    @Test
    void readsTheStartBack() {
        assertThat(WatchPosition.START.toString()).isEqualTo("event=;step=-1;checkpoints=");
        assertThat(WatchPosition.parse("event=;step=-1;checkpoints=")).isEqualTo(WatchPosition.START);
    }

    @Test
    void refusesTextThatIsNotAPosition() {
        assertThatThrownBy(() -> WatchPosition.parse("e1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'e1' is not a watch position: expected the form event=<id>;step=<n>;checkpoints=<id>,<id>"
                        + " that WatchPosition.toString() writes");
    }
}
