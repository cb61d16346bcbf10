/*
 * dat.h -- a double-array trie over integer labels (internal).
 *
 * Cell t is a child of cell s by label c (1..alphabet-1) when
 * t = base[s] + c and check[t] == s. A key ending at cell t has its value
 * in value[t] (JX_DAT_NOVALUE otherwise), in the same cell as the check
 * that a lookup reads anyway: one memory access per character. The root
 * is cell 0; unused cells have check == JX_DAT_FREE. Lookups check every
 * index against the array size, so a corrupt trie gives wrong answers,
 * never an out-of-bounds read.
 *
 * The same builder makes the model's lexicon trie (tools/jishi-compile)
 * and the in-memory trie of a user dictionary.
 */
#ifndef JX_DAT_H
#define JX_DAT_H

#include "base.h"

#define JX_DAT_FREE    UINT32_MAX
#define JX_DAT_NOVALUE UINT32_MAX

typedef struct jx_dat_cell {
	int32_t base;   /* children at base + label; 0: no children */
	uint32_t check; /* parent cell, or JX_DAT_FREE */
	uint32_t value; /* of the key ending here, or JX_DAT_NOVALUE */
} jx_dat_cell;

typedef struct jx_dat {
	const jx_dat_cell *cells;
	uint32_t n;
} jx_dat;

/* A key to build: labels[0..len), each 1..alphabet-1. */
typedef struct jx_dat_key {
	const uint32_t *labels;
	uint32_t len;
	uint32_t value;
	double weight; /* how often it is looked up: heavy keys go first */
} jx_dat_key;

/* The order jx_dat_build wants: labels compared in turn, a prefix before
 * its extensions. Returns <0, 0, >0 like memcmp. */
int jx_dat_labels_cmp(const uint32_t *a, uint32_t alen, const uint32_t *b,
                      uint32_t blen);

/* Build a trie of keys[0..nkeys), which must be sorted (labels compared
 * in order, a prefix before its extensions) and distinct; a value may
 * not be JX_DAT_NOVALUE. *cells (OUT) is
 * allocated with jx_malloc and has *ncells entries. */
int jx_dat_build(const jx_dat_key *keys, size_t nkeys, jx_dat_cell **cells,
                 uint32_t *ncells);

/* Follow label c from cell s; false when there is no such child. */
static inline bool jx_dat_next(const jx_dat *d, uint32_t s, uint32_t c,
                               uint32_t *t)
{
	if (s >= d->n)
		return false;
	int64_t x = (int64_t)d->cells[s].base + c;
	if (x <= 0 || x >= (int64_t)d->n || d->cells[x].check != s)
		return false;
	*t = (uint32_t)x;
	return true;
}

/* The value of the key ending at cell s, if one does. */
static inline bool jx_dat_value(const jx_dat *d, uint32_t s, uint32_t *value)
{
	*value = s < d->n ? d->cells[s].value : JX_DAT_NOVALUE;
	return *value != JX_DAT_NOVALUE;
}

#endif
