package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.store.InMemorySettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageServerSettingsTest {

    private final InMemorySettings store = new InMemorySettings();
    private final LanguageServerSettings settings = new LanguageServerSettings(store);

    @Test
    void withoutChoicesTheBuiltInServersServe() {
        assertThat(settings.servers()).isEqualTo(LanguageServerConfig.defaults());
        assertThat(settings.choices()).isEmpty();
        assertThat(settings.problem()).isEmpty();
        assertThat(LanguageServerSettings.defaults().servers()).isEqualTo(LanguageServerConfig.defaults());
    }

    @Test
    void choicesSurviveARoundTripThroughTheStore() {
        var vue = new LanguageServerSettings.UseServer(".vue", "vue", "vue-language-server",
                List.of("vue-language-server", "--stdio"), "npm install -g @vue/language-server");
        settings.set(vue);
        settings.set(new LanguageServerSettings.Disabled("JS"));

        var reread = new LanguageServerSettings(store);
        assertThat(reread.choices()).containsExactly(vue, new LanguageServerSettings.Disabled(".js"));
        assertThat(store.get(LanguageServerSettings.SETTING)).hasValueSatisfying(json -> assertThat(json)
                .contains("\"extension\":\".vue\"", "\"disabled\":true"));
        var servers = reread.servers();
        assertThat(servers).extracting(LanguageServerConfig::id)
                .containsExactly("pyright", "typescript-language-server", "vue-language-server");
        assertThat(servers.get(1).extensions()).doesNotContain(".js").contains(".ts", ".jsx");
        assertThat(servers.get(2)).isEqualTo(new LanguageServerConfig("vue-language-server", "vue-language-server",
                Map.of(".vue", "vue"), List.of("vue-language-server", "--stdio"),
                "npm install -g @vue/language-server"));
    }

    @Test
    void aChoiceOverridesTheBuiltInServerForItsExtensionOnly() {
        settings.set(new LanguageServerSettings.UseServer(".py", "", "", List.of("/opt/pylsp/bin/pylsp"), ""));
        var servers = settings.servers();
        // An extension keeps its place: its new server comes where its old one was.
        assertThat(servers).extracting(LanguageServerConfig::name)
                .containsExactly("pylsp", "pyright", "typescript-language-server");
        assertThat(servers.getFirst().languageIds()).containsExactly(Map.entry(".py", "py"));
        assertThat(servers.getFirst().command()).containsExactly("/opt/pylsp/bin/pylsp");
        assertThat(servers.get(1).extensions()).containsExactly(".pyi");
    }

    @Test
    void extensionsNamingTheSameServerShareOneProcess() {
        var command = List.of("vscode-css-language-server", "--stdio");
        settings.set(new LanguageServerSettings.UseServer(".css", "css", "css", command, ""));
        settings.set(new LanguageServerSettings.UseServer(".scss", "scss", "css", command, "npm i -g css-ls"));
        settings.set(new LanguageServerSettings.UseServer(".less", "less", "css", List.of("other-css"), ""));
        var css = settings.servers().stream().filter(server -> server.name().equals("css")).toList();
        assertThat(css).hasSize(2);
        assertThat(css.getFirst().extensions()).containsExactly(".css", ".scss");
        assertThat(css.getFirst().installHint()).isEqualTo("npm i -g css-ls");
        assertThat(css).extracting(LanguageServerConfig::id).containsExactly("css", "css-2");
    }

    @Test
    void disablingEveryExtensionOfAServerDropsIt() {
        settings.set(new LanguageServerSettings.Disabled(".py"));
        settings.set(new LanguageServerSettings.Disabled(".pyi"));
        assertThat(settings.servers()).extracting(LanguageServerConfig::id)
                .containsExactly("typescript-language-server");
    }

    @Test
    void resetBringsBackTheBuiltInServer() {
        settings.set(new LanguageServerSettings.Disabled(".py"));
        settings.set(new LanguageServerSettings.Disabled(".ts"));
        settings.reset(".PY");
        assertThat(settings.choices()).containsExactly(new LanguageServerSettings.Disabled(".ts"));
        settings.reset("ts");
        assertThat(store.get(LanguageServerSettings.SETTING)).isEmpty();
        assertThat(settings.servers()).isEqualTo(LanguageServerConfig.defaults());
    }

    @Test
    void aLaterChoiceForAnExtensionReplacesTheEarlierOne() {
        settings.set(new LanguageServerSettings.Disabled(".py"));
        settings.set(new LanguageServerSettings.UseServer(".py", "python", "pylsp", List.of("pylsp"), ""));
        assertThat(settings.choices()).singleElement().isInstanceOf(LanguageServerSettings.UseServer.class);
    }

    @Test
    void choicesMustNameAnExtensionAndACommand() {
        assertThatThrownBy(() -> new LanguageServerSettings.UseServer(".x", "x", "x", List.of(" "), ""))
                .hasMessage("The language server for .x has no command");
        assertThatThrownBy(() -> new LanguageServerSettings.Disabled("a b"))
                .hasMessage("Not a file extension: \"a b\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{not json`                                                    | it is not JSON
            `[]`                                                           | it has no "extensions" list
            `{"extensions": 3}`                                            | it has no "extensions" list
            `{"extensions": [7]}`                                          | entry 1 is not an object
            `{"extensions": [{"disabled": true}]}`                         | entry 1 has no "extension"
            `{"extensions": [{"extension": 5}]}`                           | entry 1: "extension" is not text
            `{"extensions": [{"extension": ".x"}]}`                        | entry 1 (.x) has no "command" list
            `{"extensions": [{"extension": ".x", "command": [1]}]}`        | entry 1 (.x) has a command part that is not
            `{"extensions": [{"extension": ".x", "command": []}]}`         | entry 1: The language server for .x has no
            `{"extensions": [{"extension": "a/b", "disabled": true}]}`     | entry 1: Not a file extension: "a/b"
            `{"extensions":[{"extension":".x","disabled":true},{"extension":"X","disabled":true}]}` | entry 2 names .x
            """)
    void aMalformedStoredValueFallsBackToTheDefaultsAndSaysWhy(String stored, String reason) {
        store.put(LanguageServerSettings.SETTING, stored);
        var loaded = settings.load();
        assertThat(loaded.servers()).isEqualTo(LanguageServerConfig.defaults());
        assertThat(loaded.choices()).isEmpty();
        assertThat(loaded.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("The language server settings (lsp.servers) cannot be read: " + reason)
                .endsWith("The built-in servers (pyright, typescript-language-server) are used instead; saving a"
                        + " language server choice replaces the stored value."));
    }

    @Test
    void savingAChoiceReplacesAMalformedValue() {
        store.put(LanguageServerSettings.SETTING, "{broken");
        settings.set(new LanguageServerSettings.Disabled(".js"));
        assertThat(settings.problem()).isEmpty();
        assertThat(settings.choices()).containsExactly(new LanguageServerSettings.Disabled(".js"));
    }
}
