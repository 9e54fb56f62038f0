package dev.cyberdevstudio.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.lsp.CompletionItem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small text rules: completion filtering, words, hover markdown and the active parameter. */
class LanguageTextsTest {

    static CompletionItem item(String label) {
        return new CompletionItem(label, "function", "", "", Optional.empty(), label, List.of());
    }

    @Test
    void completionPutsSameCasePrefixMatchesFirstThenAnyCaseThenContains() {
        var items = List.of(item("Greeting"), item("regret"), item("greet"), item("other"), item("•grow"));

        var shown = CompletionFilter.filter(items, "gr");

        assertThat(shown).extracting(CompletionItem::label).containsExactly("greet", "•grow", "Greeting", "regret");
        assertThat(CompletionFilter.filter(items, "")).hasSize(5);
        assertThat(CompletionFilter.filter(items, "zz")).isEmpty();
    }

    @Test
    void wordsAreLettersDigitsUnderscoresAndDollars() {
        assertThat(Identifiers.wordStart("x = foo_bar1", 12)).isEqualTo(4);
        assertThat(Identifiers.wordEnd("foo.bar_baz + 1", 4)).isEqualTo(11);
        assertThat(Identifiers.allParts("a$_9")).isTrue();
        assertThat(Identifiers.allParts("a.b")).isFalse();
    }

    @Test
    void hoverMarkdownBecomesCodeAndProseBlocks() {
        var blocks = HoverText.blocks("```python\n(function) def greet(name: str) -> str\n```\n---\n"
                + "Says **hello** to `name`.\nTwice.\n\nSecond paragraph.");

        assertThat(blocks).containsExactly(
                new HoverText.Block(true, "(function) def greet(name: str) -> str"),
                new HoverText.Block(false, "Says hello to name. Twice."),
                new HoverText.Block(false, "Second paragraph."));
    }

    @Test
    void findsTheActiveParameterInTheSignature() {
        var label = "greet(name: str, times: int) -> str";
        var parameters = List.of("name: str", "times: int");

        assertThat(SignatureController.activeRange(label, parameters, 1)).containsExactly(17, 27);
        assertThat(SignatureController.activeRange(label, parameters, 0)).containsExactly(6, 15);
        assertThat(SignatureController.activeRange(label, parameters, -1)).isNull();
        assertThat(SignatureController.activeRange("f(a, a)", List.of("a", "a"), 1)).containsExactly(5, 6);
    }
}
