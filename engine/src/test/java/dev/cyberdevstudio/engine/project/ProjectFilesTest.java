package dev.cyberdevstudio.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectFilesTest {

    @TempDir
    Path project;

    @Test
    void createsEmptyFileAndAnswersItsPath() throws IOException {
        var result = ProjectFiles.createFile(project, "Main.java");

        var created = project.resolve("Main.java");
        assertThat(result).isEqualTo(new FileOperationResult.Done(created));
        assertThat(created).isRegularFile().isEmptyFile();
    }

    @Test
    void refusesToCreateFileOverExistingOneAndKeepsItsContent() throws IOException {
        var existing = Files.writeString(project.resolve("notes.txt"), "keep me");

        var result = ProjectFiles.createFile(project, "notes.txt");

        assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(FileProblem.ALREADY_EXISTS);
            assertThat(failed.path()).isEqualTo(existing);
            assertThat(failed.message()).contains(existing.toString()).contains("already exists");
        });
        assertThat(existing).hasContent("keep me");
    }

    @Test
    void createsFolder() {
        var result = ProjectFiles.createFolder(project, "src");

        assertThat(result).isEqualTo(new FileOperationResult.Done(project.resolve("src")));
        assertThat(project.resolve("src")).isDirectory();
    }

    @Test
    void refusesToCreateFolderOverExistingFile() throws IOException {
        Files.createFile(project.resolve("src"));

        var result = ProjectFiles.createFolder(project, "src");

        assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(FileProblem.ALREADY_EXISTS);
            assertThat(failed.message()).contains(project.resolve("src").toString());
        });
        assertThat(project.resolve("src")).isRegularFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a/b", "..\\evil", "..", ".", "a\0b"})
    void refusesNamesThatAreNotOnePathElement(String name) throws IOException {
        var created = ProjectFiles.createFile(project, name);
        var folder = ProjectFiles.createFolder(project, name);
        var file = Files.createFile(project.resolve("file.txt"));
        var renamed = ProjectFiles.rename(file, name);

        for (var result : new FileOperationResult[] {created, folder, renamed}) {
            assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
                assertThat(failed.problem()).isEqualTo(FileProblem.INVALID_NAME);
                assertThat(failed.message()).contains("Cannot");
            });
        }
        assertThat(ProjectFiles.checkName(name)).isPresent();
        try (var entries = Files.list(project)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void acceptsOrdinaryNames() {
        assertThat(ProjectFiles.checkName("Main.java")).isEmpty();
        assertThat(ProjectFiles.checkName(".gitignore")).isEmpty();
        assertThat(ProjectFiles.checkName("with space")).isEmpty();
    }

    @Test
    void createInMissingFolderNamesTheFolder() {
        var missing = project.resolve("missing");

        var result = ProjectFiles.createFile(missing, "a.txt");

        assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(FileProblem.NOT_FOUND);
            assertThat(failed.path()).isEqualTo(missing);
            assertThat(failed.message()).contains(missing.toString()).contains("does not exist");
        });
    }

    @Test
    void createInsideFileSaysItIsNotAFolder() throws IOException {
        var file = Files.createFile(project.resolve("plain.txt"));

        var result = ProjectFiles.createFolder(file, "sub");

        assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(FileProblem.NOT_A_FOLDER);
            assertThat(failed.message()).contains(file.toString()).contains("not a folder");
        });
    }

    @Test
    void createInLockedFolderNamesTheFileAndTheCause() throws Exception {
        var locked = Files.createDirectory(project.resolve("locked"));
        try (var ignored = FileLock.lock(locked)) {
            var result = ProjectFiles.createFile(locked, "a.txt");

            assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
                assertThat(failed.path()).isEqualTo(locked.resolve("a.txt"));
                assertThat(failed.message()).contains(locked.resolve("a.txt").toString())
                        .containsAnyOf("permission denied", "operation not permitted");
            });
        }
    }

    @Test
    void renamesFileInPlace() throws IOException {
        var file = Files.writeString(project.resolve("old.txt"), "content");

        var result = ProjectFiles.rename(file, "new.txt");

        assertThat(result).isEqualTo(new FileOperationResult.Done(project.resolve("new.txt")));
        assertThat(file).doesNotExist();
        assertThat(project.resolve("new.txt")).hasContent("content");
    }

    @Test
    void renamesFolderWithItsContent() throws IOException {
        var folder = Files.createDirectories(project.resolve("old/deep"));
        Files.writeString(folder.resolve("a.txt"), "a");

        var result = ProjectFiles.rename(project.resolve("old"), "new");

        assertThat(result).isEqualTo(new FileOperationResult.Done(project.resolve("new")));
        assertThat(project.resolve("new/deep/a.txt")).hasContent("a");
    }

    @Test
    void refusesToRenameOntoExistingEntryAndTouchesNeither() throws IOException {
        var source = Files.writeString(project.resolve("a.txt"), "a");
        var target = Files.writeString(project.resolve("b.txt"), "b");

        var result = ProjectFiles.rename(source, "b.txt");

        assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(FileProblem.ALREADY_EXISTS);
            assertThat(failed.path()).isEqualTo(target);
            assertThat(failed.message()).contains(source.toString()).contains(target + " already exists");
        });
        assertThat(source).hasContent("a");
        assertThat(target).hasContent("b");
    }

    @Test
    void renameInLockedFolderNamesTheEntryAndTheCause() throws Exception {
        var locked = Files.createDirectory(project.resolve("locked"));
        var file = Files.writeString(locked.resolve("a.txt"), "a");
        try (var ignored = FileLock.lock(locked)) {
            var result = ProjectFiles.rename(file, "b.txt");

            assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
                assertThat(failed.path()).isEqualTo(file);
                assertThat(failed.message()).startsWith("Cannot rename " + file + ": ")
                        .containsAnyOf("permission denied", "operation not permitted");
            });
        }
        assertThat(file).hasContent("a");
    }

    @Test
    void refusesToRenameTheFileSystemRoot() {
        var root = project.getRoot();

        var result = ProjectFiles.rename(root, "elsewhere");

        assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class,
                failed -> assertThat(failed.problem()).isEqualTo(FileProblem.INVALID_NAME));
    }

    @Test
    void renamingToTheSameNameChangesNothing() throws IOException {
        var file = Files.writeString(project.resolve("same.txt"), "x");

        assertThat(ProjectFiles.rename(file, "same.txt")).isEqualTo(new FileOperationResult.Done(file));
        assertThat(file).hasContent("x");
    }

    @Test
    void renamingMissingEntryNamesIt() {
        var missing = project.resolve("ghost.txt");

        var result = ProjectFiles.rename(missing, "other.txt");

        assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(FileProblem.NOT_FOUND);
            assertThat(failed.message()).contains(missing.toString()).contains("does not exist");
        });
    }

    @Test
    void deletesFile() throws IOException {
        var file = Files.createFile(project.resolve("gone.txt"));

        assertThat(ProjectFiles.delete(file)).isEqualTo(new FileOperationResult.Done(file));
        assertThat(file).doesNotExist();
    }

    @Test
    void deletesFolderRecursively() throws IOException {
        var folder = Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(folder.resolve("Main.java"), "class Main {}");
        Files.createDirectories(project.resolve("src/test"));
        Files.createFile(project.resolve("src/README"));

        var result = ProjectFiles.delete(project.resolve("src"));

        assertThat(result).isEqualTo(new FileOperationResult.Done(project.resolve("src")));
        assertThat(project.resolve("src")).doesNotExist();
        assertThat(project).isEmptyDirectory();
    }

    @Test
    void deletingFolderNeverFollowsLinksOutOfTheTree(@TempDir Path outside) throws IOException {
        var precious = Files.writeString(outside.resolve("precious.txt"), "keep");
        var folder = Files.createDirectory(project.resolve("folder"));
        Files.createSymbolicLink(folder.resolve("link-to-outside"), outside);
        Files.createSymbolicLink(folder.resolve("link-to-file"), precious);

        var result = ProjectFiles.delete(folder);

        assertThat(result).isInstanceOf(FileOperationResult.Done.class);
        assertThat(folder).doesNotExist();
        assertThat(precious).hasContent("keep");
        assertThat(outside).isDirectory();
    }

    @Test
    void deletingLinkToFolderRemovesOnlyTheLink(@TempDir Path outside) throws IOException {
        var precious = Files.writeString(outside.resolve("precious.txt"), "keep");
        var link = Files.createSymbolicLink(project.resolve("outside"), outside);

        var result = ProjectFiles.delete(link);

        assertThat(result).isEqualTo(new FileOperationResult.Done(link));
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(precious).hasContent("keep");
    }

    @Test
    void deletingMissingEntryNamesIt() {
        var missing = project.resolve("ghost");

        var result = ProjectFiles.delete(missing);

        assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(FileProblem.NOT_FOUND);
            assertThat(failed.path()).isEqualTo(missing);
            assertThat(failed.message()).contains(missing.toString()).contains("does not exist");
        });
    }

    @Test
    void deleteThatCannotRemoveAnEntryNamesThatEntry() throws Exception {
        var locked = Files.createDirectories(project.resolve("tree/locked"));
        var stuck = Files.createFile(locked.resolve("stuck.txt"));
        try (var ignored = FileLock.lock(locked)) {
            var result = ProjectFiles.delete(project.resolve("tree"));

            assertThat(result).isInstanceOfSatisfying(FileOperationResult.Failed.class, failed -> {
                assertThat(failed.path()).isEqualTo(stuck);
                assertThat(failed.message()).startsWith("Cannot delete " + stuck + ": ")
                        .containsAnyOf("permission denied", "operation not permitted");
            });
            assertThat(stuck).exists();
        }
    }

    @Test
    void listsFoldersFirstThenFilesByNameIgnoringCaseAndHidesGit() throws IOException {
        Files.createDirectories(project.resolve(".git/objects"));
        Files.createDirectory(project.resolve("src"));
        Files.createDirectory(project.resolve("Docs"));
        Files.createFile(project.resolve("readme.md"));
        Files.createFile(project.resolve("Build.gradle"));
        Files.createFile(project.resolve(".gitignore"));
        Files.createFile(project.resolve("zeta"));

        var listing = ProjectFiles.list(project);

        assertThat(listing).isInstanceOfSatisfying(FolderListing.Listed.class, listed -> {
            assertThat(listed.folder()).isEqualTo(project);
            assertThat(listed.entries()).extracting(ProjectEntry::name)
                    .containsExactly("Docs", "src", ".gitignore", "Build.gradle", "readme.md", "zeta");
            assertThat(listed.entries()).extracting(ProjectEntry::folder)
                    .containsExactly(true, true, false, false, false, false);
        });
    }

    @Test
    void namesDifferingOnlyInCaseHaveAStableOrder() throws IOException {
        Files.createFile(project.resolve("b"));
        Files.createFile(project.resolve("B"));
        Files.createFile(project.resolve("a"));

        var listing = (FolderListing.Listed) ProjectFiles.list(project);

        assertThat(listing.entries()).extracting(ProjectEntry::name).containsExactly("a", "B", "b");
    }

    @Test
    void listingMissingFolderSaysWhich() {
        var missing = project.resolve("missing");

        var listing = ProjectFiles.list(missing);

        assertThat(listing).isInstanceOfSatisfying(FolderListing.Unreadable.class, unreadable -> {
            assertThat(unreadable.folder()).isEqualTo(missing);
            assertThat(unreadable.problem()).isEqualTo(FileProblem.NOT_FOUND);
            assertThat(unreadable.message()).isEqualTo("Cannot list " + missing + ": it does not exist");
        });
    }

    @Test
    void listingFileSaysItIsNotAFolder() throws IOException {
        var file = Files.createFile(project.resolve("file"));

        var listing = ProjectFiles.list(file);

        assertThat(listing).isInstanceOfSatisfying(FolderListing.Unreadable.class,
                unreadable -> assertThat(unreadable.problem()).isEqualTo(FileProblem.NOT_A_FOLDER));
    }
}
