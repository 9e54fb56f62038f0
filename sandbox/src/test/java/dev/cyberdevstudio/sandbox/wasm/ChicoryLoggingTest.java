package dev.cyberdevstudio.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.log.Logger;
import org.junit.jupiter.api.Test;

/** Chicory's log levels map onto SLF4J's as configured (logback-test.xml: WARN and above). */
class ChicoryLoggingTest {

    private final ChicoryLogging logging = new ChicoryLogging(ChicoryLoggingTest.class);

    @Test
    void followsTheSlf4jLevelsAndNeverLogsOff() {
        assertThat(logging.isLoggable(Logger.Level.ERROR)).isTrue();
        assertThat(logging.isLoggable(Logger.Level.WARNING)).isTrue();
        assertThat(logging.isLoggable(Logger.Level.INFO)).isFalse();
        assertThat(logging.isLoggable(Logger.Level.DEBUG)).isFalse();
        assertThat(logging.isLoggable(Logger.Level.TRACE)).isFalse();
        assertThat(logging.isLoggable(Logger.Level.OFF)).isFalse();
    }

    @Test
    void acceptsEveryLevel() {
        for (var level : Logger.Level.values()) {
            logging.log(level, "chicory says " + level, null);
        }
        assertThat(Logger.Level.values()).contains(Logger.Level.OFF, Logger.Level.ALL);
    }
}
