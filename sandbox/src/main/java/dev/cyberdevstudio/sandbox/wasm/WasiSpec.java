package dev.cyberdevstudio.sandbox.wasm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A WASI program to run. The guest starts with nothing (no environment, no folders) and gets only what is named here.
 *
 * @param module  the .wasm file (a WASI command: it exports {@code _start})
 * @param args    the program's arguments, without the program name: the guest's {@code argv[0]} is the module's file
 *                name and these follow it
 * @param env     the guest's whole environment (nothing is inherited from the studio)
 * @param stdin   everything the guest can read from its standard input
 * @param preopen the one host folder the guest sees, mounted as {@value WasmSandbox#GUEST_ROOT}; empty for none
 * @param limits  memory cap, timeout and output limit
 * @param mode    compiled (cached) or interpreted
 */
public record WasiSpec(Path module, List<String> args, Map<String, String> env, byte[] stdin, Optional<Path> preopen,
                       WasmLimits limits, ExecutionMode mode) {

    public WasiSpec {
        Objects.requireNonNull(module, "module");
        args = List.copyOf(args);
        env = Map.copyOf(env);
        stdin = stdin.clone();
        Objects.requireNonNull(preopen, "preopen");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(mode, "mode");
    }

    /** A module run with no arguments, environment, input or folder, compiled, with the default limits. */
    public static WasiSpec of(Path module) {
        return new WasiSpec(module, List.of(), Map.of(), new byte[0], Optional.empty(), WasmLimits.defaults(),
            ExecutionMode.COMPILED);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    public WasiSpec withArgs(List<String> newArgs) {
        return new WasiSpec(module, newArgs, env, stdin, preopen, limits, mode);
    }

    public WasiSpec withEnv(Map<String, String> newEnv) {
        return new WasiSpec(module, args, newEnv, stdin, preopen, limits, mode);
    }

    public WasiSpec withStdin(byte[] newStdin) {
        return new WasiSpec(module, args, env, newStdin, preopen, limits, mode);
    }

    public WasiSpec withPreopen(Path folder) {
        return new WasiSpec(module, args, env, stdin, Optional.of(folder), limits, mode);
    }

    public WasiSpec withLimits(WasmLimits newLimits) {
        return new WasiSpec(module, args, env, stdin, preopen, newLimits, mode);
    }

    public WasiSpec withMode(ExecutionMode newMode) {
        return new WasiSpec(module, args, env, stdin, preopen, limits, newMode);
    }
}
