package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * lsp4j's types to ours and back. Servers leave out whatever the protocol lets them leave out, so every field read
 * here may be null; a file URI that is not a file of this machine is dropped rather than guessed at.
 */
final class LspConversions {

    private final Function<String, Optional<Path>> paths;

    /** @param paths the file a server's URI names, as the service knows it */
    LspConversions(Function<String, Optional<Path>> paths) {
        this.paths = paths;
    }

    static Position toLsp(TextPosition position) {
        return new Position(position.line(), position.character());
    }

    static TextPosition position(Position position) {
        return new TextPosition(Math.max(0, position.getLine()), Math.max(0, position.getCharacter()));
    }

    static TextSpan span(Range range) {
        return new TextSpan(position(range.getStart()), position(range.getEnd()));
    }

    static TextEdit edit(org.eclipse.lsp4j.TextEdit edit) {
        return new TextEdit(span(edit.getRange()), Objects.requireNonNullElse(edit.getNewText(), ""));
    }

    static List<TextEdit> edits(List<? extends org.eclipse.lsp4j.TextEdit> edits) {
        return edits == null ? List.of() : edits.stream().filter(Objects::nonNull).map(LspConversions::edit).toList();
    }

    static Diagnostic diagnostic(org.eclipse.lsp4j.Diagnostic diagnostic) {
        var code = diagnostic.getCode() == null ? ""
                : Objects.toString(diagnostic.getCode().get(), "");
        return new Diagnostic(span(diagnostic.getRange()), severity(diagnostic.getSeverity()),
                text(diagnostic.getMessage()),
                Objects.requireNonNullElse(diagnostic.getSource(), ""), code);
    }

    private static Diagnostic.Severity severity(DiagnosticSeverity severity) {
        // The protocol leaves a missing severity to the client; an error is the safe reading.
        return severity == null ? Diagnostic.Severity.ERROR : switch (severity) {
            case Error -> Diagnostic.Severity.ERROR;
            case Warning -> Diagnostic.Severity.WARNING;
            case Information -> Diagnostic.Severity.INFORMATION;
            case Hint -> Diagnostic.Severity.HINT;
        };
    }

    static List<CompletionItem> completion(Either<List<org.eclipse.lsp4j.CompletionItem>, CompletionList> answer) {
        if (answer == null) {
            return List.of();
        }
        var items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
        return items == null ? List.of()
                : items.stream().filter(item -> item != null && item.getLabel() != null)
                .map(LspConversions::completionItem).toList();
    }

    static CompletionItem completionItem(org.eclipse.lsp4j.CompletionItem item) {
        var snippet = item.getInsertTextFormat() == InsertTextFormat.Snippet;
        Optional<TextEdit> edit = Optional.empty();
        String insertText;
        var textEdit = item.getTextEdit();
        if (textEdit != null && textEdit.get() != null) {
            // Of an insert/replace pair the insert range is the one that keeps the text after the caret.
            var range = textEdit.isLeft() ? textEdit.getLeft().getRange() : textEdit.getRight().getInsert();
            var newText = textEdit.isLeft() ? textEdit.getLeft().getNewText() : textEdit.getRight().getNewText();
            insertText = plain(Objects.requireNonNullElse(newText, ""), snippet);
            edit = Optional.of(new TextEdit(span(range), insertText));
        } else {
            insertText = plain(Objects.requireNonNullElse(item.getInsertText(), item.getLabel()), snippet);
        }
        var kind = item.getKind() == null ? "" : item.getKind().name().toLowerCase(Locale.ROOT);
        return new CompletionItem(item.getLabel(), kind, Objects.requireNonNullElse(item.getDetail(), ""),
                text(item.getDocumentation()), edit, insertText, edits(item.getAdditionalTextEdits()));
    }

    private static String plain(String text, boolean snippet) {
        return snippet ? Snippets.toPlainText(text) : text;
    }

