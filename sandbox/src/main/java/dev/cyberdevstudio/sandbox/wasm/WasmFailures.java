package dev.cyberdevstudio.sandbox.wasm;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UnlinkableException;
import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.RunOutcome;

/** Turns what Chicory throws into how a run ended, in words for the user (Chicory's types stay in this package). */
final class WasmFailures {

    private WasmFailures() {
    }

    static RunOutcome describe(Exception failure, WasmRun run) {
        return switch (failure) {
            case WasiExitException exit -> new RunOutcome.Exited(exit.exitCode());
            case ChicoryInterruptedException interrupted -> new RunOutcome.Killed("interrupted");
            case TrapException trap when atMemoryCap(run) -> new RunOutcome.LimitExceeded("memory: the program used "
                + "all " + mebibytes(run.limits().maxMemoryBytes()) + " of linear memory it may have and then crashed ("
                + trap.getMessage() + ")");
            case TrapException trap -> crashed(trap, run);
            case WasmRuntimeException trap -> crashed(trap, run);
            case UnlinkableException unlinkable -> new RunOutcome.Failed("the module cannot be linked: "
                + unlinkable.getMessage());
            case WasmSandbox.MemoryCapExceeded cap -> new RunOutcome.LimitExceeded("memory: " + cap.getMessage());
            case SandboxException refused -> new RunOutcome.Failed(refused.getMessage());
            case ChicoryException chicory -> new RunOutcome.Failed("WebAssembly error: " + chicory.getMessage());
            default -> new RunOutcome.Failed("the WebAssembly engine failed: " + failure);
        };
    }

    private static boolean atMemoryCap(WasmRun run) {
        var used = run.memoryBytesUsed();
        return used.isPresent() && used.getAsLong() >= run.limits().maxMemoryBytes();
    }

    private static RunOutcome crashed(ChicoryException trap, WasmRun run) {
        return new RunOutcome.Failed("the program crashed: WebAssembly trap: " + trap.getMessage() + memoryNote(run));
    }

    /** Near the cap, a crash is likely the guest's answer to being refused memory: say so. */
    private static String memoryNote(WasmRun run) {
        var used = run.memoryBytesUsed();
        long cap = run.limits().maxMemoryBytes();
        return used.isPresent() && used.getAsLong() * 10 >= cap * 9
            ? " (it had used " + mebibytes(used.getAsLong()) + " of its " + mebibytes(cap) + " memory cap)"
            : "";
    }

    static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
