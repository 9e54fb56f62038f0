package dev.cyberdevstudio.sandbox.wasm;

import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebAssembly run on its own thread. Stopping is Chicory's cooperative interrupt: the guest's code checks the
 * thread's interrupt flag (compiled code at loop heads and calls, the interpreter at each instruction) and unwinds with
 * {@code ChicoryInterruptedException} within milliseconds, so a kill or a timeout is one {@code Thread.interrupt()}.
 */
final class WasmRun implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(WasmRun.class);

    /**
     * Guests recurse on the JVM stack once compiled; a roomy stack lets deep but finite recursion finish, and a
     * StackOverflowError ends the run rather than the studio.
     */
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable ->
        Thread.ofPlatform().name("wasm-timeouts").daemon(true).unstarted(runnable));

    /** The work of a run: executes the guest on the run's thread and says how it ended. */
    @FunctionalInterface
    interface Body {
        RunOutcome execute(WasmRun run) throws Exception;
    }

    private final String description;
    private final Isolation isolation;
    private final WasmLimits limits;
    private final GuestOutput.Budget output;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final AtomicReference<RunOutcome> stopReason = new AtomicReference<>();
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private volatile OptionalLong memoryBytes = OptionalLong.empty();

    WasmRun(String description, Isolation isolation, WasmLimits limits, GuestOutput.Budget output) {
        this.description = description;
        this.isolation = isolation;
        this.limits = limits;
        this.output = output;
    }

    /** Starts the body on a fresh thread, with the timeout armed. */
    WasmRun start(Body body) {
        long started = System.nanoTime();
        var runner = Thread.ofPlatform()
            .name("wasm-run-" + RUN_NUMBERS.incrementAndGet())
            .daemon(true)
            .stackSize(STACK_BYTES)
            .unstarted(() -> execute(body, started));
        thread.set(runner);
        var timeout = TIMER.schedule(() -> stop(new RunOutcome.TimedOut(limits.timeout())),
            limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((done, failure) -> timeout.cancel(false));
        runner.start();
        return this;
    }

    /** A run that never started: the result is there at once. */
    static WasmRun failed(String description, Isolation isolation, WasmLimits limits, GuestOutput.Budget output,
                          String message) {
        var run = new WasmRun(description, isolation, limits, output);
        run.result.complete(new RunResult(new RunOutcome.Failed(message), Duration.ZERO, OptionalLong.empty(), false));
        return run;
    }

    private void execute(Body body, long started) {
        RunOutcome outcome;
        try {
            outcome = body.execute(this);
        } catch (StackOverflowError e) {
            outcome = stopReason.get() != null ? stopReason.get()
                : new RunOutcome.Failed("the program overflowed its stack (recursion too deep)");
        } catch (Exception e) {
            // Whatever broke after a kill or timeout is the unwinding of that stop, not a failure of its own.
            outcome = stopReason.get() != null ? stopReason.get() : WasmFailures.describe(e, this);
            if (stopReason.get() == null && outcome instanceof RunOutcome.Failed) {
                LOG.debug("WebAssembly run {} failed", description, e);
            }
        }
        Thread.interrupted();
        result.complete(new RunResult(outcome, Duration.ofNanos(System.nanoTime() - started), memoryBytes,
            output.truncated()));
    }

    /** Asks the run to stop for this reason; the first reason wins. */
    void stop(RunOutcome reason) {
        if (stopReason.compareAndSet(null, reason)) {
            var runner = thread.get();
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    /** Records the guest's linear memory size (called with the instance's final size). */
    void memoryUsed(long bytes) {
        memoryBytes = OptionalLong.of(bytes);
    }

    OptionalLong memoryBytesUsed() {
        return memoryBytes;
    }

    WasmLimits limits() {
        return limits;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Isolation isolation() {
        return isolation;
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return result;
    }

    @Override
    public void kill() {
        stop(new RunOutcome.Killed("stopped on request"));
    }
}
