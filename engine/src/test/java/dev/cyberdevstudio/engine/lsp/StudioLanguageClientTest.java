package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.LogTraceParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.Unregistration;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** What the studio answers to a server's own requests: never an error, never a wait. */
class StudioLanguageClientTest {

    private final List<PublishDiagnosticsParams> diagnostics = new ArrayList<>();
    private final StudioLanguageClient client = new StudioLanguageClient("test-ls",
            Handshake.workspaceFolder(Path.of("/work/project")), diagnostics::add);

    @Test
    void remembersTheCapabilitiesAServerRegistersAtRunTime() {
        client.registerCapability(new RegistrationParams(List.of(new Registration("1", "textDocument/formatting"))))
                .join();
        assertThat(client.registered("textDocument/formatting")).isTrue();
        client.unregisterCapability(new UnregistrationParams(List.of(
                new Unregistration("1", "textDocument/formatting")))).join();
        assertThat(client.registered("textDocument/formatting")).isFalse();
        assertThat(client.registerCapability(new RegistrationParams())).isCompleted();
    }

    @Test
    void answersConfigurationWithNothingForEachSection() {
        var answer = client.configuration(new ConfigurationParams(List.of(new ConfigurationItem(),
                new ConfigurationItem()))).join();
        assertThat(answer).hasSize(2).containsOnlyNulls();
        assertThat(client.configuration(null).join()).isEmpty();
    }

    @Test
    void refusesEditsAndDocumentsTheUserDidNotAskFor() {
        assertThat(client.applyEdit(new ApplyWorkspaceEditParams(new WorkspaceEdit())).join().isApplied()).isFalse();
        assertThat(client.showDocument(new ShowDocumentParams("file:///x")).join().isSuccess()).isFalse();
        assertThat(client.showMessageRequest(new ShowMessageRequestParams()).join()).isNull();
    }

    @Test
    void namesTheProjectAsItsOnlyWorkspaceFolder() {
        assertThat(client.workspaceFolders().join()).singleElement().satisfies(folder -> {
            assertThat(folder.getUri()).isEqualTo("file:///work/project");
            assertThat(folder.getName()).isEqualTo("project");
        });
    }

    @Test
    void passesDiagnosticsOnAndAcknowledgesEverythingElse() {
        var published = new PublishDiagnosticsParams("file:///work/project/a.py", List.of());
        client.publishDiagnostics(published);
        assertThat(diagnostics).containsExactly(published);
        client.showMessage(new MessageParams(MessageType.Info, "hello"));
        client.logMessage(new MessageParams(MessageType.Log, "working"));
        client.telemetryEvent("event");
        client.notifyProgress(new ProgressParams(Either.forLeft("token"), Either.forRight(42)));
        client.logTrace(new LogTraceParams("trace"));
        assertThat(List.of(client.createProgress(new WorkDoneProgressCreateParams(Either.forLeft("t"))),
                client.refreshSemanticTokens(), client.refreshCodeLenses(), client.refreshInlayHints(),
                client.refreshInlineValues(), client.refreshDiagnostics(), client.refreshFoldingRanges()))
                .allSatisfy(answer -> assertThat(answer).isCompletedWithValue(null));
    }
}
