/* libFuzzer harness: every line of the input through the repair pass. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "repair.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct repair *rp;
	static struct buf line;
	struct repair_stats st = { 0 };
	size_t i = 0, j;

	if (rp == NULL)
		rp = repair_new();
	repair_doc_begin(rp);
	while (i < size) {
		for (j = i; j < size && data[j] != '\n'; j++)
			;
		buf_clear(&line);
		buf_add(&line, data + i, j - i);
		repair_line(rp, &line, &st);
		i = j + 1;
	}
	return 0;
}
