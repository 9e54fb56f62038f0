package dev.cyberdevstudio.engine.agents.security.injection;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.Expressions;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command line that a shell will parse, built from values: {@code Runtime.exec} of a concatenation,
 * {@code sh -c} with a variable part (ProcessBuilder, exec.Command, subprocess lists), {@code subprocess} with
 * {@code shell=True}, {@code os.system}/{@code os.popen} of anything but a literal, {@code child_process.exec} of
 * a template or concatenation. Argument lists without a shell pass: no shell, no injection.
 */
public final class CommandInjectionRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-011", "OS command built from input",
            RuleFamily.INJECTION, Severity.HIGH, 78,
            "A shell command line is built from values: a value with ; | $( or a space in it runs commands of its "
                    + "own (command injection).",
            "Run the program without a shell and pass each value as its own argument (ProcessBuilder(list), "
                    + "subprocess.run([...]), execFile, exec.Command(name, args...)); never build a command string.");

    private static final CallSites SINKS = new CallSites(Map.of(
            FileKind.JAVA, Pattern.compile("(?:Runtime\\.getRuntime\\(\\)\\s*\\.|\\bruntime\\s*\\.)exec\\s*\\("
                    + "|new\\s+ProcessBuilder\\s*\\(|\\.command\\s*\\("),
            FileKind.PYTHON, Pattern.compile("(?<![\\w.])os\\.(?:system|popen|popen2|popen3)\\s*\\("
                    + "|(?<![\\w.])(?:subprocess|commands)\\.(?:getoutput|getstatusoutput|run|call|check_call"
                    + "|check_output|Popen)\\s*\\(|create_subprocess_shell\\s*\\("),
            FileKind.JAVASCRIPT, jsSinks(),
            FileKind.TYPESCRIPT, jsSinks(),
            FileKind.GO, Pattern.compile("(?<![\\w.])exec\\.Command(?:Context)?\\s*\\(")));
    private static final Pattern SHELL_DASH_C = Pattern.compile(
            "([\"'])(?:/usr)?(?:/bin/)?(?:sh|bash|zsh|dash|ksh|cmd|cmd\\.exe|powershell|powershell\\.exe)\\1\\s*,\\s*"
            + "([\"'])(?:-c|/c|/C|-Command)\\2\\s*,");
    private static final Pattern SHELL_TRUE = Pattern.compile("\\bshell\\s*=\\s*True\\b|\\bshell\\s*:\\s*true\\b");
    private static final Pattern ALWAYS_SHELL = Pattern.compile(
            "os\\.(?:system|popen\\d?)|getoutput|getstatusoutput|create_subprocess_shell|exec|execSync|runtime"
                    + "|Runtime");

    private static Pattern jsSinks() {
        return Pattern.compile("(?<![\\w$.])(?:(?:child_process|childProcess|cp)\\s*\\.\\s*)?"
                + "(?:exec|execSync|spawn|spawnSync)\\s*\\(");
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return SINKS.covers(kind);
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        var calls = SINKS.in(file);
        if (calls.isEmpty() || isJavaScript(file) && !file.text().contains("child_process")) {
            return;
        }
        var assignments = Expressions.assignments(file);
        for (var call : calls) {
            reason(file, assignments, call).ifPresent(reason -> findings.report(DESCRIPTOR, call.start(),
                    reason + " " + DESCRIPTOR.fix(), Confidence.HIGH));
        }
    }

    private static Optional<String> reason(SourceFile file, Expressions.Assignments assignments, CallSites.Call call) {
        var arguments = Expressions.arguments(file, call.open());
        if (arguments.isEmpty()) {
            return Optional.empty();
        }
        var close = file.closingParen(call.open());
        var end = close < 0 ? file.lineEnd(file.lineOf(call.open())) : close;
        var all = file.text().substring(call.open() + 1, end);
        var dashC = SHELL_DASH_C.matcher(all);
        if (dashC.find() && !Expressions.isLiteral(file, call.open() + 1 + dashC.end(), end)) {
            return Optional.of("A shell runs a command line with a variable part (sh -c).");
        }
        var first = arguments.getFirst();
        var name = call.match().group();
        var alwaysShell = ALWAYS_SHELL.matcher(name).find() && !name.contains("spawn");
        var shell = alwaysShell || SHELL_TRUE.matcher(all).find();
        if (!shell || file.kind() == FileKind.JAVA && !name.contains("exec")) {
            return Optional.empty();
        }
        if (Expressions.isDynamic(file, first[0], first[1])) {
            return Optional.of("The command line is built from values and run by a shell.");
        }
        var builtVariable = Expressions.identifier(file.text().substring(first[0], first[1]))
                .flatMap(variable -> assignments.latestBefore(variable, file.lineOf(call.start()) + 1))
                .filter(assignment -> Expressions.isDynamic(file, assignment.valueStart(), assignment.valueEnd()));
        if (builtVariable.isPresent()) {
            return Optional.of("'" + builtVariable.get().name() + "' is a command line built on line "
                    + builtVariable.get().line() + " and run by a shell.");
        }
        // Python's shell helpers are flagged for any non-literal, as their documentation warns; the others need
        // evidence that the string was built.
        if (file.kind() == FileKind.PYTHON && !Expressions.isLiteral(file, first[0], first[1])
                && !file.text().substring(first[0], first[1]).strip().startsWith("[")) {
            return Optional.of("A shell runs a command line that is not a constant.");
        }
        return Optional.empty();
    }

    private static boolean isJavaScript(SourceFile file) {
        return file.kind() == FileKind.JAVASCRIPT || file.kind() == FileKind.TYPESCRIPT;
    }
}
