package dev.cyberdevstudio.engine.agents.changes;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.diff.HunkMismatchException;
import dev.cyberdevstudio.engine.diff.TextDiff;
import dev.cyberdevstudio.engine.diff.ThreeWayMerge;
import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.fs.FsLimits;
import dev.cyberdevstudio.sandbox.fs.ProjectFileSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies reviewed change sets to a project and takes them back: the only way agents' edits reach the user's
 * files.
 *
 * <ul>
 *   <li>{@link #apply}: writes the accepted hunks of every file, all or nothing. A file that changed on disk since
 *       the agent read it is not overwritten: the outcome is a 3-way merge for the person to resolve.</li>
 *   <li>Every write is a {@link Checkpoint} in a journal kept outside the project: {@link #rollback} a whole one,
 *       {@link #rollbackFile one file} or {@link #rollbackHunk one hunk}; a rollback is a checkpoint too, so rolling
 *       it back undoes it.</li>
 *   <li>{@link #snapshot()} before an agent runs a command and {@link #recordCommand} after it record the files the
 *       command changed (test and build output included) as a checkpoint of its own.</li>
 *   <li>Crash safety: the checkpoint is written, as PREPARED, before any file; each file is replaced atomically;
 *       the checkpoint turns APPLIED after the last file. {@link #open} finds a PREPARED one left by a crash, puts
 *       back the files it had written, and marks it ABORTED: each file is wholly old, and the journal says so.</li>
 * </ul>
 */
public final class ProjectChanges {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectChanges.class);

    private final ProjectFileSystem files;
    private final CheckpointJournal journal;
    private final List<Checkpoint> recovered;
    private Consumer<Path> afterEachWrite = file -> { };

    private ProjectChanges(ProjectFileSystem files, CheckpointJournal journal) {
        this.files = files;
        this.journal = journal;
        this.recovered = recover();
    }

    /** Opens the changes of {@code projectRoot}, journaled in {@code journalFolder}, finishing any interrupted apply. */
    public static ProjectChanges open(Path projectRoot, Path journalFolder) {
        return new ProjectChanges(ProjectFileSystem.open(projectRoot, FsLimits.defaults()),
            new CheckpointJournal(journalFolder));
    }

    /** Checkpoints a crash had left half-applied, rolled back when this opened. */
    public List<Checkpoint> recovered() {
        return recovered;
    }

    public List<Checkpoint> history() {
        return journal.list();
    }

    /** A file's text as a checkpoint kept it ({@link FileVersion#before()} or {@link FileVersion#after()}). */
    public String content(String blob) {
        return new String(journal.load(blob), StandardCharsets.UTF_8);
    }

    public ApplyOutcome apply(ChangeSet changes, HunkSelection selection) {
        return apply(changes, selection, Map.of());
    }

    /**
     * Applies the accepted hunks; {@code resolutions} give the text of files that needed a merge last time.
     */
    public synchronized ApplyOutcome apply(ChangeSet changes, HunkSelection selection,
                                           Map<Path, MergeResolution> resolutions) {
        var plan = new LinkedHashMap<Path, Planned>();
        var merges = new ArrayList<FileMerge>();
        for (var edit : changes.edits()) {
            var file = edit.file().normalize();
            var accepted = selection.of(file);
            if (accepted.isEmpty()) {
                continue;
            }
            var hunks = edit.hunks();
            Optional<String> target;
            if (edit.proposed().isEmpty() && accepted.containsAll(indexes(hunks.size()))) {
                target = Optional.empty();
            } else {
                target = Optional.of(TextDiff.applySelected(edit.base().orElse(""), hunks, accepted));
            }
            var current = read(file);
            var resolution = resolutions.get(file);
            if (resolution != null) {
                if (current.orElse("").equals(resolution.onDisk())) {
                    plan.put(file, new Planned(current, Optional.of(resolution.text())));
                } else {
                    merges.add(merge(file, edit.base().orElse(""), current.orElse(""), target.orElse("")));
                }
            } else if (current.equals(edit.base())) {
                plan.put(file, new Planned(current, target));
            } else {
                merges.add(merge(file, edit.base().orElse(""), current.orElse(""), target.orElse("")));
            }
        }
        if (!merges.isEmpty()) {
            return new ApplyOutcome.NeedsMerge(merges);
        }
        return write(Checkpoint.Kind.CHANGE_SET, changes.title(), changes.taskId(), plan);
    }

    /** Puts every file of {@code checkpointId} back as it was before it. */
    public ApplyOutcome rollback(String checkpointId) {
        return rollback(checkpointId, Map.of());
    }

    public synchronized ApplyOutcome rollback(String checkpointId, Map<Path, MergeResolution> resolutions) {
        var checkpoint = applied(checkpointId);
        return restore(checkpoint, checkpoint.files(), resolutions);
    }

    public synchronized ApplyOutcome rollbackFile(String checkpointId, Path file) {
        var checkpoint = applied(checkpointId);
        var version = checkpoint.files().stream().filter(candidate -> candidate.file().equals(file.normalize()))
            .findFirst().orElseThrow(() -> new EngineException("Checkpoint \"" + checkpoint.title()
                + "\" did not change " + file));
        return restore(checkpoint, List.of(version), Map.of());
    }

    /**
     * Takes back hunk {@code hunkIndex} of the diff from before to after {@code checkpointId} in {@code file},
     * keeping whatever else the file holds now.
     */
    public synchronized ApplyOutcome rollbackHunk(String checkpointId, Path file, int hunkIndex) {
        var checkpoint = applied(checkpointId);
        var version = checkpoint.files().stream().filter(candidate -> candidate.file().equals(file.normalize()))
            .findFirst().orElseThrow(() -> new EngineException("Checkpoint \"" + checkpoint.title()
                + "\" did not change " + file));
        var before = version.before().map(this::content).orElse("");
        var after = version.after().map(this::content).orElse("");
        var hunks = TextDiff.compare(before, after).hunks();
        if (hunkIndex < 0 || hunkIndex >= hunks.size()) {
            throw new EngineException("Checkpoint \"" + checkpoint.title() + "\" has " + hunks.size()
                + " hunks in " + file + ", not a hunk " + (hunkIndex + 1));
        }
        var current = read(version.file());
        var reverted = TextDiff.revert(after, hunks.get(hunkIndex));
        String target;
        try {
            target = TextDiff.revert(current.orElse(""), hunks.get(hunkIndex));
            if (!current.orElse("").equals(after)) {
                // Lines shifted since: only trust the revert when a 3-way merge agrees with it.
                var merged = ThreeWayMerge.merge(after, current.orElse(""), reverted);
                if (!merged.clean()) {
                    return new ApplyOutcome.NeedsMerge(List.of(new FileMerge(version.file(), after,
                        current.orElse(""), reverted, merged)));
                }
                target = merged.text();
            }
        } catch (HunkMismatchException moved) {
            var merged = ThreeWayMerge.merge(after, current.orElse(""), reverted);
            if (!merged.clean()) {
                return new ApplyOutcome.NeedsMerge(List.of(new FileMerge(version.file(), after, current.orElse(""),
                    reverted, merged)));
            }
            target = merged.text();
        }
        var plan = new LinkedHashMap<Path, Planned>();
        plan.put(version.file(), new Planned(current, Optional.of(target)));
        return write(Checkpoint.Kind.ROLLBACK, "Roll back hunk " + (hunkIndex + 1) + " of " + file + " from \""
            + checkpoint.title() + "\"", checkpoint.taskId(), plan);
    }

    /** The project's files now, to compare with after a command. */
    public ProjectSnapshot snapshot() {
        return ProjectSnapshot.take(files.root(), journal);
    }

    /**
     * Records as a checkpoint the files that changed, appeared or disappeared since {@code before}; empty when the
     * command changed nothing.
     */
    public synchronized Optional<Checkpoint> recordCommand(String title, String taskId, ProjectSnapshot before) {
        var after = ProjectSnapshot.take(files.root(), journal);
        var changed = before.changesTo(after);
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        var checkpoint = journal.prepare(Checkpoint.Kind.COMMAND, title, taskId, changed);
        return Optional.of(journal.mark(checkpoint, Checkpoint.State.APPLIED));
    }

    /** For crash tests: called after each file is written. */
    void afterEachWrite(Consumer<Path> listener) {
        this.afterEachWrite = listener;
    }

    private ApplyOutcome restore(Checkpoint checkpoint, List<FileVersion> versions,
                                 Map<Path, MergeResolution> resolutions) {
        var plan = new LinkedHashMap<Path, Planned>();
        var merges = new ArrayList<FileMerge>();
        for (var version : versions) {
            var current = read(version.file());
            var expected = version.after().map(this::content);
            var target = version.before().map(this::content);
            var resolution = resolutions.get(version.file());
            if (resolution != null && current.orElse("").equals(resolution.onDisk())) {
                plan.put(version.file(), new Planned(current, Optional.of(resolution.text())));
            } else if (current.equals(expected) && resolution == null) {
                plan.put(version.file(), new Planned(current, target));
            } else {
                merges.add(merge(version.file(), expected.orElse(""), current.orElse(""), target.orElse("")));
            }
        }
        if (!merges.isEmpty()) {
            return new ApplyOutcome.NeedsMerge(merges);
        }
        var what = versions.size() == 1 && checkpoint.files().size() > 1
            ? versions.getFirst().file() + " from \"" + checkpoint.title() + "\"" : "\"" + checkpoint.title() + "\"";
        return write(Checkpoint.Kind.ROLLBACK, "Roll back " + what, checkpoint.taskId(), plan);
    }

    private Checkpoint applied(String id) {
        var checkpoint = journal.find(id).orElseThrow(() -> new EngineException("No checkpoint " + id));
        if (checkpoint.state() != Checkpoint.State.APPLIED) {
            throw new EngineException("Checkpoint \"" + checkpoint.title() + "\" was never applied (it is "
                + checkpoint.state().name().toLowerCase() + "): there is nothing to roll back");
        }
        return checkpoint;
    }

    private ApplyOutcome write(Checkpoint.Kind kind, String title, String taskId, Map<Path, Planned> plan) {
        plan.values().removeIf(planned -> planned.before().equals(planned.after()));
        if (plan.isEmpty()) {
            return new ApplyOutcome.NothingToApply("The files already hold these changes, or no hunk was accepted");
        }
        var versions = new ArrayList<FileVersion>();
        plan.forEach((file, planned) -> versions.add(new FileVersion(file, planned.before().map(this::keep),
            planned.after().map(this::keep))));
        var checkpoint = journal.prepare(kind, title, taskId, versions);
        var written = new ArrayList<FileVersion>();
        try {
            for (var version : versions) {
                put(version.file(), version.after());
                written.add(version);
                afterEachWrite.accept(version.file());
            }
        } catch (SandboxException | EngineException failure) {
            putBack(written);
            journal.mark(checkpoint, Checkpoint.State.ABORTED);
            throw new EngineException("Nothing was changed: " + failure.getMessage(), failure);
        }
        return new ApplyOutcome.Applied(journal.mark(checkpoint, Checkpoint.State.APPLIED));
    }

    private List<Checkpoint> recover() {
        var interrupted = journal.list().stream().filter(checkpoint -> checkpoint.state() == Checkpoint.State.PREPARED)
            .toList();
        var done = new ArrayList<Checkpoint>();
        for (var checkpoint : interrupted) {
            LOG.warn("Rolling back \"{}\": the studio stopped while it was being applied", checkpoint.title());
            putBack(checkpoint.files());
            done.add(journal.mark(checkpoint, Checkpoint.State.ABORTED));
        }
        return List.copyOf(done);
    }

    // Puts back the files of an interrupted write: those holding the new content, or lying half-way, get the old.
    private void putBack(List<FileVersion> versions) {
        for (var version : versions) {
            var now = read(version.file()).map(text -> CheckpointJournal.sha256(text.getBytes(StandardCharsets.UTF_8)));
            if (!now.equals(version.before())) {
                put(version.file(), version.before());
            }
        }
    }

    private void put(Path file, Optional<String> blob) {
        var name = file.toString().replace('\\', '/');
        if (blob.isPresent()) {
            files.write(name, journal.load(blob.get()));
        } else if (files.exists(name)) {
            files.delete(name);
        }
    }

    private String keep(String text) {
        return journal.store(text.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> read(Path file) {
        var name = file.toString().replace('\\', '/');
        try {
            return files.exists(name) ? Optional.of(files.readString(name)) : Optional.empty();
        } catch (SandboxException refused) {
            throw new EngineException("Nothing was changed: " + refused.getMessage(), refused);
        }
    }

    private static FileMerge merge(Path file, String base, String current, String changed) {
        return new FileMerge(file, base, current, changed, ThreeWayMerge.merge(base, current, changed,
            "on disk", "change"));
    }

    private static Set<Integer> indexes(int count) {
        return new HashSet<>(IntStream.range(0, count).boxed().toList());
    }

    private record Planned(Optional<String> before, Optional<String> after) {
    }
}
