package dev.cyberdevstudio.engine.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioHomeTest {

    @TempDir
    Path temp;

    private Path userHome() {
        return temp.resolve("user");
    }

    private StudioHome resolve(Map<String, String> environment, Properties properties, String osName) {
        return StudioHome.resolve(environment, properties, osName, userHome());
    }

    private static Properties properties(String... keysAndValues) {
        var properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void linuxUsesXdgDataHome() {
        var home = resolve(Map.of("XDG_DATA_HOME", temp.resolve("xdg").toString()), properties(), "Linux");

        assertThat(home.root()).isEqualTo(temp.resolve("xdg").resolve("cyberdevstudio"));
    }

    @Test
    void linuxFallsBackToLocalShareWithoutXdgDataHome() {
        var home = resolve(Map.of(), properties(), "Linux");

        assertThat(home.root()).isEqualTo(userHome().resolve(".local/share/cyberdevstudio"));
    }

    @Test
    void linuxIgnoresBlankOrRelativeXdgDataHome() {
        assertThat(resolve(Map.of("XDG_DATA_HOME", "  "), properties(), "Linux").root())
                .isEqualTo(userHome().resolve(".local/share/cyberdevstudio"));
        assertThat(resolve(Map.of("XDG_DATA_HOME", "relative/data"), properties(), "Linux").root())
                .isEqualTo(userHome().resolve(".local/share/cyberdevstudio"));
    }

    @Test
    void otherUnixSystemsFollowXdgLikeLinux() {
        var home = resolve(Map.of(), properties(), "FreeBSD");

        assertThat(home.root()).isEqualTo(userHome().resolve(".local/share/cyberdevstudio"));
    }

    @Test
    void windowsUsesAppData() {
        var appData = temp.resolve("AppData").resolve("Roaming");

        var home = resolve(Map.of("APPDATA", appData.toString()), properties(), "Windows 11");

        assertThat(home.root()).isEqualTo(appData.resolve("CyberDevStudio"));
    }

    @Test
    void windowsWithoutAppDataUsesRoamingUnderUserHome() {
        var home = resolve(Map.of("XDG_DATA_HOME", temp.toString()), properties(), "Windows Server 2022");

        assertThat(home.root()).isEqualTo(userHome().resolve("AppData/Roaming/CyberDevStudio"));
    }

    @Test
    void macUsesApplicationSupport() {
        var home = resolve(Map.of("XDG_DATA_HOME", temp.toString()), properties(), "Mac OS X");

        assertThat(home.root()).isEqualTo(userHome().resolve("Library/Application Support/CyberDevStudio"));
    }

    @Test
    void environmentVariableMovesHomeOnEveryPlatform() {
        var moved = temp.resolve("moved");
        var environment = Map.of(StudioHome.HOME_VARIABLE, moved.toString(), "APPDATA", temp.toString());

        for (var os : new String[] {"Linux", "Windows 10", "Mac OS X"}) {
            assertThat(resolve(environment, properties(), os).root()).as(os).isEqualTo(moved);
        }
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        var environment = Map.of(StudioHome.HOME_VARIABLE, temp.resolve("from-env").toString());

        var home = resolve(environment, properties(StudioHome.HOME_PROPERTY, temp.resolve("from-property").toString()),
                "Linux");

        assertThat(home.root()).isEqualTo(temp.resolve("from-property"));
    }

    @Test
    void blankOverridesAreIgnored() {
        var home = resolve(Map.of(StudioHome.HOME_VARIABLE, " "), properties(StudioHome.HOME_PROPERTY, ""), "Linux");

        assertThat(home.root()).isEqualTo(userHome().resolve(".local/share/cyberdevstudio"));
    }

    @Test
    void rootIsAbsoluteAndNormalized() {
        var home = resolve(Map.of(StudioHome.HOME_VARIABLE, "relative/../studio-data"), properties(), "Linux");

        assertThat(home.root()).isAbsolute().isEqualTo(Path.of("studio-data").toAbsolutePath());
    }

    @Test
    void foldersLieUnderRoot() {
        var home = new StudioHome(temp);

        assertThat(home.logsFolder()).isEqualTo(temp.resolve("logs"));
        assertThat(home.databaseFolder()).isEqualTo(temp.resolve("database"));
    }

    @Test
    void ensureCreatedMakesTheFolders() {
        var home = new StudioHome(temp.resolve("a/b/studio"));

        assertThat(home.ensureCreated()).isSameAs(home);

        assertThat(home.root()).isDirectory();
        assertThat(home.logsFolder()).isDirectory();
        assertThat(home.databaseFolder()).isDirectory();
        assertThat(home.ensureCreated()).isEqualTo(home);
    }

    @Test
    void ensureCreatedNamesTheFolderWhenAFileIsInTheWay() throws IOException {
        var home = new StudioHome(temp.resolve("studio"));
        Files.createDirectories(home.root());
        Files.writeString(home.databaseFolder(), "not a folder");

        assertThatThrownBy(home::ensureCreated)
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot create the folder " + home.databaseFolder() + ": " + home.databaseFolder()
                        + " is a file, not a folder.");
    }

    @Test
    void ensureCreatedExplainsAFileAmongTheParents() throws IOException {
        Files.writeString(temp.resolve("blocker"), "not a folder");
        var home = new StudioHome(temp.resolve("blocker/studio"));

        assertThatThrownBy(home::ensureCreated)
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot create the folder " + home.root() + ": " + temp.resolve("blocker")
                        + " is a file, not a folder.");
    }

    @Test
    void fromEnvironmentHonoursTheSystemProperty() {
        var previous = System.getProperty(StudioHome.HOME_PROPERTY);
        System.setProperty(StudioHome.HOME_PROPERTY, temp.resolve("prop-home").toString());
        try {
            assertThat(StudioHome.fromEnvironment().root()).isEqualTo(temp.resolve("prop-home"));
        } finally {
            if (previous == null) {
                System.clearProperty(StudioHome.HOME_PROPERTY);
            } else {
                System.setProperty(StudioHome.HOME_PROPERTY, previous);
            }
        }
    }
}
