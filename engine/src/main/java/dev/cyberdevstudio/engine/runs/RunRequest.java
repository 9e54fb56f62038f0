package dev.cyberdevstudio.engine.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked to run: a local program, a WASM module, or a command on an SSH target.
 *
 * <pre>{@code
 * var request = RunRequest.ProcessRun.ofCommandLine("sh -c 'echo one; sleep 1; echo two'", projectRoot);
 * var session = runService.start(request);
 * }</pre>
 *
 * Every request is deny-by-default: a process gets only the environment variables it names and no network unless
 * {@code network} is granted; a WASM module sees no folder unless one is preopened.
 */
public sealed interface RunRequest {

    /** Which engine runs a request; also what the history records. */
    enum Kind {
        PROCESS("Process"),
        WASM("WASM"),
        SSH("SSH");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The engine's name as the studio shows it. */
        public String label() {
            return label;
        }
    }

    Kind kind();

    /** One line for the user: the command line, the module with its arguments, or target and command. */
    String describe();

    /** The folder the run works in, where it has one on this machine. */
    Optional<Path> localFolder();

    /**
     * A program run on this machine in the process sandbox.
     *
     * @param command       the program and its arguments, not interpreted by a shell
     * @param projectRoot   the only folder the run may write (the sandbox binds it writable)
     * @param workingFolder where the program starts, inside {@code projectRoot}
     * @param environment   the environment variables granted to the run, on top of a minimal PATH, HOME and LANG
     * @param network       whether the run may reach the network
     */
    record ProcessRun(List<String> command, Path projectRoot, Path workingFolder, Map<String, String> environment,
                      boolean network, RunLimits limits) implements RunRequest {

        public ProcessRun {
            command = List.copyOf(command);
            if (command.isEmpty() || command.getFirst().isBlank()) {
                throw new IllegalArgumentException("a process run needs a program to run");
            }
            Objects.requireNonNull(projectRoot, "projectRoot");
            Objects.requireNonNull(workingFolder, "workingFolder");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(limits, "limits");
        }

        /**
         * A command line as the user types it. A line with shell syntax (pipes, redirections, variables, globs,
         * several commands) runs through {@code /bin/sh -c}; a plain one is split on blanks and quotes and runs the
         * program directly, so that a missing program is reported as such rather than as exit code 127.
         *
         * @throws IllegalArgumentException when the line is blank or has an unclosed quote
         */
        public static ProcessRun ofCommandLine(String commandLine, Path projectRoot) {
            return new ProcessRun(CommandLines.toCommand(commandLine), projectRoot, projectRoot, Map.of(), false,
                    RunLimits.defaults());
        }

        @Override
        public Kind kind() {
            return Kind.PROCESS;
        }

        @Override
        public String describe() {
            return CommandLines.join(command);
        }

        @Override
        public Optional<Path> localFolder() {
            return Optional.of(workingFolder);
        }
    }

    /**
     * A WASM module run in the WASM sandbox: a WASI program from its {@code _start}, or one exported function.
     *
     * @param module    the {@code .wasm} file
     * @param export    the function to call instead of {@code _start}; its arguments are {@code args} as integers
     * @param args      the program's arguments (WASI) or the function's integer arguments (export)
     * @param preopen   the one folder the module may see, as {@code /}; none when empty
     */
    record WasmRun(Path module, Optional<String> export, List<String> args, Optional<Path> preopen,
                   RunLimits limits) implements RunRequest {

        public WasmRun {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(export, "export");
            args = List.copyOf(args);
            Objects.requireNonNull(preopen, "preopen");
            Objects.requireNonNull(limits, "limits");
        }

        /** A WASI program from its {@code _start}, with the project folder as its only preopen. */
        public static WasmRun wasi(Path module, List<String> args, Path projectRoot) {
            return new WasmRun(module, Optional.empty(), args, Optional.of(projectRoot), RunLimits.defaults());
        }

        /**
         * A module and its arguments as the user types them: {@code path/to/app.wasm arg…} runs the WASI program,
         * {@code path/to/lib.wasm#add 2 3} calls the export {@code add}. A relative path is in the project.
         *
         * @throws IllegalArgumentException when the line is blank, has an unclosed quote, or names no module
         */
        public static WasmRun ofCommandLine(String commandLine, Path projectRoot) {
            var words = CommandLines.words(commandLine);
            var first = words.getFirst();
            int hash = first.lastIndexOf('#');
            var file = hash < 0 ? first : first.substring(0, hash);
            if (file.isBlank()) {
                throw new IllegalArgumentException(
                        "Name the .wasm module to run, e.g. build/app.wasm or lib.wasm#add 2 3.");
            }
            var export = hash < 0 || hash == first.length() - 1 ? Optional.<String>empty()
                    : Optional.of(first.substring(hash + 1));
            return new WasmRun(projectRoot.resolve(file).normalize(), export, words.subList(1, words.size()),
                    Optional.of(projectRoot), RunLimits.defaults());
        }

        @Override
        public Kind kind() {
            return Kind.WASM;
        }

        @Override
        public String describe() {
            var name = module.getFileName() == null ? module.toString() : module.getFileName().toString();
            var call = export.map(function -> name + "#" + function).orElse(name);
            return args.isEmpty() ? call : call + " " + String.join(" ", args);
        }

        @Override
        public Optional<Path> localFolder() {
            return preopen;
        }
    }

    /**
     * A command run on a configured SSH target, by its name in the studio's list of targets.
     *
     * @param command given to the remote user's shell as it is
     */
    record SshRun(String target, String command) implements RunRequest {

        public SshRun {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(command, "command");
            if (target.isBlank()) {
                throw new IllegalArgumentException("an SSH run needs a target");
            }
            if (command.isBlank()) {
                throw new IllegalArgumentException("an SSH run needs a command");
            }
        }

        @Override
        public Kind kind() {
            return Kind.SSH;
        }

        @Override
        public String describe() {
            return target + ": " + command;
        }

        @Override
        public Optional<Path> localFolder() {
            return Optional.empty();
        }
    }
}
