package dev.cyberdevstudio.app.editor;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.files.FileStamp;
import dev.cyberdevstudio.engine.files.InvalidBytes;
import dev.cyberdevstudio.engine.files.KeptBytes;
import dev.cyberdevstudio.engine.files.LineSeparator;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.SaveResult;
import dev.cyberdevstudio.engine.files.TextEncoding;
import dev.cyberdevstudio.engine.files.TextFiles;
import dev.cyberdevstudio.engine.syntax.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.Replacement;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.TextChange;
import org.fxmisc.richtext.model.TwoDimensional;
import org.fxmisc.undo.UndoManager;
import org.fxmisc.undo.UndoManagerFactory;
import org.reactfx.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open file: its text, whether it differs from the disk, where the caret is, and the commands on it (save,
 * reload, undo, redo, go to line, find and replace). Plain Java over RichTextFX's document model, which needs no
 * toolkit, so that all of it runs in tests with a {@code CurrentThreadTaskExecutor}; {@link CodeEditor} shows the
 * same document in a {@code CodeArea} and only binds.
 *
 * <p>Text in memory uses {@code \n}; the file's encoding and line separator are put back on save. The document is
 * dirty when its text differs from what was last loaded or saved, so undoing back to the saved text, or typing a
 * character and deleting it, makes it clean again.
 *
 * <p>A large file shows before all of it is in the editor: the view model starts with the first
 * {@value #HEAD_LINES} lines, so that the first frame does not wait for the paragraphs of the whole file, and appends
 * the rest in chunks of about {@value #FILL_CHUNK_CHARS} chars, each built on a background thread and appended on
 * the UI thread once the previous one is in (so that frames keep coming in between). Until the last chunk is in the
 * document is read-only ({@link #loadingProperty()}), {@link #text()} is the loaded text, a jump with
 * {@link #goTo} waits for its line, and the appends stay out of the undo history and do not make it dirty.
 *
 * <p>A file that is not valid UTF-8 shows its bad bytes as U+FFFD and says so in {@link #invalidBytesProperty()};
 * a save writes the bad bytes the user left alone back unchanged (see {@link KeptBytes}), and
 * {@link #reopenAs(TextEncoding)} reads the file again in the 8-bit encoding that reads it whole.
 */
public final class DocumentViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentViewModel.class);
    private static final long MERGE_WINDOW_NANOS = 500_000_000L;
    /** Lines in the editor before the first frame: a tall screen's worth and a good margin. */
    static final int HEAD_LINES = 400;
    /** Chars per appended chunk: a few milliseconds of the UI thread's time each. */
    static final int FILL_CHUNK_CHARS = 256 * 1024;
    private static final long FILL_STEP_TIMEOUT_SECONDS = 30;
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("\\s*(\\d{1,9})\\s*(?:[:,]\\s*(\\d{1,9})\\s*)?");

    private final TaskExecutor executor;
    private final EditorDialogs dialogs;
    private final Path path;
    private final Optional<String> binaryNotice;
    private final SimpleEditableStyledDocument<Collection<String>, Collection<String>> document;
    private final UndoManager<List<PlainTextChange>> undoManager;
    private final Subscription changes;
    private final FindReplaceViewModel find;
    private final LongSupplier clock;

    private final ReadOnlyObjectWrapper<Path> pathValue;
    private final ReadOnlyStringWrapper languageName;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper deleted = new ReadOnlyBooleanWrapper(this, "deleted");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyIntegerWrapper caretLine = new ReadOnlyIntegerWrapper(this, "caretLine", 1);
    private final ReadOnlyIntegerWrapper caretColumn = new ReadOnlyIntegerWrapper(this, "caretColumn", 1);
    private final ReadOnlyObjectWrapper<TextSelection> selection =
            new ReadOnlyObjectWrapper<>(this, "selection", TextSelection.at(0));
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper encodingLabel = new ReadOnlyStringWrapper(this, "encoding", "");
    private final ReadOnlyStringWrapper lineSeparatorLabel = new ReadOnlyStringWrapper(this, "lineSeparator", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper encodingNotice = new ReadOnlyStringWrapper(this, "encodingNotice", "");
    private final ReadOnlyObjectWrapper<Optional<InvalidBytes>> invalidBytes =
            new ReadOnlyObjectWrapper<>(this, "invalidBytes", Optional.empty());
    private final boolean largeFile;

    private TextEncoding encoding;
    private LineSeparator lineSeparator;
    private FileStamp stamp;
    private String savedText;
    private String textSnapshot;
    private long lastChangeNanos;
    private long previousChangeNanos;
    private boolean applyingOwnEdit;
    private KeptBytes keptBytes = KeptBytes.none();
    private KeptBytes.Snapshot savedKeptBytes = keptBytes.snapshot();
    private Optional<InvalidBytes> savedInvalidBytes = Optional.empty();
    private TextEncoding chosenEncoding;
    private int totalLines;
    private int[] pendingCaret;
    private volatile boolean disposed;

    // Saves run in the background; a later save supersedes an earlier one that has not written yet.
    private final AtomicLong saveRequests = new AtomicLong();
    private final Object saveLock = new Object();
    private int savesInFlight;
    private int savesCompleted;
    private boolean diskCheckWaiting;
    private boolean askingAboutDisk;
    private boolean diskCheckedWhileAsking;

    private DocumentViewModel(Path path, String text, ReadOnlyStyledDocument<Collection<String>, String,
                              Collection<String>> content, Optional<String> binaryNotice, TaskExecutor executor,
                              EditorDialogs dialogs, LongSupplier clock, boolean largeFile) {
        this.path = path;
        this.largeFile = largeFile;
        this.executor = executor;
        this.dialogs = dialogs;
        this.binaryNotice = binaryNotice;
        this.clock = clock;
        this.savedText = text;
        this.pathValue = new ReadOnlyObjectWrapper<>(this, "path", path);
        this.languageName = new ReadOnlyStringWrapper(this, "languageName", languageFor(fileName(path)));
        this.document = new SimpleEditableStyledDocument<>(content);
        // Subscribed before the undo manager so that the merge window below sees this change's time.
        this.changes = document.multiPlainChanges().subscribe(this::textChanged);
        this.undoManager = UndoManagerFactory.unlimitedHistoryMultiChangeUM(document.multiPlainChanges(),
                TextChange::invert, this::applyHistory, this::mergeIfQuick, TextChange::isIdentity);
        this.find = new FindReplaceViewModel(this, executor);
        dirty.addListener((observable, was, is) -> updateTitle());
        deleted.addListener((observable, was, is) -> updateTitle());
        updateTitle();
    }

    /**
     * A loaded file with its first {@value #HEAD_LINES} lines already split into the editor's paragraphs, on the
     * background thread that read it; {@code headEnd} is where they end in the text (at a line break, or the end).
     */
    record Prepared(LoadResult.Text loaded,
                    ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> head, int headEnd,
                    int lineCount) {

        static Prepared of(LoadResult.Text loaded) {
            var text = loaded.text();
            int headEnd = 0;
            int lines = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (lines == HEAD_LINES) {
                        headEnd = i;
                    }
                    lines++;
                }
            }
            if (lines <= HEAD_LINES) {
                headEnd = text.length();
            }
            return new Prepared(loaded, fromString(text.substring(0, headEnd)), headEnd, lines);
        }
    }

    static DocumentViewModel ofText(LoadResult.Text loaded, boolean readOnly, TaskExecutor executor,
                                    EditorDialogs dialogs) {
        return ofText(Prepared.of(loaded), readOnly, executor, dialogs, System::nanoTime);
    }

    static DocumentViewModel ofText(Prepared prepared, boolean readOnly, TaskExecutor executor,
                                    EditorDialogs dialogs) {
        return ofText(prepared, readOnly, executor, dialogs, System::nanoTime);
    }

    static DocumentViewModel ofText(LoadResult.Text loaded, boolean readOnly, TaskExecutor executor,
                                    EditorDialogs dialogs, LongSupplier clock) {
        return ofText(Prepared.of(loaded), readOnly, executor, dialogs, clock);
    }

    private static DocumentViewModel ofText(Prepared prepared, boolean readOnly, TaskExecutor executor,
                                            EditorDialogs dialogs, LongSupplier clock) {
        var loaded = prepared.loaded();
        var model = new DocumentViewModel(loaded.path(), loaded.text(), prepared.head(), Optional.empty(),
                executor, dialogs, clock, readOnly);
        model.adoptFormat(loaded);
        model.readOnly.set(readOnly);
        model.totalLines = prepared.lineCount();
        model.showLargeFileBanner(1.0);
        if (prepared.headEnd() < loaded.text().length()) {
            model.fill(loaded.text(), prepared.headEnd());
        }
        return model;
    }

    static DocumentViewModel ofBinary(LoadResult.Binary binary, TaskExecutor executor, EditorDialogs dialogs) {
        var notice = fileName(binary.path()) + " is a binary file (" + TextFiles.formatSize(binary.size())
                + ") and is not shown.";
        var model = new DocumentViewModel(binary.path(), "", fromString(""), Optional.of(notice), executor, dialogs,
                System::nanoTime, false);
        model.readOnly.set(true);
        return model;
    }

    // ---------------------------------------------------------------- facts for tabs and the status bar

    public Path path() {
        return path;
    }

    public ReadOnlyObjectProperty<Path> pathProperty() {
        return pathValue.getReadOnlyProperty();
    }

    /** The file name, prefixed with "● " when there are unsaved changes and followed by " (deleted)" when gone. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The full path, for the tab's tooltip. */
    public String tooltip() {
        return path.toString();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty deletedProperty() {
        return deleted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public boolean isReadOnly() {
        return readOnly.get();
    }

    /** 1-based line of the caret. */
    public ReadOnlyIntegerProperty caretLineProperty() {
        return caretLine.getReadOnlyProperty();
    }

    /** 1-based column of the caret, in characters. */
    public ReadOnlyIntegerProperty caretColumnProperty() {
        return caretColumn.getReadOnlyProperty();
    }

    /** The language the file's name suggests, e.g. "Java"; "Plain Text" when none. */
    public ReadOnlyStringProperty languageNameProperty() {
        return languageName.getReadOnlyProperty();
    }

    public String languageName() {
        return languageName.get();
    }

    /** "UTF-8", "UTF-8 with BOM", "ISO-8859-1", ...; empty for a binary file. */
    public ReadOnlyStringProperty encodingProperty() {
        return encodingLabel.getReadOnlyProperty();
    }

    /** "LF", "CRLF" or "CR"; empty for a binary file. */
    public ReadOnlyStringProperty lineSeparatorProperty() {
        return lineSeparatorLabel.getReadOnlyProperty();
    }

    /** True while the rest of a large file is still going into the editor (read-only until then). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    /**
     * A file above {@link TextFiles#LARGE_FILE_LIMIT}, open read-only: no syntax highlighting for it, since styling
     * hundreds of thousands of lines would cost more memory and time than a log or data file is worth.
     */
    public boolean isLargeFile() {
        return largeFile;
    }

    /**
     * Present while the text holds bytes of the file that were not valid UTF-8 (shown as U+FFFD): what they are and
     * which encoding to offer with {@link #reopenAs}. Saving keeps the ones the user did not edit.
     */
    public ReadOnlyObjectProperty<Optional<InvalidBytes>> invalidBytesProperty() {
        return invalidBytes.getReadOnlyProperty();
    }

    /**
     * Why some characters show as U+FFFD and what saving does with them, while the text holds bytes of the file that
     * were not valid UTF-8; empty otherwise. The encoding notice bar shows it with a "Reopen as …" button.
     */
    public ReadOnlyStringProperty encodingNoticeProperty() {
        return encodingNotice.getReadOnlyProperty();
    }

    /** Present for a binary file: the short text shown instead of its content. */
    public Optional<String> binaryNotice() {
        return binaryNotice;
    }

    /** A lasting message above the text, e.g. why the file is read-only; empty when none. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** A passing message below the text (go-to-line clamped, reload failed); empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    public FindReplaceViewModel find() {
        return find;
    }

    // ---------------------------------------------------------------- text and selection

    /** The document model the {@code CodeArea} shows. */
    public EditableStyledDocument<Collection<String>, String, Collection<String>> document() {
        return document;
    }

    /** The undo history; {@link CodeEditor} gives it to its area so that Ctrl+Z and the menu share it. */
    public UndoManager<List<PlainTextChange>> undoManager() {
        return undoManager;
    }

    /** The whole text, lines separated by {@code \n}; built once per change and cached. */
    public String text() {
        if (loading.get()) {
            return savedText;
        }
        if (textSnapshot == null) {
            textSnapshot = document.getText();
        }
        return textSnapshot;
    }

    public int length() {
        return document.getLength();
    }

    public int lineCount() {
        return loading.get() ? totalLines : document.getParagraphs().size();
    }

    /** Replaces the range with {@code replacement} as the user would; refused (false) when read-only. */
    public boolean replace(int start, int end, String replacement) {
        if (isReadOnly()) {
            return false;
        }
        applyingOwnEdit = true;
        try {
            undoManager.preventMerge();
            document.replace(start, end, fromString(replacement));
            undoManager.preventMerge();
        } finally {
            applyingOwnEdit = false;
        }
        return true;
    }

    public ReadOnlyObjectProperty<TextSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public TextSelection selection() {
        return selection.get();
    }

    /** Moves the selection (clamped to the text); the editor follows, and reports the user's moves back here. */
    public void select(int anchor, int caret) {
        int length = length();
        var clamped = new TextSelection(Math.clamp(anchor, 0, length), Math.clamp(caret, 0, length));
        selection.set(clamped);
        var position = document.offsetToPosition(clamped.caret(), TwoDimensional.Bias.Forward);
        caretLine.set(position.getMajor() + 1);
        caretColumn.set(position.getMinor() + 1);
    }

    public boolean undo() {
        return !isReadOnly() && undoManager.undo();
    }

    public boolean redo() {
        return !isReadOnly() && undoManager.redo();
    }

    public ObservableValue<Boolean> undoAvailableProperty() {
        return undoManager.undoAvailableProperty();
    }

    public ObservableValue<Boolean> redoAvailableProperty() {
        return undoManager.redoAvailableProperty();
    }

    // ---------------------------------------------------------------- go to line

    /** Asks for "line[:column]" and goes there. */
    public void goToLine() {
        if (binaryNotice.isEmpty()) {
            dialogs.askGoToLine(caretLine.get(), lineCount()).ifPresent(this::goToLine);
        }
    }

    /**
     * Goes to "line" or "line:column" (1-based). A line or column past the end goes to the last one and says so in
     * {@link #noticeProperty()}. Returns false when the input is not a line number.
     */
    public boolean goToLine(String input) {
        var matcher = LINE_AND_COLUMN.matcher(input);
        if (!matcher.matches()) {
            notice.set("\"" + input.strip() + "\" is not a line number: type 42 or 42:7.");
            return false;
        }
        int lines = lineCount();
        int wantedLine = Integer.parseInt(matcher.group(1));
        int line = Math.clamp(wantedLine, 1, lines);
        int lineLength = document.getParagraph(line - 1).length();
        int wantedColumn = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
        int column = Math.clamp(wantedColumn, 1, lineLength + 1);
        if (wantedLine > lines) {
            notice.set("Line " + wantedLine + " is past the end: went to line " + lines + ", the last line.");
        } else if (wantedLine < 1) {
            notice.set("Lines start at 1: went to line 1.");
        } else if (wantedColumn > lineLength + 1) {
            notice.set("Line " + line + " has " + lineLength + " characters: went to its end.");
        } else if (wantedColumn < 1) {
            notice.set("Columns start at 1: went to the start of line " + line + ".");
        } else {
            notice.set("");
        }
        moveCaretTo(line, column);
        return true;
    }

    /** Puts the caret at {@code line}:{@code column} (1-based), clamped to the text; for jumps from lists. */
    public void goTo(int line, int column) {
        if (loading.get()) {
            pendingCaret = new int[] {line, column};
        } else if (binaryNotice.isEmpty()) {
            moveCaretTo(line, column);
        }
    }

    private void moveCaretTo(int line, int column) {
        if (loading.get()) {
            pendingCaret = new int[] {line, column};
            return;
        }
        int safeLine = Math.clamp(line, 1, lineCount());
        int safeColumn = Math.clamp(column, 1, document.getParagraph(safeLine - 1).length() + 1);
        int offset = document.position(safeLine - 1, safeColumn - 1).toOffset();
        select(offset, offset);
    }

    // ---------------------------------------------------------------- save

    /**
     * Saves in the background when there is something to save. The stage completes on the UI thread with true when
     * the file on disk holds the text; a failure is shown through the dialogs and the text stays as it is.
     */
    public CompletionStage<Boolean> save() {
        var done = new CompletableFuture<Boolean>();
        if (binaryNotice.isPresent() || isReadOnly() || (!isDirty() && !deleted.get())) {
            done.complete(binaryNotice.isEmpty() && !isReadOnly());
            return done;
        }
        var text = text();
        var targetEncoding = encoding;
        var separator = lineSeparator;
        var kept = keptBytes.snapshot();
        long request = saveRequests.incrementAndGet();
        savesInFlight++;
        executor.submit(() -> writeIfLatest(request, text, targetEncoding, separator, kept),
                result -> done.complete(saveFinished(text, kept, result)),
                error -> {
                    LOG.error("Saving {} failed", path, error);
                    done.complete(saveFinished(text, kept, Optional.of(new SaveResult.Failed(path,
                            error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()))));
                });
        return done;
    }

    /** Saves on the calling thread, for closing: the caller needs the answer before it goes on. */
    boolean saveNow() {
        if (binaryNotice.isPresent() || isReadOnly()) {
            return false;
        }
        var text = text();
        long request = saveRequests.incrementAndGet();
        savesInFlight++;
        var kept = keptBytes.snapshot();
        return saveFinished(text, kept, writeIfLatest(request, text, encoding, lineSeparator, kept));
    }

    private Optional<SaveResult> writeIfLatest(long request, String text, TextEncoding targetEncoding,
                                               LineSeparator separator, KeptBytes.Snapshot kept) {
        synchronized (saveLock) {
            if (request != saveRequests.get()) {
                return Optional.empty();
            }
            return Optional.of(TextFiles.save(path, text, targetEncoding, separator, kept));
        }
    }

    private boolean saveFinished(String text, KeptBytes.Snapshot kept, Optional<SaveResult> outcome) {
        savesInFlight--;
        savesCompleted++;
        boolean saved = switch (outcome.orElse(null)) {
            case null -> true;
            case SaveResult.Saved written -> {
                savedText = text;
                savedKeptBytes = kept;
                stamp = written.stamp();
                deleted.set(false);
                undoManager.preventMerge();
                dirty.set(!matchesSavedText());
                yield true;
            }
            case SaveResult.Failed failed -> {
                LOG.warn("Could not save {}: {}", path, failed.reason());
                dialogs.showError("Could not save " + fileName(path), failed.message());
                yield false;
            }
        };
        if (savesInFlight == 0 && diskCheckWaiting) {
            diskCheckWaiting = false;
            checkDisk();
        }
        return saved;
    }

    // ---------------------------------------------------------------- changes on disk

    /**
     * Looks at the file on disk after a change was reported: a clean document reloads, a dirty one asks, a deleted
     * file marks the tab and keeps the text. A change that is our own save (same stamp) is ignored.
     */
    public void checkDisk() {
        if (askingAboutDisk) {
            diskCheckedWhileAsking = true;
            return;
        }
        if (savesInFlight > 0 || loading.get()) {
            diskCheckWaiting = true;
            return;
        }
        int savesBefore = savesCompleted;
        executor.submit(this::probeDisk, state -> {
            if (savesCompleted != savesBefore || savesInFlight > 0) {
                checkDisk();
            } else {
                diskChanged(state);
            }
        }, error -> LOG.warn("Could not look at {} on disk", path, error));
    }

    private Optional<FileStamp> probeDisk() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileStamp.of(path));
        } catch (IOException gone) {
            return Files.exists(path) ? Optional.ofNullable(stamp) : Optional.empty();
        }
    }

    private void diskChanged(Optional<FileStamp> onDisk) {
        if (onDisk.isEmpty()) {
            deleted.set(true);
            return;
        }
        boolean wasDeleted = deleted.get();
        deleted.set(false);
        if (onDisk.get().equals(stamp) && !wasDeleted) {
            return;
        }
        if (binaryNotice.isPresent()) {
            stamp = onDisk.get();
            return;
        }
        if (!isDirty()) {
            reload(false);
        } else if (userWantsReload(onDisk.get())) {
            reload(true);
        }
    }

    // Keep mine: this version on disk has been seen; ask again only when it changes once more. Reports that come
    // in while the question is open are looked at once it is answered, instead of stacking a second question.
    private boolean userWantsReload(FileStamp onDisk) {
        askingAboutDisk = true;
        boolean reload;
        try {
            reload = dialogs.askReloadOrKeep(path) == EditorDialogs.ReloadChoice.RELOAD;
        } finally {
            askingAboutDisk = false;
        }
        if (!reload) {
            stamp = onDisk;
        }
        if (diskCheckedWhileAsking) {
            diskCheckedWhileAsking = false;
            checkDisk();
        }
        return reload;
    }

    /** Reads the file again and replaces the text, keeping the caret on about the same line and column. */
    public void reload() {
        reload(true);
    }

    /**
     * Reads the file again in {@code newEncoding} ("Reopen as Windows-1252" for a file that is not UTF-8), and keeps
     * that encoding for later saves and reloads. Refused (false, with a notice) while there are unsaved changes, which
     * the new reading would replace.
     */
    public boolean reopenAs(TextEncoding newEncoding) {
        if (binaryNotice.isPresent() || loading.get()) {
            return false;
        }
        if (isDirty()) {
            notice.set("Save or undo your changes before reopening " + fileName(path) + " as "
                    + newEncoding.label() + ".");
            return false;
        }
        chosenEncoding = newEncoding;
        reload(true);
        return true;
    }

    private void reload(boolean chosen) {
        // The file is being read into the editor right now; once it is in, a changed stamp still reloads it.
        if (loading.get()) {
            diskCheckWaiting = true;
            return;
        }
        var mode = largeFile ? LoadMode.ALLOW_LARGE : LoadMode.NORMAL;
        var wanted = chosenEncoding;
        executor.submit(() -> TextFiles.load(path, mode, wanted), result -> reloaded(result, chosen),
                error -> notice.set("Could not reload " + path + ": " + error.getMessage()));
    }

    private void reloaded(LoadResult result, boolean chosen) {
        // Typing while the file was read in the background makes the document dirty: then the user decides.
        if (!chosen && isDirty() && result instanceof LoadResult.Text loaded && !userWantsReload(loaded.stamp())) {
            return;
        }
        switch (result) {
            case LoadResult.Text loaded -> {
                int line = caretLine.get();
                int column = caretColumn.get();
                replaceKeepingHistoryOut(loaded.text());
                adoptFormat(loaded);
                savedText = loaded.text();
                dirty.set(false);
                notice.set("");
                moveCaretTo(line, column);
            }
            case LoadResult.Binary binary -> notice.set(fileName(path)
                    + " changed on disk into a binary file; the text here is what it was before.");
            case LoadResult.TooLarge large -> notice.set(fileName(path) + " changed on disk and is now larger than "
                    + TextFiles.formatSize(large.limit()) + "; close and open it again to see it.");
            case LoadResult.Failed failed -> notice.set(failed.message());
        }
    }

    // Only the changed middle is replaced: the caret, the styling and the highlighter's work outside it survive.
    private void replaceKeepingHistoryOut(String newText) {
        var oldText = text();
        int prefix = 0;
        int limit = Math.min(oldText.length(), newText.length());
        while (prefix < limit && oldText.charAt(prefix) == newText.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && oldText.charAt(oldText.length() - 1 - suffix) == newText.charAt(newText.length() - 1 - suffix)) {
            suffix++;
        }
        if (prefix + suffix < oldText.length() || prefix + suffix < newText.length()) {
            document.replace(prefix, oldText.length() - suffix,
                    fromString(newText.substring(prefix, newText.length() - suffix)));
        }
        undoManager.forgetHistory();
    }

    /** Releases the document's listeners; the view model is not used afterwards. */
    void dispose() {
        disposed = true;
        find.dispose();
        changes.unsubscribe();
        undoManager.close();
    }

    FileStamp stamp() {
        return stamp;
    }

    // ---------------------------------------------------------------- internals

    private void textChanged(List<PlainTextChange> edits) {
        if (loading.get()) {
            return;
        }
        for (var edit : edits) {
            keptBytes.edited(edit.getPosition(), edit.getRemovalEnd() - edit.getPosition(),
                    edit.getInserted().length());
        }
        previousChangeNanos = lastChangeNanos;
        lastChangeNanos = clock.getAsLong();
        textSnapshot = null;
        dirty.set(!matchesSavedText());
        // Back at the saved text (undo): the bad bytes are where they were, even one deleted and then restored.
        if (!dirty.get()) {
            keptBytes = KeptBytes.of(savedKeptBytes);
        }
        if (keptBytes.size() == 0 && invalidBytes.get().isPresent()) {
            invalidBytes.set(Optional.empty());
            encodingNotice.set("");
        } else if (keptBytes.size() > 0 && invalidBytes.get().isEmpty()) {
            invalidBytes.set(savedInvalidBytes);
            encodingNotice.set(savedInvalidBytes.map(this::invalidBytesNotice).orElse(""));
        }
        var current = selection.get();
        if (current.end() > length()) {
            select(Math.min(current.anchor(), length()), Math.min(current.caret(), length()));
        }
        find.documentChanged(applyingOwnEdit);
    }

    // Undo groups typing that comes in quick succession; a pause starts a new step, as in most editors.
    private Optional<PlainTextChange> mergeIfQuick(PlainTextChange earlier, PlainTextChange later) {
        if (lastChangeNanos - previousChangeNanos > MERGE_WINDOW_NANOS) {
            return Optional.empty();
        }
        return earlier.mergeWith(later);
    }

    private void applyHistory(List<PlainTextChange> history) {
        var replacements = history.stream()
                .map(change -> new Replacement<>(change.getPosition(), change.getRemovalEnd(),
                        fromString(change.getInserted())))
                .toList();
        document.replaceMulti(replacements);
        int caret = Math.min(history.getLast().getInsertionEnd(), length());
        select(caret, caret);
    }

    // Compares without building the whole text: a length check settles almost every keystroke.
    private boolean matchesSavedText() {
        if (document.getLength() != savedText.length()) {
            return false;
        }
        int offset = 0;
        boolean first = true;
        for (var paragraph : document.getParagraphs()) {
            if (!first) {
                if (savedText.charAt(offset) != '\n') {
                    return false;
                }
                offset++;
            }
            first = false;
            var line = paragraph.getText();
            if (!savedText.startsWith(line, offset)) {
                return false;
            }
            offset += line.length();
        }
        return true;
    }

    private void adoptFormat(LoadResult.Text loaded) {
        keptBytes = loaded.invalidBytes().map(KeptBytes::of).orElseGet(KeptBytes::none);
        savedKeptBytes = keptBytes.snapshot();
        savedInvalidBytes = loaded.invalidBytes();
        invalidBytes.set(loaded.invalidBytes());
        encodingNotice.set(loaded.invalidBytes().map(this::invalidBytesNotice).orElse(""));
        encoding = loaded.encoding();
        lineSeparator = loaded.lineSeparator();
        stamp = loaded.stamp();
        encodingLabel.set(encoding.label());
        lineSeparatorLabel.set(lineSeparator.label());
    }

    private String invalidBytesNotice(InvalidBytes invalid) {
        var others = invalid.count() - 1;
        var them = others == 0 ? "it" : "them";
        return fileName(path) + " is not valid UTF-8: byte " + invalid.firstByte() + " at offset "
                + invalid.firstByteOffset() + " (line " + invalid.firstLine() + ")"
                + (others == 0 ? " shows" : " and " + others + " more show") + " as \uFFFD. Saving writes " + them
                + " back as " + (others == 0 ? "it was" : "they were") + " unless you edit " + them + ".";
    }

    private void showLargeFileBanner(double loaded) {
        if (!largeFile) {
            return;
        }
        var reason = fileName(path) + " is larger than " + TextFiles.formatSize(TextFiles.LARGE_FILE_LIMIT) + " ("
                + TextFiles.formatSize(stamp.size()) + "): it is open read-only, without syntax highlighting.";
        banner.set(loaded >= 1.0 ? reason
                : reason + " Loading… " + Math.round(loaded * 100) + "%");
    }

    // ---------------------------------------------------------------- filling in a large file after the first frame

    private void fill(String text, int from) {
        loading.set(true);
        readOnly.set(true);
        textSnapshot = text;
        showLargeFileBanner((double) from / text.length());
        executor.submit(() -> appendChunks(text, from), ignored -> fillFinished(), error -> {
            LOG.error("Loading the rest of {} failed", path, error);
            notice.set("Could not load all of " + fileName(path) + ": " + error.getMessage()
                    + ". Close it and open it again.");
        });
    }

    /** Background: builds each chunk's paragraphs, and hands it to the UI thread once the previous one is in. */
    private Void appendChunks(String text, int from) throws Exception {
        var previous = CompletableFuture.<Void>completedFuture(null);
        int start = from;
        while (start < text.length() && !disposed) {
            int end = text.indexOf('\n', Math.min(text.length(), start + FILL_CHUNK_CHARS));
            int chunkEnd = end < 0 ? text.length() : end;
            var chunk = fromString(text.substring(start, chunkEnd));
            previous.get(FILL_STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            var appended = new CompletableFuture<Void>();
            double share = (double) chunkEnd / text.length();
            executor.runOnUi(() -> {
                try {
                    append(chunk, share);
                    appended.complete(null);
                } catch (RuntimeException error) {
                    appended.completeExceptionally(error);
                }
            });
            previous = appended;
            start = chunkEnd;
        }
        previous.get(FILL_STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return null;
    }

    private void append(ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> chunk, double share) {
        if (disposed) {
            return;
        }
        int end = document.getLength();
        document.replace(end, end, chunk);
        undoManager.forgetHistory();
        showLargeFileBanner(share);
    }

    private void fillFinished() {
        if (disposed) {
            return;
        }
        loading.set(false);
        readOnly.set(largeFile);
        textSnapshot = document.getLength() == savedText.length() ? savedText : null;
        undoManager.forgetHistory();
        showLargeFileBanner(1.0);
        if (pendingCaret != null) {
            var caret = pendingCaret;
            pendingCaret = null;
            moveCaretTo(caret[0], caret[1]);
        }
        if (diskCheckWaiting && savesInFlight == 0) {
            diskCheckWaiting = false;
            checkDisk();
        }
    }

    private void updateTitle() {
        title.set((dirty.get() ? "● " : "") + fileName(path) + (deleted.get() ? " (deleted)" : ""));
    }

    private static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> fromString(String text) {
        return ReadOnlyStyledDocument.fromString(text, List.of(), List.of(), SegmentOps.styledTextOps());
    }

    static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    private static String languageFor(String fileName) {
        return Language.forFileName(fileName).map(Language::displayName).orElse("Plain Text");
    }
}
