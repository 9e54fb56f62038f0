package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each language's grammar and query give a snippet's keywords, strings and comments the right classes. */
class SyntaxDocumentLanguagesTest {

    @Test
    void highlightsJava() {
        var text = """
                /** Greets. */
                @Deprecated
                public class Greeter<T> extends Base {
                    private static final int MAX_COUNT = 0x10;
                    String greet(String name) { // say hello
                        return "Hello, \\n" + name.trim() + this.suffix + null;
                    }
                }
                """;
        try (var document = SyntaxDocument.open(Language.JAVA, text)) {
            assertThat(Styles.of(document, "/** Greets. */")).isEqualTo("comment");
            assertThat(Styles.of(document, "@Deprecated")).isEqualTo("attribute");
            assertThat(Styles.of(document, "public")).isEqualTo("keyword");
            assertThat(Styles.of(document, "class")).isEqualTo("keyword");
            assertThat(Styles.of(document, "extends")).isEqualTo("keyword");
            assertThat(Styles.of(document, "Base")).isEqualTo("type");
            assertThat(Styles.of(document, "int")).isEqualTo("type");
            assertThat(Styles.of(document, "MAX_COUNT")).isEqualTo("property");
            assertThat(Styles.of(document, "0x10")).isEqualTo("number");
            assertThat(Styles.of(document, "greet")).isEqualTo("function");
            assertThat(Styles.of(document, "// say hello")).isEqualTo("comment");
            assertThat(Styles.of(document, "return")).isEqualTo("keyword");
            assertThat(Styles.of(document, "\"Hello, ")).isEqualTo("string");
            assertThat(Styles.of(document, "\\n")).isEqualTo("escape");
            assertThat(Styles.of(document, "trim")).isEqualTo("function");
            assertThat(Styles.of(document, "this")).isEqualTo("builtin");
            assertThat(Styles.of(document, "suffix")).isEqualTo("property");
            assertThat(Styles.of(document, "null")).isEqualTo("constant");
            assertThat(Styles.of(document, "{")).isEqualTo("punctuation");
            assertThat(Styles.of(document, "+")).isEqualTo("operator");
        }
    }

    @Test
    void highlightsPython() {
        var text = """
                import os
                # a comment
                class Store(Base):
                    LIMIT = 3
                    def load(self, path: str) -> bytes:
                        print(f"loading {path}\\n", None)
                        return os.read(path) if path else b''
                """;
        try (var document = SyntaxDocument.open(Language.PYTHON, text)) {
            assertThat(Styles.of(document, "import")).isEqualTo("keyword");
            assertThat(Styles.of(document, "# a comment")).isEqualTo("comment");
            assertThat(Styles.of(document, "class")).isEqualTo("keyword");
            assertThat(Styles.of(document, "Store")).isEqualTo("type");
            assertThat(Styles.of(document, "LIMIT")).isEqualTo("constant");
            assertThat(Styles.of(document, "3")).isEqualTo("number");
            assertThat(Styles.of(document, "def")).isEqualTo("keyword");
            assertThat(Styles.of(document, "load")).isEqualTo("function");
            assertThat(Styles.of(document, "self")).isEqualTo("builtin");
            assertThat(Styles.of(document, "str")).isEqualTo("type");
            assertThat(Styles.of(document, "print")).isEqualTo("builtin");
            assertThat(Styles.of(document, "f\"loading ")).isEqualTo("string");
            assertThat(Styles.of(document, "\\n")).isEqualTo("escape");
            assertThat(Styles.of(document, "None")).isEqualTo("constant");
            assertThat(Styles.of(document, "read")).isEqualTo("function");
            assertThat(Styles.of(document, "b''")).isEqualTo("string");
            assertThat(Styles.of(document, "else")).isEqualTo("keyword");
        }
    }

