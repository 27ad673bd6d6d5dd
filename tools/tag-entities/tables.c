/* The generated tables, with the checks that they fit their users. */
#include "tables.h"

#include "../../data/entity_tables.inc"

_Static_assert(TE_H_GENERIC == H_GENERIC && TE_H_LEVEL == H_LEVEL &&
    TE_H_NEEDKNOWN == H_NEEDKNOWN && TE_H_EVENT == H_EVENT && TE_H_CONF == H_CONF &&
    TE_H_CENTRAL == H_CENTRAL && TE_H_NAMED == H_NAMED && TE_H_SITE == H_SITE, "head tags of data/entity-words.txt");
