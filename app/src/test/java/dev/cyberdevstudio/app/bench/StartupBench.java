package dev.cyberdevstudio.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the real studio, launched as a person would launch it: a new JVM each run, measured from just
 * before the process is created to the first frame and to interactive (see StartupTimer). Runs the plain launch and
 * the launch with JDK 25's AOT cache (made by one training run) alternately, so that machine noise hits both alike.
 *
 * <pre>./bench startup [RUNS] [PROJECT]</pre>
 */
public final class StartupBench {

    private static final PrintStream OUT = System.out;

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path project = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        var work = Files.createTempDirectory("studio-startup-bench");
        var home = Files.createDirectories(work.resolve("home"));
        var aot = work.resolve("studio.aot");

        OUT.println("Warm-up run (creates the store), then the AOT training run…");
        launch(home, project, work.resolve("warmup.txt"), List.of());
        launch(home, project, work.resolve("training.txt"), List.of("-XX:AOTCacheOutput=" + aot));
        if (!Files.exists(aot)) {
            throw new IllegalStateException("The training run made no AOT cache at " + aot);
        }

        var plain = new ArrayList<long[]>();
        var cached = new ArrayList<long[]>();
        for (int run = 0; run < runs; run++) {
            plain.add(launch(home, project, work.resolve("plain-" + run + ".txt"), List.of()));
            cached.add(launch(home, project, work.resolve("aot-" + run + ".txt"), List.of("-XX:AOTCache=" + aot)));
        }
        OUT.printf("%nCold start, %d runs each, project %s%n", runs, project);
        OUT.printf("%-22s %16s %16s%n", "launch", "first frame ms", "interactive ms");
        report("plain", plain);
        report("AOT cache (JDK 25)", cached);
        OUT.printf("ratio AOT/plain: first frame %.2f, interactive %.2f%n",
            (double) median(cached, 0) / median(plain, 0), (double) median(cached, 1) / median(plain, 1));
    }

    private static long[] launch(Path home, Path project, Path timing, List<String> jvmFlags)
        throws IOException, InterruptedException {
        var java = ProcessHandle.current().info().command().orElseThrow();
        var command = new ArrayList<String>();
        command.add(java);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("studio.classpath"), "dev.cyberdevstudio.app.StudioMain",
            "--exit-when-ready", "--timing-file", timing.toString(), project.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(timing.resolveSibling("studio-output.log").toFile()));
        builder.environment().put("CYBERDEVSTUDIO_HOME", home.toString());
        // The studio quits while its terminal's login shell may still be reading a profile: give that shell a home
        // of its own, so the user's profile is neither run nor left with half-written state (pyenv's lock, say).
        builder.environment().put("HOME", Files.createDirectories(home.resolveSibling("user-home")).toString());
        long launched = System.currentTimeMillis();
        var process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The studio did not become ready within 120 s");
        }
        var times = new Properties();
        try (var in = Files.newInputStream(timing)) {
            times.load(in);
        }
        return new long[] {
            Long.parseLong(times.getProperty("firstFrameMillis")) - launched,
            Long.parseLong(times.getProperty("interactiveMillis")) - launched};
    }

    private static void report(String name, List<long[]> samples) {
        OUT.printf("%-22s %16d %16d   (all first-frame: %s)%n", name, median(samples, 0), median(samples, 1),
            samples.stream().map(sample -> Long.toString(sample[0])).toList());
    }

    private static long median(List<long[]> samples, int column) {
        var values = samples.stream().mapToLong(sample -> sample[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