    static Optional<String> hover(Hover hover) {
        if (hover == null || hover.getContents() == null) {
            return Optional.empty();
        }
        var contents = hover.getContents();
        String text;
        if (contents.isRight()) {
            text = markup(contents.getRight());
        } else {
            var parts = new ArrayList<String>();
            for (var part : Objects.requireNonNullElse(contents.getLeft(),
                    List.<Either<String, MarkedString>>of())) {
                if (part != null && part.get() != null) {
                    parts.add(part.isLeft() ? part.getLeft() : fenced(part.getRight()));
                }
            }
            text = String.join("\n\n", parts);
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static String fenced(MarkedString code) {
        var value = Objects.requireNonNullElse(code.getValue(), "");
        return value.isBlank() ? "" : "```" + Objects.requireNonNullElse(code.getLanguage(), "") + "\n" + value
                + "\n```";
    }

    static Optional<SignatureHelp> signatureHelp(org.eclipse.lsp4j.SignatureHelp help) {
        if (help == null || help.getSignatures() == null || help.getSignatures().isEmpty()) {
            return Optional.empty();
        }
        var signatures = help.getSignatures();
        var index = help.getActiveSignature() == null ? 0 : help.getActiveSignature();
        var signature = signatures.get(index >= 0 && index < signatures.size() ? index : 0);
        if (signature == null || signature.getLabel() == null) {
            return Optional.empty();
        }
        var parameters = parameters(signature);
        Integer active = signature.getActiveParameter() != null ? signature.getActiveParameter()
                : help.getActiveParameter();
        var activeParameter = active == null || active < 0 || active >= parameters.size() ? -1 : active;
        return Optional.of(new SignatureHelp(signature.getLabel(), parameters, activeParameter,
                text(signature.getDocumentation())));
    }

    private static List<String> parameters(SignatureInformation signature) {
        var label = signature.getLabel();
        var parameters = new ArrayList<String>();
        for (var parameter : Objects.requireNonNullElse(signature.getParameters(),
                List.<org.eclipse.lsp4j.ParameterInformation>of())) {
            var name = parameter == null ? null : parameter.getLabel();
            if (name == null || name.get() == null) {
                continue;
            }
            if (name.isLeft()) {
                parameters.add(name.getLeft());
            } else {
                var start = Math.clamp(name.getRight().getFirst(), 0, label.length());
                var end = Math.clamp(name.getRight().getSecond(), start, label.length());
                parameters.add(label.substring(start, end));
            }
        }
        return parameters;
    }

    List<SourceLocation> locations(Either<List<? extends Location>, List<? extends LocationLink>> answer) {
        if (answer == null || answer.get() == null) {
            return List.of();
        }
        if (answer.isLeft()) {
            return locations(answer.getLeft());
        }
        var found = new ArrayList<SourceLocation>();
        for (var link : answer.getRight()) {
            if (link == null) {
                continue;
            }
            var range = link.getTargetSelectionRange() != null ? link.getTargetSelectionRange() : link.getTargetRange();
            if (range != null) {
                paths.apply(link.getTargetUri()).ifPresent(file -> found.add(new SourceLocation(file, span(range))));
            }
        }
        return List.copyOf(found);
    }

    List<SourceLocation> locations(List<? extends Location> locations) {
        if (locations == null) {
            return List.of();
        }
        var found = new ArrayList<SourceLocation>();
        for (var location : locations) {
            if (location != null && location.getRange() != null) {
                paths.apply(location.getUri())
                        .ifPresent(file -> found.add(new SourceLocation(file, span(location.getRange()))));
            }
        }
        return List.copyOf(found);
    }

    /** The text edits of a workspace edit, per file; file creations, renames and deletions are not offered. */
    Map<Path, List<TextEdit>> workspaceEdit(WorkspaceEdit edit) {
        var byFile = new LinkedHashMap<Path, List<TextEdit>>();
        if (edit == null) {
            return Map.of();
        }
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                if (change == null || !change.isLeft() || change.getLeft().getTextDocument() == null) {
                    continue;
                }
                var document = change.getLeft();
                var edits = new ArrayList<TextEdit>();
                for (var each : Objects.requireNonNullElse(document.getEdits(),
                        List.<Either<org.eclipse.lsp4j.TextEdit, org.eclipse.lsp4j.SnippetTextEdit>>of())) {
                    if (each != null && each.isLeft()) {
                        edits.add(edit(each.getLeft()));
                    } else if (each != null && each.isRight()) {
                        var snippetEdit = each.getRight();
                        edits.add(new TextEdit(span(snippetEdit.getRange()),
                                Snippets.toPlainText(snippetEdit.getSnippet().getValue())));
                    }
                }
                paths.apply(document.getTextDocument().getUri())
                        .ifPresent(file -> byFile.computeIfAbsent(file, key -> new ArrayList<>()).addAll(edits));
            }
        }
        if (edit.getChanges() != null) {
            edit.getChanges().forEach((uri, edits) -> paths.apply(uri)
                    .ifPresent(file -> byFile.computeIfAbsent(file, key -> new ArrayList<>()).addAll(edits(edits))));
        }
        var result = new LinkedHashMap<Path, List<TextEdit>>();
        byFile.forEach((file, edits) -> result.put(file, List.copyOf(edits)));
        return result;
    }

    static String text(Either<String, MarkupContent> documentation) {
        if (documentation == null || documentation.get() == null) {
            return "";
        }
        return documentation.isLeft() ? documentation.getLeft() : markup(documentation.getRight());
    }

    private static String markup(MarkupContent content) {
        return content == null ? "" : Objects.requireNonNullElse(content.getValue(), "");
    }
}
