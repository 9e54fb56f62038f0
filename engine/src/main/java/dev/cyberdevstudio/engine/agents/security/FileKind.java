package dev.cyberdevstudio.engine.agents.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a scanned file is, judged by its name; decides which rules run on it and how comments look. */
public enum FileKind {
    JAVA(Comments.C_LIKE), PYTHON(Comments.HASH), JAVASCRIPT(Comments.C_LIKE), TYPESCRIPT(Comments.C_LIKE),
    GO(Comments.C_LIKE), SHELL(Comments.HASH),
    PROPERTIES(Comments.HASH), YAML(Comments.HASH), JSON(Comments.NONE), DOTENV(Comments.HASH),
    DOCKERFILE(Comments.HASH), XML(Comments.XML),
    MAVEN_POM(Comments.XML), GRADLE(Comments.C_LIKE), NPM_PACKAGE(Comments.NONE), PIP_REQUIREMENTS(Comments.HASH),
    GO_MOD(Comments.C_LIKE),
    /** Any other text file: only the known secret formats are looked for. */
    OTHER_TEXT(Comments.NONE);

    /** How comments are written in a kind of file. */
    public enum Comments { C_LIKE, HASH, XML, NONE }

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "ksh");
    private static final Set<String> CONFIG = Set.of("properties", "conf", "ini", "cfg", "toml", "npmrc", "pypirc");

    private final Comments comments;

    FileKind(Comments comments) {
        this.comments = comments;
    }

    public Comments comments() {
        return comments;
    }

    /** True for the kinds that hold program code (as opposed to configuration or manifests). */
    public boolean isCode() {
        return switch (this) {
            case JAVA, PYTHON, JAVASCRIPT, TYPESCRIPT, GO, SHELL -> true;
            default -> false;
        };
    }

    /** True for the kinds that declare dependencies. */
    public boolean isManifest() {
        return switch (this) {
            case MAVEN_POM, GRADLE, NPM_PACKAGE, PIP_REQUIREMENTS, GO_MOD -> true;
            default -> false;
        };
    }

    /** True for configuration files, where {@code key=value} lines are the norm and values need no quotes. */
    public boolean isConfig() {
        return switch (this) {
            case PROPERTIES, YAML, JSON, DOTENV, DOCKERFILE, XML, MAVEN_POM, GRADLE, NPM_PACKAGE -> true;
            default -> false;
        };
    }

    /** The kind of a file by its name (a bare name or a path's last element); every name gets one. */
    public static FileKind of(String fileName) {
        var name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        return byName(name).or(() -> byExtension(name)).orElse(OTHER_TEXT);
    }

    private static Optional<FileKind> byName(String name) {
        if (name.equals("pom.xml")) {
            return Optional.of(MAVEN_POM);
        }
        if (name.equals("package.json")) {
            return Optional.of(NPM_PACKAGE);
        }
        if (name.equals("go.mod")) {
            return Optional.of(GO_MOD);
        }
        if (name.startsWith("build.gradle") || name.startsWith("settings.gradle")) {
            return Optional.of(GRADLE);
        }
        if (name.startsWith("requirements") && name.endsWith(".txt")) {
            return Optional.of(PIP_REQUIREMENTS);
        }
        if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                || name.equals("containerfile")) {
            return Optional.of(DOCKERFILE);
        }
        if (name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) {
            return Optional.of(DOTENV);
        }
        if (name.equals(".npmrc") || name.equals(".pypirc")) {
            return Optional.of(PROPERTIES);
        }
        if (name.equals(".bashrc") || name.equals(".profile") || name.equals(".zshrc")) {
            return Optional.of(SHELL);
        }
        return Optional.empty();
    }

    private static Optional<FileKind> byExtension(String name) {
        var dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        var extension = name.substring(dot + 1);
        if (SHELLS.contains(extension)) {
            return Optional.of(SHELL);
        }
        if (CONFIG.contains(extension)) {
            return Optional.of(PROPERTIES);
        }
        return Optional.ofNullable(switch (extension) {
            case "java" -> JAVA;
            case "py", "pyw" -> PYTHON;
            case "js", "mjs", "cjs", "jsx" -> JAVASCRIPT;
            case "ts", "mts", "cts", "tsx" -> TYPESCRIPT;
            case "go" -> GO;
            case "yaml", "yml" -> YAML;
            case "json" -> JSON;
            case "xml" -> XML;
            default -> null;
        });
    }
}
