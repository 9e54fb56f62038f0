package dev.cyberdevstudio.engine.lsp;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: servers answer and publish on their own threads. */
final class Eventually {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Eventually() {
    }

    static void until(BooleanSupplier condition, Supplier<String> whatWasExpected) {
        until(TIMEOUT, condition, whatWasExpected);
    }

    static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatWasExpected) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + whatWasExpected.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", interrupted);
            }
        }
    }
}
