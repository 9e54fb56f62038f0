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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQL text built by concatenation, formatting, f-strings or templates and handed to a query call, directly or
 * through a variable assigned such text earlier in the file. Parameterized calls ({@code ?}, {@code %s} with a
 * separate argument tuple, {@code $1}) build nothing and pass.
 */
public final class SqlInjectionRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-010", "SQL built from input",
            RuleFamily.INJECTION, Severity.HIGH, 89,
            "SQL text is built from values and run as a query: a value with a quote in it becomes SQL code "
                    + "(SQL injection).",
            "Use a parameterized query: placeholders (?, %s, $1, :name) in constant SQL, values passed separately "
                    + "(PreparedStatement, cursor.execute(sql, params), db.Query(sql, args...)).");

    private static final CallSites SINKS = new CallSites(Map.of(
            FileKind.JAVA, Pattern.compile("\\.(?:executeQuery|executeUpdate|executeLargeUpdate|execute"
                    + "|prepareStatement"
                    + "|prepareCall|addBatch|createQuery|createNativeQuery|createSQLQuery|queryForObject|queryForList"
                    + "|queryForMap|queryForRowSet|query|update|batchUpdate)\\s*\\("),
            FileKind.PYTHON, Pattern.compile("\\.(?:execute|executemany|executescript|raw|extra|read_sql|read_sql_query"
                    + "|mogrify)\\s*\\(|(?<![\\w.])(?:sqlalchemy\\.)?text\\s*\\("),
            FileKind.JAVASCRIPT, jsSinks(),
            FileKind.TYPESCRIPT, jsSinks(),
            FileKind.GO, Pattern.compile("\\.(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Prepare"
                    + "|PrepareContext|Raw)\\s*\\(")));
    private static final Pattern SQL = Pattern.compile(
            "(?is)\\bselect\\b.+\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\b\\s+\\S+\\s+\\bset\\b|\\bdelete\\s+from\\b"
            + "|\\bdrop\\s+(?:table|database)\\b|\\bwhere\\b|\\border\\s+by\\b|\\bvalues\\s*\\(|\\bcreate\\s+table\\b");

    private static Pattern jsSinks() {
        return Pattern.compile("\\.(?:query|raw|execute|exec|run|all|get|prepare|\\$queryRawUnsafe"
                + "|\\$executeRawUnsafe|whereRaw|orderByRaw)\\s*\\(");
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
        if (calls.isEmpty()) {
            return;
        }
        var assignments = Expressions.assignments(file);
        var sqlBuilt = sqlBuiltAssignments(file, assignments);
        for (var call : calls) {
            var line = file.lineOf(call.start());
            for (var argument : Expressions.arguments(file, call.open())) {
                var text = file.text().substring(argument[0], argument[1]);
                if (Expressions.isFunction(text)) {
                    continue;
                }
                if (Expressions.isDynamic(file, argument[0], argument[1])
                        && SQL.matcher(Expressions.stringContents(file, argument[0], argument[1])).find()) {
                    findings.report(DESCRIPTOR, call.start(), "SQL is built in the call to " + name(call) + "(). "
                            + DESCRIPTOR.fix(), Confidence.HIGH);
                    break;
                }
                var variable = Expressions.identifier(text);
                var built = variable.flatMap(name -> assignments.latestBefore(name, line + 1))
                        .filter(sqlBuilt::contains);
                if (built.isPresent()) {
                    findings.report(DESCRIPTOR, call.start(), "'" + variable.get() + "' holds SQL built on line "
                            + built.get().line() + " and runs in " + name(call) + "(). " + DESCRIPTOR.fix(),
                            Confidence.HIGH);
                    break;
                }
            }
        }
    }

    /** Assignments whose value is SQL built from something other than literals, in line order. */
    private static Set<Expressions.Assignment> sqlBuiltAssignments(SourceFile file,
                                                                   Expressions.Assignments assignments) {
        var built = new HashSet<Expressions.Assignment>();
        for (var assignment : assignments.inOrder()) {
            var start = assignment.valueStart();
            var end = assignment.valueEnd();
            var previous = assignments.latestBefore(assignment.name(), assignment.line());
            var wasSql = previous.filter(built::contains).isPresent();
            var dynamic = Expressions.isDynamic(file, start, end);
            var sqlText = SQL.matcher(Expressions.stringContents(file, start, end)).find();
            // Appending to SQL built from input keeps it built; appending input to SQL text builds it.
            if (dynamic && sqlText || assignment.isAppend() && wasSql
                    || assignment.isAppend() && sqlText && !Expressions.isLiteral(file, start, end)
                    || dynamic && referencesBuilt(file, assignments, built, assignment)) {
                built.add(assignment);
            }
        }
        return built;
    }

    private static boolean referencesBuilt(SourceFile file, Expressions.Assignments assignments,
                                           Set<Expressions.Assignment> built, Expressions.Assignment assignment) {
        var value = file.text().substring(assignment.valueStart(), assignment.valueEnd());
        var words = Pattern.compile("[A-Za-z_$][\\w$]*").matcher(value);
        while (words.find()) {
            if (file.isCode(assignment.valueStart() + words.start())
                    && assignments.latestBefore(words.group(), assignment.line() + 1)
                    .filter(a -> a != assignment && built.contains(a)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String name(CallSites.Call call) {
        return call.match().group().replaceAll("[.(\\s]", "");
    }
}
