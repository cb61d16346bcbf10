/*
 * model.h -- read-only access to an open model (internal).
 *
 * A model is a set of named tables compiled from data/<kind>/<name>.tsv
 * (table name "<kind>/<name>"), plus special sections built from some of
 * them. Cells are strings in the normalised form the stages match against
 * (full-width ASCII folded, see src/doc/norm.c). Everything returned points
 * into the mapped file and lives as long as the model.
 */
#ifndef JX_MODEL_H
#define JX_MODEL_H

#include "base.h"
#include "format.h"

typedef struct jx_str {
	const char *s; /* NUL-terminated */
	uint32_t len;  /* bytes */
} jx_str;

typedef struct jx_table {
	const char *name;
	uint32_t ncols, nrows;
	const uint32_t *cells; /* nrows * ncols pairs (offset, len) */
	const uint32_t *cols;  /* ncols pairs: the header */
	const char *pool;
} jx_table;

struct jishi_model {
	void *map;          /* the mapped file (or heap copy) */
	size_t size;        /* bytes mapped */
	bool heap;          /* map came from jx_malloc, not mmap */
	const char *pool;   /* STRS */
	uint32_t pool_size; /* bytes in STRS */
	jx_table *tables;   /* decoded directory, sorted by name */
	uint32_t ntables;
	const uint32_t *hant; /* sorted Traditional-only code points */
	uint32_t nhant;
	const uint32_t *hans; /* sorted Simplified-only code points */
	uint32_t nhans;
	const uint32_t *bmp; /* 2 x JX_SCRP_BMP_WORDS: hant bits, hans bits */
};

/* Open a model from memory (copied); for the loader fuzzer and tests. */
int jx_model_open_mem(const void *data, size_t size, jishi_model **out,
                      jishi_err *err);
/* The table called name, or NULL when the model has none. */
const jx_table *jx_model_table(const jishi_model *m, const char *name);
/* Cell (row, col) of t; row < t->nrows, col < t->ncols. */
jx_str jx_table_cell(const jx_table *t, uint32_t row, uint32_t col);
/* Rows are sorted bytewise by their first cell (jishi-compile does it and
 * the loader checks it). The first row whose first cell is >= key. */
uint32_t jx_table_lower(const jx_table *t, const char *key, size_t len);
/* Column index of the header name, or -1. */
int jx_table_col(const jx_table *t, const char *name);
/* 1 if cp occurs only in Traditional text, 2 only in Simplified, else 0. */
int jx_model_script_of(const jishi_model *m, uint32_t cp);

#endif
