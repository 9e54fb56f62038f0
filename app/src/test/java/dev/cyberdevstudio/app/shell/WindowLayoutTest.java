package dev.cyberdevstudio.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowLayoutTest {

    @Test
    void survivesTheRoundTripThroughItsTextForm() {
        var layout = new WindowLayout(10.5, 20, 1400, 900, true, 0.3, 0.6, false);

        assertThat(WindowLayout.decode(layout.encode())).contains(layout);
    }

    @Test
    void malformedTextGivesNothingSoTheDefaultIsUsed() {
        assertThat(WindowLayout.decode(null)).isEmpty();
        assertThat(WindowLayout.decode("1;2;3")).isEmpty();
        assertThat(WindowLayout.decode("a;b;c;d;true;0.2;0.5;true")).isEmpty();
    }

    @Test
    void keepsTheWindowUsableWhenTheSavedSizeOrDividersAreAbsurd() {
        var layout = new WindowLayout(0, 0, 10, 5, false, 0.0, 1.2, true);

        assertThat(layout.width()).isEqualTo(480);
        assertThat(layout.height()).isEqualTo(320);
        assertThat(layout.sidebarDivider()).isEqualTo(WindowLayout.DEFAULT.sidebarDivider());
        assertThat(layout.terminalDivider()).isEqualTo(WindowLayout.DEFAULT.terminalDivider());
    }

    @Test
    void theDefaultHasNoRememberedPosition() {
        assertThat(WindowLayout.DEFAULT.hasPosition()).isFalse();
        assertThat(new WindowLayout(0, 0, 800, 600, false, 0.2, 0.7, true).hasPosition()).isTrue();
    }
}
