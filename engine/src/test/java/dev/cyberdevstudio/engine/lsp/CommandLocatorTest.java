package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLocatorTest {

    @TempDir
    Path folder;

    private Path executable(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n");
        assertThat(path.toFile().setExecutable(true)).isTrue();
        return path;
    }

    @Test
    void looksOnThePathThenInTheNpmToolsThenInTheStudiosFolders() throws IOException {
        var onPath = executable(folder.resolve("bin/server-a"));
        var npm = executable(folder.resolve("npm/node_modules/.bin/server-b"));
        executable(folder.resolve("npm/node_modules/.bin/server-a"));
        var studio = executable(folder.resolve("studio-tools/server-c"));
        var locator = CommandLocator.forEnvironment(folder, Map.of(
                "PATH", folder.resolve("missing") + File.pathSeparator + " " + File.pathSeparator
                        + folder.resolve("bin"),
                CommandLocator.NPM_TOOLS_VARIABLE, folder.resolve("npm").toString()),
                List.of(folder.resolve("studio-tools")));

        assertThat(locator.locate("server-a")).contains(onPath);
        assertThat(locator.locate("server-b")).contains(npm);
        assertThat(locator.locate("server-c")).contains(studio);
        assertThat(locator.locate("server-d")).isEmpty();
    }

    @Test
    void takesPathsAsTheyAreRelativeToTheProject() throws IOException {
        var local = executable(folder.resolve("venv/bin/pylsp"));
        Files.writeString(folder.resolve("not-executable"), "");
        var locator = CommandLocator.forEnvironment(folder, Map.of(), List.of());

        assertThat(locator.locate("venv/bin/pylsp")).contains(local);
        assertThat(locator.locate(local.toString())).contains(local);
        assertThat(locator.locate("./not-executable")).isEmpty();
        assertThat(locator.locate("venv/bin")).isEmpty();
    }

    @Test
    void findsNothingWithoutAPath() {
        var locator = CommandLocator.forEnvironment(folder, Map.of(), List.of());
        assertThat(locator.locate("sh")).isEmpty();
    }

    @Test
    void aNameThatCannotBeAFileIsNotFound() {
        var locator = CommandLocator.forEnvironment(folder, Map.of("PATH", folder.toString()), List.of());
        assertThat(locator.locate("bad\u0000name")).isEmpty();
    }
}
