/*
 * entity.c -- the derived table entity/index (docs/internals/ent.md).
 *
 * entity/index_sources (columns table, kind) names the tables whose first
 * column holds a name the entity stage looks for. Their names are merged
 * into one table, entity/index (name, kind, row), sorted by name like
 * every table, so the stage finds all known names at a text position with
 * one prefix walk. row is the record's index in its (sorted) table.
 */
#include <stdio.h>
#include <stdlib.h>

#include "compile.h"

/* One name: its cell and its kind's cell, as pool (offset, length). */
typedef struct entry {
	uint32_t name[2], kind[2], row;
} entry;

static void cell_ref(const table *t, uint32_t row, uint32_t col,
                     uint32_t out[2])
{
	const uint32_t *c = t->cells + 2 * ((size_t)(row + 1) * t->ncols + col);
	out[0] = c[0];
	out[1] = c[1];
}

void build_entity_index(void)
{
	table *src = find_table("entity/index_sources");
	if (src == NULL)
		return; /* a model without entities (tests) */
	src->internal = true;
	int tc = table_col(src, "table"), kc = table_col(src, "kind");
	if (tc < 0 || kc < 0) {
		fprintf(stderr, "jishi-compile: entity/index_sources needs "
		                "columns table and kind\n");
		nerrors++;
		return;
	}
	entry *v = NULL;
	size_t n = 0, cap = 0;
	for (uint32_t r = 0; r < src->nrows; r++) {
		const char *tname = table_cell(src, r, (uint32_t)tc, NULL);
		const table *t = find_table(tname);
		if (t == NULL || t->internal) {
			fprintf(stderr,
			        "jishi-compile: entity/index_sources: no "
			        "table %s\n",
			        tname);
			nerrors++;
			continue;
		}
		for (uint32_t row = 0; row < t->nrows; row++) {
			if (n == cap) {
				cap = cap ? 2 * cap : 4096;
				v = realloc(v, cap * sizeof(entry));
				if (v == NULL)
					die_oom();
			}
			entry *e = &v[n++];
			cell_ref(t, row, 0, e->name);
			cell_ref(src, r, (uint32_t)kc, e->kind);
			e->row = row;
		}
	}
	/* the names and kinds are in the pool already: the index refers to
	 * them; only the row numbers are new strings */
	table *ix = new_table("entity/index");
	ix->ncols = 3;
	add_cell(ix, "name", 4);
	add_cell(ix, "kind", 4);
	add_cell(ix, "row", 3);
	for (size_t i = 0; i < n; i++) {
		char num[16];
		int nl = snprintf(num, sizeof(num), "%u", v[i].row);
		add_cell_ref(ix, v[i].name[0], v[i].name[1]);
		add_cell_ref(ix, v[i].kind[0], v[i].kind[1]);
		add_cell(ix, num, (size_t)nl);
		ix->nrows++;
	}
	free(v);
}
