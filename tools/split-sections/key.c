#include <stdint.h>

#include "key.h"
#include "utf8.h"
#include "zhfold.h"

void
ss_key_fold(struct ss_key *k, const char *s, size_t n, size_t max)
{
	size_t i = 0;

	if (max > SS_KEY_MAX)
		max = SS_KEY_MAX;
	if (n > max)
		n = max;
	k->len = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			k->s[k->len++] = (char)zh_fold_width((unsigned char)s[i++]);
			continue;
		}
		k->len += (size_t)utf8_encode(zh_fold(utf8_next_fast(s, n, &i)), k->s + k->len);
	}
	k->s[k->len] = '\0';
}
