package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertReplaceEdit;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.StringValue;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;
import org.junit.jupiter.api.Test;

/** Answers in every shape the protocol allows, including the sparse ones servers send. */
class LspConversionsTest {

    private static final Path FILE = Path.of("/project/src/app.py").toAbsolutePath();
    private static final String FILE_URI = FILE.toUri().toString();

    private final LspConversions conversions = new LspConversions(uri -> uri.startsWith("file:")
            ? Optional.of(Path.of(URI.create(uri))) : Optional.empty());

    private static Range range(int line, int start, int end) {
        return new Range(new Position(line, start), new Position(line, end));
    }

    @Test
    void completionItemsKeepTheirTextsAndEdits() {
        var plain = new org.eclipse.lsp4j.CompletionItem("print");
        var inserted = new org.eclipse.lsp4j.CompletionItem("len");
        inserted.setInsertText("len(${1:obj})");
        inserted.setInsertTextFormat(InsertTextFormat.Snippet);
        inserted.setKind(CompletionItemKind.Function);
        inserted.setDetail("(obj) -> int");
        inserted.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, "Return the **length**."));
        inserted.setAdditionalTextEdits(List.of(new org.eclipse.lsp4j.TextEdit(range(0, 0, 0), "import x\n")));
        var replacing = new org.eclipse.lsp4j.CompletionItem("values");
        replacing.setTextEdit(Either.forRight(new InsertReplaceEdit("values()", range(3, 4, 6), range(3, 4, 10))));
        replacing.setDocumentation("plain docs");
        var edited = new org.eclipse.lsp4j.CompletionItem("items");
        edited.setTextEdit(Either.forLeft(new org.eclipse.lsp4j.TextEdit(range(1, 2, 3), "items")));
        var items = new ArrayList<org.eclipse.lsp4j.CompletionItem>(List.of(plain, inserted, replacing, edited));
        items.add(null);
        items.add(new org.eclipse.lsp4j.CompletionItem());

        var converted = LspConversions.completion(Either.forRight(new CompletionList(true, items)));

        assertThat(converted).containsExactly(
                new CompletionItem("print", "", "", "", Optional.empty(), "print", List.of()),
                new CompletionItem("len", "function", "(obj) -> int", "Return the **length**.", Optional.empty(),
                        "len(obj)", List.of(new TextEdit(TextSpan.of(0, 0, 0, 0), "import x\n"))),
                new CompletionItem("values", "", "", "plain docs",
                        Optional.of(new TextEdit(TextSpan.of(3, 4, 3, 6), "values()")), "values()", List.of()),
                new CompletionItem("items", "", "", "", Optional.of(new TextEdit(TextSpan.of(1, 2, 1, 3), "items")),
                        "items", List.of()));
        assertThat(LspConversions.completion(Either.forLeft(List.of(plain)))).hasSize(1);
        assertThat(LspConversions.completion(null)).isEmpty();
        assertThat(LspConversions.completion(Either.forRight(new CompletionList()))).isEmpty();
    }

    @Test
    void hoverJoinsMarkedStringsAsMarkdown() {
        assertThat(LspConversions.hover(new Hover(new MarkupContent(MarkupKind.PLAINTEXT, " x: int \n"))))
                .contains("x: int");
        assertThat(LspConversions.hover(new Hover(List.of(Either.forRight(new MarkedString("python", "x: int")),
                Either.forLeft("An integer."), Either.forRight(new MarkedString("python", "")))))).contains(
                "```python\nx: int\n```\n\nAn integer.");
        assertThat(LspConversions.hover(new Hover(new MarkupContent(MarkupKind.PLAINTEXT, "  ")))).isEmpty();
        assertThat(LspConversions.hover(new Hover())).isEmpty();
        assertThat(LspConversions.hover(null)).isEmpty();
    }

    @Test
    void signatureHelpTakesTheActiveSignatureAndParameterLabelsByOffset() {
        var first = new SignatureInformation("f()");
        var second = new SignatureInformation("greet(name: str, times: int) -> str",
                new MarkupContent(MarkupKind.MARKDOWN, "Greets."), List.of(
                new ParameterInformation(), parameter(6, 15), parameter(17, 27)));
        var help = new org.eclipse.lsp4j.SignatureHelp(List.of(first, second), 1, 1);

        assertThat(LspConversions.signatureHelp(help)).contains(new SignatureHelp(
                "greet(name: str, times: int) -> str", List.of("name: str", "times: int"), 1, "Greets."));

        second.setActiveParameter(0);
        assertThat(LspConversions.signatureHelp(help)).map(SignatureHelp::activeParameter).contains(0);
        var outOfRange = new org.eclipse.lsp4j.SignatureHelp(List.of(new SignatureInformation("g(a)", "", List.of(
                new ParameterInformation("a")))), 5, 3);
        assertThat(LspConversions.signatureHelp(outOfRange)).contains(
                new SignatureHelp("g(a)", List.of("a"), -1, ""));
        assertThat(LspConversions.signatureHelp(new org.eclipse.lsp4j.SignatureHelp())).isEmpty();
        assertThat(LspConversions.signatureHelp(null)).isEmpty();
    }

    private static ParameterInformation parameter(int start, int end) {
        var parameter = new ParameterInformation();
        parameter.setLabel(Either.forRight(Tuple.two(start, end)));
        return parameter;
    }

    @Test
    void locationsAndLinksBecomeSourceLocationsInFilesOnly() {
        var link = new LocationLink(FILE_URI, range(4, 0, 20), range(4, 4, 9));
        var noSelection = new LocationLink();
        noSelection.setTargetUri(FILE_URI);
        noSelection.setTargetRange(range(7, 0, 3));
        var elsewhere = new LocationLink("jdt://contents/String.class", range(1, 0, 1), range(1, 0, 1));
        var links = new ArrayList<LocationLink>(List.of(link, noSelection, elsewhere));
        links.add(null);
        assertThat(conversions.locations(Either.<List<? extends Location>, List<? extends LocationLink>>forRight(
                links))).containsExactly(new SourceLocation(FILE, TextSpan.of(4, 4, 4, 9)),
                new SourceLocation(FILE, TextSpan.of(7, 0, 7, 3)));

        var withoutRange = new Location();
        withoutRange.setUri(FILE_URI);
        var locations = new ArrayList<Location>(List.of(new Location(FILE_URI, range(2, 1, 5)), withoutRange));
        locations.add(null);
        assertThat(conversions.locations(Either.<List<? extends Location>, List<? extends LocationLink>>forLeft(
                locations))).containsExactly(new SourceLocation(FILE, TextSpan.of(2, 1, 2, 5)));
        assertThat(conversions.locations((List<Location>) null)).isEmpty();
        assertThat(conversions.locations(
                (Either<List<? extends Location>, List<? extends LocationLink>>) null)).isEmpty();
    }

    @Test
    void workspaceEditsCollectBothChangesAndDocumentChangesPerFile() {
        var other = FILE.resolveSibling("other.py");
        var edit = new WorkspaceEdit();
        edit.setChanges(Map.of(other.toUri().toString(),
                List.of(new org.eclipse.lsp4j.TextEdit(range(0, 0, 3), "new"))));
        var snippet = new SnippetTextEdit(range(2, 0, 0), new StringValue("snippet", "call(${1:x})"));
        List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
        changes.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(FILE_URI, 3), List.of(
                Either.forLeft(new org.eclipse.lsp4j.TextEdit(range(1, 4, 7), "new")), Either.forRight(snippet)))));
        changes.add(Either.forRight(new RenameFile(FILE_URI, other.toUri().toString())));
        changes.add(null);
        edit.setDocumentChanges(changes);

        assertThat(conversions.workspaceEdit(edit)).containsOnly(
                Map.entry(FILE, List.of(new TextEdit(TextSpan.of(1, 4, 1, 7), "new"),
                        new TextEdit(TextSpan.of(2, 0, 2, 0), "call(x)"))),
                Map.entry(other, List.of(new TextEdit(TextSpan.of(0, 0, 0, 3), "new"))));
        assertThat(conversions.workspaceEdit(new WorkspaceEdit())).isEmpty();
        assertThat(conversions.workspaceEdit(null)).isEmpty();
    }

    @Test
    void diagnosticsWithoutSeverityCountAsErrors() {
        var bare = new org.eclipse.lsp4j.Diagnostic(range(3, 1, 2), "broken");
        assertThat(LspConversions.diagnostic(bare))
                .isEqualTo(new Diagnostic(TextSpan.of(3, 1, 3, 2), Diagnostic.Severity.ERROR, "broken", "", ""));
        var full = new org.eclipse.lsp4j.Diagnostic(range(0, 0, 1), "unused", org.eclipse.lsp4j.DiagnosticSeverity.Hint,
                "ts", "6133");
        assertThat(LspConversions.diagnostic(full).severity()).isEqualTo(Diagnostic.Severity.HINT);
        full.setSeverity(org.eclipse.lsp4j.DiagnosticSeverity.Information);
        full.setCode(Either.forRight(42));
        assertThat(LspConversions.diagnostic(full)).extracting(Diagnostic::severity, Diagnostic::code)
                .containsExactly(Diagnostic.Severity.INFORMATION, "42");
    }

    @Test
    void negativePositionsFromABrokenServerAreClampedToZero() {
        assertThat(LspConversions.position(new Position(-1, -5))).isEqualTo(new TextPosition(0, 0));
        assertThat(LspConversions.edits(null)).isEmpty();
        assertThat(LspConversions.text(null)).isEmpty();
    }
}
