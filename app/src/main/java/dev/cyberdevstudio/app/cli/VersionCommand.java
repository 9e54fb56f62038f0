package dev.cyberdevstudio.app.cli;

import dev.cyberdevstudio.engine.VersionInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code studio version}: the studio's version and the Java runtime under it. */
@Command(name = "version", description = "Print the studio's version and the Java runtime it runs on.")
final class VersionCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(VersionInfo.current().describe());
        return CommandLine.ExitCode.OK;
    }
}
