package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comment tokens the editor's comment toggle uses. */
class LanguageCommentTest {

    @Test
    void cStyleLanguagesHaveBothKindsOfComment() {
        for (var language : List.of(Language.JAVA, Language.JAVASCRIPT, Language.TYPESCRIPT, Language.TSX)) {
            assertThat(language.lineComment()).contains("//");
            assertThat(language.blockComment()).contains(List.of("/*", "*/"));
        }
    }

    @Test
    void hashLanguagesHaveOnlyLineComments() {
        for (var language : List.of(Language.PYTHON, Language.BASH, Language.YAML)) {
            assertThat(language.lineComment()).contains("#");
            assertThat(language.blockComment()).isEmpty();
        }
    }

    @Test
    void markupAndCssHaveOnlyBlockComments() {
        assertThat(Language.CSS.lineComment()).isEmpty();
        assertThat(Language.CSS.blockComment()).contains(List.of("/*", "*/"));
        assertThat(Language.HTML.lineComment()).isEmpty();
        assertThat(Language.HTML.blockComment()).contains(List.of("<!--", "-->"));
        assertThat(Language.MARKDOWN.blockComment()).contains(List.of("<!--", "-->"));
    }
}
