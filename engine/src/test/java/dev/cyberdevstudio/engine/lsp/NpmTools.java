package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The npm tools the language-server tests drive (pyright, typescript-language-server), installed by {@code ./check}
 * into {@code .ci/npm-tools}. Outside CI a machine without them skips those tests; in CI their absence fails.
 */
final class NpmTools {

    private NpmTools() {
    }

    /** The tools folder (the one holding {@code node_modules/.bin}); skips or fails the test when there is none. */
    static Path require(String... programs) {
        var found = find().filter(folder -> Stream.of(programs)
                .allMatch(program -> Files.isExecutable(bin(folder).resolve(program))));
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(found.isPresent(), "The npm test tools are not installed (run ./check, or set "
                    + CommandLocator.NPM_TOOLS_VARIABLE + ")");
        }
        assertThat(found).as("the npm test tools in .ci/npm-tools (./check installs them)").isPresent();
        return found.get();
    }

    /** The studio's environment with the tools folder named, as {@code ./check} exports it. */
    static Map<String, String> environment(Path tools) {
        var environment = new HashMap<>(System.getenv());
        environment.put(CommandLocator.NPM_TOOLS_VARIABLE, tools.toString());
        return environment;
    }

    private static Optional<Path> find() {
        var variable = System.getenv(CommandLocator.NPM_TOOLS_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(Path.of(variable).toAbsolutePath());
        }
        for (var folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            var candidate = folder.resolve(".ci").resolve("npm-tools");
            if (Files.isDirectory(bin(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path bin(Path tools) {
        return tools.resolve("node_modules").resolve(".bin");
    }
}
