/* Minimal unit-test support: each CHECK prints PASS/FAIL lines that
 * tests/run.sh counts. */
#ifndef ZH_TEST_H
#define ZH_TEST_H

#include <stdio.h>

static int test_failed;

#define CHECK(cond, name) do { \
	if (cond) \
		printf("PASS: %s\n", name); \
	else { \
		printf("FAIL: %s (%s:%d: %s)\n", name, __FILE__, __LINE__, #cond); \
		test_failed = 1; \
	} \
} while (0)

#endif
