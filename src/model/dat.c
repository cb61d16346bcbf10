/*
 * dat.c -- build a double-array trie (see dat.h for the layout).
 *
 * Nodes are placed heaviest first (a priority queue on the summed weight
 * of the keys below them), so the paths of frequent words crowd into the
 * first cells of the array and stay in cache. A key that ends at a node
 * puts its value there, and the set of labels of the node's children is
 * placed at the first base b such that every b + label is a free cell,
 * found by walking a linked list of free cells. Cells are added at the end as
 * needed. Labels are >= 1, so a child index is always > 0 and cell 0
 * stays the root.
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
		if (cap >= (1u << 30))
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
		b->cells[i].value = JX_DAT_NOVALUE;
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

/* A node waiting for its children to be placed: keys[lo..hi) share their
 * first depth labels, which lead to cell s. */
typedef struct pending {
	double weight; /* sum of the keys' weights: placed heaviest first */
	uint32_t s, depth;
	size_t lo, hi;
} pending;

typedef struct heap {
	pending *v;
	size_t n, cap;
} heap;

static int heap_push(heap *h, pending p)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 1024;
		pending *v = jx_realloc(h->v, cap * sizeof(pending));
		if (v == NULL)
			return JISHI_ENOMEM;
		h->v = v;
		h->cap = cap;
	}
	size_t i = h->n++;
	while (i > 0) {
		size_t up = (i - 1) / 2;
		if (h->v[up].weight >= p.weight)
			break;
		h->v[i] = h->v[up];
		i = up;
	}
	h->v[i] = p;
	return JISHI_OK;
}

static pending heap_pop(heap *h)
{
	pending top = h->v[0], last = h->v[--h->n];
	size_t i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= h->n)
			break;
		if (c + 1 < h->n && h->v[c + 1].weight > h->v[c].weight)
			c++;
		if (h->v[c].weight <= last.weight)
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n)
		h->v[i] = last;
	return top;
}

/* Place the children of one pending node and queue them. */
static int place(builder *b, const jx_dat_key *keys, pending p, heap *h,
                 uint32_t **labels, size_t **starts, size_t *cap)
{
	size_t lo = p.lo, hi = p.hi, i = lo;
	uint32_t depth = p.depth, s = p.s, k = 0;
	if (i < hi && keys[i].len == depth) { /* a key ends at s */
		if (keys[i].value == JX_DAT_NOVALUE)
			return JISHI_EINVAL;
		b->cells[s].value = keys[i].value;
		i++;
	}
	for (; i < hi; i++) {
		if (keys[i].len <= depth)
			return JISHI_EINVAL; /* duplicate or unsorted keys */
		uint32_t c = keys[i].labels[depth];
		if (c == 0)
			return JISHI_EINVAL;
		if (k == 0 || (*labels)[k - 1] != c) {
			if (k > 0 && c < (*labels)[k - 1])
				return JISHI_EINVAL; /* keys not sorted */
			if (k + 1 >= *cap) {
				size_t nc = *cap * 2;
				uint32_t *nl =
				    jx_realloc(*labels, nc * sizeof(uint32_t));
				if (nl == NULL)
					return JISHI_ENOMEM;
				*labels = nl;
				size_t *ns =
				    jx_realloc(*starts, nc * sizeof(size_t));
				if (ns == NULL)
					return JISHI_ENOMEM;
				*starts = ns;
				*cap = nc;
			}
			(*labels)[k] = c;
			(*starts)[k] = i;
			k++;
		}
	}
	if (k == 0)
		return JISHI_OK; /* a leaf */
	(*starts)[k] = hi;
	uint32_t base;
	int rc = find_base(b, *labels, k, &base);
	if (rc)
		return rc;
	b->cells[s].base = (int32_t)base;
	for (uint32_t c = 0; c < k; c++) {
		take(b, base + (*labels)[c]);
		b->cells[base + (*labels)[c]].check = s;
	}
	for (uint32_t c = 0; c < k; c++) {
		pending ch = {0, base + (*labels)[c], depth + 1, (*starts)[c],
		              (*starts)[c + 1]};
		for (size_t x = ch.lo; x < ch.hi; x++)
			ch.weight += keys[x].weight;
		if ((rc = heap_push(h, ch)))
			return rc;
	}
	return JISHI_OK;
}

int jx_dat_labels_cmp(const uint32_t *a, uint32_t alen, const uint32_t *b,
                      uint32_t blen)
{
	uint32_t n = alen < blen ? alen : blen;
	for (uint32_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return (a[i] > b[i]) - (a[i] < b[i]);
	return (alen > blen) - (alen < blen);
}

int jx_dat_build(const jx_dat_key *keys, size_t nkeys, jx_dat_cell **cells,
                 uint32_t *ncells)
{
	builder b;
	heap h = {0};
	size_t cap = 64;
	uint32_t *labels = jx_malloc(cap * sizeof(uint32_t));
	size_t *starts = jx_malloc(cap * sizeof(size_t));
	memset(&b, 0, sizeof(b));
	b.head = UINT32_MAX;
	int rc = labels && starts ? grow(&b, 1024) : JISHI_ENOMEM;
	*cells = NULL;
	*ncells = 0;
	if (rc == JISHI_OK) {
		take(&b, 0); /* the root */
		b.cells[0].check = 0;
		if (nkeys > 0)
			rc = heap_push(&h, (pending){1e300, 0, 0, 0, nkeys});
	}
	while (rc == JISHI_OK && h.n > 0)
		rc = place(&b, keys, heap_pop(&h), &h, &labels, &starts, &cap);
	jx_free(h.v);
	jx_free(labels);
	jx_free(starts);
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
