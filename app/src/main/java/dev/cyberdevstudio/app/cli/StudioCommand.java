package dev.cyberdevstudio.app.cli;

import dev.cyberdevstudio.app.shell.StudioApplication;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.VersionInfo;
import dev.cyberdevstudio.engine.home.StudioHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code studio [FOLDER]} opens the window; subcommands do the rest. */
@Command(name = "studio", mixinStandardHelpOptions = true, versionProvider = StudioCommand.Version.class,
    description = "CyberDevStudio: an offline-first studio for programmers.%n"
        + "With no arguments, opens the window; with a folder, opens it as the project.",
    subcommands = {VersionCommand.class})
public final class StudioCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FOLDER", description = "A folder to open as the project.")
    private Path folder;

    @Option(names = "--timing-file", hidden = true, description = "Write start-up timings to this file.")
    private Path timingFile;

    @Option(names = "--exit-when-ready", hidden = true, description = "Close once the window is interactive.")
    private boolean exitWhenReady;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (folder != null && !Files.isDirectory(folder)) {
            spec.commandLine().getErr().println("studio: " + folder.toAbsolutePath()
                + (Files.exists(folder) ? " is a file, not a folder" : " does not exist"));
            return CommandLine.ExitCode.USAGE;
        }
        var home = StudioHome.fromEnvironment();
        home.ensureCreated();
        // Logback reads this when the first logger is made, so it must be set before anything logs.
        System.setProperty("cyberdevstudio.logs", home.logsFolder().toString());
        // Initialised here, on one thread: the engine and the toolkit start logging at once right after.
        LoggerFactory.getILoggerFactory();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        var starter = Executors.newVirtualThreadPerTaskExecutor();
        var engine = CompletableFuture.supplyAsync(() -> LocalEngine.start(home), starter);
        starter.shutdown();
        StudioApplication.launch(new LaunchOptions(Optional.ofNullable(folder), engine,
            Optional.ofNullable(timingFile), exitWhenReady));
        return CommandLine.ExitCode.OK;
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return VersionInfo.current().describe().split(System.lineSeparator());
        }
    }
}
