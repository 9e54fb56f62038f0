package dev.cyberdevstudio.sandbox.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void createsANewFileWithTheBytes() throws IOException {
        var file = folder.resolve("new.txt");

        AtomicFiles.write(file, "hello".getBytes(UTF_8));

        assertThat(Files.readString(file)).isEqualTo("hello");
        assertThat(entries()).containsExactly("new.txt");
    }

    @Test
    void replacesTheContentOfAnExistingFile() throws IOException {
        var file = Files.writeString(folder.resolve("a.txt"), "a much longer old content");

        AtomicFiles.write(file, "new".getBytes(UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(entries()).containsExactly("a.txt");
    }

    @Test
    void writesAnEmptyFile() throws IOException {
        var file = Files.writeString(folder.resolve("a.txt"), "old");

        AtomicFiles.write(file, new byte[0]);

        assertThat(Files.size(file)).isZero();
    }

    @Test
    void leavesTheOldFileIntactAndRemovesTheTemporaryFileWhenTheWriteFails() throws IOException {
        var file = Files.writeString(folder.resolve("a.txt"), "old content");

        assertThatThrownBy(() -> AtomicFiles.write(file, "new".getBytes(UTF_8), temporary -> {
            assertThat(Files.readString(temporary)).isEqualTo("new");
            throw new FileSystemException(temporary.toString(), null, "No space left on device");
        })).isInstanceOf(FileSystemException.class).hasMessageContaining("No space left on device");

        assertThat(Files.readString(file)).isEqualTo("old content");
        assertThat(entries()).containsExactly("a.txt");
    }

    @Test
    void removesTheTemporaryFileWhenAnUncheckedFailureHappens() throws IOException {
        var file = Files.writeString(folder.resolve("a.txt"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(file, "new".getBytes(UTF_8), temporary -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(entries()).containsExactly("a.txt");
    }

    @Test
    void keepsTheCauseWhenTheTemporaryFileCannotBeRemovedEither() throws IOException {
        var file = Files.writeString(folder.resolve("a.txt"), "old");
        var blocker = new Path[1];

        var thrown = catchThrowable(() -> AtomicFiles.write(file, "new".getBytes(UTF_8), temporary -> {
            Files.delete(temporary);
            blocker[0] = Files.createDirectory(temporary);
            Files.writeString(temporary.resolve("inside"), "x");
            throw new FileSystemException(temporary.toString(), null, "Input/output error");
        }));

        assertThat(thrown).hasMessageContaining("Input/output error");
        assertThat(thrown.getSuppressed()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("old");
        Files.delete(blocker[0].resolve("inside"));
        Files.delete(blocker[0]);
    }

    @Test
    void refusesAMissingFolderWithAMessageNamingIt() {
        var file = folder.resolve("gone").resolve("a.txt");

        assertThatThrownBy(() -> AtomicFiles.write(file, new byte[] {1}))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("the folder " + folder.resolve("gone") + " does not exist");
    }

    @Test
    void refusesAFolderInPlaceOfTheTargetAndLeavesItAlone() throws IOException {
        var target = Files.createDirectory(folder.resolve("dir"));
        Files.writeString(target.resolve("inside.txt"), "kept");

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("it is a folder, not a file");

        assertThat(Files.readString(target.resolve("inside.txt"))).isEqualTo("kept");
        assertThat(entries()).containsExactly("dir");
    }

    @Test
    void keepsThePosixPermissionsOfTheOldFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        var file = Files.writeString(folder.resolve("run.sh"), "echo old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));

        AtomicFiles.write(file, "echo new".getBytes(UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxr-x---");
    }

    @Test
    void givesANewFileTheUsualPermissionsRatherThanPrivateOnes() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        var reference = Files.writeString(folder.resolve("reference.txt"), "x");
        var file = folder.resolve("new.txt");

        AtomicFiles.write(file, "x".getBytes(UTF_8));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void replacesTheFileBehindASymbolicLinkAndKeepsTheLink() throws IOException {
        var real = Files.writeString(folder.resolve("real.txt"), "old");
        var link = Files.createSymbolicLink(folder.resolve("link.txt"), real);

        AtomicFiles.write(link, "new".getBytes(UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void refusesAReadOnlyFileWhenThePlatformEnforcesIt() throws IOException {
        var file = Files.writeString(folder.resolve("locked.txt"), "old");
        assumeTrue(file.toFile().setWritable(false, false));
        // root may write anything: the check is only meaningful where the platform says the file is not writable
        assumeTrue(!Files.isWritable(file));

        assertThatThrownBy(() -> AtomicFiles.write(file, "new".getBytes(UTF_8)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("read-only");
        assertThat(Files.readString(file)).isEqualTo("old");
    }

    @Test
    void refusesAFolderThatDoesNotAcceptNewFilesWhenThePlatformEnforcesIt() throws IOException {
        var locked = Files.createDirectory(folder.resolve("locked"));
        var file = Files.writeString(locked.resolve("a.txt"), "old");
        assumeTrue(locked.toFile().setWritable(false, false));
        try {
            // root may write anything: the check is only meaningful where the platform refuses
            assumeTrue(!Files.isWritable(locked));

            assertThatThrownBy(() -> AtomicFiles.write(file, "new".getBytes(UTF_8)))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("cannot create files in the folder " + locked);
            assertThat(Files.readString(file)).isEqualTo("old");
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void refusesTheRootFolderAsATarget() {
        var root = folder.getRoot();

        assertThatThrownBy(() -> AtomicFiles.write(root, new byte[] {1}))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("it is a folder, not a file");
    }

    @Test
    void writesARelativePath() throws IOException {
        var file = Files.writeString(folder.resolve("rel.txt"), "old");
        var relative = Path.of("").toAbsolutePath().relativize(file);

        AtomicFiles.write(relative, "new".getBytes(UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new");
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
