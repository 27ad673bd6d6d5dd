/* placeholder */
#include "repair_int.h"

int moji_split_pair(struct docmodel *dm, struct buf *line, struct buf *tmp, struct repair_stats *st) { (void)dm; (void)line; (void)tmp; (void)st; return 0; }
int moji_latin1(struct docmodel *dm, struct buf *line, struct buf *tmp, struct repair_stats *st) { (void)dm; (void)line; (void)tmp; (void)st; return 0; }
int moji_utf8_as_gbk(struct docmodel *dm, struct buf *line, struct buf *tmp, struct repair_stats *st) { (void)dm; (void)line; (void)tmp; (void)st; return 0; }
int moji_utf8_lead(uint32_t cp) { (void)cp; return 0; }
