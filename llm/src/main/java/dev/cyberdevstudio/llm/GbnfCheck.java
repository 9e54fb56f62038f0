package dev.cyberdevstudio.llm;

import java.util.HashSet;
import java.util.Set;

/**
 * A light syntax check of GBNF grammars before they reach llama.cpp, which logs a parse error and then generates
 * unconstrained text instead of failing. It checks literals, character classes, brackets, a root rule and that every
 * referenced rule is defined; llama.cpp still does the full parse.
 */
final class GbnfCheck {

    private GbnfCheck() {
    }

    static void check(String grammar) {
        Set<String> defined = new HashSet<>();
        Set<String> used = new HashSet<>();
        int depth = 0;
        int i = 0;
        int n = grammar.length();
        while (i < n) {
            char c = grammar.charAt(i);
            if (c == '#') {
                while (i < n && grammar.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '[') {
                char close = c == '"' ? '"' : ']';
                int start = i++;
                while (i < n && grammar.charAt(i) != close) {
                    i += grammar.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= n) {
                    throw invalid("the " + (c == '"' ? "literal" : "character class") + " at offset " + start
                        + " is not closed");
                }
                i++;
            } else if (Character.isLetter(c) || c == '-' || c == '_' || Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(grammar.charAt(i)) || grammar.charAt(i) == '-'
                    || grammar.charAt(i) == '_')) {
                    i++;
                }
                String name = grammar.substring(start, i);
                int next = skipBlanks(grammar, i);
                if (grammar.startsWith("::=", next)) {
                    if (depth != 0) {
                        throw invalid("a bracket is not closed before the rule '" + name + "'");
                    }
                    defined.add(name);
                    i = next + 3;
                } else if (!Character.isDigit(c)) {
                    used.add(name);
                }
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw invalid("')' at offset " + i + " closes nothing");
                }
                i++;
            } else {
                i++;
            }
        }
        if (depth != 0) {
            throw invalid("a '(' is not closed");
        }
        if (!defined.contains("root")) {
            throw invalid("it defines no 'root' rule");
        }
        used.removeAll(defined);
        if (!used.isEmpty()) {
            throw invalid("it uses undefined rules " + used);
        }
    }

    private static int skipBlanks(String grammar, int from) {
        int i = from;
        while (i < grammar.length() && (grammar.charAt(i) == ' ' || grammar.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static LlmException invalid(String cause) {
        return new LlmException("the grammar is not valid GBNF: " + cause);
    }
}
