package dev.cyberdevstudio.engine.agents.security.injection;

import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** The calls of interest in a file: a pattern per language whose match ends at the call's opening parenthesis. */
final class CallSites {

    /** One call: where its name starts (the finding's column) and where its parenthesis opens. */
    record Call(MatchResult match, int start, int open) {
    }

    private final Map<FileKind, Pattern> patterns;

    CallSites(Map<FileKind, Pattern> patterns) {
        this.patterns = patterns;
    }

    boolean covers(FileKind kind) {
        return patterns.containsKey(kind);
    }

    List<Call> in(SourceFile file) {
        var pattern = patterns.get(file.kind());
        var calls = new ArrayList<Call>();
        if (pattern == null) {
            return calls;
        }
        for (var match : file.findInCode(pattern)) {
            var open = match.end() - 1;
            if (file.text().charAt(open) == '(') {
                int start = match.start();
                while (start < open && !Character.isJavaIdentifierStart(file.text().charAt(start))) {
                    start++;
                }
                calls.add(new Call(match, start, open));
            }
        }
        return calls;
    }
}
