/*
 * Helpers shared by the fuzz harnesses: the common/ readers take paths,
 * so fuzz input is handed to them as an unlinked temporary file (in
 * /dev/shm: memory) reached through /proc/self/fd, which needs no change
 * to the library's API.
 */
#ifndef ZH_FUZZMEM_H
#define ZH_FUZZMEM_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Fills the reusable memory file with data; returns a path that opens it
 * afresh (offset 0) for every reader. */
static inline const char *
fuzz_memfile(int slot, const void *data, size_t n)
{
	static int fds[4] = { -1, -1, -1, -1 };
	static char paths[4][40];

	if (fds[slot] < 0) {
		char tmpl[] = "/dev/shm/zhfuzz-XXXXXX", alt[] = "/tmp/zhfuzz-XXXXXX";
		char *name = tmpl;

		fds[slot] = mkstemp(tmpl);
		if (fds[slot] < 0)
			fds[slot] = mkstemp(name = alt);
		if (fds[slot] < 0) {
			perror("mkstemp");
			abort();
		}
		unlink(name);
		snprintf(paths[slot], sizeof paths[slot], "/proc/self/fd/%d", fds[slot]);
	}
	if (ftruncate(fds[slot], 0) < 0 ||
	    (n && pwrite(fds[slot], data, n, 0) != (ssize_t)n)) {
		perror("memfd write");
		abort();
	}
	return paths[slot];
}

/* For LLVMFuzzerInitialize: rows written through out.h go to /dev/null
 * (libFuzzer reports on stderr). */
static inline void
fuzz_stdout_null(void)
{
	int fd = open("/dev/null", O_WRONLY);

	if (fd >= 0) {
		dup2(fd, STDOUT_FILENO);
		close(fd);
	}
}

/* A failed property is a bug: abort so libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "property failed: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

#endif
