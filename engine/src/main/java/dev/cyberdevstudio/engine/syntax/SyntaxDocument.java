package dev.cyberdevstudio.engine.syntax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.treesitter.TSInputEdit;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSParser;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSReader;
import org.treesitter.TSTree;

/**
 * The syntax tree of one open file, kept current through edits, and the style spans of any part of it.
 *
 * <pre>{@code
 * try (var document = SyntaxDocument.open(Language.JAVA, text)) {   // full parse: ~1.5 s for 100k lines
 *     var visible = document.spans(viewportStart, viewportEnd);     // walks only the nodes in the range
 *     document.edit(caret, 0, "x");                                 // cheap: the re-parse waits for the next call
 *     var restyle = document.reparse();                             // re-parses with the old tree (~ms)
 * }
 * }</pre>
 *
 * <p>Offsets are Java char offsets throughout. Not thread-safe: confine a document to one thread (or one serial
 * queue); it may move between threads as long as one call happens-before the next. {@link #close()} frees the
 * native parser, tree and query cursor at once instead of waiting for the garbage collector.
 */
public final class SyntaxDocument implements AutoCloseable {

    /** Big enough that a full parse reads a 100k-line file in a few hundred calls into Java. */
    private static final int READ_CHUNK_BYTES = 64 * 1024;

    private final Language language;
    private final HighlightQuery highlights;
    private final TextBuffer text;
    private final TSParser parser;
    private final TSQueryCursor cursor;
    private final TSReader reader;
    private final byte[] readBuffer = new byte[READ_CHUNK_BYTES];
    private TSTree tree;
    /**
     * The tree as it was before the first re-parse since the last {@link #reparse()}, kept (and edited along) so
     * that {@link #reparse()} can ask tree-sitter what changed; comparing costs tens of milliseconds on a huge
     * file, which a viewport's spans should not wait for.
     */
    private TSTree baseTree;
    private boolean parsePending;
    private int changedStart = -1;
    private int changedEnd = -1;
    private boolean closed;

    private SyntaxDocument(Language language, Grammars.Grammar grammar, String initialText) {
        this.language = language;
        this.highlights = grammar.highlights();
        this.text = new TextBuffer(initialText);
        this.reader = text.reader();
        this.parser = new TSParser();
        this.cursor = new TSQueryCursor();
        try {
            if (!parser.setLanguage(grammar.treeSitter())) {
                throw new IllegalStateException("The tree-sitter library rejects the " + language.displayName()
                        + " grammar (ABI " + grammar.treeSitter().abiVersion() + ")");
            }
            this.tree = parse(null);
        } catch (RuntimeException error) {
            cursor.close();
            parser.close();
            throw error;
        }
    }

