// Writes far more output than any run may keep: the sandbox must cut it and say so.
#include <stdio.h>

int main(void) {
    for (int i = 0; i < 200000; i++) {
        printf("line %d of a flood of output\n", i);
    }
    return 0;
}
