/*
 * dat.c -- build a double-array trie (see dat.h for the layout).
 *
 * Depth-first over the sorted keys: for each node, the set of labels of
 * its children (0 for "a key ends here") is placed at the first base b
 * such that every b + label is a free cell, found by walking a linked list
 * of free cells. Cells are added at the end as needed. Base 0 is never
 * used, so a child index is always > 0 and cell 0 stays the root.
 */
#include <string.h>

#include "dat.h"

typedef struct builder {
	jx_dat_cell *cells;
	uint32_t n, cap;
	uint32_t *next, *prev; /* free list over cells; head = sentinel cap */
	uint32_t head;         /* first free cell, or UINT32_MAX */
	uint32_t *labels;      /* scratch: child labels of one node */
	size_t *starts;        /* scratch: key range of each child */
	int err;
} builder;

static int grow(builder *b, uint32_t need)
{
	if (need <= b->cap)
		return JISHI_OK;
	uint32_t cap = b->cap ? b->cap : 1024;
	while (cap < need) {
		if (cap > UINT32_MAX / 2 - 1)
			return JISHI_ETOOBIG;
		cap *= 2;
	}
	jx_dat_cell *c = jx_realloc(b->cells, (size_t)cap * sizeof(*c));
	if (c == NULL)
		return JISHI_ENOMEM;
	b->cells = c;
	uint32_t *nx = jx_realloc(b->next, (size_t)cap * sizeof(uint32_t));
	if (nx == NULL)
		return JISHI_ENOMEM;
	b->next = nx;
	uint32_t *pv = jx_realloc(b->prev, (size_t)cap * sizeof(uint32_t));
	if (pv == NULL)
		return JISHI_ENOMEM;
	b->prev = pv;
	/* append cells [b->cap, cap) to the free list, in order */
	uint32_t tail = UINT32_MAX;
	if (b->head != UINT32_MAX)
		tail = b->prev[b->head];
	for (uint32_t i = b->cap; i < cap; i++) {
		b->cells[i].base = 0;
		b->cells[i].check = JX_DAT_FREE;
		if (tail == UINT32_MAX) {
			b->head = i;
			b->next[i] = b->prev[i] = i;
		} else {
			b->next[i] = b->head;
			b->prev[i] = tail;
			b->next[tail] = i;
			b->prev[b->head] = i;
		}
		tail = i;
	}
	b->cap = cap;
	return JISHI_OK;
}

static void take(builder *b, uint32_t i)
{
	uint32_t nx = b->next[i], pv = b->prev[i];
	if (nx == i) {
		b->head = UINT32_MAX;
	} else {
		b->next[pv] = nx;
		b->prev[nx] = pv;
		if (b->head == i)
			b->head = nx;
	}
	if (i + 1 > b->n)
		b->n = i + 1;
}

/* A base for labels[0..k) (ascending); cells are grown as needed. */
static int find_base(builder *b, const uint32_t *labels, uint32_t k,
                     uint32_t *out)
{
	uint32_t first = labels[0], last = labels[k - 1];
	int rc;
	for (;;) {
		uint32_t p = b->head;
		if (p != UINT32_MAX) {
			do {
				if (p > first) {
					uint32_t base = p - first;
					if ((rc = grow(b, base + last + 1)))
						return rc;
					uint32_t i;
					for (i = 1; i < k; i++)
						if (b->cells[base + labels[i]]
						        .check != JX_DAT_FREE)
							break;
					if (i == k) {
						*out = base;
						return JISHI_OK;
					}
				}
				p = b->next[p];
			} while (p != b->head);
		}
		/* no room: grow past the end */
		if ((rc = grow(b, b->cap + last + 2)))
			return rc;
	}
}

/* Place the children of cell s: keys[lo..hi) share their first depth
 * labels, which lead to s. */
static int place(builder *b, const jx_dat_key *keys, size_t lo, size_t hi,
                 uint32_t depth, uint32_t s)
{
	/* children labels and their key ranges (on the heap: the recursion
	 * reuses the scratch arrays only after copying what it needs) */
	uint32_t k = 0;
	size_t cap = 16;
	uint32_t *labels = jx_malloc(cap * sizeof(uint32_t));
	size_t *starts = jx_malloc((cap + 1) * sizeof(size_t));
	int rc = JISHI_OK;
	if (labels == NULL || starts == NULL) {
		rc = JISHI_ENOMEM;
		goto out;
	}
	for (size_t i = lo; i < hi; i++) {
		uint32_t c = depth < keys[i].len ? keys[i].labels[depth] : 0;
		if (k == 0 || labels[k - 1] != c) {
			if (k > 0 && c < labels[k - 1]) {
				rc = JISHI_EINVAL; /* keys not sorted */
				goto out;
			}
			if (k == cap) {
				cap *= 2;
				uint32_t *nl =
				    jx_realloc(labels, cap * sizeof(uint32_t));
				size_t *ns = jx_realloc(
				    starts, (cap + 1) * sizeof(size_t));
				if (nl)
					labels = nl;
				if (ns)
					starts = ns;
				if (!nl || !ns) {
					rc = JISHI_ENOMEM;
					goto out;
				}
			}
			labels[k] = c;
			starts[k] = i;
			k++;
		} else if (c == 0) {
			rc = JISHI_EINVAL; /* duplicate key */
			goto out;
		}
	}
	starts[k] = hi;
	uint32_t base;
	if ((rc = find_base(b, labels, k, &base)))
		goto out;
	b->cells[s].base = (int32_t)base;
	for (uint32_t i = 0; i < k; i++) {
		take(b, base + labels[i]);
		b->cells[base + labels[i]].check = s;
	}
	for (uint32_t i = 0; i < k; i++) {
		uint32_t t = base + labels[i];
		if (labels[i] == 0)
			b->cells[t].base = (int32_t)keys[starts[i]].value;
		else if ((rc = place(b, keys, starts[i], starts[i + 1],
		                     depth + 1, t)))
			goto out;
	}
out:
	jx_free(labels);
	jx_free(starts);
	return rc;
}

int jx_dat_build(const jx_dat_key *keys, size_t nkeys, jx_dat_cell **cells,
                 uint32_t *ncells)
{
	builder b;
	memset(&b, 0, sizeof(b));
	b.head = UINT32_MAX;
	int rc = grow(&b, 1024);
	*cells = NULL;
	*ncells = 0;
	for (size_t i = 0; rc == JISHI_OK && i < nkeys; i++)
		if (keys[i].value > INT32_MAX)
			rc = JISHI_EINVAL;
	if (rc == JISHI_OK) {
		take(&b, 0); /* the root */
		b.cells[0].check = 0;
		if (nkeys > 0)
			rc = place(&b, keys, 0, nkeys, 0, 0);
	}
	jx_free(b.next);
	jx_free(b.prev);
	if (rc) {
		jx_free(b.cells);
		return rc;
	}
	*cells = b.cells;
	*ncells = b.n;
	return JISHI_OK;
}