    @Test
    void highlightsJavaScriptAndJsx() {
        var text = """
                // greet
                const LIMIT = 2, pattern = /a+b/g;
                export function greet(name) {
                  console.log(`hi ${name}`, null);
                  return <div className="card">{name}</div>;
                }
                """;
        try (var document = SyntaxDocument.open(Language.JAVASCRIPT, text)) {
            assertThat(Styles.of(document, "// greet")).isEqualTo("comment");
            assertThat(Styles.of(document, "const")).isEqualTo("keyword");
            assertThat(Styles.of(document, "LIMIT")).isEqualTo("constant");
            assertThat(Styles.of(document, "/a+b/g")).isEqualTo("string");
            assertThat(Styles.of(document, "export")).isEqualTo("keyword");
            assertThat(Styles.of(document, "function")).isEqualTo("keyword");
            assertThat(Styles.of(document, "greet", 1)).isEqualTo("function");
            assertThat(Styles.of(document, "console")).isEqualTo("builtin");
            assertThat(Styles.of(document, "log")).isEqualTo("function");
            assertThat(Styles.of(document, "`hi ")).isEqualTo("string");
            assertThat(Styles.of(document, "null")).isEqualTo("constant");
            assertThat(Styles.of(document, "div")).isEqualTo("tag");
            assertThat(Styles.of(document, "className")).isEqualTo("attribute");
            assertThat(Styles.of(document, "\"card\"")).isEqualTo("string");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"TYPESCRIPT", "TSX"})
    void highlightsTypeScript(Language language) {
        var text = """
                /* types */
                interface Point { x: number; label?: string }
                export type Id = string | number;
                enum Color { Red = 1 }
                function move(p: Point, by = 1): Point {
                  return { ...p, x: p.x + by, label: 'moved' };
                }
                """;
        try (var document = SyntaxDocument.open(language, text)) {
            assertThat(Styles.of(document, "/* types */")).isEqualTo("comment");
            assertThat(Styles.of(document, "interface")).isEqualTo("keyword");
            assertThat(Styles.of(document, "Point")).isEqualTo("type");
            assertThat(Styles.of(document, "number")).isEqualTo("type");
            assertThat(Styles.within(document, "export type Id", "type")).isEqualTo("keyword");
            assertThat(Styles.of(document, "enum")).isEqualTo("keyword");
            assertThat(Styles.of(document, "1")).isEqualTo("number");
            assertThat(Styles.of(document, "move")).isEqualTo("function");
            assertThat(Styles.of(document, "return")).isEqualTo("keyword");
            assertThat(Styles.of(document, "'moved'")).isEqualTo("string");
        }
    }

    @Test
    void highlightsJson() {
        var text = """
                {"name": "studio", "size": 12.5, "tags": [true, null], "path": "a\\tb"}
                """;
        try (var document = SyntaxDocument.open(Language.JSON, text)) {
            assertThat(Styles.of(document, "\"name\"")).isEqualTo("property");
            assertThat(Styles.of(document, "\"studio\"")).isEqualTo("string");
            assertThat(Styles.of(document, "12.5")).isEqualTo("number");
            assertThat(Styles.of(document, "true")).isEqualTo("constant");
            assertThat(Styles.of(document, "null")).isEqualTo("constant");
            assertThat(Styles.of(document, "\\t")).isEqualTo("escape");
            assertThat(Styles.of(document, "{")).isEqualTo("punctuation");
        }
    }

    @Test
    void highlightsMarkdown() {
        var text = """
                # Title

                Some `code` and a [link](https://example.com).

                - item

                > quoted

                ```java
                class A {}
                ```
                """;
        try (var document = SyntaxDocument.open(Language.MARKDOWN, text)) {
            assertThat(Styles.of(document, "# Title")).isEqualTo("heading");
            assertThat(Styles.of(document, "`code`")).isEqualTo("string");
            assertThat(Styles.of(document, "link")).isEqualTo("link");
            assertThat(Styles.of(document, "https://example.com")).isEqualTo("link");
            assertThat(Styles.of(document, "-")).isEqualTo("punctuation");
            assertThat(Styles.of(document, "> quoted")).isEqualTo("comment");
            assertThat(Styles.of(document, "java")).isEqualTo("type");
            assertThat(Styles.of(document, "class A {}")).isEqualTo("string");
            assertThat(Styles.of(document, "Some")).isEqualTo(Styles.NONE);
        }
    }

    @Test
    void highlightsBash() {
        var text = """
                #!/bin/bash
                # build it
                export OUT="$HOME/out"
                if [ -d "$OUT" ]; then
                  echo 'ready' | grep -q ready
                fi
                build() { local n=42; }
                """;
        try (var document = SyntaxDocument.open(Language.BASH, text)) {
            assertThat(Styles.of(document, "# build it")).isEqualTo("comment");
            assertThat(Styles.of(document, "export")).isEqualTo("keyword");
            assertThat(Styles.of(document, "OUT")).isEqualTo("variable");
            assertThat(Styles.of(document, "$HOME")).isEqualTo("variable");
            assertThat(Styles.of(document, "if")).isEqualTo("keyword");
            assertThat(Styles.of(document, "then")).isEqualTo("keyword");
            assertThat(Styles.of(document, "echo")).isEqualTo("builtin");
            assertThat(Styles.of(document, "'ready'")).isEqualTo("string");
            assertThat(Styles.of(document, "grep")).isEqualTo("function");
            assertThat(Styles.of(document, "fi")).isEqualTo("keyword");
            assertThat(Styles.within(document, "build()", "build")).isEqualTo("function");
            assertThat(Styles.of(document, "42")).isEqualTo("number");
        }
    }

