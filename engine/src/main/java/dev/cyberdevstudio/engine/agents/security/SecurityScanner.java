package dev.cyberdevstudio.engine.agents.security;

import dev.cyberdevstudio.engine.EngineException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the security rules over a project folder or one file's text. Needs no model: every rule is a pattern.
 *
 * <pre>{@code
 * var scanner = new SecurityScanner();                        // the bundled rules, 1 MiB per file
 * var report = scanner.scan(projectRoot, monitor);            // blocking: call it off the UI thread
 * report.findings().forEach(f -> show(f.file(), f.line(), f.message()));
 * SarifReport.write(report, scanner.rules(), Optional.of(projectRoot), sarifFile);
 *
 * var editorFindings = scanner.scanText("src/Db.java", editorText).findings();
 * }</pre>
 *
 * <p>A scanner is immutable and may serve several scans at once.
 */
public final class SecurityScanner {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityScanner.class);

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparing(Finding::ruleId);

    private final List<SecurityRule> rules;
    private final ScanOptions options;

    /** The bundled rules with the default options. */
    public SecurityScanner() {
        this(SecurityRules.all(), ScanOptions.defaults());
    }

    public SecurityScanner(List<SecurityRule> rules, ScanOptions options) {
        this.rules = List.copyOf(rules);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The descriptors of the rules this scanner runs, in id order. */
    public List<RuleDescriptor> rules() {
        return rules.stream().map(SecurityRule::descriptor).sorted(Comparator.comparing(RuleDescriptor::id)).toList();
    }

    public ScanOptions options() {
        return options;
    }

    /** Scans a folder with no progress and no way to cancel but interrupting the thread. */
    public SecurityReport scan(Path root) {
        return scan(root, ScanMonitor.NONE);
    }

    /**
     * Scans every text file under {@code root} that the options let in, and says what it left out.
     *
     * @throws EngineException when {@code root} is not a readable folder
     */
    public SecurityReport scan(Path root, ScanMonitor monitor) {
        Objects.requireNonNull(monitor, "monitor");
        if (!Files.isDirectory(root)) {
            throw new EngineException("Cannot scan " + root + ": it is not a folder");
        }
        var started = System.nanoTime();
        var walk = ProjectWalk.of(root, options);
        var cancelled = new AtomicBoolean();
        var done = new AtomicInteger();
        var skipped = new ArrayList<>(walk.skipped());
        var results = new ArrayList<FileResult>();
        try (var pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            var thread = new Thread(runnable, "security-scan");
            thread.setDaemon(true);
            return thread;
        })) {
            var futures = new ArrayList<Future<FileResult>>();
            for (var candidate : walk.files()) {
                futures.add(pool.submit(() -> {
                    if (cancelled.get() || monitor.isCancelled()) {
                        cancelled.set(true);
                        return null;
                    }
                    var result = scanFile(root, candidate);
                    monitor.fileScanned(candidate, done.incrementAndGet(), walk.files().size());
                    return result;
                }));
            }
            for (var future : futures) {
                try {
                    var result = future.get();
                    if (result != null) {
                        results.add(result);
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    cancelled.set(true);
                    pool.shutdownNow();
                    break;
                } catch (ExecutionException error) {
                    throw new EngineException("The security scan failed: " + error.getCause().getMessage(),
                            error.getCause());
                }
            }
        }
        var findings = new ArrayList<Finding>();
        var suppressed = new ArrayList<Finding>();
        int files = 0;
        long lines = 0;
        long bytes = 0;
        for (var result : results) {
            result.skipped().ifPresent(skipped::add);
            if (result.skipped().isEmpty()) {
                files++;
                lines += result.lines();
                bytes += result.bytes();
                findings.addAll(result.findings().kept());
                suppressed.addAll(result.findings().suppressed());
            }
        }
        findings.sort(ORDER);
        suppressed.sort(ORDER);
        skipped.sort(Comparator.comparing(SkippedFile::path));
        return new SecurityReport(findings, suppressed, skipped, files, lines, bytes,
                Duration.ofNanos(System.nanoTime() - started), cancelled.get());
    }

    /** Scans one file's text (an editor's buffer, say) under a project-relative path that decides its kind. */
    public SecurityReport scanText(String relativePath, String text) {
        var started = System.nanoTime();
        var file = SourceFile.of(relativePath, text);
        var results = check(file);
        return new SecurityReport(results.kept(), results.suppressed(), List.of(), 1, file.lineCount(),
                text.length(), Duration.ofNanos(System.nanoTime() - started), false);
    }

    private FileResult scanFile(Path root, String relativePath) {
        var read = FileReading.read(root.resolve(relativePath), relativePath, options.maxFileBytes());
        if (read.skipped().isPresent()) {
            return new FileResult(read.skipped(), 0, 0, FindingCollector.Results.EMPTY);
        }
        var file = SourceFile.of(relativePath, read.text());
        FindingCollector.Results findings;
        try {
            findings = check(file);
        } catch (RuntimeException error) {
            // One file that trips a rule must not cost the whole report; the file is listed as failed instead.
            LOG.warn("A security rule failed on {}", relativePath, error);
            return new FileResult(Optional.of(new SkippedFile(relativePath, SkippedFile.Reason.FAILED,
                    "a rule failed on it: " + error)), 0, 0, FindingCollector.Results.EMPTY);
        }
        return new FileResult(Optional.empty(), file.lineCount(), read.bytes(), findings);
    }

    private FindingCollector.Results check(SourceFile file) {
        var collector = new FindingCollector(file);
        for (var rule : rules) {
            if (rule.appliesTo(file.kind())) {
                rule.check(file, collector);
            }
        }
        return collector.results();
    }

    private record FileResult(Optional<SkippedFile> skipped, int lines, long bytes,
                              FindingCollector.Results findings) {
    }

    /** The candidate files of a folder, and what the walk left out on the way. */
    private record ProjectWalk(List<String> files, List<SkippedFile> skipped) {

        static ProjectWalk of(Path root, ScanOptions options) {
            var files = new ArrayList<String>();
            var skipped = new ArrayList<SkippedFile>();
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        if (dir.equals(root)) {
                            return FileVisitResult.CONTINUE;
                        }
                        var reason = options.excludedDirectories().get(dir.getFileName().toString());
                        if (reason != null) {
                            skipped.add(new SkippedFile(relative(root, dir) + "/",
                                    SkippedFile.Reason.EXCLUDED_DIRECTORY,
                                    reason));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        var path = relative(root, file);
                        if (attributes.isSymbolicLink()) {
                            skipped.add(new SkippedFile(path, SkippedFile.Reason.LINK, "links are not followed"));
                        } else if (attributes.isRegularFile()) {
                            FileReading.skipByName(path, attributes.size(), options.maxFileBytes())
                                    .ifPresentOrElse(skipped::add, () -> files.add(path));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException error) {
                        skipped.add(new SkippedFile(relative(root, file), SkippedFile.Reason.UNREADABLE,
                                FileReading.describe(error)));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException error) {
                throw new EngineException("Cannot list the files of " + root + ": " + FileReading.describe(error),
                        error);
            }
            files.sort(Comparator.naturalOrder());
            return new ProjectWalk(List.copyOf(files), skipped);
        }

        private static String relative(Path root, Path path) {
            return root.relativize(path).toString().replace('\\', '/');
        }
    }
}
