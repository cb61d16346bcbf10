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
#include <string.h>

#include "compile.h"

typedef struct entry {
	const char *name, *kind;
	uint32_t nlen, klen, row;
} entry;

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
		uint32_t klen;
		const char *kind = table_cell(src, r, (uint32_t)kc, &klen);
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
			uint32_t nlen;
			const char *name = table_cell(t, row, 0, &nlen);
			v[n++] = (entry){name, kind, nlen, klen, row};
		}
	}
	/* new_table may move the tables, not the pool they point into...
	 * but add_cell may grow the pool: copy the strings first */
	char **copies = malloc((n ? n : 1) * 2 * sizeof(char *));
	if (copies == NULL)
		die_oom();
	for (size_t i = 0; i < n; i++) {
		copies[2 * i] = strndup(v[i].name, v[i].nlen);
		copies[2 * i + 1] = strndup(v[i].kind, v[i].klen);
		if (copies[2 * i] == NULL || copies[2 * i + 1] == NULL)
			die_oom();
	}
	table *ix = new_table("entity/index");
	ix->ncols = 3;
	add_cell(ix, "name", 4);
	add_cell(ix, "kind", 4);
	add_cell(ix, "row", 3);
	for (size_t i = 0; i < n; i++) {
		char num[16];
		int nl = snprintf(num, sizeof(num), "%u", v[i].row);
		add_cell(ix, copies[2 * i], v[i].nlen);
		add_cell(ix, copies[2 * i + 1], v[i].klen);
		add_cell(ix, num, (size_t)nl);
		ix->nrows++;
		free(copies[2 * i]);
		free(copies[2 * i + 1]);
	}
	free(copies);
	free(v);
}
