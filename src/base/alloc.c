/*
 * alloc.c -- the one allocation entry point of the library.
 *
 * Every heap allocation in libjishi goes through these functions so that
 * the torture tests can make the Nth allocation fail (SQLite's faultsim,
 * curl's torture mode). The failure counter is thread-local: a test that
 * sets it affects only its own thread.
 */
#include <stdlib.h>

#include "base.h"

static _Thread_local unsigned long fail_at;  /* 0: never fail */
static _Thread_local unsigned long n_allocs; /* since the hook was set */

void jx_alloc_fail_after(unsigned long n)
{
	fail_at = n;
	n_allocs = 0;
}

unsigned long jx_alloc_count(void)
{
	return n_allocs;
}

static bool should_fail(void)
{
	n_allocs++;
	return fail_at != 0 && n_allocs >= fail_at;
}

void *jx_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	return malloc(n ? n : 1);
}

void *jx_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *jx_realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void jx_free(void *p)
{
	free(p);
}
