package dev.cyberdevstudio.engine.syntax;

/** A few lines of each language, with comments, strings, keywords and non-ASCII text. */
final class Samples {

    private Samples() {
    }

    static String of(Language language) {
        return switch (language) {
            case JAVA -> GeneratedJava.source(3);
            case PYTHON -> """
                    import os
                    # é 日本 😀
                    class Store(Base):
                        LIMIT = 3
                        def load(self, path: str) -> bytes:
                            print(f"loading {path}\\n", None)
                            return os.read(path) if path else b''
                    """;
            case JAVASCRIPT -> """
                    // greet 😀
                    const LIMIT = 2, pattern = /a+b/g;
                    export function greet(name) {
                      console.log(`hi ${name}`, null);
                      return <div className="card">{name} é</div>;
                    }
                    """;
            case TYPESCRIPT, TSX -> """
                    /* types 日本 */
                    interface Point { x: number; label?: string }
                    export type Id = string | number;
                    function move(p: Point, by = 1): Point {
                      return { ...p, x: p.x + by, label: 'moved 😀' };
                    }
                    """;
            case JSON -> """
                    {"name": "studio é", "size": 12.5, "tags": [true, null], "path": "a\\tb"}
                    """;
            case MARKDOWN -> """
                    # Title 😀

                    Some `code` and a [link](https://example.com), *emphasis* é.

                    - item
                    - [ ] task

                    > quoted

                    ```java
                    class A {}
                    ```
                    """;
            case BASH -> """
                    #!/bin/bash
                    # build it 日本
                    export OUT="$HOME/out"
                    if [ -d "$OUT" ]; then
                      echo 'ready' | grep -q ready
                    fi
                    build() { local n=42; }
                    """;
            case YAML -> """
                    # settings
                    name: studio é
                    port: 8080
                    quoted: "a\\tb"
                    list:
                      - &first one
                      - *first
                    """;
            case HTML -> """
                    <!DOCTYPE html>
                    <!-- page 😀 -->
                    <p class="note">Fish &amp; chips<br/></p>
                    <script>let x = 1;</script>
                    """;
            case CSS -> """
                    /* theme é */
                    @media screen { .card:hover { color: #0ff; margin: 4px auto !important; } }
                    a[href="x"] { font-family: "Mono", monospace; }
                    """;
        };
    }
}
