// Native driver for kernel.c: bench_main N ROUNDS prints the median milliseconds of ROUNDS calls of fib(N).
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int fib(int n);

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 30;
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    double times[64];
    int result = 0;
    if (rounds > 64) rounds = 64;
    for (int r = 0; r < rounds; r++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        result = fib(n);
        clock_gettime(CLOCK_MONOTONIC, &b);
        times[r] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
    }
    qsort(times, rounds, sizeof times[0], compare);
    printf("%d %.3f\n", result, times[rounds / 2]);
    return 0;
}
