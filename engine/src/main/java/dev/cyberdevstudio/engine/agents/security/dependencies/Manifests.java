package dev.cyberdevstudio.engine.agents.security.dependencies;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the dependencies a manifest declares: pom.xml, build.gradle, package.json, requirements.txt, go.mod. */
final class Manifests {

    private static final Logger LOG = LoggerFactory.getLogger(Manifests.class);

    /** How tightly a declaration fixes its version. */
    enum Pinning { EXACT, RANGE, OPEN, ANY, NOT_A_VERSION }

    /**
     * One declared dependency.
     *
     * @param ecosystem OSV's name: Maven, npm, PyPI, Go
     * @param name      {@code group:artifact} for Maven, the package name elsewhere
     * @param spec      the version as written (resolved from a Maven property when it is one); may be empty
     * @param offset    where the version (or the name, when there is no version) is written
     * @param pinning   how tightly the spec fixes the version
     */
    record Dependency(String ecosystem, String name, String spec, int offset, Pinning pinning) {

        /** The lowest version the spec admits, when it names one. */
        Optional<String> lowestVersion() {
            if (pinning == Pinning.ANY || pinning == Pinning.NOT_A_VERSION) {
                return Optional.empty();
            }
            var version = VERSION.matcher(spec);
            return version.find() ? Optional.of(version.group()) : Optional.empty();
        }
    }

