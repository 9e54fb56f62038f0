package dev.cyberdevstudio.engine.agents.debug;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the project file a printed path means: an absolute path inside the project, a path relative to the
 * project (runs start there), or a bare or package-relative name such as {@code com/acme/Main.java} matched by its
 * ending. Paths into installed libraries ({@code node_modules}, {@code site-packages}, virtual environments, build
 * output) count as outside the project: a fix never goes there.
 */
final class SourceResolver {

    static final int EXCERPT_RADIUS = 3;
    private static final long EXCERPT_MAX_BYTES = 4L * 1024 * 1024;
    private static final int MAX_INDEXED_FILES = 200_000;
    private static final Set<String> NOT_PROJECT_CODE = Set.of(".git", "node_modules", "site-packages",
        "dist-packages", ".venv", "venv", "__pycache__", "target", "build", "dist", ".gradle", ".idea");
    private static final Logger LOG = LoggerFactory.getLogger(SourceResolver.class);

    private final Path root;
    private Map<String, List<Path>> byFileName;

    SourceResolver(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    ResolvedPointer resolve(SourcePointer pointer) {
        var file = find(pointer.printedFile());
        return new ResolvedPointer(pointer, file, file.flatMap(relative -> excerpt(relative, pointer.line())));
    }

    Optional<Path> find(String printed) {
        Path path;
        try {
            path = Path.of(printed);
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
        if (path.isAbsolute()) {
            var normal = path.normalize();
            return normal.startsWith(root) ? projectFile(root.relativize(normal)) : Optional.empty();
        }
        var direct = projectFile(path.normalize());
        if (direct.isPresent() || path.normalize().startsWith("..")) {
            return direct;
        }
        return byEnding(path.normalize());
    }

    private Optional<Path> projectFile(Path relative) {
        if (relative.toString().isEmpty() || relative.startsWith("..") || isLibraryCode(relative)) {
            return Optional.empty();
        }
        return Files.isRegularFile(root.resolve(relative)) ? Optional.of(relative) : Optional.empty();
    }

    private static boolean isLibraryCode(Path relative) {
        for (var part : relative) {
            if (NOT_PROJECT_CODE.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    // A Java frame names com/acme/Main.java, javac may print Main.java: take the one project file with that ending.
    private Optional<Path> byEnding(Path printed) {
        var candidates = index().getOrDefault(printed.getFileName().toString(), List.of()).stream()
            .filter(candidate -> candidate.endsWith(printed))
            .toList();
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : candidates.stream()
            .filter(candidate -> candidate.toString().replace('\\', '/').contains("/main/"))
            .findFirst()
            .or(() -> candidates.stream().findFirst());
    }

    private Map<String, List<Path>> index() {
        if (byFileName != null) {
            return byFileName;
        }
        var index = new HashMap<String, List<Path>>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                private int files;

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(root) && NOT_PROJECT_CODE.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    index.computeIfAbsent(file.getFileName().toString(), name -> new ArrayList<>())
                        .add(root.relativize(file));
                    return ++files >= MAX_INDEXED_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException problem) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException problem) {
            LOG.debug("Could not list {} to find the files a trace names", root, problem);
        }
        byFileName = index;
        return index;
    }

    private Optional<CodeExcerpt> excerpt(Path relative, int line) {
        var file = root.resolve(relative);
        try {
            if (Files.size(file) > EXCERPT_MAX_BYTES) {
                return Optional.empty();
            }
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
            var lines = decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString()
                .lines().toList();
            if (line < 1 || line > lines.size()) {
                return Optional.empty();
            }
            int first = Math.max(1, line - EXCERPT_RADIUS);
            int last = Math.min(lines.size(), line + EXCERPT_RADIUS);
            return Optional.of(new CodeExcerpt(first, line, lines.subList(first - 1, last)));
        } catch (IOException problem) {
            LOG.debug("Could not read {} for an excerpt", file, problem);
            return Optional.empty();
        }
    }
}
