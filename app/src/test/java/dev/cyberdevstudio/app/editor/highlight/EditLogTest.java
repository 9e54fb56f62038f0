package dev.cyberdevstudio.app.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.syntax.TextRange;
import org.junit.jupiter.api.Test;

class EditLogTest {

    @Test
    void carriesARangeThroughTheEditsAfterItsVersionOnly() {
        var log = new EditLog();
        log.record(1, 0, 0, 100);
        log.record(2, 0, 0, 10);
        log.record(3, 500, 5, 0);
        assertThat(log.carry(new TextRange(200, 300), 1)).isEqualTo(new TextRange(210, 310));
        assertThat(log.carry(new TextRange(200, 600), 1)).isEqualTo(new TextRange(210, 605));
        assertThat(log.carry(new TextRange(200, 300), 3)).isEqualTo(new TextRange(200, 300));
    }

    @Test
    void aRangeWhoseTextWasRemovedShrinksToNothing() {
        var log = new EditLog();
        log.record(4, 10, 50, 0);
        assertThat(log.carry(new TextRange(20, 40), 3)).isEqualTo(new TextRange(10, 10));
    }

    @Test
    void forgetsEditsNoResultNeedsAnyMore() {
        var log = new EditLog();
        log.record(1, 0, 0, 1);
        log.record(2, 0, 0, 1);
        log.record(3, 0, 0, 1);
        log.forgetUpTo(2);
        assertThat(log.size()).isEqualTo(1);
        log.forgetUpTo(7);
        assertThat(log.size()).isZero();
    }

    @Test
    void mapsOffsetsAroundAReplacement() {
        assertThat(Edits.map(5, 10, 4, 2, false)).isEqualTo(5);
        assertThat(Edits.map(10, 10, 4, 2, true)).isEqualTo(10);
        assertThat(Edits.map(12, 10, 4, 2, false)).isEqualTo(10);
        assertThat(Edits.map(12, 10, 4, 2, true)).isEqualTo(12);
        assertThat(Edits.map(14, 10, 4, 2, false)).isEqualTo(12);
        assertThat(Edits.map(20, 10, 4, 2, false)).isEqualTo(18);
    }
}
