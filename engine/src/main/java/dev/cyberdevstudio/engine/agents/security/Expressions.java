package dev.cyberdevstudio.engine.agents.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Small facts about expressions that the injection and crypto rules share: is a piece of code a literal, is it a
 * string built from something else, what was a variable last assigned. Heuristics on text with the file's string
 * and comment regions, not a type checker: they read one file, in line order, and ignore scopes.
 */
public final class Expressions {

    private static final Pattern FORMAT_CALL = Pattern.compile(
            "String\\.format\\s*\\(|\\.formatted\\s*\\(|fmt\\.Sprintf\\s*\\(|MessageFormat\\.format\\s*\\("
            + "|util\\.format\\s*\\(|\\.format\\s*\\(|\\.concat\\s*\\(|(?<![\\w.])sprintf\\s*\\(");
    private static final Pattern F_STRING = Pattern.compile(
            "(?<![\\w])(?:[fF][rR]?|[rR][fF])(\"\"\"|'''|\"|')[^\\n]*?\\{[^{}\\n]+}");
    private static final Pattern TEMPLATE = Pattern.compile("`[^`]*\\$\\{[^`]*`", Pattern.DOTALL);
    /** Calls whose result is a number, which cannot carry SQL or shell syntax. */
    private static final Pattern NUMERIC_CALL = Pattern.compile(
            "(?:Math|Integer|Long|StrictMath)\\.\\w+\\s*\\(|(?:len|int|float|strconv\\.Itoa)\\s*\\(");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![\\w.$=!<>+\\-*/%&|^:])([A-Za-z_$][\\w$]*)\\s*(\\+=|:=|=)(?![=>~])\\s*");
    private static final Pattern FUNCTION = Pattern.compile("(?:async\\s+)?function\\b|lambda\\b|func\\s*\\(");
    private static final int MAX_CONTINUATION_LINES = 8;

    private Expressions() {
    }

    /** An assignment {@code name = value} (also {@code +=} and Go's {@code :=}) found in a file. */
    public record Assignment(String name, String operator, int line, int valueStart, int valueEnd) {

        public boolean isAppend() {
            return operator.equals("+=");
        }
    }

    /** Every assignment of a file, by variable name, in line order. */
    public static final class Assignments {

        private final Map<String, List<Assignment>> byName;

        private Assignments(Map<String, List<Assignment>> byName) {
            this.byName = byName;
        }

        /** The last assignment of {@code name} on a line before {@code line}. */
        public Optional<Assignment> latestBefore(String name, int line) {
            Assignment latest = null;
            for (var assignment : byName.getOrDefault(name, List.of())) {
                if (assignment.line() < line) {
                    latest = assignment;
                }
            }
            return Optional.ofNullable(latest);
        }

        /** Every assignment, in line order. */
        public List<Assignment> inOrder() {
            return byName.values().stream().flatMap(List::stream)
                    .sorted(java.util.Comparator.comparingInt(Assignment::valueStart)).toList();
        }
    }

    /** The assignments of a file, each with its value's range (running on over continuation lines). */
    public static Assignments assignments(SourceFile file) {
        var byName = new HashMap<String, List<Assignment>>();
        for (var match : file.findInCode(ASSIGNMENT)) {
            var line = file.lineOf(match.start());
            var valueStart = match.end();
            var valueEnd = statementEnd(file, valueStart);
            byName.computeIfAbsent(match.group(1), name -> new ArrayList<>())
                    .add(new Assignment(match.group(1), match.group(2), line, valueStart, valueEnd));
        }
        return new Assignments(byName);
    }

    /**
     * Where the statement that runs through {@code from} ends: the end of its line, or of a later line while
     * parentheses stay open or a line ends or starts with an operator that carries on.
     */
    public static int statementEnd(SourceFile file, int from) {
        int line = file.lineOf(from);
        int depth = 0;
        int end = file.lineEnd(line);
        for (int count = 0; count < MAX_CONTINUATION_LINES; count++) {
            var code = file.code();
            for (int i = count == 0 ? from : file.lineStart(line); i < end; i++) {
                if (!file.isCode(i)) {
                    continue;
                }
                char c = code.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == ';' && depth <= 0) {
                    return i;
                }
            }
            var trimmed = code.substring(file.lineStart(line), end).strip();
            var next = line < file.lineCount() ? file.codeLine(line + 1).strip() : "";
            boolean carriesOn = depth > 0 || trimmed.endsWith("+") || trimmed.endsWith("\\") || trimmed.endsWith(",")
                    || next.startsWith("+") || next.startsWith(".");
            if (!carriesOn || line >= file.lineCount()) {
                return end;
            }
            line++;
            end = file.lineEnd(line);
        }
        return end;
    }

    /**
     * True when {@code [from, to)} builds a string from something other than literals and constants: concatenation
     * with a variable or call, an f-string or template with placeholders, a format call, Python's {@code %}.
     */
    public static boolean isDynamic(SourceFile file, int from, int to) {
        if (from >= to) {
            return false;
        }
        var text = file.text();
        var raw = text.substring(from, to);
        var format = FORMAT_CALL.matcher(raw);
        while (format.find()) {
            if (file.isCode(from + format.start())) {
                return true;
            }
        }
        if (F_STRING.matcher(raw).find() || TEMPLATE.matcher(raw).find()) {
            return true;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!file.isCode(i) || (c != '+' && c != '%')) {
                continue;
            }
            if (c == '+' && ((i + 1 < to && (text.charAt(i + 1) == '+' || text.charAt(i + 1) == '='))
                    || (i > from && text.charAt(i - 1) == '+'))) {
                continue;
            }
            int before = previousCodeChar(file, from, i);
            int after = nextCodeChar(file, i + 1, to);
            if (before < 0 || after < 0) {
                continue;
            }
            if (c == '%') {
                if (file.kind() == FileKind.PYTHON && file.isString(before) && text.charAt(after) != '=') {
                    return true;
                }
                continue;
            }
            if ((file.isString(before) && isVariableStart(file, after, to))
                    || (file.isString(after) && isVariableEnd(file, from, before))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code [from, to)} holds only string literals, constants and the operators between them: nothing
     * that a caller could have filled in.
     */
    public static boolean isLiteral(SourceFile file, int from, int to) {
        if (from >= to || isDynamic(file, from, to)) {
            return false;
        }
        var rest = new StringBuilder();
        boolean sawLiteral = false;
        for (int i = from; i < to; i++) {
            if (file.isString(i)) {
                sawLiteral = true;
                rest.append(' ');
            } else if (!file.isComment(i)) {
                rest.append(file.text().charAt(i));
            }
        }
        var leftover = CONSTANT.matcher(rest).replaceAll(" ").replaceAll("[\\s+(),]", "");
        return leftover.isEmpty() && (sawLiteral || !rest.toString().isBlank());
    }

    /** The chars of every string literal in {@code [from, to)}, run together with spaces between literals. */
    public static String stringContents(SourceFile file, int from, int to) {
        var contents = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (file.isString(i)) {
                contents.append(file.text().charAt(i));
            } else if (i > from && file.isString(i - 1)) {
                contents.append(' ');
            }
        }
        return contents.toString();
    }

    /** The name when the trimmed text is a bare, possibly dotted identifier: {@code sql}, {@code this.sql}. */
    public static Optional<String> identifier(String text) {
        var trimmed = text.strip();
        if (!IDENTIFIER.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        var dot = trimmed.lastIndexOf('.');
        return Optional.of(dot < 0 ? trimmed : trimmed.substring(dot + 1));
    }

    /** The call's arguments split at top-level commas, as ranges of the file: {@code [start, end)} pairs. */
    public static List<int[]> arguments(SourceFile file, int open) {
        var close = file.closingParen(open);
        var end = close < 0 ? file.lineEnd(file.lineOf(open)) : close;
        var ranges = new ArrayList<int[]>();
        int depth = 0;
        int start = open + 1;
        var text = file.text();
        for (int i = open + 1; i < end; i++) {
            if (!file.isCode(i)) {
                continue;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                ranges.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (end > start && !text.substring(start, end).isBlank()) {
            ranges.add(new int[] {start, end});
        }
        return ranges;
    }

    /** True for an argument that is a function (a callback): its body is not part of the call's value. */
    public static boolean isFunction(String argument) {
        var trimmed = argument.strip();
        return trimmed.contains("=>") || trimmed.contains("->") || FUNCTION.matcher(trimmed).lookingAt();
    }

    private static int previousCodeChar(SourceFile file, int from, int index) {
        for (int i = index - 1; i >= from; i--) {
            if (!file.isComment(i) && !Character.isWhitespace(file.text().charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int nextCodeChar(SourceFile file, int index, int to) {
        for (int i = index; i < to; i++) {
            if (!file.isComment(i) && !Character.isWhitespace(file.text().charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A variable, call or parenthesised expression starts here: not a literal, a number, a constant, a call on a
     * constant ({@code COLUMNS.substring(4)}) or a parenthesised sum of constants ({@code (LIMIT - 1)}).
     */
    private static boolean isVariableStart(SourceFile file, int index, int to) {
        var text = file.text();
        char c = text.charAt(index);
        if (c == '(') {
            var close = file.closingParen(index);
            return close < 0 || !onlyConstants(file, index + 1, close);
        }
        if (!Character.isJavaIdentifierStart(c)) {
            return false;
        }
        int end = index;
        while (end < to && (Character.isJavaIdentifierPart(text.charAt(end)))) {
            end++;
        }
        var word = text.substring(index, end);
        return !CONSTANT.matcher(word).matches() && !file.numericNames().contains(word)
                && !NUMERIC_CALL.matcher(text.substring(index, Math.min(to, index + 16))).lookingAt();
    }

    /** A variable, call result or indexed value ends here (calls on constants and sums of constants excepted). */
    private static boolean isVariableEnd(SourceFile file, int from, int index) {
        var text = file.text();
        char c = text.charAt(index);
        if (c == ')' || c == ']') {
            int open = openingParen(file, from, index);
            if (open < 0) {
                return true;
            }
            int chainStart = open;
            while (chainStart > from && (Character.isJavaIdentifierPart(text.charAt(chainStart - 1))
                    || text.charAt(chainStart - 1) == '.')) {
                chainStart--;
            }
            var chain = text.substring(chainStart, open);
            if (chain.isEmpty()) {
                return !onlyConstants(file, open + 1, index);
            }
            var head = chain.split("\\.", -1)[0];
            return !(CONSTANT.matcher(head).matches() && chain.contains("."))
                    && !NUMERIC_CALL.matcher(chain + "(").lookingAt();
        }
        if (!Character.isJavaIdentifierPart(c)) {
            return false;
        }
        int start = index;
        while (start > from && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
            start--;
        }
        var word = text.substring(start, index + 1);
        return Character.isJavaIdentifierStart(word.charAt(0)) && !CONSTANT.matcher(word).matches()
                && !file.numericNames().contains(word);
    }

    /** The offset of the bracket that opens the one closing at {@code close}, or -1 before {@code from}. */
    private static int openingParen(SourceFile file, int from, int close) {
        int depth = 0;
        for (int i = close; i >= from; i--) {
            if (!file.isCode(i)) {
                continue;
            }
            char c = file.text().charAt(i);
            if (c == ')' || c == ']') {
                depth++;
            } else if (c == '(' || c == '[') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** True when the code in {@code [from, to)} names no variable: constants, numbers, literals, operators. */
    private static boolean onlyConstants(SourceFile file, int from, int to) {
        var words = Pattern.compile("[A-Za-z_$][\\w$]*").matcher(file.text().substring(from, to));
        while (words.find()) {
            if (file.isCode(from + words.start()) && !CONSTANT.matcher(words.group()).matches()) {
                return false;
            }
        }
        return true;
    }
}
