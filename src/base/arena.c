/*
 * arena.c -- per-document bump allocator.
 *
 * Everything a document produces is carved from its arena and released at
 * once by jx_arena_free(). Blocks grow geometrically; a request larger than
 * the next block gets a block of its own. Invariant: a->oom, once set,
 * stays set, and every later allocation returns NULL (SQLite's sticky
 * mallocFailed), so a stage can check once at its end.
 */
#include <string.h>

#include "base.h"

struct jx_arena_block {
	jx_arena_block *next; /* older block */
	size_t size;          /* usable bytes in data[] */
	size_t used;          /* bytes handed out from data[] */
	_Alignas(16) unsigned char data[];
};

#define ARENA_FIRST     4096u
#define ARENA_MAX_BLOCK ((size_t)1 << 24)

void jx_arena_init(jx_arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->oom = false;
}

void *jx_arena_alloc(jx_arena *a, size_t n)
{
	jx_arena_block *b = a->head;
	size_t need = (n + 7u) & ~(size_t)7u;

	if (a->oom || need < n)
		goto fail;
	if (b == NULL || b->size - b->used < need) {
		size_t size = b ? b->size * 2 : ARENA_FIRST;
		if (size > ARENA_MAX_BLOCK)
			size = ARENA_MAX_BLOCK;
		if (size < need)
			size = need;
		if (size > SIZE_MAX - sizeof(*b))
			goto fail;
		b = jx_malloc(sizeof(*b) + size);
		if (b == NULL)
			goto fail;
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += need;
	a->used += need;
	return p;
fail:
	a->oom = true;
	return NULL;
}

void *jx_arena_zalloc(jx_arena *a, size_t n)
{
	void *p = jx_arena_alloc(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

char *jx_arena_strndup(jx_arena *a, const char *s, size_t len)
{
	char *p = jx_arena_alloc(a, len + 1);
	if (p == NULL)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void jx_arena_free(jx_arena *a)
{
	jx_arena_block *b = a->head;
	while (b) {
		jx_arena_block *next = b->next;
		jx_free(b);
		b = next;
	}
	jx_arena_init(a);
}
