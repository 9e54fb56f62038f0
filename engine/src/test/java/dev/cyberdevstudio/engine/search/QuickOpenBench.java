package dev.cyberdevstudio.engine.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Quick open at scale: generates a project of 50,000 files (modules of Java, TypeScript and Python sources, tests,
 * docs, plus node_modules and build output that the index must skip), then prints how long the index takes to
 * build and the latency of typical queries (median and p99 over many runs each, top 200).
 *
 * <pre>
 * ./bench quickopen [FILES] [RUNS_PER_QUERY]
 * </pre>
 */
public final class QuickOpenBench {

    private static final List<String> QUERIES = List.of("mnwin", "mw", "main", "FileIndex", "usrv", "ordctl",
            "test", "a", "src/main/util", "acme/order/ctrl", "readme", "UserServiceImpl:42", "qqqzzz", "pmtsvc",
            "index.ts", "confloader");
    private static final int LIMIT = 200;
    private static final String[] WORDS = {"user", "order", "payment", "invoice", "account", "session", "config",
        "loader", "main", "window", "view", "model", "controller", "service", "repository", "factory", "handler",
        "parser", "token", "stream", "cache", "index", "search", "query", "result", "file", "path", "node", "tree",
        "event", "bus", "queue", "worker", "task", "job", "report", "export", "import", "theme", "menu", "action",
        "editor", "buffer", "line", "cursor", "selection", "diff", "merge", "commit", "branch"};
    private static final String[] PACKAGES = {"api", "core", "util", "web", "data", "ui", "net", "io", "auth",
        "store"};

    private QuickOpenBench() {
    }

    public static void main(String[] args) throws IOException {
        var fileCount = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        var runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        var root = Files.createTempDirectory("quickopen-bench");
        try {
            var started = System.nanoTime();
            var generated = generate(root, fileCount);
            System.out.printf(Locale.ROOT, "generated %,d files (+%,d in skipped folders) in %s (%.1f s)%n",
                    generated, fileCount / 20, root, seconds(started));

            var builds = new double[5];
            var buildCpu = new double[builds.length];
            FileIndex index = null;
            var heapBefore = usedHeap();
            for (var i = 0; i < builds.length; i++) {
                if (index != null) {
                    index.close();
                }
                var buildStarted = System.nanoTime();
                var cpuStarted = processCpuNanos();
                index = FileIndex.build(root);
                builds[i] = millis(buildStarted);
                buildCpu[i] = (processCpuNanos() - cpuStarted) / 1e6;
            }
            var heapAfter = usedHeap();
            System.out.printf(Locale.ROOT, "index build: %,d files, first %.0f ms, median of %d %.0f ms wall"
                    + " (%.0f ms CPU of the whole process); about %.1f MB of heap held by the index%n", index.size(),
                    builds[0], builds.length, median(builds), median(buildCpu), (heapAfter - heapBefore) / 1e6);

            for (var warm = 0; warm < 20; warm++) {
                for (var query : QUERIES) {
                    index.query(query, LIMIT);
                }
            }
            var all = new ArrayList<Double>();
            var allCpu = new ArrayList<Double>();
            var threads = ManagementFactory.getThreadMXBean();
            System.out.printf(Locale.ROOT, "%-20s %8s %10s %10s %10s  %s%n", "query (top " + LIMIT + ")", "matched",
                    "median", "p99", "CPU median", "best match");
            for (var query : QUERIES) {
                var times = new double[runs];
                var cpu = new double[runs];
                QuickOpenResult result = null;
                for (var run = 0; run < runs; run++) {
                    var cpuStarted = threads.getCurrentThreadCpuTime();
                    var queryStarted = System.nanoTime();
                    result = index.query(query, LIMIT);
                    times[run] = millis(queryStarted);
                    cpu[run] = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
                    all.add(times[run]);
                    allCpu.add(cpu[run]);
                }
                var best = result.matches().isEmpty() ? "-" : result.matches().getFirst().path();
                System.out.printf(Locale.ROOT, "%-20s %8d %7.2f ms %7.2f ms %7.2f ms  %s%n", query, result.matched(),
                        median(times), percentile(times, 99), median(cpu), best);
            }
            var everything = all.stream().mapToDouble(Double::doubleValue).toArray();
            var everythingCpu = allCpu.stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "all %d queries x %d runs: median %.2f ms, p99 %.2f ms, max %.2f ms wall;"
                    + " CPU median %.2f ms, p99 %.2f ms%n", QUERIES.size(), runs, median(everything),
                    percentile(everything, 99), Arrays.stream(everything).max().orElse(0), median(everythingCpu),
                    percentile(everythingCpu, 99));
            index.close();
        } finally {
            delete(root);
        }
    }

    /** Writes {@code count} indexable files, plus a twentieth as many under node_modules and build/. */
    private static int generate(Path root, int count) throws IOException {
        var random = new Random(42);
        var written = 0;
        var module = 0;
        while (written < count) {
            var moduleName = WORDS[module % WORDS.length] + "-" + PACKAGES[module / WORDS.length % PACKAGES.length]
                    + (module >= WORDS.length * PACKAGES.length ? module : "");
            var kind = module % 4;
            for (var i = 0; i < 200 && written < count; i++) {
                var name = className(random);
                var pkg = PACKAGES[random.nextInt(PACKAGES.length)];
                var relative = switch (kind) {
                    case 0, 1 -> "modules/" + moduleName + "/src/" + (i % 5 == 0 ? "test" : "main") + "/java/com/acme/"
                            + WORDS[module % WORDS.length] + "/" + pkg + "/" + name + (i % 5 == 0 ? "Test" : "")
                            + ".java";
                    case 2 -> "web/" + moduleName + "/src/" + pkg + "/" + kebab(name)
                            + (i % 7 == 0 ? "/index.ts" : ".ts");
                    default -> "py/" + moduleName.replace('-', '_') + "/" + pkg + "/" + snake(name)
                            + (i % 6 == 0 ? "_test.py" : ".py");
                };
                write(root.resolve(relative));
                written++;
            }
            if (module % 10 == 0) {
                write(root.resolve("docs/" + moduleName + "/README.md"));
                written++;
            }
            module++;
        }
        for (var i = 0; i < count / 20; i++) {
            var skipped = i % 2 == 0 ? "node_modules/pkg" + i / 100 + "/lib/" : "modules/build/classes/";
            write(root.resolve(skipped + "Generated" + i + ".js"));
        }
        return written;
    }

    private static String className(Random random) {
        var parts = 1 + random.nextInt(3);
        var name = new StringBuilder();
        for (var i = 0; i < parts; i++) {
            var word = WORDS[random.nextInt(WORDS.length)];
            name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        var suffix = switch (random.nextInt(6)) {
            case 0 -> "Impl";
            case 1 -> "Service";
            case 2 -> "Controller";
            default -> "";
        };
        return name.append(suffix).toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    private static long usedHeap() {
        for (var i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int percent) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double millis(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void delete(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException error) {
                    throw new UncheckedIOException(error);
                }
            });
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
    }
}
