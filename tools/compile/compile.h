/*
 * compile.h -- shared state of jishi-compile (tools/compile/).
 *
 * The compiler loads every data table into memory (cells interned in one
 * string pool, in the normalised form), then builds the model's sections
 * from them: main.c writes the generic tables and the script sets,
 * lexicon.c the lexicon (trie, values, character map, unknown-word model).
 */
#ifndef JX_COMPILE_H
#define JX_COMPILE_H

#include "base.h"

typedef struct table {
	char *name;
	uint32_t ncols, nrows;
	uint32_t *cells; /* (pool offset, len) pairs, header first */
	size_t ncells, capcells;
	bool internal; /* consumed by a builder, not written as a table */
} table;

extern jx_buf pool;
extern table *tables;
extern size_t ntables;
extern int nerrors;

void die_oom(void);
/* Fold s[0..len) and append it, NUL-terminated, to the pool. */
uint32_t intern(const char *s, size_t len, uint32_t *out_len);
/* Append one cell (folded and interned) to t. */
void add_cell(table *t, const char *s, size_t len);
/* Append a cell already in the pool (offset, length): no copy. */
void add_cell_ref(table *t, uint32_t off, uint32_t len);
/* A new, empty table called name (appended to tables). */
table *new_table(const char *name);
/* The table called name, or NULL. */
table *find_table(const char *name);
/* Column index of name in t, or -1. */
int table_col(const table *t, const char *name);
/* Cell (row, col) of t as a NUL-terminated string (row 0 = first record). */
const char *table_cell(const table *t, uint32_t row, uint32_t col,
                       uint32_t *len);

/* A built section. */
typedef struct section {
	uint32_t id;
	jx_buf data;
} section;

/* Build entity/index from the tables entity/index_sources names
 * (entity.c); run after the rows of those tables are sorted. */
void build_entity_index(void);

/* Build the lexicon sections into secs[*nsecs...] (lexicon.c). */
void build_lexicon(section *secs, int *nsecs);

#endif
