package dev.cyberdevstudio.app.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the first frame and the moment the window becomes interactive, for the start-up benchmark.
 * "Interactive" is the first pulse after the start-up work queued behind the first frame (the project opened,
 * panes filled) has run, when a key press would be handled at once.
 */
final class StartupTimer {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTimer.class);

    private final Optional<Path> timingFile;
    private final Map<String, Long> marks = new LinkedHashMap<>();

    StartupTimer(Optional<Path> timingFile) {
        this.timingFile = timingFile;
    }

    /** Notes when a step of start-up finished, for the timing file. */
    void mark(String step) {
        marks.put(step + "Millis", System.currentTimeMillis());
    }

    void whenFirstFrame(Scene scene, Runnable next) {
        afterNextPulse(scene, () -> {
            mark("firstFrame");
            next.run();
        });
    }

    void whenIdle(Scene scene, Runnable next) {
        Platform.runLater(() -> afterNextPulse(scene, () -> {
            mark("interactive");
            write();
            next.run();
        }));
    }

    private static void afterNextPulse(Scene scene, Runnable action) {
        var listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            // The frame is rendered after layout; runLater lands after this pulse has been drawn.
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private void write() {
        if (timingFile.isEmpty()) {
            return;
        }
        var started = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        var text = new StringBuilder("processStartMillis=" + started + "\n");
        marks.forEach((step, millis) -> text.append(step).append('=').append(millis).append('\n'));
        try {
            Files.writeString(timingFile.get(), text);
        } catch (IOException e) {
            LOG.warn("Could not write start-up timings to {}", timingFile.get(), e);
        }
    }
}
