package dev.cyberdevstudio.engine.home;

import dev.cyberdevstudio.engine.EngineException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The folder where the studio keeps its own data: the database, logs and, later, models and caches.
 *
 * <p>By default it is the platform's conventional place for application data:
 * {@code $XDG_DATA_HOME/cyberdevstudio} (or {@code ~/.local/share/cyberdevstudio}) on Linux and other Unix systems,
 * {@code %APPDATA%\CyberDevStudio} on Windows, {@code ~/Library/Application Support/CyberDevStudio} on macOS.
 * The system property {@value #HOME_PROPERTY} or the environment variable {@value #HOME_VARIABLE} moves it
 * (the property wins), which is how tests and portable installs keep away from the user's real data.
 *
 * <pre>{@code
 * var home = StudioHome.fromEnvironment().ensureCreated();
 * switch (StudioStore.open(home)) { ... }
 * }</pre>
 *
 * @param root absolute, normalized path of the data folder
 */
public record StudioHome(Path root) {

    /** Environment variable that moves the data folder. */
    public static final String HOME_VARIABLE = "CYBERDEVSTUDIO_HOME";

    /** System property that moves the data folder; it wins over {@link #HOME_VARIABLE}. */
    public static final String HOME_PROPERTY = "cyberdevstudio.home";

    public StudioHome {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** The data folder for this process: its system properties, environment, operating system and user. */
    public static StudioHome fromEnvironment() {
        return resolve(System.getenv(), System.getProperties(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * The data folder for the given surroundings, so that every platform's rule can be checked on any machine.
     *
     * @param environment environment variables, as {@link System#getenv()} gives them
     * @param properties system properties, as {@link System#getProperties()} gives them
     * @param osName the {@code os.name} system property
     * @param userHome the user's home folder; relative folders found in the environment resolve against the
     *                 current working folder
     */
    public static StudioHome resolve(Map<String, String> environment, Properties properties, String osName,
                                     Path userHome) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(userHome, "userHome");
        var override = nonBlank(properties.getProperty(HOME_PROPERTY))
                .or(() -> nonBlank(environment.get(HOME_VARIABLE)));
        if (override.isPresent()) {
            return new StudioHome(userHome.getFileSystem().getPath(override.get()));
        }
        var os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            var appData = nonBlank(environment.get("APPDATA"))
                    .map(userHome.getFileSystem()::getPath)
                    .orElseGet(() -> userHome.resolve("AppData").resolve("Roaming"));
            return new StudioHome(appData.resolve("CyberDevStudio"));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return new StudioHome(userHome.resolve("Library").resolve("Application Support").resolve("CyberDevStudio"));
        }
        // The XDG specification says a relative XDG_DATA_HOME is invalid and must be ignored.
        var dataHome = nonBlank(environment.get("XDG_DATA_HOME"))
                .map(userHome.getFileSystem()::getPath)
                .filter(Path::isAbsolute)
                .orElseGet(() -> userHome.resolve(".local").resolve("share"));
        return new StudioHome(dataHome.resolve("cyberdevstudio"));
    }

    /** Where the rotating log files go. */
    public Path logsFolder() {
        return root.resolve("logs");
    }

    /** Where each project's checkpoint journal goes (the change history agents leave, kept outside the project). */
    public Path checkpointsFolder() {
        return root.resolve("checkpoints");
    }

    /** Where the studio's database files go. */
    public Path databaseFolder() {
        return root.resolve("database");
    }

    /**
     * Creates the data folder and its sub-folders where they are missing.
     *
     * @return this home, for chaining
     * @throws EngineException naming the folder that could not be created and why
     */
    public StudioHome ensureCreated() {
        for (var folder : new Path[] {root, logsFolder(), databaseFolder()}) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new EngineException("Cannot create the folder " + folder + ": " + describe(folder, e) + ".", e);
            }
        }
        return this;
    }

    private static String describe(Path folder, IOException e) {
        var blocker = Stream.iterate(folder, Objects::nonNull, Path::getParent)
                .filter(path -> Files.exists(path) && !Files.isDirectory(path))
                .findFirst();
        if (blocker.isPresent()) {
            return blocker.get() + " is a file, not a folder";
        }
        return switch (e) {
            case AccessDeniedException denied when folder.toString().equals(denied.getFile()) -> "permission denied";
            case AccessDeniedException denied -> "permission denied on " + denied.getFile();
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        };
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
