package dev.cyberdevstudio.sandbox.run;

import java.time.Duration;

/** How a run ended. Every case carries a sentence a user can read. */
public sealed interface RunOutcome {

    String describe();

    /** The program ended by itself (for a WASI program: proc_exit or returning from _start). */
    record Exited(int exitCode) implements RunOutcome {
        @Override
        public String describe() {
            return "exited with code " + exitCode;
        }
    }

    /** Stopped on request (the kill button, a cancelled task). */
    record Killed(String reason) implements RunOutcome {
        @Override
        public String describe() {
            return "killed: " + reason;
        }
    }

    /** Ran past its wall-clock limit and was stopped. */
    record TimedOut(Duration limit) implements RunOutcome {
        @Override
        public String describe() {
            return "stopped after the time limit of " + limit.toMillis() + " ms";
        }
    }

    /** Stopped for breaking a limit other than time: memory, CPU time, processes, output. */
    record LimitExceeded(String limit) implements RunOutcome {
        @Override
        public String describe() {
            return "stopped: " + limit;
        }
    }

    /** Never ran, or broke down in the host: a missing binary, a file that is not WASM, a host that is down. */
    record Failed(String message) implements RunOutcome {
        @Override
        public String describe() {
            return message;
        }
    }
}
