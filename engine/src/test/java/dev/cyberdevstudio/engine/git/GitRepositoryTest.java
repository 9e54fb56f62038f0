package dev.cyberdevstudio.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.diff.DiffHunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real repositories made by JGit in a temporary folder: init, add, commit, then edit. */
class GitRepositoryTest {

    @TempDir
    Path folder;

    private Git git;
    private final GitRepositories repositories = new GitRepositories();

    @BeforeEach
    void initRepository() throws GitAPIException {
        git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
    }

    @AfterEach
    void closeRepository() {
        repositories.close();
        git.close();
    }

    @Test
    void findsTheRepositoryFromAFolderInsideIt() throws Exception {
        var nested = Files.createDirectories(folder.resolve("src/main"));
        commit("src/main/App.java", "class App {}\n");

        var repository = repositories.forPath(nested).orElseThrow();

        assertThat(repository.workTree()).isEqualTo(folder.toRealPath());
        assertThat(repositories.forPath(folder.resolve("src/main/App.java"))).containsSame(repository);
    }

    @Test
    void aFolderOutsideAnyRepositoryHasNone(@TempDir Path elsewhere) {
        assertThat(GitRepository.find(elsewhere)).isEmpty();
        assertThat(repositories.forPath(elsewhere.resolve("missing.txt"))).isEmpty();
    }

    @Test
    void aBareRepositoryHasNoWorkTreeAndIsNotUsed(@TempDir Path bare) throws GitAPIException {
        Git.init().setDirectory(bare.toFile()).setBare(true).call().close();

        assertThat(GitRepository.find(bare)).isEmpty();
    }

    @Test
    void namesTheBranchBeforeAndAfterTheFirstCommit() throws Exception {
        var repository = repositories.forPath(folder).orElseThrow();
        assertThat(repository.head()).isEqualTo(new GitHead.Branch("main"));
        assertThat(repository.headCommitId()).isEmpty();

        commit("a.txt", "a\n");
        git.checkout().setCreateBranch(true).setName("feature/gutter").call();

        assertThat(repository.head().label()).isEqualTo("feature/gutter");
        assertThat(repository.headCommitId()).hasValueSatisfying(id -> assertThat(id).hasSize(40));
    }

    @Test
    void aDetachedHeadShowsTheShortCommitId() throws Exception {
        var id = commit("a.txt", "a\n");
        commit("a.txt", "b\n");
        git.checkout().setName(id).call();

        var head = repositories.forPath(folder).orElseThrow().head();

        assertThat(head).isInstanceOf(GitHead.Detached.class);
        assertThat(head.label()).isEqualTo(id.substring(0, 7));
    }

    @Test
    void readsAFileAsHeadHasIt() throws Exception {
        commit("notes.txt", "first\n");
        Files.writeString(folder.resolve("notes.txt"), "edited\n");

        var version = repositories.forPath(folder).orElseThrow().headVersion(folder.resolve("notes.txt"));

        assertThat(version).isEqualTo(new HeadVersion.Text("first\n"));
    }

    @Test
    void aFileNotInHeadIsMissingWithTheReason() throws Exception {
        var repository = repositories.forPath(folder).orElseThrow();
        assertThat(repository.headVersion(folder.resolve("x.txt")))
                .isEqualTo(new HeadVersion.Missing("the repository has no commit yet"));
        commit("a.txt", "a\n");

        assertThat(repository.headVersion(folder.resolve("new.txt")))
                .isEqualTo(new HeadVersion.Missing("new.txt is not in the last commit"));
        assertThat(repository.headVersion(folder.getParent().resolve("outside.txt")))
                .isInstanceOf(HeadVersion.Missing.class);
    }

