package dev.cyberdevstudio.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link Settings} does; subclasses say which one. */
abstract class SettingsContract {

    protected abstract Settings settings();

    @Test
    void missingKeyHasNoValue() {
        assertThat(settings().get("window.width")).isEmpty();
    }

    @Test
    void returnsWhatWasPut() {
        settings().put("theme", "NeonCyberNight");

        assertThat(settings().get("theme")).contains("NeonCyberNight");
    }

    @Test
    void putReplacesThePreviousValue() {
        settings().put("theme", "NeonCyberNight");
        settings().put("theme", "SerialSteel");

        assertThat(settings().get("theme")).contains("SerialSteel");
    }

    @Test
    void removeForgetsTheKeyAndToleratesMissingKeys() {
        settings().put("theme", "SerialSteel");
        settings().put("font", "JetBrains Mono");

        settings().remove("theme");
        settings().remove("never-set");

        assertThat(settings().get("theme")).isEmpty();
        assertThat(settings().get("font")).contains("JetBrains Mono");
    }

    @Test
    void keysAreCaseSensitive() {
        settings().put("Theme", "upper");
        settings().put("theme", "lower");

        assertThat(settings().get("Theme")).contains("upper");
        assertThat(settings().get("theme")).contains("lower");
    }

    @Test
    void keepsEmptyMultiLineAndNonAsciiValuesExactly() {
        var layout = "split=0.25\r\nterminal=\"bottom\"\n\u00e9\u4e2d\ud83d\ude80 'quoted' ; DROP TABLE settings;";

        settings().put("layout", layout);
        settings().put("empty", "");

        assertThat(settings().get("layout")).contains(layout);
        assertThat(settings().get("empty")).contains("");
    }

    @Test
    void acceptsTheLongestKeyAndValue() {
        var key = "k".repeat(SettingRules.MAX_KEY_LENGTH);
        var value = "v".repeat(SettingRules.MAX_VALUE_LENGTH);

        settings().put(key, value);

        assertThat(settings().get(key)).contains(value);
    }

    @Test
    void refusesEmptyOrOverlongKeys() {
        var overlong = "k".repeat(SettingRules.MAX_KEY_LENGTH + 1);

        assertThatThrownBy(() -> settings().put("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings().get(overlong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
        assertThatThrownBy(() -> settings().remove(overlong)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOverlongValues() {
        var overlong = "v".repeat(SettingRules.MAX_VALUE_LENGTH + 1);

        assertThatThrownBy(() -> settings().put("layout", overlong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layout");
        assertThat(settings().get("layout")).isEmpty();
    }

    @Test
    void refusesNullKeysAndValues() {
        assertThatThrownBy(() -> settings().get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> settings().put("theme", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void servesManyVirtualThreadsAtOnce() throws Exception {
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 200; i++) {
            var key = "key-" + (i % 20);
            var value = "value-" + (i % 20);
            tasks.add(() -> {
                settings().put(key, value);
                return settings().get(key).orElseThrow();
            });
        }

        var values = new ArrayList<String>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<String> result : executor.invokeAll(tasks)) {
                values.add(result.get());
            }
        }

        assertThat(values).hasSize(200).allMatch(value -> value.startsWith("value-"));
        for (int i = 0; i < 20; i++) {
            assertThat(settings().get("key-" + i)).contains("value-" + i);
        }
    }
}
