package dev.cyberdevstudio.engine.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterBash;
import org.treesitter.TreeSitterCss;
import org.treesitter.TreeSitterHtml;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterJson;
import org.treesitter.TreeSitterMarkdown;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;
import org.treesitter.TreeSitterYaml;

/**
 * One tree-sitter grammar and one compiled highlight query per language, loaded on first use and shared by every
 * document: both are immutable once built, and compiling a query costs milliseconds that a file open should not
 * pay twice. They live as long as the process.
 */
final class Grammars {

    /** A language's grammar and highlight query. */
    record Grammar(TSLanguage treeSitter, HighlightQuery highlights) {
    }

    private static final Map<Language, Grammar> LOADED = new ConcurrentHashMap<>();

    private Grammars() {
    }

    static Grammar of(Language language) {
        return LOADED.computeIfAbsent(language, Grammars::load);
    }

    private static Grammar load(Language language) {
        var treeSitter = treeSitterOf(language);
        var queryName = queryNameOf(language);
        var source = readQuery(queryName);
        return new Grammar(treeSitter, HighlightQuery.compile(treeSitter, queryName, source, knownNamesOf(language)));
    }

    private static TSLanguage treeSitterOf(Language language) {
        return switch (language) {
            case JAVA -> new TreeSitterJava();
            case PYTHON -> new TreeSitterPython();
            case JAVASCRIPT -> new TreeSitterJavascript();
            // The grammar jar ships the TypeScript dialect only; TSX files get it too, so JSX markup in them
            // degrades to error recovery while their code keeps its highlighting.
            case TYPESCRIPT, TSX -> new TreeSitterTypescript();
            case JSON -> new TreeSitterJson();
            case MARKDOWN -> new TreeSitterMarkdown();
            case BASH -> new TreeSitterBash();
            case YAML -> new TreeSitterYaml();
            case HTML -> new TreeSitterHtml();
            case CSS -> new TreeSitterCss();
        };
    }

    private static String queryNameOf(Language language) {
        return switch (language) {
            case TSX -> "typescript.scm";
            default -> language.name().toLowerCase(Locale.ROOT) + ".scm";
        };
    }

    private static String readQuery(String name) {
        try (var in = Grammars.class.getResourceAsStream("highlights/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Highlight query " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException error) {
            throw new UncheckedIOException("Cannot read highlight query " + name, error);
        }
    }

    /** Names that a query's {@code .known} captures style, where the grammar has no node type for them. */
    private static Set<String> knownNamesOf(Language language) {
        return switch (language) {
            case PYTHON -> Set.of("self", "cls", "print", "len", "range", "int", "str", "float", "bool", "list",
                    "dict", "set", "tuple", "bytes", "type", "object", "super", "isinstance", "issubclass", "open",
                    "enumerate", "zip", "map", "filter", "sorted", "reversed", "min", "max", "sum", "abs", "any",
                    "all", "iter", "next", "repr", "hash", "id", "input", "format", "getattr", "setattr", "hasattr",
                    "delattr", "callable", "vars", "dir", "globals", "locals", "exec", "eval", "property",
                    "staticmethod", "classmethod", "Exception", "ValueError", "TypeError", "KeyError", "IndexError",
                    "RuntimeError", "NotImplementedError", "StopIteration", "AttributeError", "OSError");
            case JAVASCRIPT, TYPESCRIPT, TSX -> Set.of("console", "window", "document", "globalThis", "process",
                    "require", "module", "exports", "JSON", "Math", "Object", "Array", "Promise", "Number",
                    "String", "Boolean", "Symbol", "Map", "Set", "WeakMap", "WeakSet", "Error", "Date", "RegExp",
                    "setTimeout", "setInterval", "clearTimeout", "clearInterval", "parseInt", "parseFloat");
            case BASH -> Set.of("echo", "printf", "cd", "pwd", "export", "source", ".", "alias", "unalias", "read",
                    "exit", "return", "set", "unset", "shift", "test", "eval", "exec", "trap", "wait", "kill",
                    "local", "declare", "let", "true", "false", "type", "command", "builtin", "getopts", "umask",
                    "ulimit", "pushd", "popd", "dirs", "jobs", "bg", "fg", "hash", "help", "history", "mapfile",
                    "readarray", "shopt", "times");
            default -> Set.of();
        };
    }
}
