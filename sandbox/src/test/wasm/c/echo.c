// A small WASI command: shows what the sandbox hands a guest (args, environment, stdin) and how it ends.
// Usage: echo.wasm [exit-code]   prints argv, $GREETING, stdin upper-cased, a line on stderr, then exits.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        printf("arg[%d]=%s\n", i, argv[i]);
    }
    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");
    const char *home = getenv("HOME");
    printf("HOME=%s\n", home ? home : "(unset)");
    int c;
    while ((c = getchar()) != EOF) {
        putchar(toupper(c));
    }
    fflush(stdout);
    fprintf(stderr, "to stderr\n");
    return argc > 1 ? atoi(argv[1]) : 0;
}
