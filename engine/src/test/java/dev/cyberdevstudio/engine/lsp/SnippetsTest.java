package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnippetsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            greet($1)$0                       => greet()
            greet(${1:name}, ${2:times})$0    => greet(name, times)
            ${1:outer(${2:inner})}            => outer(inner)
            ${1|one,two,three|}               => one
            ${1|a\\,b,c|}                     => a,b
            print(${TM_SELECTED_TEXT})        => print()
            ${TM_FILENAME:untitled}.py        => untitled.py
            ${TM_FILENAME/(.*)/$1/}x          => x
            $TM_LINE_NUMBER:                  => :
            costs \\$5 \\} \\\\ here          => costs $5 } \\ here
            a lone $ sign                     => a lone $ sign
            ends with $                       => ends with $
            ${1:unclosed                      => ${1:unclosed
            ${                                => ${
            ${1|never,closed                  => ${1|never,closed
            ${}                               => ${}
            plain text                        => plain text
            """)
    void flattensSnippetsToThePlainTextTheyStandFor(String snippet, String plain) {
        assertThat(Snippets.toPlainText(snippet.strip())).isEqualTo(plain.strip());
    }
}
