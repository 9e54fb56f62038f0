package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageServerConfigTest {

    @Test
    void defaultsArePyrightAndTypescriptLanguageServer() {
        assertThat(LanguageServerConfig.defaults()).extracting(LanguageServerConfig::id)
                .containsExactly("pyright", "typescript-language-server");
        var pyright = LanguageServerConfig.pyright();
        assertThat(pyright.command()).containsExactly("pyright-langserver", "--stdio");
        assertThat(pyright.extensions()).containsExactly(".py", ".pyi");
        assertThat(pyright.installHint()).isEqualTo("npm install -g pyright");
        var typescript = LanguageServerConfig.typescriptLanguageServer();
        assertThat(typescript.command()).containsExactly("typescript-language-server", "--stdio");
        assertThat(typescript.languageIds()).containsExactly(Map.entry(".ts", "typescript"),
                Map.entry(".tsx", "typescriptreact"), Map.entry(".js", "javascript"),
                Map.entry(".jsx", "javascriptreact"), Map.entry(".mjs", "javascript"), Map.entry(".cjs", "javascript"));
    }

    @Test
    void matchesFilesByTheirLongestExtensionIgnoringCase() {
        var config = new LanguageServerConfig("x", "x", Map.of("TS", "typescript", ".d.ts", "declarations"),
                List.of("x"), null);
        assertThat(config.extensions()).containsExactlyInAnyOrder(".ts", ".d.ts");
        assertThat(config.languageIdFor(Path.of("src", "App.TS"))).contains("typescript");
        assertThat(config.languageIdFor(Path.of("types", "node.d.ts"))).contains("declarations");
        assertThat(config.languageIdFor(Path.of(".ts"))).isEmpty();
        assertThat(config.languageIdFor(Path.of("notes.txt"))).isEmpty();
        assertThat(config.languageIdFor(Path.of("/"))).isEmpty();
        assertThat(config.installHint()).isEmpty();
    }

    @Test
    void refusesConfigsThatCannotStartOrServeAnything() {
        assertThatThrownBy(() -> new LanguageServerConfig("x", "x", Map.of(), List.of("x"), ""))
                .hasMessage("The language server x serves no file extension");
        assertThatThrownBy(() -> new LanguageServerConfig("x", "x", Map.of(".x", "x"), List.of(), ""))
                .hasMessage("The language server x has no command");
        assertThatThrownBy(() -> new LanguageServerConfig(" ", "x", Map.of(".x", "x"), List.of("x"), ""))
                .hasMessage("The language server's id is blank");
        assertThatThrownBy(() -> new LanguageServerConfig("x", "x", Map.of("a/b", "x"), List.of("x"), ""))
                .hasMessage("Not a file extension: \"a/b\"");
        assertThatThrownBy(() -> new LanguageServerConfig("x", "x", Map.of(".", "x"), List.of("x"), ""))
                .hasMessage("Not a file extension: \".\"");
    }
}
