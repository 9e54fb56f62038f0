package dev.cyberdevstudio.app.cli;

import dev.cyberdevstudio.engine.LocalEngine;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the command line asked of the window, handed to the JavaFX application (which the toolkit constructs).
 *
 * @param folder       the project to open, if one was named
 * @param engine       the engine, starting in the background while the toolkit starts
 * @param timingFile   where to write start-up timings (benchmarks), if anywhere
 * @param exitWhenReady close as soon as the window is interactive (benchmarks, AOT cache training)
 */
public record LaunchOptions(Optional<Path> folder, CompletableFuture<LocalEngine> engine, Optional<Path> timingFile,
                            boolean exitWhenReady) {
}
