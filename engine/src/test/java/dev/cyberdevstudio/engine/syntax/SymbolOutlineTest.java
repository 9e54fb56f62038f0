package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The outlines of small real files in each language, parsed by tree-sitter. */
class SymbolOutlineTest {

    private static final String JAVA = """
            package demo;

            @interface Marker { int value(); }

            public class Shop<T> {
                private int count = 1, limit;
                static final String NAME = "shop";

                Shop() {
                }

                void sell(int amount) {
                    Runnable local = new Runnable() { public void run() { } };
                    class Helper { }
                }

                record Item(String label) {
                    Item { }
                    static Item of(String label) { return new Item(label); }
                }

                enum Size { SMALL, LARGE; int weight() { return 1; } }

                interface Listener { void sold(int amount); }
            }
            """;

    @Test
    void javaHasTypesMembersAndNestingButNoLocalClasses() {
        var outline = SymbolOutline.of(Language.JAVA, JAVA);

        assertThat(describe(outline.flat())).containsExactly(
                "0 annotation Marker", "1 method value",
                "0 class Shop",
                "1 field count", "1 field limit", "1 field NAME",
                "1 constructor Shop",
                "1 method sell",
                "1 record Item", "2 constructor Item", "2 method of",
                "1 enum Size", "2 enum constant SMALL", "2 enum constant LARGE", "2 method weight",
                "1 interface Listener", "2 method sold");
        assertThat(outline.symbols()).extracting(OutlineSymbol::name).containsExactly("Marker", "Shop");
    }

    @Test
    void javaSymbolsKnowWhereTheyAndTheirNamesAre() {
        var sell = find(SymbolOutline.of(Language.JAVA, JAVA), "sell");
        var line = lineOf(JAVA, "void sell");

        assertThat(sell.start()).isEqualTo(new TextPoint(line, 4));
        assertThat(sell.nameStart()).isEqualTo(new TextPoint(line, 9));
        assertThat(sell.end().line()).isEqualTo(line + 3);
        assertThat(JAVA.substring(sell.range().start(), sell.range().end())).startsWith("void sell(int amount) {")
                .endsWith("}");
    }

    @Test
    void theEnclosingChainOfACaretInsideAMethodIsItsClassThenTheMethod() {
        var outline = SymbolOutline.of(Language.JAVA, JAVA);
        var insideOf = JAVA.indexOf("return new Item");

        assertThat(outline.enclosing(insideOf)).extracting(OutlineSymbol::name).containsExactly("Shop", "Item", "of");
        assertThat(outline.enclosing(JAVA.indexOf("package"))).isEmpty();
        assertThat(outline.enclosing(JAVA.indexOf("Size {") + 3)).extracting(OutlineSymbol::name)
                .containsExactly("Shop", "Size");
    }

    @Test
    void pythonHasClassesMethodsNestedFunctionsAndModuleNames() {
        var source = """
                import os

                LIMIT = 10

                class Shop(Base):
                    rate = 2

                    def sell(self, amount):
                        def audit():
                            pass
                        return audit

                    @property
                    def total(self):
                        return 1

                async def main():
                    pass

                @register
                class Plugin:
                    pass
                """;
        var outline = SymbolOutline.of(Language.PYTHON, source);

        assertThat(describe(outline.flat())).containsExactly(
                "0 variable LIMIT",
                "0 class Shop", "1 field rate", "1 method sell", "2 function audit", "1 method total",
                "0 function main",
                "0 class Plugin");
        var total = find(outline, "total");
        assertThat(total.start().line()).as("a decorated method starts at its decorator")
                .isEqualTo(lineOf(source, "@property"));
        assertThat(outline.enclosing(source.indexOf("pass"))).extracting(OutlineSymbol::name)
                .containsExactly("Shop", "sell", "audit");
    }

    @Test
    void typeScriptHasFunctionsClassesInterfacesTypesEnumsAndNamespaces() {
        var source = """
                export function greet(name: string): string { return name; }
                export default class Shop {
                    count = 0;
                    private label: string;
                    constructor() { }
                    sell(amount: number) { const inner = () => amount; }
                    static create() { return new Shop(); }
                }
                interface Listener { sold: number; onSale(amount: number): void }
                type Price = { amount: number };
                enum Size { Small, Large = 2 }
                namespace Tools { export function helper() { } }
                abstract class Base { abstract run(): void }
                export const handler = async (event) => event;
                let counter = 3;
                """;
        var outline = SymbolOutline.of(Language.TYPESCRIPT, source);

        assertThat(describe(outline.flat())).containsExactly(
                "0 function greet",
                "0 class Shop", "1 property count", "1 property label", "1 constructor constructor",
                "1 method sell", "1 method create",
                "0 interface Listener", "1 property sold", "1 method onSale",
                "0 type Price",
                "0 enum Size", "1 enum constant Small", "1 enum constant Large",
                "0 namespace Tools", "1 function helper",
                "0 class Base", "1 method run",
                "0 function handler",
                "0 variable counter");
        assertThat(find(outline, "greet").start().column()).as("an export belongs to its declaration").isZero();
    }

