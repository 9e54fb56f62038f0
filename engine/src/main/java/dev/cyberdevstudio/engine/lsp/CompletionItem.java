package dev.cyberdevstudio.engine.lsp;

import java.util.List;
import java.util.Optional;

/**
 * One proposal of the completion popup.
 *
 * @param label           what the list shows
 * @param kind            LSP's completion kind, lower case ({@code function}, {@code variable}, {@code keyword} …)
 * @param detail          a short signature or type, may be empty
 * @param documentation   longer text (markdown or plain), may be empty
 * @param edit            the edit that inserts it, when the server gave one; otherwise insert {@code insertText}
 *                        over the word before the caret
 * @param insertText      the text to insert, snippets already turned into plain text
 * @param additionalEdits edits elsewhere in the file that go with it (an import, say)
 */
public record CompletionItem(String label, String kind, String detail, String documentation,
                             Optional<TextEdit> edit, String insertText, List<TextEdit> additionalEdits) {

    public CompletionItem {
        additionalEdits = List.copyOf(additionalEdits);
    }
}
