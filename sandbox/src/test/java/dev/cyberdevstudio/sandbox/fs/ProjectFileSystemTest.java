package dev.cyberdevstudio.sandbox.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cyberdevstudio.sandbox.SandboxException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileSystemTest {

    @TempDir
    Path temp;
    private Path root;
    private Path outside;
    private ProjectFileSystem files;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(temp.resolve("project"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "SECRET");
        files = ProjectFileSystem.open(root, new FsLimits(1000, 5000));
    }

    @Test
    void writesReadsListsAndDeletesInsideTheProject() {
        files.writeString("src/main/App.java", "class App {}");
        files.mkdir("docs/notes");

        assertThat(files.readString("src/main/App.java")).isEqualTo("class App {}");
        assertThat(files.list("")).extracting(FsEntry::path, FsEntry::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("docs", FsEntry.Kind.FOLDER),
                org.assertj.core.groups.Tuple.tuple("src", FsEntry.Kind.FOLDER));
        assertThat(files.list("src/main")).singleElement().satisfies(entry -> {
            assertThat(entry.path()).isEqualTo("src/main/App.java");
            assertThat(entry.size()).isEqualTo(12);
        });
        assertThat(files.exists("./src/main/App.java")).isTrue();
        assertThat(files.usedBytes()).isEqualTo(12);

        files.delete("src");
        assertThat(files.exists("src")).isFalse();
        assertThat(root.resolve("docs/notes")).isDirectory();
    }

    @Test
    void movesAndCopiesFilesAndFolders() {
        files.writeString("a/one.txt", "1");
        files.writeString("a/b/two.txt", "22");

        files.copy("a", "copy");
        files.move("a/one.txt", "moved/one.txt");

        assertThat(files.readString("copy/one.txt")).isEqualTo("1");
        assertThat(files.readString("copy/b/two.txt")).isEqualTo("22");
        assertThat(files.readString("moved/one.txt")).isEqualTo("1");
        assertThat(files.exists("a/one.txt")).isFalse();
        assertThatThrownBy(() -> files.move("copy", "moved")).hasMessageContaining("'moved': it already exists");
        assertThatThrownBy(() -> files.copy("copy", "copy/inner")).hasMessageContaining("lies inside copy");
        assertThatThrownBy(() -> files.move("copy", "copy/inner")).hasMessageContaining("lies inside copy");
        assertThatThrownBy(() -> files.copy("nothing", "x")).hasMessageContaining("'nothing': it does not exist");
        assertThatThrownBy(() -> files.move("nothing", "x")).hasMessageContaining("'nothing': it does not exist");
        assertThatThrownBy(() -> files.copy("copy/one.txt", "moved/one.txt")).hasMessageContaining("already exists");
    }

    @Test
    void refusesParentReferences() {
        for (var path : List.of("../outside/secret.txt", "src/../../outside/secret.txt", "..", "a/..")) {
            assertThatThrownBy(() -> files.read(path)).isInstanceOf(SandboxException.class)
                    .hasMessage("Refused '" + path + "': '..' is not allowed in project paths");
        }
        assertThatThrownBy(() -> files.write("../escape.txt", new byte[1])).hasMessageContaining("'..'");
        assertThat(temp.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void refusesAbsolutePaths() {
        var absolute = outside.resolve("secret.txt").toString();
        assertThatThrownBy(() -> files.read(absolute)).isInstanceOf(SandboxException.class)
                .hasMessageContaining("Refused '" + absolute + "': absolute paths are not allowed");
        assertThatThrownBy(() -> files.write("/etc/cyberdevstudio-pwned", new byte[1]))
                .hasMessageContaining("absolute paths are not allowed");
        assertThatThrownBy(() -> files.read("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void refusesSymbolicLinksThatLeadOutside() throws IOException {
        Files.createSymbolicLink(root.resolve("link-file"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("link-dir"), outside);
        Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("not-yet"));
        Files.createSymbolicLink(root.resolve("relative"), Path.of("../outside"));

        assertThatThrownBy(() -> files.read("link-file")).isInstanceOf(SandboxException.class)
                .hasMessage("Refused 'link-file': the symbolic link link-file leads outside the project");
        assertThatThrownBy(() -> files.read("link-dir/secret.txt")).hasMessageContaining("leads outside");
        assertThatThrownBy(() -> files.read("relative/secret.txt")).hasMessageContaining("leads outside");
        assertThatThrownBy(() -> files.list("link-dir")).hasMessageContaining("leads outside");
        assertThatThrownBy(() -> files.write("link-file", "pwned".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("leads outside");
        assertThatThrownBy(() -> files.write("dangling", "pwned".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("leads outside");
        assertThatThrownBy(() -> files.write("link-dir/new.txt", new byte[1])).hasMessageContaining("leads outside");
        assertThatThrownBy(() -> files.copy("link-dir", "stolen")).hasMessageContaining("leads outside");
        assertThatThrownBy(() -> files.mkdir("link-dir/sub")).hasMessageContaining("leads outside");

        assertThat(outside.resolve("secret.txt")).hasContent("SECRET");
        assertThat(outside.resolve("not-yet")).doesNotExist();
        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThat(outside.resolve("sub")).doesNotExist();
        assertThat(files.list("")).extracting(FsEntry::kind).containsOnly(FsEntry.Kind.SYMLINK);
    }

    @Test
    void deletesALinkThatLeadsOutsideWithoutTouchingItsTarget() throws IOException {
        Files.createSymbolicLink(root.resolve("link-dir"), outside);

        files.delete("link-dir");

        assertThat(root.resolve("link-dir")).doesNotExist();
        assertThat(outside.resolve("secret.txt")).hasContent("SECRET");
    }

    @Test
    void followsLinksThatStayInside() throws IOException {
        files.writeString("real/file.txt", "inside");
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));

        assertThat(files.readString("alias/file.txt")).isEqualTo("inside");
        files.writeString("alias/file.txt", "changed");
        assertThat(root.resolve("real/file.txt")).hasContent("changed");
        assertThat(Files.isSymbolicLink(root.resolve("alias"))).isTrue();
    }

    @Test
    void refusesHardLinksWhoseOtherNamesMayBeOutside() throws IOException {
        Files.createLink(root.resolve("hard.txt"), outside.resolve("secret.txt"));

        assertThatThrownBy(() -> files.read("hard.txt")).isInstanceOf(SandboxException.class)
                .hasMessage("Refused 'hard.txt': it is a hard link with other names that may lie outside the project");
        assertThatThrownBy(() -> files.write("hard.txt", "pwned".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("hard link");
        assertThatThrownBy(() -> files.copy("hard.txt", "copy.txt")).hasMessageContaining("hard link");
        assertThat(outside.resolve("secret.txt")).hasContent("SECRET");
    }

    @Test
    void refusesFifosAndSockets() throws Exception {
        var fifo = root.resolve("pipe");
        var mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo");
        assertThatThrownBy(() -> files.read("pipe")).isInstanceOf(SandboxException.class)
                .hasMessage("Refused 'pipe': it is a device file, FIFO or socket");
        assertThatThrownBy(() -> files.write("pipe", new byte[1])).hasMessageContaining("FIFO");
        assertThatThrownBy(() -> files.copy("pipe", "copy")).hasMessageContaining("FIFO");
        assertThatThrownBy(() -> files.move("pipe", "moved")).hasMessageContaining("FIFO");
        assertThat(files.list("")).singleElement().extracting(FsEntry::kind).isEqualTo(FsEntry.Kind.SPECIAL);

        try (var socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(root.resolve("sock")));
            assertThatThrownBy(() -> files.read("sock")).hasMessageContaining("'sock': it is a device file");
        }
    }

    @Test
    void refusesDeviceFilesReachedThroughALink() throws IOException {
        Files.createSymbolicLink(root.resolve("null"), Path.of("/dev/null"));
        assertThatThrownBy(() -> files.read("null")).hasMessageContaining("leads outside");
    }

    @Test
    void enforcesTheFileSizeLimit() {
        assertThatThrownBy(() -> files.write("big.bin", new byte[1001])).isInstanceOf(SandboxException.class)
                .hasMessage("Refused 'big.bin': 1001 bytes is over the file size limit of 1000");
        assertThat(root.resolve("big.bin")).doesNotExist();
    }

    @Test
    void refusesToReadOrCopyAFileOverTheSizeLimit() throws IOException {
        Files.write(root.resolve("huge.bin"), new byte[2000]);
        assertThatThrownBy(() -> files.read("huge.bin")).hasMessageContaining("over the file size limit");
        assertThatThrownBy(() -> files.copy("huge.bin", "again.bin")).hasMessageContaining("over the file size limit");
    }

    @Test
    void enforcesTheProjectQuotaAndKeepsTheOldContent() {
        for (int i = 0; i < 5; i++) {
            files.write("f" + i, new byte[900]);
        }
        assertThatThrownBy(() -> files.write("f5", new byte[600])).isInstanceOf(SandboxException.class)
                .hasMessageContaining("over its quota of 5000 (4500 in use)");
        // Replacing a file counts only the growth.
        files.write("f0", new byte[1000]);
        files.write("f5", new byte[400]);
        assertThatThrownBy(() -> files.write("f1", new byte[901])).hasMessageContaining("quota");
        assertThat(files.read("f1")).hasSize(900);
        assertThatThrownBy(() -> files.copy("f0", "f0-copy")).hasMessageContaining("quota");
        assertThat(files.exists("f0-copy")).isFalse();
    }

    @Test
    void refusesToReplaceTheRootOrWorkOnFolders() {
        files.mkdir("dir");
        assertThatThrownBy(() -> files.write("", new byte[1])).hasMessageContaining("the project folder itself");
        assertThatThrownBy(() -> files.delete(".")).hasMessageContaining("the project folder itself");
        assertThatThrownBy(() -> files.move("", "x")).hasMessageContaining("the project folder itself");
        assertThatThrownBy(() -> files.read("dir")).hasMessageContaining("it is a folder");
        assertThatThrownBy(() -> files.write("dir", new byte[1])).hasMessageContaining("it is a folder");
        assertThatThrownBy(() -> files.read("missing")).hasMessageContaining("'missing': it does not exist");
        assertThatThrownBy(() -> files.delete("missing")).hasMessageContaining("does not exist");
        files.writeString("file", "x");
        assertThatThrownBy(() -> files.mkdir("file")).hasMessageContaining("a file of that name exists");
        assertThatThrownBy(() -> files.list("file")).hasMessageContaining("not a folder");
    }

    @Test
    void opensOnlyAnExistingFolder() {
        assertThatThrownBy(() -> ProjectFileSystem.open(temp.resolve("missing"), FsLimits.defaults()))
                .isInstanceOf(SandboxException.class).hasMessageContaining("does not exist");
        assertThat(ProjectFileSystem.open(root, FsLimits.defaults()).limits()).isEqualTo(FsLimits.defaults());
        assertThatThrownBy(() -> new FsLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact() throws Exception {
        files.writeString("keep.txt", "old");
        // Root ignores permissions; the immutable attribute stops even root from creating the temporary file.
        var lock = new ProcessBuilder("chattr", "+i", root.toString()).redirectErrorStream(true).start();
        boolean immutable = lock.waitFor() == 0;
        if (!immutable) {
            assumeTrue(root.toFile().setWritable(false) && !Files.isWritable(root),
                    "needs chattr (as root) or a folder that can be made read-only");
        }
        try {
            assertThatThrownBy(() -> files.writeString("keep.txt", "new")).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("Could not write 'keep.txt'");
        } finally {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", root.toString()).start().waitFor();
            }
            root.toFile().setWritable(true);
        }
        assertThat(files.readString("keep.txt")).isEqualTo("old");
        assertThat(files.list("")).extracting(FsEntry::path).containsExactly("keep.txt");
    }
}
