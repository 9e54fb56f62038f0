// The benchmark kernel: naive recursive Fibonacci, all calls and integer adds, no memory traffic, no libc.
// Built for wasm32 (exported as "fib") and natively with bench_main.c, from this one file.
#ifdef __wasm__
__attribute__((export_name("fib")))
#endif
int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
