// Allocates (and touches) 1 MiB blocks until malloc says no, then reports how many it got. The blocks are kept
// where the compiler cannot see them unused, or -O2 would remove the allocations and leave an endless loop.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *volatile kept[1 << 16];

int main(void) {
    long blocks = 0;
    unsigned long checksum = 0;
    for (;;) {
        char *p = malloc(1 << 20);
        if (!p) break;
        memset(p, (int) blocks, 1 << 20);
        kept[blocks & 0xffff] = p;
        checksum += (unsigned char) kept[blocks & 0xffff][blocks % (1 << 20)];
        blocks++;
    }
    printf("allocated %ld MiB before malloc failed (checksum %lu)\n", blocks, checksum);
    return 0;
}