    @Test
    void marksAnEditedLineAgainstHead() throws Exception {
        commit("App.java", "class App {\n    int a = 1;\n    int b = 2;\n}\n");

        var comparison = repositories.forPath(folder).orElseThrow()
                .compareWithHead(folder.resolve("App.java"), "class App {\n    int a = 10;\n    int b = 2;\n}\n");

        var compared = (HeadComparison.Compared) comparison;
        assertThat(compared.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(LineChange.Kind.MODIFIED);
            assertThat(change.line()).isEqualTo(1);
            assertThat(change.count()).isEqualTo(1);
            assertThat(change.hunk().oldLines()).containsExactly("    int a = 1;");
            assertThat(change.touches(1)).isTrue();
            assertThat(change.touches(2)).isFalse();
        });
    }

    @Test
    void marksAddedLinesAndDeletionsBetweenLines() throws Exception {
        commit("list.txt", "a\nb\nc\nd\n");

        var compared = (HeadComparison.Compared) repositories.forPath(folder).orElseThrow()
                .compareWithHead(folder.resolve("list.txt"), "a\nnew\nb\nd\n");

        assertThat(compared.changes()).hasSize(2);
        var added = compared.changes().get(0);
        assertThat(added.kind()).isEqualTo(LineChange.Kind.ADDED);
        assertThat(added.line()).isEqualTo(1);
        var deleted = compared.changes().get(1);
        assertThat(deleted.kind()).isEqualTo(LineChange.Kind.DELETED);
        assertThat(deleted.line()).isEqualTo(3);
        assertThat(deleted.count()).isZero();
        assertThat(deleted.touches(3)).isTrue();
        assertThat(deleted.touches(2)).isTrue();
        assertThat(deleted.touches(1)).isFalse();
        assertThat(deleted.hunk().oldLines()).containsExactly("c");
    }

    @Test
    void revertingAHunkRestoresTheLineAsHeadHasIt() throws Exception {
        commit("App.java", "one\ntwo\nthree\n");
        var edited = "one\nTWO\nthree\nfour\n";
        var compared = (HeadComparison.Compared) repositories.forPath(folder).orElseThrow()
                .compareWithHead(folder.resolve("App.java"), edited);

        var reverted = GitRepository.revertHunk(edited, compared.diff().hunks().getFirst());

        assertThat(reverted).isEqualTo("one\ntwo\nthree\nfour\n");
    }

    @Test
    void aCarriageReturnFileInHeadComparesByLinesNotSeparators() throws Exception {
        commit("win.txt", "alpha\r\nbeta\r\ngamma\r\n");

        var compared = (HeadComparison.Compared) repositories.forPath(folder).orElseThrow()
                .compareWithHead(folder.resolve("win.txt"), "alpha\nBETA\ngamma\n");

        assertThat(compared.changes()).singleElement().satisfies(change -> {
            assertThat(change.line()).isEqualTo(1);
            assertThat(change.hunk().oldLines()).containsExactly("beta");
        });
        var onDisk = "alpha\r\nBETA\r\ngamma\r\n";
        assertThat(GitRepository.revertHunk(onDisk, compared.changes().getFirst().hunk()))
                .isEqualTo("alpha\r\nbeta\r\ngamma\r\n");
    }

    @Test
    void anUntrackedFileHasNoComparisonButAnAddedOneIsAllNew() throws Exception {
        commit("a.txt", "a\n");
        Files.writeString(folder.resolve("scratch.txt"), "x\n");
        var repository = repositories.forPath(folder).orElseThrow();

        assertThat(repository.compareWithHead(folder.resolve("scratch.txt"), "x\n"))
                .isEqualTo(new HeadComparison.Unavailable("scratch.txt is not tracked by git."));

        git.add().addFilepattern("scratch.txt").call();
        var compared = (HeadComparison.Compared) repository.compareWithHead(folder.resolve("scratch.txt"), "x\ny\n");
        assertThat(compared.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(LineChange.Kind.ADDED);
            assertThat(change.count()).isEqualTo(2);
        });
    }

    @Test
    void aBinaryFileInHeadIsNotCompared() throws Exception {
        Files.write(folder.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
        git.add().addFilepattern("logo.png").call();
        git.commit().setMessage("logo").setSign(false).call();
        var repository = repositories.forPath(folder).orElseThrow();

        assertThat(repository.headVersion(folder.resolve("logo.png"))).isEqualTo(new HeadVersion.Binary(10));
        assertThat(repository.compareWithHead(folder.resolve("logo.png"), "text"))
                .isEqualTo(new HeadComparison.Unavailable("logo.png is a binary file in HEAD (10 B)."));
    }

    @Test
    void filesAboveTheLimitAreNotComparedAndTheReasonSaysSo() throws Exception {
        var big = "x".repeat(80) + "\n";
        var text = big.repeat((int) (GitRepository.COMPARE_LIMIT / big.length()) + 10);
        commit("big.txt", text);
        var repository = repositories.forPath(folder).orElseThrow();

        assertThat(repository.headVersion(folder.resolve("big.txt"))).isInstanceOf(HeadVersion.TooLarge.class);
        assertThat(repository.compareWithHead(folder.resolve("big.txt"), "small\n"))
                .isInstanceOfSatisfying(HeadComparison.Unavailable.class, unavailable -> assertThat(
                        unavailable.reason()).startsWith("big.txt is too large to compare with HEAD"));
        assertThat(repository.compareWithHead(folder.resolve("big.txt"), text))
                .isInstanceOfSatisfying(HeadComparison.Unavailable.class, unavailable -> assertThat(
                        unavailable.reason()).contains("the limit is 4.0 MB"));
    }

    @Test
    void decodesLatin1AndDropsAByteOrderMark() throws Exception {
        Files.write(folder.resolve("latin.txt"), "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(folder.resolve("bom.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i', '\n'});
        git.add().addFilepattern(".").call();
        git.commit().setMessage("encodings").setSign(false).call();
        var repository = repositories.forPath(folder).orElseThrow();

        assertThat(repository.headVersion(folder.resolve("latin.txt"))).isEqualTo(new HeadVersion.Text("caf\u00e9\n"));
        assertThat(repository.headVersion(folder.resolve("bom.txt"))).isEqualTo(new HeadVersion.Text("hi\n"));
    }

    @Test
    void statusListsWhatDiffersFromHead() throws Exception {
        commit("kept.txt", "k\n");
        commit("changed.txt", "c\n");
        commit("removed.txt", "r\n");
        Files.writeString(folder.resolve("changed.txt"), "c2\n");
        Files.delete(folder.resolve("removed.txt"));
        Files.writeString(folder.resolve("new.txt"), "n\n");
        Files.writeString(folder.resolve("staged.txt"), "s\n");
        git.add().addFilepattern("staged.txt").call();

        var status = repositories.forPath(folder).orElseThrow().status();

        var root = folder.toRealPath();
        assertThat(status).containsEntry(root.resolve("changed.txt"), FileStatus.MODIFIED)
                .containsEntry(root.resolve("removed.txt"), FileStatus.DELETED)
                .containsEntry(root.resolve("new.txt"), FileStatus.UNTRACKED)
                .containsEntry(root.resolve("staged.txt"), FileStatus.ADDED)
                .doesNotContainKey(root.resolve("kept.txt"));
    }

    @Test
    void aDeletedHunkRevertsAtTheEndOfTheFile() throws Exception {
        commit("end.txt", "a\nb\n");
        var compared = (HeadComparison.Compared) repositories.forPath(folder).orElseThrow()
                .compareWithHead(folder.resolve("end.txt"), "a\n");

        var change = compared.changes().getFirst();
        assertThat(change.kind()).isEqualTo(LineChange.Kind.DELETED);
        assertThat(change.line()).isEqualTo(1);
        assertThat(change.hunk().kind()).isEqualTo(DiffHunk.Kind.DELETED);
        assertThat(GitRepository.revertHunk("a\n", change.hunk())).isEqualTo("a\nb\n");
    }

    private String commit(String file, String text) throws IOException, GitAPIException {
        var path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        git.add().addFilepattern(file).call();
        return git.commit().setMessage("change " + file).setSign(false).call().getName();
    }
}