    /**
     * Parses {@code text} in full: seconds for a very large file, so call it off the UI thread.
     *
     * @throws IllegalStateException when the language's grammar or highlight query cannot be loaded
     */
    public static SyntaxDocument open(Language language, String text) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        return new SyntaxDocument(language, Grammars.of(language), text);
    }

    public Language language() {
        return language;
    }

    public int length() {
        ensureOpen();
        return text.length();
    }

    /** The char at {@code index} of the current text. */
    public char charAt(int index) {
        ensureOpen();
        if (index < 0 || index >= text.length()) {
            throw new IllegalArgumentException("Offset " + index + " lies outside the text of " + text.length()
                    + " chars");
        }
        return text.charAt(index);
    }

    /** The document's current text, as its edits left it. */
    public String text() {
        ensureOpen();
        return text.toString();
    }

    /**
     * Replaces {@code removedLength} chars at {@code start} by {@code inserted}, and tells the syntax tree. The
     * re-parse, which reuses every part of the old tree the edit did not touch, waits for the next call to
     * {@link #spans(int, int)} or {@link #reparse()}, so that a burst of keystrokes costs one re-parse.
     *
     * @throws IllegalArgumentException when the removed range does not lie within the text
     */
    public void edit(int start, int removedLength, String inserted) {
        ensureOpen();
        Objects.requireNonNull(inserted, "inserted");
        if (start < 0 || removedLength < 0 || start > text.length() - removedLength) {
            throw new IllegalArgumentException("Edit of " + removedLength + " chars at " + start
                    + " lies outside the text of " + text.length() + " chars");
        }
        if (removedLength == 0 && inserted.isEmpty()) {
            return;
        }
        var oldEnd = start + removedLength;
        var newEnd = start + inserted.length();
        var startPoint = text.point(start);
        var oldEndPoint = text.point(oldEnd);
        text.replace(start, removedLength, inserted);
        var newEndPoint = text.point(newEnd);
        var treeEdit = new TSInputEdit(2 * start, 2 * oldEnd, 2 * newEnd, startPoint, oldEndPoint, newEndPoint);
        tree.edit(treeEdit);
        if (baseTree != null) {
            baseTree.edit(treeEdit);
        }
        parsePending = true;
        if (changedStart >= 0) {
            changedStart = shift(changedStart, start, oldEnd, newEnd, start);
            changedEnd = shift(changedEnd, start, oldEnd, newEnd, newEnd);
        }
        includeChanged(text.lineStartOf(start), text.lineEndOf(newEnd));
    }

    /**
     * The style spans of the chars in {@code [from, to)}: sorted, non-overlapping, clipped to the range, with
     * unstyled text left out. Only the part of the tree that meets the range is walked, so a viewport of a
     * huge file costs about what a small file does. Re-parses first if edits are pending.
     *
     * @throws IllegalArgumentException when the range does not lie within the text
     */
    public List<StyleSpan> spans(int from, int to) {
        ensureOpen();
        if (from < 0 || to < from || to > text.length()) {
            throw new IllegalArgumentException("Range " + from + ".." + to + " lies outside the text of "
                    + text.length() + " chars");
        }
        ensureParsed();
        if (from == to) {
            return List.of();
        }
        return highlights.spans(cursor, tree.getRootNode(), text, from, to);
    }

    /**
     * Re-parses now if edits are pending, and returns the smallest range that covers every char whose style may
     * have changed since the previous call: the lines edited, and what tree-sitter reports as changed in the tree
     * (typing {@code /*} turns the rest of a file into a comment). Empty when nothing changed; the text as opened
     * counts as unchanged.
     */
    public Optional<TextRange> reparse() {
        ensureOpen();
        ensureParsed();
        if (baseTree != null) {
            var length = text.length();
            for (var range : TSTree.getChangedRanges(baseTree, tree)) {
                includeChanged(Math.min(range.getStartByte() / 2, length), Math.min(range.getEndByte() / 2, length));
            }
            baseTree.close();
            baseTree = null;
        }
        if (changedStart < 0) {
            return Optional.empty();
        }
        var changed = new TextRange(changedStart, Math.min(changedEnd, text.length()));
        changedStart = -1;
        changedEnd = -1;
        return Optional.of(changed);
    }

    /**
     * The symbols the current text declares (see {@link SymbolOutline}), read from the tree this document keeps, so
     * that no second parse is needed; re-parses first if edits are pending.
     */
    public SymbolOutline outline() {
        ensureOpen();
        ensureParsed();
        var builder = new OutlineBuilder(text, NodeTypes.of(language));
        var root = tree.getRootNode();
        switch (language) {
            case JAVA -> JavaOutline.read(root, builder);
            case PYTHON -> PythonOutline.read(root, builder);
            case JAVASCRIPT, TYPESCRIPT, TSX -> ScriptOutline.read(root, builder);
            case MARKDOWN -> MarkdownOutline.read(root, builder);
            case JSON -> KeyOutline.readJson(root, builder);
            case YAML -> KeyOutline.readYaml(root, builder);
            case BASH, HTML, CSS -> { }
        }
        return new SymbolOutline(language, builder.build());
    }

    /** Frees the native parser, tree and cursor; later calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (baseTree != null) {
            baseTree.close();
        }
        tree.close();
        cursor.close();
        parser.close();
    }

    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The " + language.displayName() + " syntax document is closed");
        }
    }

    private void ensureParsed() {
        if (!parsePending) {
            return;
        }
        var newTree = parse(tree);
        if (baseTree == null) {
            baseTree = tree;
        } else {
            tree.close();
        }
        tree = newTree;
        parsePending = false;
    }

    private TSTree parse(TSTree oldTree) {
        var parsed = parser.parse(readBuffer, oldTree, reader, TSInputEncoding.TSInputEncodingUTF16LE);
        if (parsed == null) {
            throw new IllegalStateException("Tree-sitter gave no tree for the " + language.displayName() + " text");
        }
        return parsed;
    }

    private void includeChanged(int start, int end) {
        if (changedStart < 0) {
            changedStart = start;
            changedEnd = end;
        } else {
            changedStart = Math.min(changedStart, start);
            changedEnd = Math.max(changedEnd, end);
        }
    }

    /**
     * Where {@code offset} lands after {@code [start, oldEnd)} became {@code [start, newEnd)}; an offset inside
     * the replaced text lands on {@code inside}.
     */
    private static int shift(int offset, int start, int oldEnd, int newEnd, int inside) {
        if (offset <= start) {
            return offset;
        }
        return offset >= oldEnd ? offset + newEnd - oldEnd : inside;
    }
}
