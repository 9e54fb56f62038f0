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
import java.util.regex.Pattern;

/**
 * Code evaluated from a string that is not a constant: Python's {@code eval}/{@code exec}, JavaScript's
 * {@code eval}, {@code new Function}, string timers and {@code vm.run*}, a Java {@code ScriptEngine.eval}, and a
 * shell {@code eval} of an expansion. {@code ast.literal_eval} and {@code JSON.parse} are the safe kin and pass.
 */
public final class CodeEvalRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-013", "Code evaluated from a string",
            RuleFamily.INJECTION, Severity.HIGH, 95,
            "A string is evaluated as code: whoever controls any part of it runs code in the process "
                    + "(code injection).",
            "Do not evaluate strings: parse data with a parser (json, ast.literal_eval, JSON.parse), or map names "
                    + "to functions in a fixed table.");

    private static final CallSites SINKS = new CallSites(Map.of(
            FileKind.PYTHON, Pattern.compile("(?<![\\w.])(?:eval|exec)\\s*\\("),
            FileKind.JAVASCRIPT, jsSinks(),
            FileKind.TYPESCRIPT, jsSinks(),
            FileKind.JAVA, Pattern.compile("\\.eval\\s*\\(")));
    private static final Pattern SHELL_EVAL = Pattern.compile("(?m)(?:^|[;&|]\\s*|\\s)eval\\s+([^\\n;]*\\$[^\\n;]*)");

    private static Pattern jsSinks() {
        return Pattern.compile("(?<![\\w$.])eval\\s*\\(|\\bnew\\s+Function\\s*\\(|(?<![\\w$.])(?:setTimeout"
                + "|setInterval)"
                + "\\s*\\(|\\bvm\\.(?:runInNewContext|runInThisContext|runInContext|compileFunction)\\s*\\("
                + "|\\bnew\\s+vm\\.Script\\s*\\(");
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return SINKS.covers(kind) || kind == FileKind.SHELL;
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        if (file.kind() == FileKind.SHELL) {
            for (var match : file.findInCode(SHELL_EVAL)) {
                var at = match.start() + match.group().indexOf("eval");
                findings.report(DESCRIPTOR, at, "eval re-parses an expansion as shell code. " + DESCRIPTOR.fix(),
                        Confidence.MEDIUM);
            }
            return;
        }
        if (file.kind() == FileKind.JAVA && !file.text().contains("ScriptEngine")) {
            return;
        }
        for (var call : SINKS.in(file)) {
            var arguments = Expressions.arguments(file, call.open());
            if (arguments.isEmpty()) {
                continue;
            }
            var name = call.match().group().replaceAll("[(\\s]", "");
            // new Function(arg1, ..., body): the body, which is what runs, comes last.
            var first = name.contains("Function") ? arguments.getLast() : arguments.getFirst();
            var timer = name.startsWith("setTimeout") || name.startsWith("setInterval");
            if (timer ? Expressions.isDynamic(file, first[0], first[1])
                    : !Expressions.isLiteral(file, first[0], first[1])) {
                findings.report(DESCRIPTOR, call.start(), name + "() runs a string that is not a constant. "
                        + DESCRIPTOR.fix(), Confidence.HIGH);
            }
        }
    }
}
