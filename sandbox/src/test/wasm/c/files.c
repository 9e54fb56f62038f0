// Touches the preopened folder the way a hostile or careless guest would. One operation per run:
//   cat PATH | write PATH TEXT | ls DIR | symlink TARGET LINK | rawopen PATH
// Prints "ok ..." or "error <errno text>" and exits 0 on success, 1 on refusal.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

static int fail(const char *what) {
    printf("error %s: %s\n", what, strerror(errno));
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: files.wasm cat|write|ls|symlink|rawopen ARGS\n");
        return 2;
    }
    const char *op = argv[1];
    if (strcmp(op, "cat") == 0) {
        FILE *f = fopen(argv[2], "r");
        if (!f) return fail("open");
        char buf[4096];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = 0;
        fclose(f);
        printf("ok %s\n", buf);
        return 0;
    }
    if (strcmp(op, "write") == 0 && argc > 3) {
        FILE *f = fopen(argv[2], "w");
        if (!f) return fail("open");
        fputs(argv[3], f);
        if (fclose(f) != 0) return fail("close");
        printf("ok wrote %s\n", argv[2]);
        return 0;
    }
    if (strcmp(op, "ls") == 0) {
        DIR *d = opendir(argv[2]);
        if (!d) return fail("opendir");
        struct dirent *e;
        printf("ok");
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] != '.') printf(" %s", e->d_name);
        }
        printf("\n");
        closedir(d);
        return 0;
    }
    if (strcmp(op, "symlink") == 0 && argc > 3) {
        if (symlink(argv[2], argv[3]) != 0) return fail("symlink");
        printf("ok linked %s -> %s\n", argv[3], argv[2]);
        return 0;
    }
    if (strcmp(op, "rawopen") == 0) {
        // Straight to the WASI call on the first preopened descriptor (3), bypassing libc's own path checks.
        __wasi_fd_t fd;
        __wasi_errno_t err = __wasi_path_open(3, 0, argv[2], 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd);
        if (err != 0) {
            printf("error rawopen: wasi errno %d\n", err);
            return 1;
        }
        char buf[4096];
        __wasi_iovec_t iov = {(uint8_t *) buf, sizeof buf - 1};
        __wasi_size_t n = 0;
        err = __wasi_fd_read(fd, &iov, 1, &n);
        if (err != 0) {
            printf("error read: wasi errno %d\n", err);
            return 1;
        }
        buf[n] = 0;
        printf("ok %s\n", buf);
        return 0;
    }
    fprintf(stderr, "unknown operation %s\n", op);
    return 2;
}
