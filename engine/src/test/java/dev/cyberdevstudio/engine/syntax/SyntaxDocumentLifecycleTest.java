package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyntaxDocumentLifecycleTest {

    @Test
    void aClosedDocumentRefusesEveryCall() {
        var document = SyntaxDocument.open(Language.JAVA, "class A {}");
        document.close();
        assertThat(document.isClosed()).isTrue();
        assertThat(document.language()).isEqualTo(Language.JAVA);
        assertThatThrownBy(() -> document.spans(0, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> document.edit(0, 0, "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(document::reparse).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(document::text).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(document::length).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTwiceIsHarmless() {
        var document = SyntaxDocument.open(Language.CSS, "a { color: red; }");
        document.close();
        document.close();
        assertThat(document.isClosed()).isTrue();
    }

    @Test
    void closingWithAnEditPendingFreesBothTrees() {
        var document = SyntaxDocument.open(Language.JAVA, "class A {}");
        document.edit(0, 0, "final ");
        document.close();
        assertThat(document.isClosed()).isTrue();
    }

    @Test
    void manyDocumentsOpenedAndClosedInTurnLeaveTheLastOneWorking() {
        var source = GeneratedJava.source(20);
        for (int i = 0; i < 300; i++) {
            try (var document = SyntaxDocument.open(Language.JAVA, source)) {
                document.edit(0, 0, "x");
                assertThat(document.spans(0, 100)).isNotEmpty();
            }
        }
        try (var document = SyntaxDocument.open(Language.JAVA, source)) {
            assertThat(Styles.of(document, "public")).isEqualTo("keyword");
        }
    }

    @Test
    void rejectsMissingArguments() {
        assertThatThrownBy(() -> SyntaxDocument.open(null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SyntaxDocument.open(Language.JAVA, null)).isInstanceOf(NullPointerException.class);
        try (var document = SyntaxDocument.open(Language.JAVA, "")) {
            assertThatThrownBy(() -> document.edit(0, 0, null)).isInstanceOf(NullPointerException.class);
        }
    }
}
