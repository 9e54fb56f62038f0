// Allocates (and touches) 1 MiB blocks until malloc says no, then reports how many it got.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    long blocks = 0;
    for (;;) {
        char *p = malloc(1 << 20);
        if (!p) break;
        memset(p, 0x5a, 1 << 20);
        blocks++;
    }
    printf("allocated %ld MiB before malloc failed\n", blocks);
    return 0;
}
