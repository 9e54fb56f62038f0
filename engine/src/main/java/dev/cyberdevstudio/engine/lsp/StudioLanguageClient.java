package dev.cyberdevstudio.engine.lsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.LogTraceParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the studio answers when a server calls it. Diagnostics go to the service; messages go to the log; requests
 * the studio has no use for (show a document, apply an edit on the server's own initiative, a configuration) get
 * the protocol's "nothing" answer, so that no server waits on them.
 */
final class StudioLanguageClient implements LanguageClient {

    private static final Logger LOG = LoggerFactory.getLogger(StudioLanguageClient.class);

    private final String serverName;
    private final WorkspaceFolder workspace;
    private final Consumer<PublishDiagnosticsParams> diagnostics;
    private final Set<String> registeredMethods = ConcurrentHashMap.newKeySet();

    StudioLanguageClient(String serverName, WorkspaceFolder workspace, Consumer<PublishDiagnosticsParams> diagnostics) {
        this.serverName = serverName;
        this.workspace = workspace;
        this.diagnostics = diagnostics;
    }

    /** The methods the server registered at run time ({@code textDocument/formatting} …). */
    boolean registered(String method) {
        return registeredMethods.contains(method);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.accept(params);
    }

    @Override
    public void telemetryEvent(Object object) {
        LOG.trace("[{} telemetry] {}", serverName, object);
    }

    @Override
    public void showMessage(MessageParams message) {
        LOG.info("[{}] {}", serverName, message.getMessage());
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
        LOG.info("[{}] {}", serverName, request.getMessage());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        LOG.debug("[{}] {}", serverName, message.getMessage());
    }

    @Override
    public void logTrace(LogTraceParams params) {
        LOG.trace("[{} trace] {}", serverName, params.getMessage());
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        if (params != null && params.getRegistrations() != null) {
            params.getRegistrations().forEach(registration -> registeredMethods.add(registration.getMethod()));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
        if (params != null && params.getUnregisterations() != null) {
            params.getUnregisterations().forEach(registration -> registeredMethods.remove(registration.getMethod()));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<WorkspaceFolder>> workspaceFolders() {
        return CompletableFuture.completedFuture(List.of(workspace));
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        var size = params == null || params.getItems() == null ? 0 : params.getItems().size();
        // null for each item: "the client has no configuration for this section"; servers use their defaults.
        return CompletableFuture.completedFuture(new ArrayList<>(Collections.nCopies(size, null)));
    }

    @Override
    public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
        var response = new ApplyWorkspaceEditResponse(false);
        response.setFailureReason("The studio applies edits only when the user asks for them");
        return CompletableFuture.completedFuture(response);
    }

    @Override
    public CompletableFuture<ShowDocumentResult> showDocument(ShowDocumentParams params) {
        return CompletableFuture.completedFuture(new ShowDocumentResult(false));
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        LOG.trace("[{} progress] {}", serverName, params.getValue());
    }

    @Override
    public CompletableFuture<Void> refreshSemanticTokens() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshInlayHints() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshInlineValues() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshDiagnostics() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshFoldingRanges() {
        return CompletableFuture.completedFuture(null);
    }
}
