package dev.cyberdevstudio.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.engine.project.FileChange;
import dev.cyberdevstudio.engine.project.FileChange.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTreeViewModelTest {

    @TempDir
    Path project;

    private final FakeProjectDialogs dialogs = new FakeProjectDialogs();
    private final FakeFolderWatching watching = new FakeFolderWatching();
    private final List<Path> opened = new ArrayList<>();
    private final List<List<Path>> changedOnDisk = new ArrayList<>();
    private ProjectTreeViewModel viewModel;

    @BeforeEach
    void createViewModel() {
        viewModel = new ProjectTreeViewModel(new CurrentThreadTaskExecutor(), dialogs, watching);
        viewModel.setOnOpenFile(opened::add);
        viewModel.setOnFilesChanged(changedOnDisk::add);
    }

    @Test
    void showsTheFolderAsExpandedRootNamedAfterItWithEntriesSortedAndGitHidden() throws IOException {
        Files.createDirectories(project.resolve(".git/refs"));
        Files.createDirectory(project.resolve("src"));
        Files.createDirectory(project.resolve("Docs"));
        Files.createFile(project.resolve("pom.xml"));
        Files.createFile(project.resolve("README.md"));

        viewModel.open(project);

        var root = viewModel.rootProperty().get();
        assertThat(root.name()).isEqualTo(project.getFileName().toString());
        assertThat(root.isRoot()).isTrue();
        assertThat(root.isExpanded()).isTrue();
        assertThat(names(root)).containsExactly("Docs", "src", "pom.xml", "README.md");
        assertThat(viewModel.projectFolder()).contains(project);
        assertThat(watching.last().root).isEqualTo(project);
    }

    @Test
    void listsAFolderOnlyWhenItIsExpanded() throws IOException {
        Files.createDirectories(project.resolve("src/main"));
        Files.createFile(project.resolve("src/App.java"));
        viewModel.open(project);
        var src = child(viewModel.rootProperty().get(), "src");

        assertThat(src.isLoaded()).isFalse();
        assertThat(src.children()).isEmpty();

        src.setExpanded(true);

        assertThat(src.isLoaded()).isTrue();
        assertThat(names(src)).containsExactly("main", "App.java");
        assertThat(watching.last().watchedFolders).contains(src.path());
        assertThat(viewModel.find(project.resolve("src/App.java"))).isPresent();
    }

    @Test
    void addsAFileReportedCreatedOnDisk() throws IOException {
        viewModel.open(project);
        var file = Files.createFile(project.resolve("new.txt"));

        watching.last().fire(new FileChange(file, Kind.CREATED));

        assertThat(names(viewModel.rootProperty().get())).containsExactly("new.txt");
        assertThat(changedOnDisk).containsExactly(List.of(file));
    }

    @Test
    void removesAFolderReportedDeletedWithItsSubtree() throws IOException {
        Files.createDirectories(project.resolve("gone/inner"));
        Files.createFile(project.resolve("stays.txt"));
        viewModel.open(project);
        child(viewModel.rootProperty().get(), "gone").setExpanded(true);
        Files.delete(project.resolve("gone/inner"));
        Files.delete(project.resolve("gone"));

        watching.last().fire(new FileChange(project.resolve("gone"), Kind.DELETED));

        assertThat(names(viewModel.rootProperty().get())).containsExactly("stays.txt");
        assertThat(viewModel.find(project.resolve("gone"))).isEmpty();
        assertThat(viewModel.find(project.resolve("gone/inner"))).isEmpty();
    }

    @Test
    void keepsExpandedFoldersAndSelectionWhenTheTreeIsUpdated() throws IOException {
        Files.createDirectories(project.resolve("a/deep"));
        Files.createFile(project.resolve("a/deep/x.txt"));
        viewModel.open(project);
        var a = child(viewModel.rootProperty().get(), "a");
        a.setExpanded(true);
        var deep = child(a, "deep");
        deep.setExpanded(true);
        var x = child(deep, "x.txt");
        viewModel.selectedProperty().set(x);

        var b = Files.createDirectory(project.resolve("b"));
        var y = Files.createFile(project.resolve("a/y.txt"));
        watching.last().fire(new FileChange(b, Kind.CREATED), new FileChange(y, Kind.CREATED));

        assertThat(names(viewModel.rootProperty().get())).containsExactly("a", "b");
        assertThat(child(viewModel.rootProperty().get(), "a")).isSameAs(a);
        assertThat(a.isExpanded()).isTrue();
        assertThat(names(a)).containsExactly("deep", "y.txt");
        assertThat(child(a, "deep")).isSameAs(deep);
        assertThat(deep.isExpanded()).isTrue();
        assertThat(viewModel.selectedProperty().get()).isSameAs(x);
    }

    @Test
    void ignoresChangesInFoldersNotYetListedButStillReportsThem() throws IOException {
        Files.createDirectory(project.resolve("closed"));
        viewModel.open(project);
        var inside = Files.createFile(project.resolve("closed/file.txt"));

        watching.last().fire(new FileChange(inside, Kind.CREATED));

        var closed = child(viewModel.rootProperty().get(), "closed");
        assertThat(closed.isLoaded()).isFalse();
        assertThat(closed.children()).isEmpty();
        assertThat(changedOnDisk).containsExactly(List.of(inside));
    }

    @Test
    void modificationReachesTheEditorWithoutChangingTheTree() throws IOException {
        var file = Files.createFile(project.resolve("a.txt"));
        viewModel.open(project);
        var node = child(viewModel.rootProperty().get(), "a.txt");

        watching.last().fire(new FileChange(file, Kind.MODIFIED));

        assertThat(child(viewModel.rootProperty().get(), "a.txt")).isSameAs(node);
        assertThat(changedOnDisk).containsExactly(List.of(file));
    }

    @Test
    void rescanListsEveryListedFolderAgain() throws IOException {
        Files.createDirectory(project.resolve("src"));
        viewModel.open(project);
        child(viewModel.rootProperty().get(), "src").setExpanded(true);
        Files.createFile(project.resolve("top.txt"));
        Files.createFile(project.resolve("src/inner.txt"));

        watching.last().fire(new FileChange(project, Kind.RESCAN));

        var root = viewModel.rootProperty().get();
        assertThat(names(root)).containsExactly("src", "top.txt");
        assertThat(names(child(root, "src"))).containsExactly("inner.txt");
        assertThat(changedOnDisk).containsExactly(List.of(project));
    }

    @Test
    void aFileReplacedByAFolderOfTheSameNameBecomesAFolder() throws IOException {
        var path = Files.createFile(project.resolve("thing"));
        viewModel.open(project);
        Files.delete(path);
        Files.createDirectory(path);

        watching.last().fire(new FileChange(path, Kind.DELETED), new FileChange(path, Kind.CREATED));

        assertThat(child(viewModel.rootProperty().get(), "thing").isFolder()).isTrue();
    }

    @Test
    void newFileIsCreatedShownSelectedAndOpened() {
        viewModel.open(project);
        dialogs.answerName("Main.java");

        viewModel.newFile(viewModel.rootProperty().get());

        var created = project.resolve("Main.java");
        assertThat(created).isRegularFile();
        assertThat(dialogs.nameRequests).singleElement()
                .satisfies(request -> assertThat(request.prompt()).contains(project.toString()));
        assertThat(names(viewModel.rootProperty().get())).containsExactly("Main.java");
        assertThat(viewModel.selectedProperty().get().path()).isEqualTo(created);
        assertThat(opened).containsExactly(created);
    }

    @Test
    void newFolderOnAFileGoesBesideItAndExpandsItsFolder() throws IOException {
        Files.createDirectory(project.resolve("src"));
        Files.createFile(project.resolve("src/App.java"));
        viewModel.open(project);
        var src = child(viewModel.rootProperty().get(), "src");
        src.setExpanded(true);
        dialogs.answerName("util");

        viewModel.newFolder(child(src, "App.java"));

        assertThat(project.resolve("src/util")).isDirectory();
        assertThat(names(src)).containsExactly("util", "App.java");
        assertThat(viewModel.selectedProperty().get().path()).isEqualTo(project.resolve("src/util"));
        assertThat(opened).isEmpty();
    }

    @Test
    void newFileInACollapsedFolderExpandsIt() throws IOException {
        Files.createDirectory(project.resolve("docs"));
        viewModel.open(project);
        var docs = child(viewModel.rootProperty().get(), "docs");
        dialogs.answerName("guide.md");

        viewModel.newFile(docs);

        assertThat(docs.isExpanded()).isTrue();
        assertThat(names(docs)).containsExactly("guide.md");
    }

    @Test
    void cancellingTheNameCreatesNothing() throws IOException {
        viewModel.open(project);
        dialogs.cancelName();

        viewModel.newFile(viewModel.rootProperty().get());

        try (var entries = Files.list(project)) {
            assertThat(entries).isEmpty();
        }
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void creatingAnExistingFileShowsAnErrorNamingThePathAndCause() throws IOException {
        Files.writeString(project.resolve("taken.txt"), "keep");
        viewModel.open(project);
        dialogs.answerName("taken.txt");

        viewModel.newFile(viewModel.rootProperty().get());

        assertThat(dialogs.errors).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("New File failed");
            assertThat(error.message()).contains(project.resolve("taken.txt").toString()).contains("already exists");
        });
        assertThat(project.resolve("taken.txt")).hasContent("keep");
        assertThat(opened).isEmpty();
    }

    @Test
    void invalidNameShowsAnError() {
        viewModel.open(project);
        dialogs.answerName("a/b");

        viewModel.newFolder(viewModel.rootProperty().get());

        assertThat(dialogs.errors).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("'/'").contains(project.toString()));
    }

    @Test
    void renamesAndSelectsTheRenamedNode() throws IOException {
        Files.writeString(project.resolve("old.txt"), "x");
        viewModel.open(project);
        var old = child(viewModel.rootProperty().get(), "old.txt");
        dialogs.answerName("new.txt");

        viewModel.rename(old);

        assertThat(dialogs.nameRequests.getFirst().initialName()).isEqualTo("old.txt");
        assertThat(project.resolve("new.txt")).hasContent("x");
        assertThat(names(viewModel.rootProperty().get())).containsExactly("new.txt");
        assertThat(viewModel.selectedProperty().get().path()).isEqualTo(project.resolve("new.txt"));
    }

    @Test
    void renamingOntoAnExistingNameShowsAnErrorAndKeepsBoth() throws IOException {
        Files.writeString(project.resolve("a.txt"), "a");
        Files.writeString(project.resolve("b.txt"), "b");
        viewModel.open(project);
        dialogs.answerName("b.txt");

        viewModel.rename(child(viewModel.rootProperty().get(), "a.txt"));

        assertThat(dialogs.errors).singleElement().satisfies(error -> assertThat(error.message())
                .contains(project.resolve("b.txt").toString()).contains("already exists"));
        assertThat(names(viewModel.rootProperty().get())).containsExactly("a.txt", "b.txt");
    }

    @Test
    void keepingTheSameNameDoesNothing() throws IOException {
        Files.createFile(project.resolve("same.txt"));
        viewModel.open(project);
        var node = child(viewModel.rootProperty().get(), "same.txt");
        dialogs.answerName("same.txt");

        viewModel.rename(node);

        assertThat(child(viewModel.rootProperty().get(), "same.txt")).isSameAs(node);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void deletesAFolderAfterConfirmationNamingIt() throws IOException {
        Files.createDirectories(project.resolve("build/out"));
        Files.createFile(project.resolve("build/out/a.class"));
        viewModel.open(project);
        var build = child(viewModel.rootProperty().get(), "build");
        viewModel.selectedProperty().set(build);

        viewModel.delete(build);

        assertThat(dialogs.deleteRequests).containsExactly(
                new FakeProjectDialogs.DeleteRequest(project.resolve("build"), true));
        assertThat(project.resolve("build")).doesNotExist();
        assertThat(viewModel.rootProperty().get().children()).isEmpty();
        assertThat(viewModel.selectedProperty().get()).isSameAs(viewModel.rootProperty().get());
    }

    @Test
    void declinedDeletionKeepsTheFile() throws IOException {
        Files.createFile(project.resolve("keep.txt"));
        viewModel.open(project);
        dialogs.confirmDeletes(false);

        viewModel.delete(child(viewModel.rootProperty().get(), "keep.txt"));

        assertThat(dialogs.deleteRequests).containsExactly(
                new FakeProjectDialogs.DeleteRequest(project.resolve("keep.txt"), false));
        assertThat(project.resolve("keep.txt")).exists();
        assertThat(names(viewModel.rootProperty().get())).containsExactly("keep.txt");
    }

    @Test
    void deletingSomethingAlreadyGoneShowsAnErrorNamingIt() throws IOException {
        var file = Files.createFile(project.resolve("ghost.txt"));
        viewModel.open(project);
        var ghost = child(viewModel.rootProperty().get(), "ghost.txt");
        Files.delete(file);

        viewModel.delete(ghost);

        assertThat(dialogs.errors).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("Delete failed");
            assertThat(error.message()).contains(file.toString()).contains("does not exist");
        });
    }

    @Test
    void theProjectFolderItselfCannotBeRenamedOrDeleted() {
        viewModel.open(project);
        var root = viewModel.rootProperty().get();

        viewModel.rename(root);
        viewModel.delete(root);

        assertThat(viewModel.canChange(root)).isFalse();
        assertThat(viewModel.canChange(null)).isFalse();
        assertThat(dialogs.nameRequests).isEmpty();
        assertThat(dialogs.deleteRequests).isEmpty();
        assertThat(project).isDirectory();
    }

    @Test
    void activatingAFileOpensItAndAFolderTogglesIt() throws IOException {
        Files.createDirectory(project.resolve("src"));
        Files.createFile(project.resolve("a.txt"));
        viewModel.open(project);
        var root = viewModel.rootProperty().get();

        viewModel.activate(child(root, "a.txt"));
        viewModel.activate(child(root, "src"));

        assertThat(opened).containsExactly(project.resolve("a.txt"));
        assertThat(child(root, "src").isExpanded()).isTrue();
    }

    @Test
    void openingSomethingThatIsNotAFolderShowsAnErrorAndNoTree() throws IOException {
        var file = Files.createFile(project.resolve("file.txt"));

        viewModel.open(file);

        assertThat(viewModel.rootProperty().get()).isNull();
        assertThat(dialogs.errors).singleElement().satisfies(error -> assertThat(error.message())
                .contains(file.toString()).contains("not a folder"));
    }

    @Test
    void expandingAFolderThatBecameAFileSaysSoAndUpdatesTheTree() throws IOException {
        var path = Files.createDirectory(project.resolve("thing"));
        viewModel.open(project);
        var thing = child(viewModel.rootProperty().get(), "thing");
        Files.delete(path);
        Files.createFile(path);

        thing.setExpanded(true);

        assertThat(dialogs.errors).singleElement().satisfies(error -> assertThat(error.message())
                .contains(path.toString()).contains("not a folder"));
        assertThat(child(viewModel.rootProperty().get(), "thing").isFolder()).isFalse();
    }

    @Test
    void expandingAFolderDeletedMeanwhileQuietlyRemovesIt() throws IOException {
        var path = Files.createDirectory(project.resolve("vanished"));
        viewModel.open(project);
        var vanished = child(viewModel.rootProperty().get(), "vanished");
        Files.delete(path);

        vanished.setExpanded(true);

        assertThat(dialogs.errors).isEmpty();
        assertThat(viewModel.rootProperty().get().children()).isEmpty();
    }

    @Test
    void closeStopsTheWatchAndIgnoresLateChanges() throws IOException {
        viewModel.open(project);
        var watch = watching.last();

        viewModel.close();
        Files.createFile(project.resolve("late.txt"));
        watch.fire(new FileChange(project.resolve("late.txt"), Kind.CREATED));

        assertThat(watch.closed).isTrue();
        assertThat(viewModel.rootProperty().get()).isNull();
        assertThat(viewModel.projectFolder()).isEmpty();
        assertThat(changedOnDisk).isEmpty();
    }

    @Test
    void openingAnotherFolderClosesTheFirstWatch(@TempDir Path other) throws IOException {
        Files.createFile(other.resolve("other.txt"));
        viewModel.open(project);
        var first = watching.last();

        viewModel.open(other);

        assertThat(first.closed).isTrue();
        assertThat(watching.last().root).isEqualTo(other);
        assertThat(names(viewModel.rootProperty().get())).containsExactly("other.txt");
        assertThat(viewModel.find(project)).isEmpty();
    }

    @Test
    void stillShowsTheTreeWhenWatchingFails() throws IOException {
        watching.failWith(new IOException("inotify limit reached"));
        Files.createFile(project.resolve("a.txt"));

        viewModel.open(project);

        assertThat(names(viewModel.rootProperty().get())).containsExactly("a.txt");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void refreshListsAFolderAgain() throws IOException {
        viewModel.open(project);
        Files.createFile(project.resolve("unseen.txt"));

        viewModel.refresh(viewModel.rootProperty().get());

        assertThat(names(viewModel.rootProperty().get())).containsExactly("unseen.txt");
    }

    private static List<String> names(ProjectNode folder) {
        return folder.children().stream().map(ProjectNode::name).toList();
    }

    private static ProjectNode child(ProjectNode folder, String name) {
        return folder.children().stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + names(folder)));
    }
}
