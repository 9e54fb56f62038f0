package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageServicesTest {

    @TempDir
    Path project;

    @Test
    void aProjectsServiceServesTheConfiguredTypesAndStartsNothingUntilAFileOpens() throws Exception {
        var settings = LanguageServerSettings.defaults();
        settings.set(new LanguageServerSettings.Disabled(".js"));
        try (var service = LanguageServices.forProject(project, settings)) {
            assertThat(service.serves(Path.of("main.py"))).isTrue();
            assertThat(service.serves(project.resolve("web/app.TSX"))).isTrue();
            assertThat(service.serves(project.resolve("web/app.js"))).isFalse();
            assertThat(service.status(project.resolve("main.py"))).isEmpty();
            assertThat(((LspLanguageService) service).serverProcesses()).isEmpty();
            assertThat(service.completion(project.resolve("notes.md"), new TextPosition(0, 0))
                    .get(1, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void queriesAfterCloseAnswerEmptyAtOnce() throws Exception {
        var service = LanguageServices.forProject(project, LanguageServerSettings.defaults());
        service.close();
        service.close();
        assertThat(service.hover(project.resolve("main.py"), new TextPosition(0, 0)))
                .isCompletedWithValue(Optional.empty());
        service.opened(project.resolve("main.py"), "x = 1");
        assertThat(((LspLanguageService) service).serverProcesses()).isEmpty();
    }
}
