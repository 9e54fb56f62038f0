package dev.cyberdevstudio.engine.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "Run current file": how the studio runs a file, chosen by its extension.
 *
 * <pre>{@code
 * switch (FileRun.plan(editor.file(), projectRoot)) {
 *     case FileRun.Runnable(var request) -> runService.start(request);
 *     case FileRun.Unsupported(var reason) -> status.show(reason);
 * }
 * }</pre>
 *
 * Scripts run with their interpreter ({@code python3}, {@code bash}, {@code node}), a {@code .java} file with the
 * JDK's single-file source launcher, a {@code .wasm} module in the WASM sandbox; all in the file's folder.
 */
public sealed interface FileRun {

    /** The file can run: start this request. */
    record Runnable(RunRequest request) implements FileRun {

        public Runnable {
            Objects.requireNonNull(request, "request");
        }
    }

    /** The file cannot run; the reason is one sentence for the user. */
    record Unsupported(String reason) implements FileRun {

        public Unsupported {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The interpreters by extension; {@code .wasm} is handled apart. */
    Map<String, String> INTERPRETERS = Map.of(
            "py", "python3",
            "sh", "bash",
            "bash", "bash",
            "js", "node",
            "mjs", "node",
            "java", "java");

    /**
     * How to run {@code file} of the project in {@code projectRoot}.
     *
     * @param file the file open in the editor, if any
     */
    static FileRun plan(Optional<Path> file, Path projectRoot) {
        if (file.isEmpty()) {
            return new Unsupported("Open a file in the editor first: there is no current file to run.");
        }
        var path = file.get().toAbsolutePath().normalize();
        var name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        var extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        var root = projectRoot.toAbsolutePath().normalize();
        if (!path.startsWith(root)) {
            return new Unsupported("Cannot run " + name + ": it is outside the project " + root + ".");
        }
        var folder = path.getParent() == null ? root : path.getParent();
        if (extension.equals("wasm")) {
            return new Runnable(new RunRequest.WasmRun(path, Optional.empty(), List.of(), Optional.of(root),
                    RunLimits.defaults()));
        }
        var interpreter = INTERPRETERS.get(extension);
        if (interpreter == null) {
            return new Unsupported("Cannot run " + name + ": the studio runs .py, .sh, .js, .java and .wasm files"
                    + (extension.isEmpty() ? "." : ", not ." + extension + " files."));
        }
        return new Runnable(new RunRequest.ProcessRun(List.of(interpreter, path.toString()), root, folder, Map.of(),
                false, RunLimits.defaults()));
    }
}
