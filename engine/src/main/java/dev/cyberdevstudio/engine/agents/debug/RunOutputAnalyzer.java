package dev.cyberdevstudio.engine.agents.debug;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The Debug agent's deterministic core: reads the output of a run (a crash, a failing test, a build) and turns every
 * stack trace and compiler message it recognises into {@link Problem}s whose places are project files and lines,
 * with the code around them. Java, Kotlin, Python, JavaScript, TypeScript, Go, Rust and C-family formats.
 *
 * <pre>{@code
 * var problems = new RunOutputAnalyzer(projectRoot).analyze(run.output());
 * problems.getFirst().firstInProject().ifPresent(place -> editor.openAt(place.file().orElseThrow(), place.pointer().line()));
 * }</pre>
 *
 * <p>Needs no model; the model-backed Debug agent starts from these problems to explain and fix.
 */
public final class RunOutputAnalyzer {

    /** Output beyond this many characters is not read: the start and the end of a log hold the traces. */
    public static final int MAX_OUTPUT_CHARS = 2 * 1024 * 1024;
    private static final List<OutputFormat> FORMATS = List.of(new JavaTraces(), new PythonTraces(),
        new NodeTraces(), new GoTraces(), new RustMessages(), new CompilerMessages());

    private final Path projectRoot;

    public RunOutputAnalyzer(Path projectRoot) {
        this.projectRoot = projectRoot;
    }

    /** Every problem in {@code output}, in the order the output printed them. */
    public List<Problem> analyze(String output) {
        var text = output.length() > MAX_OUTPUT_CHARS
            ? output.substring(0, MAX_OUTPUT_CHARS / 2) + "\n" + output.substring(output.length() - MAX_OUTPUT_CHARS / 2)
            : output;
        var lines = text.replace("\r\n", "\n").lines().map(RunOutputAnalyzer::withoutAnsi).toList();
        var parsed = new ArrayList<ParsedProblem>();
        FORMATS.forEach(format -> parsed.addAll(format.parse(lines)));
        parsed.sort(Comparator.comparingInt(ParsedProblem::firstOutputLine));
        var resolver = new SourceResolver(projectRoot);
        var problems = new LinkedHashSet<Problem>();
        for (var problem : parsed) {
            problems.add(new Problem(problem.kind(), problem.language(), problem.headline(),
                problem.pointers().stream().map(resolver::resolve).toList()));
        }
        return List.copyOf(problems);
    }

    private static String withoutAnsi(String line) {
        return line.indexOf('\u001b') < 0 ? line : line.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "");
    }
}
