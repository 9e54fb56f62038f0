package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ClientInfo;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.DefinitionCapabilities;
import org.eclipse.lsp4j.FormattingCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformationCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.ReferencesCapabilities;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.SignatureHelpCapabilities;
import org.eclipse.lsp4j.SignatureInformationCapabilities;
import org.eclipse.lsp4j.SynchronizationCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;

/** The {@code initialize} request: who the studio is, the project folder, and what the editor can show. */
final class Handshake {

    private static final List<String> MARKUP = List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT);

    private Handshake() {
    }

    static WorkspaceFolder workspaceFolder(Path root) {
        var name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        return new WorkspaceFolder(uri(root), name);
    }

    /** A folder's URI without the trailing slash {@link Path#toUri()} gives it: servers compare these textually. */
    static String uri(Path path) {
        var text = path.toUri().toString();
        return text.endsWith("/") && text.length() > "file:///".length() ? text.substring(0, text.length() - 1) : text;
    }

    static InitializeParams initializeParams(Path root) {
        var params = new InitializeParams();
        // With our process id a server exits by itself if the studio dies without stopping it.
        params.setProcessId((int) ProcessHandle.current().pid());
        params.setClientInfo(new ClientInfo("CyberDevStudio"));
        params.setLocale("en");
        var folder = workspaceFolder(root);
        params.setWorkspaceFolders(List.of(folder));
        // Deprecated in the protocol, but servers written before workspace folders still read it.
        params.setRootUri(folder.getUri());
        params.setCapabilities(capabilities());
        return params;
    }

    private static ClientCapabilities capabilities() {
        var item = new CompletionItemCapabilities();
        // The editor inserts plain text; snippets that come anyway are flattened (see Snippets).
        item.setSnippetSupport(false);
        item.setDocumentationFormat(MARKUP);
        item.setInsertReplaceSupport(true);
        var completion = new CompletionCapabilities(item);
        completion.setContextSupport(true);

        var hover = new HoverCapabilities(MARKUP, false);

        var parameters = new ParameterInformationCapabilities();
        parameters.setLabelOffsetSupport(true);
        var signatureInformation = new SignatureInformationCapabilities(MARKUP);
        signatureInformation.setParameterInformation(parameters);
        signatureInformation.setActiveParameterSupport(true);
        var signatureHelp = new SignatureHelpCapabilities(signatureInformation, false);
        signatureHelp.setContextSupport(true);

        var definition = new DefinitionCapabilities();
        definition.setLinkSupport(true);

        var diagnostics = new PublishDiagnosticsCapabilities();
        diagnostics.setRelatedInformation(false);

        var document = new TextDocumentClientCapabilities();
        document.setSynchronization(new SynchronizationCapabilities(false, false, true));
        document.setCompletion(completion);
        document.setHover(hover);
        document.setSignatureHelp(signatureHelp);
        document.setDefinition(definition);
        document.setReferences(new ReferencesCapabilities());
        document.setRename(new RenameCapabilities(false, false));
        document.setFormatting(new FormattingCapabilities());
        document.setPublishDiagnostics(diagnostics);

        var workspaceEdit = new WorkspaceEditCapabilities();
        workspaceEdit.setDocumentChanges(true);
        var workspace = new WorkspaceClientCapabilities();
        workspace.setWorkspaceFolders(true);
        workspace.setConfiguration(true);
        workspace.setApplyEdit(false);
        workspace.setWorkspaceEdit(workspaceEdit);

        var capabilities = new ClientCapabilities();
        capabilities.setTextDocument(document);
        capabilities.setWorkspace(workspace);
        return capabilities;
    }
}
