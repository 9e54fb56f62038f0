package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource({
        "Main.java, JAVA", "script.py, PYTHON", "types.pyi, PYTHON", "app.js, JAVASCRIPT", "view.jsx, JAVASCRIPT",
        "lib.mjs, JAVASCRIPT", "main.ts, TYPESCRIPT", "App.tsx, TSX", "package.json, JSON", "README.md, MARKDOWN",
        "build.sh, BASH", ".bashrc, BASH", "/home/me/.profile, BASH", "ci.yml, YAML", "ci.YAML, YAML",
        "index.html, HTML", "C:\\site\\page.HTM, HTML", "style.css, CSS", "src/dev/Thing.JAVA, JAVA"
    })
    void recognisesTheLanguageOfAFileByItsName(String name, Language expected) {
        assertThat(Language.forFileName(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", "Makefile", "java", ".java", "archive.tar.gz", "dir/"})
    void recognisesNoLanguageForOtherFiles(String name) {
        assertThat(Language.forFileName(name)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void recognisesNoLanguageWithoutAName(String name) {
        assertThat(Language.forFileName(name)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"JAVA, Java", "TSX, TSX", "JAVASCRIPT, JavaScript"})
    void namesTheLanguageForPeople(Language language, String name) {
        assertThat(language.displayName()).isEqualTo(name);
    }
}