    @Test
    void javaScriptHasClassFieldsGeneratorsAndClassExpressions() {
        var source = """
                class Cart { items = []; #secret = 1; add(item) { } }
                function* ids() { }
                const Model = class { save() { } };
                """;

        assertThat(describe(SymbolOutline.of(Language.JAVASCRIPT, source).flat())).containsExactly(
                "0 class Cart", "1 property items", "1 property #secret", "1 method add",
                "0 function ids",
                "0 class Model", "1 method save");
    }

    @Test
    void markdownHeadingsNestByLevelAndSpanTheirSections() {
        var source = """
                # Guide

                Intro text.

                ## Install *quickly*

                Steps.

                ### On Linux

                apt.

                Usage
                -----

                Run it.

                # Appendix
                """;
        var outline = SymbolOutline.of(Language.MARKDOWN, source);

        assertThat(describe(outline.flat())).containsExactly(
                "0 heading Guide", "1 heading Install *quickly*", "2 heading On Linux", "1 heading Usage",
                "0 heading Appendix");
        assertThat(outline.enclosing(source.indexOf("apt."))).extracting(OutlineSymbol::name)
                .containsExactly("Guide", "Install *quickly*", "On Linux");
        assertThat(outline.enclosing(source.indexOf("Run it"))).extracting(OutlineSymbol::name)
                .containsExactly("Guide", "Usage");
        assertThat(find(outline, "Guide").nameStart()).isEqualTo(new TextPoint(0, 2));
    }

    @Test
    void jsonAndYamlListTheirKeysNestedButNotInsideArrays() {
        var json = """
                {"name": "shop", "scripts": {"build": "tsc", "deep": {"deeper": {"deepest": 1}}},
                 "list": [{"hidden": 1}]}
                """;
        assertThat(describe(SymbolOutline.of(Language.JSON, json).flat())).containsExactly(
                "0 key name", "0 key scripts", "1 key build", "1 key deep", "2 key deeper", "0 key list");

        var yaml = """
                name: shop
                jobs:
                  build:
                    runs-on: linux
                ---
                other: 1
                """;
        assertThat(describe(SymbolOutline.of(Language.YAML, yaml).flat())).containsExactly(
                "0 key name", "0 key jobs", "1 key build", "2 key runs-on", "0 key other");
    }

    @Test
    void languagesWithoutOutlineRulesAndEmptyTextsHaveAnEmptyOutline() {
        assertThat(SymbolOutline.of(Language.BASH, "f() { echo hi; }\n").isEmpty()).isTrue();
        assertThat(SymbolOutline.of(Language.JAVA, "").symbols()).isEmpty();
        assertThat(SymbolOutline.of(Language.JAVA, "").enclosing(0)).isEmpty();
    }

    @Test
    void theOutlineOfAnOpenDocumentFollowsItsEdits() {
        try (var document = SyntaxDocument.open(Language.PYTHON, "def first():\n    pass\n")) {
            assertThat(document.outline().flat()).extracting(OutlineSymbol::name).containsExactly("first");

            document.edit(document.length(), 0, "\nclass Second:\n    def third(self):\n        pass\n");

            var outline = document.outline();
            assertThat(describe(outline.flat())).containsExactly("0 function first", "0 class Second",
                    "1 method third");
            assertThat(outline.language()).isEqualTo(Language.PYTHON);
        }
    }

    @Test
    void namesWithUnicodeAndBrokenCodeStillComeOutWhole() {
        var source = "class Café {\n    void 日本() { }\n    void broken( {\n}\n";
        var outline = SymbolOutline.of(Language.JAVA, source);

        assertThat(outline.flat()).extracting(OutlineSymbol::name).contains("Café", "日本");
        var method = find(outline, "日本");
        assertThat(source.substring(method.range().start(), method.range().end())).isEqualTo("void 日本() { }");
        assertThat(method.nameStart()).isEqualTo(new TextPoint(1, 9));
    }

    private static List<String> describe(List<OutlineSymbol> symbols) {
        return symbols.stream().map(symbol -> symbol.depth() + " " + symbol.kind().label() + " " + symbol.name())
                .toList();
    }

    private static OutlineSymbol find(SymbolOutline outline, String name) {
        return outline.flat().stream().filter(symbol -> symbol.name().equals(name)).findFirst().orElseThrow();
    }

    private static int lineOf(String text, String fragment) {
        var offset = text.indexOf(fragment);
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }
}
