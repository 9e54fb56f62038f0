package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.engine.lsp.Diagnostic;
import dev.cyberdevstudio.engine.lsp.LanguageService;
import dev.cyberdevstudio.engine.lsp.SourceLocation;
import dev.cyberdevstudio.engine.lsp.TextPosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.MapChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.TwoDimensional;
import org.reactfx.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language server's features in one editor: completion as you type, squiggles under problems, hover, parameter
 * info, and the commands go to definition, find references, rename and format. It keeps the server told about the
 * file (opened, changed after a short pause in typing, saved, closed), always from background threads: a slow or
 * hung server never holds up typing. Nothing happens for a file no server is configured for.
 *
 * <p>Attached to every editor by {@link LanguageSupport#attach}; commands find it on the active editor:
 * <pre>{@code
 * editorPane.activeEditor().flatMap(editor -> editor.feature(LanguageFeatures.class))
 *         .ifPresent(LanguageFeatures::goToDefinition);
 * }</pre>
 * Ctrl+Space (completion) and Ctrl+Shift+Space (parameter info) work inside the editor by themselves.
 */
public final class LanguageFeatures implements AutoCloseable {

    static final String STYLESHEET = Objects.requireNonNull(
            LanguageFeatures.class.getResource("lsp.css"), "lsp.css").toExternalForm();

    private static final Logger LOG = LoggerFactory.getLogger(LanguageFeatures.class);
    private static final Duration CHANGE_DELAY = Duration.millis(200);
    private static final KeyCombination COMPLETE =
            new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PARAMETER_INFO =
            new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final int TAB_SIZE = 4;

    private final DocumentViewModel document;
    private final CodeEditor editor;
    private final CodeArea area;
    private final LanguageSupport support;
    private final Path path;
    private final ServerChannel channel;
    private final PauseTransition changeDelay = new PauseTransition(CHANGE_DELAY);
    private final CompletionController completion;
    private final SignatureController signature;
    private final HoverController hover;
    private final SquiggleLayer squiggles;
    private final CaretHint hint;
    private final LocationChooser chooser = new LocationChooser();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final Subscription textChanges;
    private final ChangeListener<Integer> caretMoved = (observable, was, is) -> caretMoved();
    private final ChangeListener<Boolean> dirtyChanged = (observable, was, dirty) -> {
        if (was && !dirty) {
            saved();
        }
    };
    private final MapChangeListener<Path, List<Diagnostic>> problemsChanged;
    private final ChangeListener<Boolean> focusChanged = (observable, was, focused) -> focusChanged(focused);
    private final EventHandler<KeyEvent> keyPressed = this::keyPressed;
    private final EventHandler<KeyEvent> keyTyped = this::keyTyped;

    private LanguageService connected;
    private boolean changePending;
    private long version;
    private boolean closed;

    private LanguageFeatures(DocumentViewModel document, CodeEditor editor, LanguageSupport support) {
        this.document = document;
        this.editor = editor;
        this.area = editor.area();
        this.support = support;
        this.path = LanguageSupport.normalize(document.path());
        this.channel = new ServerChannel(support.executor());
        this.completion = new CompletionController(this, area);
        this.signature = new SignatureController(this, area);
        this.hover = new HoverController(this, area);
        this.squiggles = new SquiggleLayer(area, editor.overlay(), this::diagnostics);
        this.hint = new CaretHint(area);
        changeDelay.setOnFinished(event -> sendChange());
        textChanges = document.document().multiPlainChanges().subscribe(changes -> textChanged());
        area.caretPositionProperty().addListener(caretMoved);
        area.focusedProperty().addListener(focusChanged);
        document.dirtyProperty().addListener(dirtyChanged);
        problemsChanged = change -> {
            if (change.getKey().equals(path)) {
                squiggles.redraw();
            }
        };
        support.problems().byFile().addListener(problemsChanged);
        area.addEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
        area.addEventHandler(KeyEvent.KEY_TYPED, keyTyped);
        if (!editor.getStylesheets().contains(STYLESHEET)) {
            editor.getStylesheets().add(STYLESHEET);
        }
    }

    static LanguageFeatures attach(DocumentViewModel document, CodeEditor editor, LanguageSupport support) {
        var features = new LanguageFeatures(document, editor, support);
        editor.putFeature(LanguageFeatures.class, features);
        support.register(features);
        features.serviceChanged();
        return features;
    }

    // ---------------------------------------------------------------- commands

    /** Shows the completion list at the caret now (Ctrl+Space). */
    public void complete() {
        if (whyNot().isEmpty()) {
            completion.force();
        } else {
            say(whyNot());
        }
    }

    /** Shows the signature of the call around the caret (Ctrl+Shift+Space). */
    public void showSignatureHelp() {
        if (whyNot().isEmpty()) {
            signature.request();
        } else {
            say(whyNot());
        }
    }

    /** Shows the problems and the hover text at the caret. */
    public void showHover() {
        if (whyNot().isEmpty()) {
            hover.showAtCaret();
        } else {
            say(whyNot());
        }
    }

    /** Jumps to where the symbol at the caret is defined; with several definitions, lets the user pick one. */
    public void goToDefinition() {
        int caret = area.getCaretPosition();
        var at = positionOf(caret);
        var word = wordAt(caret);
        ask(service -> service.definition(path, at), locations -> {
            if (locations.isEmpty()) {
                say(word.isEmpty() ? "No definition found here" : "No definition found for " + word);
            } else if (locations.size() == 1) {
                jump(locations.getFirst());
            } else {
                chooser.show(area, locations, this::jump);
            }
        }, "Go to definition");
    }

    /** Lists every use of the symbol at the caret in the References list. */
    public void findReferences() {
        int caret = area.getCaretPosition();
        var at = positionOf(caret);
        var word = wordAt(caret);
        var what = "references to " + (word.isEmpty() ? "the symbol" : word);
        ask(service -> service.references(path, at), locations -> {
            support.references().show(what, locations);
            support.referencesShown();
            if (locations.isEmpty()) {
                say("No " + what + " found");
            } else {
                note(support.references().titleProperty().get());
            }
        }, "Find references");
    }

    /**
     * Renames the symbol at the caret everywhere: asks the new name, then applies the server's edits, to open files
     * as one undo step each and to files that are not open on disk.
     */
    public void renameSymbol() {
        var why = whyNot();
        if (!why.isEmpty()) {
            say(why);
            return;
        }
        int caret = area.getCaretPosition();
        var word = wordAt(caret);
        if (word.isEmpty()) {
            say("Put the caret on a name to rename it");
            return;
        }
        var at = positionOf(caret);
        var window = area.getScene() == null ? null : area.getScene().getWindow();
        var newName = support.renamePrompt().askNewName(window, word);
        if (newName.isEmpty() || newName.get().equals(word)) {
            return;
        }
        long asked = version;
        ask(service -> service.rename(path, at, newName.get()), edits -> {
            if (edits.isEmpty()) {
                say(word + " cannot be renamed here");
            } else if (version != asked) {
                say("The text changed while the server worked on the rename; rename again");
            } else {
                support.applyEdits(edits, "Renamed " + word + " to " + newName.get(), this::note);
            }
        }, "Rename");
    }

    /** Formats the whole file with the server's formatter, as one undo step. */
    public void formatDocument() {
        long asked = version;
        ask(service -> service.format(path, TAB_SIZE, true), edits -> {
            if (version != asked) {
                say("The text changed while formatting; format again");
            } else if (edits.isEmpty()) {
                note("Already formatted");
            } else {
                LanguageSupport.applyTo(document, edits).ifPresentOrElse(this::say, () -> note("Formatted"));
            }
        }, "Format");
    }

    /** The last thing a command had to say ("No definition found for x"), also shown briefly at the caret. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Detaches from the editor and tells the server the file is closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        var service = connected;
        connected = null;
        changeDelay.stop();
        if (service != null) {
            channel.post(() -> service.closed(path));
        }
        hidePopups();
        squiggles.close();
        textChanges.unsubscribe();
        area.caretPositionProperty().removeListener(caretMoved);
        area.focusedProperty().removeListener(focusChanged);
        document.dirtyProperty().removeListener(dirtyChanged);
        support.problems().byFile().removeListener(problemsChanged);
        area.removeEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
        area.removeEventHandler(KeyEvent.KEY_TYPED, keyTyped);
        support.unregister(this);
    }

    // ---------------------------------------------------------------- for the parts and for tests

    Path path() {
        return path;
    }

    DocumentViewModel document() {
        return document;
    }

    CompletionController completion() {
        return completion;
    }

    SignatureController signature() {
        return signature;
    }

    HoverController hover() {
        return hover;
    }

    SquiggleLayer squiggles() {
        return squiggles;
    }

    LocationChooser chooser() {
        return chooser;
    }

    /**
     * Asks the connected service, after it has the latest text; {@code answer} runs on the FX thread, unless the
     * editor closed or the project changed meanwhile. A failure or a timeout says so when {@code what} is given
     * and is silent otherwise (completion, hover: the user did not ask).
     */
    <T> void ask(Function<LanguageService, CompletableFuture<T>> call, Consumer<T> answer, String what) {
        var service = connected;
        if (service == null) {
            if (what != null) {
                say(whyNot());
            }
            return;
        }
        flushChange();
        channel.ask(() -> call.apply(service)).whenComplete((value, error) -> support.executor().runOnUi(() -> {
            if (closed || connected != service) {
                return;
            }
            if (error == null) {
                answer.accept(value);
            } else {
                LOG.debug("{} for {} got no answer", what == null ? "A request" : what, path, error);
                if (what != null) {
                    say(timedOut(error) ? what + ": the language server did not answer in time"
                            : what + " failed: the language server could not answer");
                }
            }
        }));
    }

    TextPosition positionOf(int offset) {
        var position = document.document().offsetToPosition(Math.clamp(offset, 0, document.length()),
                TwoDimensional.Bias.Forward);
        return new TextPosition(position.getMajor(), position.getMinor());
    }

    int offsetOf(TextPosition position) {
        int paragraphs = document.document().getParagraphs().size();
        if (position.line() >= paragraphs) {
            return document.length();
        }
        int length = document.document().getParagraph(position.line()).length();
        return document.document().position(position.line(), Math.min(position.character(), length)).toOffset();
    }

    List<Diagnostic> diagnostics() {
        return connected == null ? List.of() : support.problems().diagnosticsFor(path);
    }

    /** The problems whose span holds {@code offset} (or touches it, for empty spans). */
    List<Diagnostic> diagnosticsAt(int offset) {
        var at = positionOf(offset);
        return diagnostics().stream().filter(diagnostic -> {
            var span = diagnostic.span();
            return span.start().compareTo(at) <= 0 && (span.end().compareTo(at) > 0
                    || span.start().equals(span.end()) && span.start().equals(at));
        }).toList();
    }

    void serviceChanged() {
        var now = support.service().filter(service -> service.serves(path)).orElse(null);
        if (now == connected || closed) {
            return;
        }
        connected = now;
        changePending = false;
        changeDelay.stop();
        if (now != null) {
            var text = document.text();
            channel.post(() -> now.opened(path, text));
        }
        squiggles.redraw();
    }

    void serviceLeaving() {
        connected = null;
        changePending = false;
        changeDelay.stop();
        completion.cancel();
        signature.hide();
        hover.hide();
        squiggles.redraw();
    }

    // ---------------------------------------------------------------- internals

    private void textChanged() {
        version++;
        if (connected != null) {
            changePending = true;
            changeDelay.playFromStart();
        }
    }

    private void sendChange() {
        var service = connected;
        if (!changePending || service == null) {
            return;
        }
        changePending = false;
        var text = document.text();
        channel.post(() -> service.changed(path, text));
    }

    private void flushChange() {
        if (changePending) {
            changeDelay.stop();
            sendChange();
        }
    }

    private void saved() {
        var service = connected;
        if (service != null) {
            flushChange();
            channel.post(() -> service.saved(path));
        }
    }

    // Another control took the focus (not a popup of ours, which leaves the scene's focus owner alone).
    private void focusChanged(boolean focused) {
        if (!focused && area.getScene() != null && area.getScene().getFocusOwner() != area) {
            hidePopups();
        }
    }

    private void hidePopups() {
        completion.cancel();
        signature.hide();
        hover.hide();
        hint.hide();
        chooser.hide();
    }

    private void caretMoved() {
        completion.caretMoved();
        signature.caretMoved();
    }

    private void keyPressed(KeyEvent event) {
        hint.hide();
        if (COMPLETE.match(event)) {
            complete();
            event.consume();
        } else if (PARAMETER_INFO.match(event)) {
            showSignatureHelp();
            event.consume();
        } else if (completion.handleKey(event)) {
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && (signature.isShowing() || hover.isShowing())) {
            signature.hide();
            hover.hide();
            event.consume();
        }
    }

    private void keyTyped(KeyEvent event) {
        var typed = event.getCharacter();
        if (connected == null || typed.length() != 1 || event.isControlDown() || event.isMetaDown()) {
            return;
        }
        char character = typed.charAt(0);
        int caret = area.getCaretPosition();
        // Only what really went into the text: not a key refused by a read-only document.
        if (caret == 0 || area.getText(caret - 1, caret).charAt(0) != character) {
            return;
        }
        completion.typed(character);
        signature.typed(character);
    }

    private void jump(SourceLocation location) {
        var start = location.span().start();
        support.navigator().openAt(location.file(), start.line() + 1, start.character() + 1);
    }

    private String wordAt(int offset) {
        var position = positionOf(offset);
        var line = document.document().getParagraph(position.line()).getText();
        int start = Identifiers.wordStart(line, position.character());
        int end = Identifiers.wordEnd(line, position.character());
        return line.substring(start, end);
    }

    private String whyNot() {
        if (connected != null) {
            return "";
        }
        return support.service().isEmpty() ? "Language features need an open project"
                : "No language server is set up for " + LanguageSupport.fileName(path);
    }

    private void say(String text) {
        note(text);
        hint.show(text);
    }

    private void note(String text) {
        message.set(text);
    }

    private static boolean timedOut(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
