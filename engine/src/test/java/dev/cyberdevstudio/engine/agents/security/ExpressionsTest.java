package dev.cyberdevstudio.engine.agents.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ExpressionsTest {

    private static boolean dynamic(String path, String expression) {
        var file = SourceFile.of(path, "x = " + expression + "\n");
        return Expressions.isDynamic(file, 4, 4 + expression.length());
    }

    @Test
    void tellsBuiltStringsFromConstantOnes() {
        assertThat(dynamic("A.java", "\"a\" + name")).isTrue();
        assertThat(dynamic("A.java", "name + \"a\"")).isTrue();
        assertThat(dynamic("A.java", "user.getName() + \" x\"")).isTrue();
        assertThat(dynamic("A.java", "(first + last) + \" x\"")).isTrue();
        assertThat(dynamic("A.java", "\"x\" + (first + last)")).isTrue();
        assertThat(dynamic("A.java", "items[0] + \" x\"")).isTrue();
        assertThat(dynamic("A.java", "String.format(\"%s\", a)")).isTrue();
        assertThat(dynamic("a.py", "f\"id = {ident}\"")).isTrue();
        assertThat(dynamic("a.py", "\"id = %s\" % ident")).isTrue();
        assertThat(dynamic("a.js", "`id = ${ident}`")).isTrue();

        assertThat(dynamic("A.java", "\"a\" + \"b\"")).isFalse();
        assertThat(dynamic("A.java", "\"SELECT \" + COLUMNS + \" FROM t\"")).isFalse();
        assertThat(dynamic("A.java", "\"SELECT \" + COLUMNS.substring(4) + \" FROM t\"")).isFalse();
        assertThat(dynamic("A.java", "\"OFFSET \" + (LIMIT - 1) + \" ROWS\"")).isFalse();
        assertThat(dynamic("A.java", "\"LIMIT \" + Math.min(a, b)")).isFalse();
        assertThat(dynamic("A.java", "Math.max(a, b) + \" rows\"")).isFalse();
        assertThat(dynamic("A.java", "\"n\" + 42")).isFalse();
        assertThat(dynamic("A.java", "count++")).isFalse();
        assertThat(dynamic("a.js", "`plain template`")).isFalse();
        assertThat(dynamic("a.py", "\"a %s\", (x,)")).isFalse();
        assertThat(dynamic("A.java", "")).isFalse();
    }

    @Test
    void treatsNumericVariablesAsHarmless() {
        var java = SourceFile.of("A.java", "void f(int limit, long offset) { q(\"LIMIT \" + limit); }\n");
        assertThat(java.numericNames()).containsExactlyInAnyOrder("limit", "offset");
        var start = java.text().indexOf("\"LIMIT");
        assertThat(Expressions.isDynamic(java, start, java.text().indexOf(");"))).isFalse();
        assertThat(SourceFile.of("a.ts", "function f(page: number, size?: number) {}").numericNames())
                .containsExactlyInAnyOrder("page", "size");
        assertThat(SourceFile.of("a.go", "func f(page int, name string) {}").numericNames()).containsExactly("page");
    }

    @Test
    void readsLiteralsIdentifiersArgumentsAndStatements() {
        var file = SourceFile.of("a.py", "run(\"ls\", [a, b], key=f(x, y))\nq = (\"a\" +\n     \"b\")\nz = 1\n");
        var open = file.text().indexOf('(');
        assertThat(Expressions.arguments(file, open)).extracting(range -> file.text().substring(range[0], range[1]))
                .containsExactly("\"ls\"", " [a, b]", " key=f(x, y)");
        var second = file.text().indexOf("q =") + 4;
        assertThat(file.text().substring(second, Expressions.statementEnd(file, second)))
                .isEqualTo("(\"a\" +\n     \"b\")");
        assertThat(Expressions.isLiteral(file, second, Expressions.statementEnd(file, second))).isTrue();
        assertThat(Expressions.identifier(" this.sql ")).contains("sql");
        assertThat(Expressions.identifier("a + b")).isEmpty();
        assertThat(Expressions.isFunction("(err, rows) => done(rows)")).isTrue();
        assertThat(Expressions.isFunction("connection -> update(connection)")).isTrue();
        assertThat(Expressions.isFunction("function (err) { }")).isTrue();
        assertThat(Expressions.isFunction("lambda row: row")).isTrue();
        assertThat(Expressions.isFunction("name")).isFalse();
        var assignments = Expressions.assignments(SourceFile.of("a.go", "a := 1\nb = 2\na += 3\nif a == b {}\n"));
        assertThat(assignments.inOrder()).extracting(Expressions.Assignment::name, Expressions.Assignment::line)
                .containsExactly(tuple("a", 1), tuple("b", 2), tuple("a", 3));
        assertThat(assignments.latestBefore("a", 3)).get().extracting(Expressions.Assignment::line).isEqualTo(1);
        assertThat(assignments.latestBefore("a", 4)).get().matches(Expressions.Assignment::isAppend);
        assertThat(assignments.latestBefore("c", 4)).isEmpty();
    }

    @Test
    void mapsCommentsAndStringsWithTheLexerWhereThereIsNoGrammar() {
        var go = SourceFile.of("a.go", "s := \"// not a comment\" // a comment\nr := `raw\nstring` /* block */\n");
        assertThat(go.isString(go.text().indexOf("not"))).isTrue();
        assertThat(go.isComment(go.text().lastIndexOf("a comment"))).isTrue();
        assertThat(go.isString(go.text().indexOf("string`"))).isTrue();
        assertThat(go.isComment(go.text().indexOf("block"))).isTrue();
        var yaml = SourceFile.of("a.yml", "key: 'value # kept' # dropped\n# whole line\n");
        assertThat(yaml.isComment(yaml.text().indexOf("kept"))).isFalse();
        assertThat(yaml.isComment(yaml.text().indexOf("dropped"))).isTrue();
        assertThat(yaml.codeLine(2).isBlank()).isTrue();
        var xml = SourceFile.of("pom.xml", "<a><!-- <url>http://x</url> --></a>\n");
        assertThat(xml.isComment(xml.text().indexOf("url"))).isTrue();
        var crlf = SourceFile.of("a.properties", "a=1\r\nb=2\r\n");
        assertThat(crlf.line(1)).isEqualTo("a=1");
        assertThat(crlf.lineOf(crlf.text().indexOf("b"))).isEqualTo(2);
        assertThat(crlf.columnOf(crlf.text().indexOf("2"))).isEqualTo(3);
    }
}
