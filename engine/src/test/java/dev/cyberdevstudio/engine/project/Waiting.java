package dev.cyberdevstudio.engine.project;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: the watcher delivers on its own thread. */
final class Waiting {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Waiting() {
    }

    static void until(BooleanSupplier condition, Supplier<String> whatWasExpected) {
        var deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + TIMEOUT + ": " + whatWasExpected.get());
            }
            pause(Duration.ofMillis(10));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", interrupted);
        }
    }
}
