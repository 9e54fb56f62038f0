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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A file path made from a request's parameters, headers or body reaching a file API. Taint is followed through
 * assignments in line order; {@code basename}, {@code getFileName()}, {@code secure_filename} and friends clear it,
 * and a {@code startsWith}/{@code HasPrefix}/{@code is_relative_to} check near the call counts as a guard.
 */
public final class PathTraversalRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-012", "Path built from request input",
            RuleFamily.INJECTION, Severity.HIGH, 22,
            "A file path comes from the request: '../' in it reads or writes files outside the intended folder "
                    + "(path traversal).",
            "Keep only the file name (basename, Path.getFileName()), or resolve against a base folder, normalize, "
                    + "and refuse any result outside it.");

    private static final Map<FileKind, Pattern> SOURCES = Map.of(
            FileKind.JAVA, Pattern.compile("\\.getParameter(?:Values)?\\s*\\(|\\.getHeader\\s*\\(|\\.getPathInfo\\s*\\("
                    + "|\\.getQueryString\\s*\\(|\\.getOriginalFilename\\s*\\(|\\.getPart\\s*\\("),
            FileKind.PYTHON, Pattern.compile("\\brequest\\.(?:args|form|values|files|json|data|GET|POST|FILES|headers"
                    + "|cookies|query_params|path_params|match_info)\\b"),
            FileKind.JAVASCRIPT, jsSources(),
            FileKind.TYPESCRIPT, jsSources(),
            FileKind.GO, Pattern.compile("\\.URL\\.Query\\(\\)|\\.FormValue\\s*\\(|\\.PostFormValue\\s*\\("
                    + "|mux\\.Vars\\s*\\("
                    + "|\\.URL\\.Path\\b|\\.PathValue\\s*\\(|\\bc\\.(?:Query|Param|PostForm|DefaultQuery)\\s*\\("));
    private static final Pattern ANNOTATED_PARAMETER = Pattern.compile(
            "@(?:RequestParam|PathVariable|QueryParam|PathParam|RequestHeader|FormParam)(?:\\([^)]*\\))?\\s+"
            + "(?:final\\s+)?[\\w<>\\[\\].]+\\s+(\\w+)");
    private static final CallSites SINKS = new CallSites(Map.of(
            FileKind.JAVA, Pattern.compile("new\\s+(?:File|FileInputStream|FileOutputStream|FileReader|FileWriter"
                    + "|RandomAccessFile|FileSystemResource)\\s*\\(|\\bPaths\\.get\\s*\\(|\\bPath\\.of\\s*\\("
                    + "|\\bFiles\\.(?:newInputStream|newOutputStream|newBufferedReader|newBufferedWriter|readAllBytes"
                    + "|readAllLines|readString|write|writeString|delete|deleteIfExists|copy|move|lines)\\s*\\("
                    + "|\\.resolve\\s*\\("),
            FileKind.PYTHON, Pattern.compile("(?<![\\w.])(?:open|io\\.open|send_file|Path|pathlib\\.Path)\\s*\\("
                    + "|\\bos\\.(?:remove|unlink|rmdir|listdir|makedirs)\\s*\\(|\\bshutil\\.(?:copy|copyfile|rmtree"
                    + "|move)\\s*\\("),
            FileKind.JAVASCRIPT, jsSinks(),
            FileKind.TYPESCRIPT, jsSinks(),
            FileKind.GO, Pattern.compile("\\b(?:os\\.(?:Open|OpenFile|ReadFile|WriteFile|Create|Remove|RemoveAll)"
                    + "|ioutil\\.(?:ReadFile|WriteFile)|http\\.ServeFile)\\s*\\(")));
    private static final Pattern SANITIZER = Pattern.compile(
            "FilenameUtils\\.getName\\s*\\(|\\.getFileName\\s*\\(\\s*\\)|basename\\s*\\(|secure_filename\\s*\\("
            + "|filepath\\.Base\\s*\\(|\\bPath\\([^)]*\\)\\.name\\b|Integer\\.parseInt|\\bint\\s*\\(|strconv\\.Atoi");
    private static final Pattern GUARD = Pattern.compile(
            "\\.startsWith\\s*\\(|\\bHasPrefix\\s*\\(|\\.is_relative_to\\s*\\(|\\bcommonpath\\s*\\("
                    + "|\\.startswith\\s*\\("
            + "|filepath\\.IsLocal\\s*\\(|\\.relativize\\s*\\(");
    private static final int GUARD_DISTANCE = 8;

    private static Pattern jsSources() {
        return Pattern.compile("\\breq(?:uest)?\\.(?:query|params|body|headers|cookies|files|file|url|path)\\b"
                + "|\\bctx\\.(?:query|params|request\\.body)\\b");
    }

    private static Pattern jsSinks() {
        return Pattern.compile("\\bfs(?:\\.promises)?\\.(?:readFile|readFileSync|createReadStream|createWriteStream"
                + "|writeFile|writeFileSync|unlink|unlinkSync|readdir|readdirSync|appendFile|appendFileSync|rm|rmSync"
                + "|open|openSync)\\s*\\(|\\bres\\.(?:sendFile|download)\\s*\\(");
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
        var source = SOURCES.get(file.kind());
        var calls = SINKS.in(file);
        if (calls.isEmpty() || file.findInCode(source).isEmpty() && file.findInCode(ANNOTATED_PARAMETER).isEmpty()) {
            return;
        }
        var tainted = taintedVariables(file, source, SINKS.in(file).stream().map(CallSites.Call::start).toList());
        for (var call : calls) {
            var line = file.lineOf(call.start());
            var close = file.closingParen(call.open());
            var end = close < 0 ? file.lineEnd(line) : close;
            var argumentText = file.text().substring(call.open() + 1, end);
            var statement = file.text().substring(call.start(), Math.max(end, Expressions.statementEnd(file, end)));
            if (SANITIZER.matcher(statement).find() || guarded(file, line)) {
                continue;
            }
            var direct = source.matcher(argumentText).find();
            var variable = direct ? null : taintedIn(file, tainted, call.open() + 1, end, line);
            if (direct || variable != null) {
                var why = direct ? "A request value goes straight into " : "'" + variable + "' comes from the request "
                        + "and goes into ";
                findings.report(DESCRIPTOR, call.start(), why + name(call) + "(). " + DESCRIPTOR.fix(),
                        direct ? Confidence.HIGH : Confidence.MEDIUM);
            }
        }
    }

    /**
     * Variable name to the lines {@code [from, until)} it holds request input on; a later clean assignment ends the
     * span. A variable assigned the result of a file call is not followed further: that call gets the finding.
     */
    private static Map<String, int[]> taintedVariables(SourceFile file, Pattern source, List<Integer> sinkStarts) {
        var tainted = new HashMap<String, int[]>();
        for (var parameter : file.findInCode(ANNOTATED_PARAMETER)) {
            tainted.put(parameter.group(1), new int[] {file.lineOf(parameter.start()), Integer.MAX_VALUE});
        }
        for (var assignment : Expressions.assignments(file).inOrder()) {
            var value = file.text().substring(assignment.valueStart(), assignment.valueEnd());
            var holdsSink = sinkStarts.stream()
                    .anyMatch(start -> start >= assignment.valueStart() && start < assignment.valueEnd());
            var fromSource = !holdsSink && (source.matcher(value).find()
                    || taintedIn(file, tainted, assignment.valueStart(), assignment.valueEnd(),
                            assignment.line()) != null);
            var previous = tainted.get(assignment.name());
            if (fromSource && !SANITIZER.matcher(value).find()) {
                tainted.put(assignment.name(), new int[] {assignment.line(), Integer.MAX_VALUE});
            } else if (previous != null && previous[1] == Integer.MAX_VALUE && !assignment.isAppend()) {
                previous[1] = assignment.line();
            }
        }
        return tainted;
    }

    private static String taintedIn(SourceFile file, Map<String, int[]> tainted, int from, int to, int line) {
        var words = Pattern.compile("(?<![\\w.$])[A-Za-z_$][\\w$]*").matcher(file.text().substring(from, to));
        while (words.find()) {
            var span = tainted.get(words.group());
            if (span != null && span[0] <= line && line < span[1] && file.isCode(from + words.start())) {
                return words.group();
            }
        }
        return null;
    }

    private static boolean guarded(SourceFile file, int line) {
        for (int other = Math.max(1, line - GUARD_DISTANCE); other <= Math.min(file.lineCount(), line + GUARD_DISTANCE);
             other++) {
            if (GUARD.matcher(file.codeLine(other)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String name(CallSites.Call call) {
        return call.match().group().replaceAll("^new\\s+|[(\\s]", "");
    }
}
