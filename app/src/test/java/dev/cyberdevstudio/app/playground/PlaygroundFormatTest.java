package dev.cyberdevstudio.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaygroundFormatTest {

    @Test
    void costsKeepFourSignificantDigitsAndAtLeastCents() {
        assertThat(PlaygroundFormat.cost(0)).isEqualTo("$0.00");
        assertThat(PlaygroundFormat.cost(Double.NaN)).isEqualTo("$0.00");
        assertThat(PlaygroundFormat.cost(0.00008)).isEqualTo("$0.00008");
        assertThat(PlaygroundFormat.cost(0.0225)).isEqualTo("$0.0225");
        assertThat(PlaygroundFormat.cost(1.23456)).isEqualTo("$1.235");
        assertThat(PlaygroundFormat.cost(12.5)).isEqualTo("$12.50");
        assertThat(PlaygroundFormat.cost(1500)).isEqualTo("$1500.00");
    }

    @Test
    void stopStringsAreOnePerLineWithEscapesForNewlinesAndTabs() {
        assertThat(PlaygroundFormat.parseStops("\\n\\n\nUser:\n\n\\t|\nC:\\\\dir\nkeep \\x")).containsExactly(
                "\n\n", "User:", "\t|", "C:\\dir", "keep \\x");
        assertThat(PlaygroundFormat.parseStops("")).isEmpty();
    }

    @Test
    void stopStringsSurviveARoundTripThroughTheForm() {
        var stops = List.of("\n\n", "User:", "a\\nb", "\t");

        assertThat(PlaygroundFormat.parseStops(PlaygroundFormat.formatStops(stops))).isEqualTo(stops);
    }

    @Test
    void numbersReadTheSameEverywhere() {
        assertThat(PlaygroundFormat.tokens(4096)).isEqualTo("4,096");
        assertThat(PlaygroundFormat.rate(19.66)).isEqualTo("19.7 tok/s");
        assertThat(PlaygroundFormat.firstToken(-1)).isEqualTo("—");
        assertThat(PlaygroundFormat.firstToken(94)).isEqualTo("94 ms");
        assertThat(PlaygroundFormat.firstToken(12_345)).isEqualTo("12.3 s");
        assertThat(PlaygroundFormat.fill(43, 4096, 43 / 4096.0)).isEqualTo("43 / 4,096 (1%)");
        assertThat(PlaygroundFormat.fill(0, 0, 0)).isEqualTo("no model");
    }
}