    @Test
    void highlightsYaml() {
        var text = """
                # settings
                name: studio
                port: 8080
                debug: false
                quoted: "a\\tb"
                list:
                  - &first one
                  - *first
                """;
        try (var document = SyntaxDocument.open(Language.YAML, text)) {
            assertThat(Styles.of(document, "# settings")).isEqualTo("comment");
            assertThat(Styles.of(document, "name")).isEqualTo("property");
            assertThat(Styles.of(document, "studio")).isEqualTo("string");
            assertThat(Styles.of(document, "8080")).isEqualTo("number");
            assertThat(Styles.of(document, "false")).isEqualTo("constant");
            assertThat(Styles.of(document, "\\t")).isEqualTo("escape");
            assertThat(Styles.of(document, "&first")).isEqualTo("variable");
            assertThat(Styles.of(document, ":")).isEqualTo("punctuation");
        }
    }

    @Test
    void highlightsHtml() {
        var text = """
                <!DOCTYPE html>
                <!-- page -->
                <p class="note">Fish &amp; chips<br/></p>
                """;
        try (var document = SyntaxDocument.open(Language.HTML, text)) {
            assertThat(Styles.of(document, "DOCTYPE")).isEqualTo("keyword");
            assertThat(Styles.of(document, "<!-- page -->")).isEqualTo("comment");
            assertThat(Styles.within(document, "<p class", "p")).isEqualTo("tag");
            assertThat(Styles.of(document, "class")).isEqualTo("attribute");
            assertThat(Styles.of(document, "\"note\"")).isEqualTo("string");
            assertThat(Styles.of(document, "&amp;")).isEqualTo("escape");
            assertThat(Styles.of(document, "br")).isEqualTo("tag");
            assertThat(Styles.of(document, "Fish")).isEqualTo(Styles.NONE);
        }
    }

    @Test
    void highlightsCss() {
        var text = """
                /* theme */
                @media screen { .card:hover { color: #0ff; margin: 4px auto !important; } }
                a[href="x"] { font-family: "Mono", monospace; }
                """;
        try (var document = SyntaxDocument.open(Language.CSS, text)) {
            assertThat(Styles.of(document, "/* theme */")).isEqualTo("comment");
            assertThat(Styles.of(document, "@media")).isEqualTo("keyword");
            assertThat(Styles.of(document, ".card")).isEqualTo("type");
            assertThat(Styles.of(document, "hover")).isEqualTo("attribute");
            assertThat(Styles.of(document, "color")).isEqualTo("property");
            assertThat(Styles.of(document, "#0ff")).isEqualTo("constant");
            assertThat(Styles.of(document, "4px")).isEqualTo("number");
            assertThat(Styles.of(document, "!important")).isEqualTo("keyword");
            assertThat(Styles.within(document, "a[href", "a")).isEqualTo("tag");
            assertThat(Styles.of(document, "href")).isEqualTo("attribute");
            assertThat(Styles.of(document, "\"Mono\"")).isEqualTo("string");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageOpensEmptyAndStylesNothing(Language language) {
        try (var document = SyntaxDocument.open(language, "")) {
            assertThat(document.language()).isEqualTo(language);
            assertThat(document.length()).isZero();
            assertThat(document.spans(0, 0)).isEmpty();
        }
    }

    @Test
    void everyStyleClassTheQueriesUseIsOneThemesKnow() {
        var used = EnumSet.allOf(Language.class).stream()
                .flatMap(language -> spansOfSample(language).stream())
                .map(StyleSpan::styleClass)
                .distinct()
                .toList();
        assertThat(StyleSpan.STYLE_CLASSES).containsAll(used);
    }

    private static java.util.List<StyleSpan> spansOfSample(Language language) {
        var sample = Samples.of(language);
        try (var document = SyntaxDocument.open(language, sample)) {
            return document.spans(0, sample.length());
        }
    }
}
