package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageServiceOptionsTest {

    @Test
    void restartsWaitLongerAfterEachCrashUpToTheLimit() {
        var options = LanguageServiceOptions.defaults()
                .withRestarts(Duration.ofMillis(100), Duration.ofMillis(700), 5, Duration.ofMinutes(1));
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(options::restartDelay).toList()).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(700),
                Duration.ofMillis(700));
    }

    @Test
    void everyWitherChangesOnlyItsOwnSetting() {
        var defaults = LanguageServiceOptions.defaults();
        var changed = defaults.withRequestTimeout(Duration.ofSeconds(1)).withStartTimeout(Duration.ofSeconds(2))
                .withTimeoutsBeforeRestart(7).withShutdownTimeout(Duration.ofSeconds(3))
                .withEnvironment(Map.of("PATH", "/bin")).withToolFolders(List.of(Path.of("/tools")));
        assertThat(changed).isEqualTo(new LanguageServiceOptions(Duration.ofSeconds(1), Duration.ofSeconds(2), 7,
                defaults.firstRestartDelay(), defaults.maxRestartDelay(), defaults.crashLimit(), defaults.crashWindow(),
                Duration.ofSeconds(3), Map.of("PATH", "/bin"), List.of(Path.of("/tools"))));
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        var defaults = LanguageServiceOptions.defaults();
        assertThatThrownBy(() -> defaults.withRequestTimeout(Duration.ZERO))
                .hasMessage("requestTimeout must be positive: PT0S");
        assertThatThrownBy(() -> defaults.withTimeoutsBeforeRestart(0))
                .hasMessage("timeoutsBeforeRestart and crashLimit must be at least 1");
    }
}
