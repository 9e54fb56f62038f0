package dev.cyberdevstudio.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file system WASI gets for the preopened folder, exercised directly through java.nio like Chicory uses it. */
class ConfinedFileSystemTest {

    @TempDir
    Path temp;

    private Path project;
    private Path outside;
    private final List<String> refusals = new ArrayList<>();
    private ConfinedFileSystem fileSystem;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(temp.resolve("project"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(project.resolve("a.txt"), "inside");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(project.resolve("out"), outside);
        Files.createSymbolicLink(project.resolve("secret-link"), outside.resolve("secret.txt"));
        fileSystem = new ConfinedFileSystem(project, refusals::add);
        root = fileSystem.root();
    }

    @Test
    void readsWritesCopiesMovesAndDeletesInside() throws Exception {
        var file = root.resolve("a.txt");
        assertThat(Files.readString(file)).isEqualTo("inside");

        Files.writeString(root.resolve("b.txt"), "written");
        Files.copy(root.resolve("b.txt"), root.resolve("c.txt"));
        Files.move(root.resolve("c.txt"), root.resolve("d.txt"));
        Files.createDirectory(root.resolve("dir"));
        Files.createLink(root.resolve("dir/hard.txt"), root.resolve("a.txt"));
        Files.delete(root.resolve("b.txt"));

        assertThat(project.resolve("d.txt")).hasContent("written");
        assertThat(project.resolve("dir/hard.txt")).hasContent("inside");
        assertThat(project.resolve("b.txt")).doesNotExist();
        assertThat(Files.isSameFile(root.resolve("a.txt"), root.resolve("dir/hard.txt"))).isTrue();
        assertThat(Files.isHidden(file)).isFalse();
        assertThat(Files.getFileStore(file)).isNotNull();
        file.getFileSystem().provider().checkAccess(file, AccessMode.READ);
        Files.setAttribute(file, "basic:lastModifiedTime", FileTime.fromMillis(1_000_000));
        assertThat(Files.readAttributes(file, "basic:lastModifiedTime")).containsEntry("lastModifiedTime",
            FileTime.fromMillis(1_000_000));
        assertThat(Files.readAttributes(file, "unix:*")).containsKey("ino");
        Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(FileTime.fromMillis(2_000_000),
            null, null);
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime())
            .isEqualTo(FileTime.fromMillis(2_000_000));
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(channel.size()).isEqualTo(6);
        }
        assertThat(refusals).isEmpty();
    }

    @Test
    void listsAFolderAsConfinedPathsHonouringTheFilter() throws Exception {
        try (var entries = Files.newDirectoryStream(root, "*.txt")) {
            var names = new ArrayList<String>();
            for (var entry : entries) {
                assertThat(entry.getFileSystem()).isSameAs(fileSystem);
                names.add(entry.getFileName().toString());
            }
            assertThat(names).containsExactly("a.txt");
        }
        try (var entries = Files.list(root)) {
            assertThat(entries.map(entry -> entry.getFileName().toString()))
                .containsExactlyInAnyOrder("a.txt", "out", "secret-link");
        }
    }

    @Test
    void refusesEverythingThroughALinkLeadingOutside() {
        var secret = root.resolve("out/secret.txt");

        assertThatThrownBy(() -> Files.readString(secret)).isInstanceOf(AccessDeniedException.class)
            .hasMessageContaining("leads outside the preopened folder");
        assertThatThrownBy(() -> Files.readString(root.resolve("secret-link")))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.writeString(root.resolve("out/new.txt"), "x"))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.list(root.resolve("out"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.delete(secret)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.copy(secret, root.resolve("copy.txt")))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.move(root.resolve("a.txt"), root.resolve("out/moved.txt")))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.createLink(root.resolve("hard.txt"), secret))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.createDirectory(root.resolve("out/dir")))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.readAttributes(secret, "unix:*")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.setAttribute(secret, "basic:lastModifiedTime", FileTime.fromMillis(1)))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.getFileAttributeView(secret, BasicFileAttributeView.class)
            .setTimes(FileTime.fromMillis(1), null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.isSameFile(secret, root.resolve("a.txt")))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> secret.toRealPath()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.readString(root.resolve("../outside/secret.txt")))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Files.readString(fileSystem.getPath("relative.txt")))
            .isInstanceOf(AccessDeniedException.class);

        assertThat(Files.exists(secret)).isFalse();
        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
        assertThat(refusals).isNotEmpty();
    }

    @Test
    void theLinkItselfMayBeInspectedAndRemovedButNotMade() throws Exception {
        var link = root.resolve("out");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link).toString()).isEqualTo(outside.toString());
        assertThat(Files.readSymbolicLink(root.resolve("secret-link")).getFileSystem()).isSameAs(fileSystem);
        assertThatThrownBy(() -> Files.createSymbolicLink(root.resolve("new-link"), root.resolve("a.txt")))
            .isInstanceOf(UnsupportedOperationException.class);
        Files.delete(link);

        assertThat(project.resolve("out")).doesNotExist();
        assertThat(outside.resolve("secret.txt")).exists();
    }

    @Test
    void theRootsParentReadsAsTheRootItself() throws Exception {
        var parent = root.resolve("..");

        assertThat(Files.readAttributes(parent, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())
            .isEqualTo(Files.readAttributes(project, BasicFileAttributes.class).fileKey());
        assertThat(refusals).isEmpty();
    }

    @Test
    void pathArithmeticStaysInTheConfinedFileSystem() throws Exception {
        var file = root.resolve("dir/../a.txt");

        assertThat(file.normalize()).isEqualTo(root.resolve("a.txt"));
        assertThat(file.getParent().getFileSystem()).isSameAs(fileSystem);
        assertThat(file.getRoot().toString()).isEqualTo("/");
        assertThat(file.isAbsolute()).isTrue();
        assertThat(file.getNameCount()).isEqualTo(project.getNameCount() + 3);
        assertThat(file.getName(0).toString()).isEqualTo(project.getName(0).toString());
        assertThat(file.subpath(0, 1).toString()).isEqualTo(project.getName(0).toString());
        assertThat(file.startsWith(root)).isTrue();
        assertThat(file.startsWith(project)).isFalse();
        assertThat(file.endsWith(fileSystem.getPath("a.txt"))).isTrue();
        assertThat(root.relativize(root.resolve("a.txt")).toString()).isEqualTo("a.txt");
        assertThat(root.resolve(Path.of("a.txt"))).isEqualTo(root.resolve("a.txt"));
        assertThat(root.resolve("a.txt").compareTo(root.resolve("b.txt"))).isNegative();
        assertThat(root.resolve("a.txt").toAbsolutePath()).isEqualTo(root.resolve("a.txt"));
        assertThat(root.resolve("a.txt").toRealPath()).isEqualTo(root.resolve("a.txt"));
        assertThat(root.resolve("a.txt")).hasSameHashCodeAs(root.resolve("a.txt"));
        assertThat(root).isNotEqualTo(project);
        assertThat(fileSystem.getPathMatcher("glob:**.txt").matches(root.resolve("a.txt"))).isTrue();
        assertThatThrownBy(root::toUri).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> root.register(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theFileSystemOffersNothingBeyondTheFolder() throws Exception {
        var provider = fileSystem.provider();

        assertThat(fileSystem.isOpen()).isTrue();
        assertThat(fileSystem.isReadOnly()).isFalse();
        assertThat(fileSystem.getSeparator()).isEqualTo("/");
        assertThat(fileSystem.getRootDirectories()).isEmpty();
        assertThat(fileSystem.getFileStores()).isEmpty();
        assertThat(fileSystem.supportedFileAttributeViews()).contains("basic");
        assertThat(provider.getScheme()).isEqualTo("cyberdevstudio-wasi");
        assertThatThrownBy(fileSystem::getUserPrincipalLookupService).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(fileSystem::newWatchService).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> provider.newFileSystem(URI.create("x:/"), Map.of()))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> provider.getFileSystem(URI.create("x:/")))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> provider.getPath(URI.create("x:/"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> provider.newByteChannel(project.resolve("a.txt"), Set.of()))
            .isInstanceOf(ProviderMismatchException.class);
        assertThatThrownBy(() -> new ConfinedFileSystem(temp.resolve("missing"), path -> { }))
            .hasMessageContaining("cannot be read");
        fileSystem.close();
        assertThat(FileSystems.getDefault().isOpen()).isTrue();
    }
}