    private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)*(?:[-.]?[A-Za-z]+[\\w.-]*)?");
    private static final Pattern MAVEN_PROPERTY = Pattern.compile("<([\\w.-]+)>\\s*([^<]*?)\\s*</\\1>");
    private static final Pattern MAVEN_BLOCK = Pattern.compile("(?s)<properties>(.*?)</properties>");
    private static final Pattern MAVEN_DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");
    private static final Pattern GRADLE_STRING = Pattern.compile(
            "\\b(?:implementation|api|compile|compileOnly|runtimeOnly|runtime|testImplementation|testCompile"
            + "|testRuntimeOnly|classpath|annotationProcessor"
            + "|kapt)\\s*\\(?\\s*['\"]([\\w.-]+):([\\w.-]+):([^'\"@:\\s]+)");
    private static final Pattern GRADLE_MAP = Pattern.compile(
            "\\bgroup\\s*[:=]\\s*['\"]([\\w.-]+)['\"]\\s*,\\s*name\\s*[:=]\\s*['\"]([\\w.-]+)['\"]\\s*,"
                    + "\\s*version\\s*[:=]\\s*"
            + "['\"]([^'\"]+)['\"]");
    private static final Set<String> NPM_SECTIONS = Set.of("dependencies", "devDependencies", "optionalDependencies");
    private static final Pattern PIP_REQUIREMENT = Pattern.compile(
            "^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^]]*])?\\s*((?:(?:===|==|~=|!=|<=|>=|<"
                    + "|>)\\s*[^;#\\s,]+\\s*,?\\s*)*)"
            + "\\s*(?:;.*)?$");
    private static final Pattern GO_REQUIRE = Pattern.compile("(?m)^\\s*(?:require\\s+)?([\\w.-]+\\.[\\w.-]+/[^\\s)]+)"
            + "\\s+(v[^\\s)]+)");

    private Manifests() {
    }

    static List<Dependency> of(SourceFile file) {
        return switch (file.kind()) {
            case MAVEN_POM -> maven(file);
            case GRADLE -> gradle(file);
            case NPM_PACKAGE -> npm(file);
            case PIP_REQUIREMENTS -> pip(file);
            case GO_MOD -> go(file);
            default -> List.of();
        };
    }

    private static List<Dependency> maven(SourceFile file) {
        var code = file.code();
        var properties = new HashMap<String, String>();
        var block = MAVEN_BLOCK.matcher(code);
        while (block.find()) {
            var property = MAVEN_PROPERTY.matcher(block.group(1));
            while (property.find()) {
                properties.put(property.group(1), property.group(2));
            }
        }
        var dependencies = new ArrayList<Dependency>();
        var dependency = MAVEN_DEPENDENCY.matcher(code);
        while (dependency.find()) {
            var fields = fields(dependency.group(1), dependency.start(1));
            var group = fields.get("groupId");
            var artifact = fields.get("artifactId");
            var version = fields.get("version");
            if (group == null || artifact == null || version == null) {
                continue;
            }
            var spec = resolve(version.text(), properties);
            dependencies.add(new Dependency("Maven", group.text() + ":" + artifact.text(), spec, version.offset(),
                    mavenPinning(spec)));
        }
        return dependencies;
    }

    private record Field(String text, int offset) {
    }

    private static Map<String, Field> fields(String block, int blockStart) {
        var fields = new HashMap<String, Field>();
        var field = MAVEN_PROPERTY.matcher(block);
        while (field.find()) {
            fields.putIfAbsent(field.group(1), new Field(field.group(2), blockStart + field.start(2)));
        }
        return fields;
    }

    private static String resolve(String value, Map<String, String> properties) {
        var resolved = value;
        for (int depth = 0; depth < 5 && resolved.startsWith("${") && resolved.endsWith("}"); depth++) {
            var next = properties.get(resolved.substring(2, resolved.length() - 1));
            if (next == null) {
                break;
            }
            resolved = next;
        }
        return resolved;
    }

    private static Pinning mavenPinning(String spec) {
        if (spec.equals("LATEST") || spec.equals("RELEASE")) {
            return Pinning.ANY;
        }
        if (spec.startsWith("${")) {
            return Pinning.NOT_A_VERSION;
        }
        if (spec.startsWith("[") || spec.startsWith("(")) {
            return spec.matches("[\\[(][^,]*,\\s*[)\\]]") ? Pinning.OPEN : Pinning.RANGE;
        }
        return Pinning.EXACT;
    }

    private static List<Dependency> gradle(SourceFile file) {
        var dependencies = new ArrayList<Dependency>();
        for (var pattern : List.of(GRADLE_STRING, GRADLE_MAP)) {
            for (var match : file.findInCode(pattern)) {
                var spec = match.group(3);
                var pinning = spec.endsWith("+") || spec.startsWith("latest.") ? Pinning.ANY
                        : spec.startsWith("[") || spec.startsWith("(") ? Pinning.RANGE
                        : spec.startsWith("$") ? Pinning.NOT_A_VERSION : Pinning.EXACT;
                dependencies.add(new Dependency("Maven", match.group(1) + ":" + match.group(2), spec, match.start(3),
                        pinning));
            }
        }
        return dependencies;
    }

    private static List<Dependency> npm(SourceFile file) {
        var dependencies = new ArrayList<Dependency>();
        try (var parser = new JsonFactory().createParser(file.text())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return dependencies;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var section = parser.currentName();
                var value = parser.nextToken();
                if (value == JsonToken.START_OBJECT && NPM_SECTIONS.contains(section)) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        var name = parser.currentName();
                        var token = parser.nextToken();
                        if (token == JsonToken.VALUE_STRING) {
                            var offset = (int) parser.currentTokenLocation().getCharOffset() + 1;
                            var spec = parser.getText();
                            dependencies.add(new Dependency("npm", name, spec, offset, npmPinning(spec)));
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException error) {
            LOG.debug("{} is not valid JSON, so its dependencies are not checked: {}", file.path(),
                    error.getMessage());
        }
        return dependencies;
    }

    private static Pinning npmPinning(String spec) {
        var trimmed = spec.strip();
        if (trimmed.isEmpty() || trimmed.equals("*") || trimmed.equalsIgnoreCase("x") || trimmed.equals("latest")
                || trimmed.equals("next")) {
            return Pinning.ANY;
        }
        var bare = trimmed.replaceFirst("^[\\^~=v<>\\s]+", "");
        if (bare.isEmpty() || !Character.isDigit(bare.charAt(0))) {
            return Pinning.NOT_A_VERSION;
        }
        if (trimmed.startsWith(">") && !trimmed.contains("<")) {
            return Pinning.OPEN;
        }
        return trimmed.matches("=?v?\\d+(\\.\\d+)*(-[\\w.]+)?") ? Pinning.EXACT : Pinning.RANGE;
    }

    private static List<Dependency> pip(SourceFile file) {
        var dependencies = new ArrayList<Dependency>();
        for (int line = 1; line <= file.lineCount(); line++) {
            var code = file.codeLine(line);
            if (code.isBlank() || code.strip().startsWith("-") || code.contains("://") || code.contains(" @ ")) {
                continue;
            }
            var match = PIP_REQUIREMENT.matcher(code);
            if (!match.matches()) {
                continue;
            }
            var spec = match.group(2).strip();
            var offset = file.lineStart(line) + (spec.isEmpty() ? match.start(1) : match.start(2));
            Pinning pinning;
            if (spec.isEmpty()) {
                pinning = Pinning.ANY;
            } else if (spec.startsWith("==") && !spec.contains("*") && !spec.contains(",")) {
                pinning = Pinning.EXACT;
            } else if (spec.startsWith(">") && !spec.contains("<") && !spec.contains("~=")) {
                pinning = Pinning.OPEN;
            } else if (spec.startsWith("==") || spec.startsWith("~=") || spec.startsWith(">")) {
                pinning = Pinning.RANGE;
            } else {
                pinning = Pinning.NOT_A_VERSION;
            }
            dependencies.add(new Dependency("PyPI", match.group(1), spec, offset, pinning));
        }
        return dependencies;
    }

    private static List<Dependency> go(SourceFile file) {
        var dependencies = new ArrayList<Dependency>();
        var inRequire = false;
        for (int line = 1; line <= file.lineCount(); line++) {
            var code = file.codeLine(line).strip();
            if (code.startsWith("require (")) {
                inRequire = true;
                continue;
            }
            if (inRequire && code.startsWith(")")) {
                inRequire = false;
                continue;
            }
            if (!inRequire && !code.startsWith("require ")) {
                continue;
            }
            var match = GO_REQUIRE.matcher(file.codeLine(line));
            if (match.find()) {
                dependencies.add(new Dependency("Go", match.group(1), match.group(2),
                        file.lineStart(line) + match.start(2), Pinning.EXACT));
            }
        }
        return dependencies;
    }
}
