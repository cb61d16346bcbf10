/*
 * jishi-compile -- turn the knowledge in data/<kind>/<name>.tsv into one
 * deterministic model.bin (format in src/model/format.h). This file: the
 * command, table loading, generic tables and the script sets; the lexicon
 * is built in lexicon.c.
 *
 *   jishi-compile -o model.bin --root DATA_DIR FILE.tsv...
 *
 * Each file is UTF-8 text: '#' comment lines and blank lines are skipped,
 * the first other line names the columns (tab-separated), every later line
 * is one record with exactly that many tab-separated cells. Cells are
 * stored in the normalised form the stages match against (full-width ASCII
 * folded, see src/doc/norm.c). A malformed line stops the build with
 * "file:line:col: message" and exit status 1.
 *
 * The table script/chars (columns char, script = hant|hans) also becomes
 * the SCRP section used to tell a document's script.
 *
 * The output depends only on the input bytes and the order of the tables,
 * which are sorted by name: the same data gives the same file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "doc.h"
#include "format.h"

jx_buf pool;
table *tables;
size_t ntables;
int nerrors;

void die_oom(void)
{
	fprintf(stderr, "jishi-compile: out of memory\n");
	exit(1);
}

static void diag(const char *file, unsigned line, unsigned col, const char *msg)
{
	fprintf(stderr, "%s:%u:%u: %s\n", file, line, col, msg);
	nerrors++;
}

/* Fold s[0..len) and append it, NUL-terminated, to the pool. */
uint32_t intern(const char *s, size_t len, uint32_t *out_len)
{
	size_t start = pool.len;
	size_t i = 0;
	while (i < len) {
		uint32_t cp = jx_utf8_next((const uint8_t *)s, len, &i);
		char enc[4];
		size_t n = jx_utf8_encode(jx_norm_fold(cp), enc);
		if (jx_buf_append(&pool, enc, n))
			die_oom();
	}
	if (jx_buf_putc(&pool, '\0'))
		die_oom();
	*out_len = (uint32_t)(pool.len - start - 1);
	return (uint32_t)start;
}

void add_cell_ref(table *t, uint32_t off, uint32_t len)
{
	if (t->ncells + 1 > t->capcells) {
		t->capcells = t->capcells ? 2 * t->capcells : 64;
		t->cells =
		    realloc(t->cells, t->capcells * 2 * sizeof(uint32_t));
		if (t->cells == NULL)
			die_oom();
	}
	t->cells[2 * t->ncells] = off;
	t->cells[2 * t->ncells + 1] = len;
	t->ncells++;
}

void add_cell(table *t, const char *s, size_t len)
{
	uint32_t n;
	uint32_t off = intern(s, len, &n);
	add_cell_ref(t, off, n);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		exit(1);
	}
	jx_buf b;
	jx_buf_init(&b, (size_t)1 << 30);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (jx_buf_append(&b, chunk, n))
			die_oom();
	fclose(f);
	*len = b.len;
	return b.data ? b.data : calloc(1, 1);
}

static void load(const char *path, const char *root)
{
	size_t len;
	char *text = read_file(path, &len);
	size_t bad = jx_utf8_validate((const uint8_t *)text, len);
	if (bad < len) {
		unsigned line = 1, col = 1;
		for (size_t i = 0; i < bad; i++) {
			if (text[i] == '\n')
				line++, col = 1;
			else
				col++;
		}
		diag(path, line, col, "invalid UTF-8");
		free(text);
		return;
	}
	const char *rel = path;
	size_t rl = strlen(root);
	if (strncmp(path, root, rl) == 0 && path[rl] == '/')
		rel = path + rl + 1;
	size_t nl = strlen(rel);
	if (nl < 5 || strcmp(rel + nl - 4, ".tsv") != 0) {
		diag(path, 1, 1, "data file names must end in .tsv");
		free(text);
		return;
	}
	tables = realloc(tables, (ntables + 1) * sizeof(table));
	if (tables == NULL)
		die_oom();
	table *t = &tables[ntables++];
	memset(t, 0, sizeof(*t));
	t->name = strndup(rel, nl - 4);
	if (t->name == NULL)
		die_oom();

	unsigned lineno = 0;
	size_t p = 0;
	bool header = true;
	while (p < len) {
		size_t e = p;
		while (e < len && text[e] != '\n')
			e++;
		lineno++;
		const char *line = text + p;
		size_t ll = e - p;
		p = e + 1;
		if (ll == 0 || line[0] == '#')
			continue;
		const char *cr = memchr(line, '\r', ll);
		if (cr) {
			diag(path, lineno, (unsigned)(cr - line) + 1,
			     "carriage return in data line (use LF line ends)");
			continue;
		}
		uint32_t ncol = 1;
		for (size_t i = 0; i < ll; i++)
			ncol += line[i] == '\t';
		if (header) {
			t->ncols = ncol;
		} else if (ncol != t->ncols) {
			char msg[96];
			snprintf(msg, sizeof(msg),
			         "expected %u tab-separated columns, found %u",
			         t->ncols, ncol);
			diag(path, lineno, (unsigned)ll + 1, msg);
			continue;
		}
		size_t s = 0;
		for (size_t i = 0; i <= ll; i++) {
			if (i == ll || line[i] == '\t') {
				if (header && i == s) {
					diag(path, lineno, (unsigned)i + 1,
					     "empty column name");
				}
				add_cell(t, line + s, i - s);
				s = i + 1;
			}
		}
		if (!header)
			t->nrows++;
		header = false;
	}
	if (header)
		diag(path, lineno ? lineno : 1, 1, "no header line");
	free(text);
}

/* Rows sorted by their first cell (bytewise = code point order), ties in
 * file order, so that the library can binary-search a table by its first
 * column without building anything at load time. */
static const table *sorting;

static int cmp_row(const void *a, const void *b)
{
	uint32_t ra = *(const uint32_t *)a, rb = *(const uint32_t *)b;
	const uint32_t *ca = sorting->cells + 2 * (size_t)sorting->ncols * ra;
	const uint32_t *cb = sorting->cells + 2 * (size_t)sorting->ncols * rb;
	uint32_t la = ca[1], lb = cb[1];
	int c = memcmp(pool.data + ca[0], pool.data + cb[0], la < lb ? la : lb);
	if (c == 0)
		c = (la > lb) - (la < lb);
	return c ? c : (ra > rb) - (ra < rb);
}

static void sort_rows(table *t)
{
	uint32_t *order = malloc(((size_t)t->nrows + 1) * sizeof(uint32_t));
	uint32_t *cells = malloc(t->ncells * 2 * sizeof(uint32_t) + 8);
	if (order == NULL || cells == NULL)
		die_oom();
	for (uint32_t r = 0; r < t->nrows; r++)
		order[r] = r + 1; /* row 0 is the header */
	sorting = t;
	qsort(order, t->nrows, sizeof(uint32_t), cmp_row);
	size_t w = 2 * (size_t)t->ncols;
	memcpy(cells, t->cells, w * sizeof(uint32_t));
	for (uint32_t r = 0; r < t->nrows; r++)
		memcpy(cells + w * (r + 1), t->cells + w * order[r],
		       w * sizeof(uint32_t));
	free(t->cells);
	free(order);
	t->cells = cells;
}

static int cmp_table(const void *a, const void *b)
{
	return strcmp(((const table *)a)->name, ((const table *)b)->name);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Build SCRP from script/chars. */
static void build_script(jx_buf *out)
{
	table *t = NULL;
	for (size_t i = 0; i < ntables; i++)
		if (strcmp(tables[i].name, "script/chars") == 0) {
			t = &tables[i];
			t->internal = true; /* only the SCRP section is used */
		}
	uint32_t *v[2] = {NULL, NULL};
	uint32_t n[2] = {0, 0};
	if (t) {
		v[0] = calloc(t->nrows + 1, 4);
		v[1] = calloc(t->nrows + 1, 4);
		if (!v[0] || !v[1])
			die_oom();
		for (uint32_t r = 0; r < t->nrows; r++) {
			const uint32_t *c = t->cells + 2 * (t->ncols * (r + 1));
			const uint8_t *ch = (const uint8_t *)pool.data + c[0];
			const char *sc = pool.data + c[2];
			size_t i = 0;
			uint32_t cp = jx_utf8_next(ch, c[1], &i);
			if (i != c[1] || t->ncols < 2) {
				fprintf(stderr,
				        "script/chars row %u: one "
				        "character expected\n",
				        r + 1);
				nerrors++;
				continue;
			}
			int k = strcmp(sc, "hant") == 0   ? 0
			        : strcmp(sc, "hans") == 0 ? 1
			                                  : -1;
			if (k < 0) {
				fprintf(stderr,
				        "script/chars row %u: script "
				        "must be hant or hans\n",
				        r + 1);
				nerrors++;
				continue;
			}
			v[k][n[k]++] = cp;
		}
		for (int k = 0; k < 2; k++) {
			qsort(v[k], n[k], 4, cmp_u32);
			uint32_t w = 0;
			for (uint32_t i = 0; i < n[k]; i++)
				if (w == 0 || v[k][w - 1] != v[k][i])
					v[k][w++] = v[k][i];
			n[k] = w;
		}
	}
	jx_buf_append(out, &n[0], 4);
	jx_buf_append(out, &n[1], 4);
	for (int k = 0; k < 2; k++)
		if (n[k])
			jx_buf_append(out, v[k], (size_t)n[k] * 4);
	for (int k = 0; k < 2; k++) {
		uint32_t bits[JX_SCRP_BMP_WORDS];
		memset(bits, 0, sizeof(bits));
		for (uint32_t i = 0; i < n[k]; i++)
			if (v[k][i] < 0x10000)
				bits[v[k][i] >> 5] |= 1u << (v[k][i] & 31);
		jx_buf_append(out, bits, sizeof(bits));
	}
	free(v[0]);
	free(v[1]);
}

static void pad8(jx_buf *b)
{
	static const char zero[8] = {0};
	if (b->len % 8)
		jx_buf_append(b, zero, 8 - b->len % 8);
}

table *new_table(const char *name)
{
	tables = realloc(tables, (ntables + 1) * sizeof(table));
	if (tables == NULL)
		die_oom();
	table *t = &tables[ntables++];
	memset(t, 0, sizeof(*t));
	t->name = strdup(name);
	if (t->name == NULL)
		die_oom();
	return t;
}

table *find_table(const char *name)
{
	for (size_t k = 0; k < ntables; k++)
		if (strcmp(tables[k].name, name) == 0)
			return &tables[k];
	return NULL;
}

int table_col(const table *t, const char *name)
{
	for (uint32_t c = 0; c < t->ncols; c++)
		if (strcmp(pool.data + t->cells[2 * c], name) == 0)
			return (int)c;
	return -1;
}

const char *table_cell(const table *t, uint32_t row, uint32_t col,
                       uint32_t *len)
{
	const uint32_t *c = t->cells + 2 * ((size_t)(row + 1) * t->ncols + col);
	if (len)
		*len = c[1];
	return pool.data + c[0];
}

/* Copy the strings of the tables that are written into a fresh pool, so
 * that tables consumed by a builder (the lexicon) do not bloat STRS. */
static void compact_pool(void)
{
	jx_buf old = pool;
	jx_buf_init(&pool, (size_t)1 << 31);
	for (size_t k = 0; k < ntables; k++) {
		table *t = &tables[k];
		if (t->internal)
			continue;
		for (size_t c = 0; c < t->ncells; c++) {
			uint32_t n;
			const char *str = old.data + t->cells[2 * c];
			/* already folded: append as is */
			size_t at = pool.len;
			if (jx_buf_append(&pool, str, t->cells[2 * c + 1]) ||
			    jx_buf_putc(&pool, '\0'))
				die_oom();
			n = t->cells[2 * c + 1];
			t->cells[2 * c] = (uint32_t)at;
			t->cells[2 * c + 1] = n;
		}
	}
	jx_buf_free(&old);
}

int main(int argc, char **argv)
{
	const char *outpath = NULL, *root = ".";
	int i;
	jx_buf_init(&pool, (size_t)1 << 31);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			outpath = argv[++i];
		else if (strcmp(argv[i], "--root") == 0 && i + 1 < argc)
			root = argv[++i];
		else if (argv[i][0] == '-') {
			fprintf(stderr, "usage: jishi-compile -o model.bin "
			                "[--root DIR] FILE.tsv...\n");
			return 2;
		} else
			load(argv[i], root);
	}
	if (outpath == NULL) {
		fprintf(stderr, "jishi-compile: -o model.bin is required\n");
		return 2;
	}
	if (nerrors)
		return 1;
	qsort(tables, ntables, sizeof(table), cmp_table);
	for (size_t k = 1; k < ntables; k++)
		if (strcmp(tables[k - 1].name, tables[k].name) == 0) {
			fprintf(stderr, "jishi-compile: table %s given twice\n",
			        tables[k].name);
			return 1;
		}

	section secs[JX_MODEL_MAX_SECTIONS];
	int nsecs = 0;
	for (int k = 0; k < (int)JX_MODEL_MAX_SECTIONS; k++)
		jx_buf_init(&secs[k].data, (size_t)1 << 31);
	/* builders first: they mark the tables they consume */
	build_lexicon(secs, &nsecs);
	jx_buf *scrp = &secs[nsecs].data;
	secs[nsecs++].id = JX_SEC_SCRP;
	build_script(scrp);
	if (nerrors)
		return 1;
	compact_pool();
	for (size_t k = 0; k < ntables; k++)
		if (!tables[k].internal)
			sort_rows(&tables[k]);
	/* derived tables read the sorted rows of the others */
	size_t before = ntables;
	build_entity_index();
	if (nerrors)
		return 1;
	for (size_t k = before; k < ntables; k++)
		sort_rows(&tables[k]);
	qsort(tables, ntables, sizeof(table), cmp_table);

	/* TABL + CELL */
	jx_buf *tabl = &secs[nsecs].data;
	secs[nsecs++].id = JX_SEC_TABL;
	jx_buf *cell = &secs[nsecs].data;
	secs[nsecs++].id = JX_SEC_CELL;
	uint32_t nt = 0, first = 0;
	for (size_t k = 0; k < ntables; k++)
		nt += !tables[k].internal;
	jx_buf_append(tabl, &nt, 4);
	for (size_t k = 0; k < ntables; k++) {
		table *t = &tables[k];
		if (t->internal)
			continue;
		uint32_t n;
		uint32_t name = intern(t->name, strlen(t->name), &n);
		jx_ftable ft = {name, t->ncols, t->nrows, first + t->ncols,
		                first};
		jx_buf_append(tabl, &ft, sizeof(ft));
		jx_buf_append(cell, t->cells, t->ncells * 8);
		first += (uint32_t)t->ncells;
	}
	secs[nsecs].id = JX_SEC_STRS;
	jx_buf_append(&secs[nsecs++].data, pool.data, pool.len);
	for (int k = 0; k < nsecs; k++)
		if (secs[k].data.err)
			die_oom();

	jx_buf file;
	jx_buf_init(&file, (size_t)1 << 31);
	jx_fheader h;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, JX_MODEL_MAGIC, 8);
	h.version = JX_MODEL_VERSION;
	h.nsections = (uint32_t)nsecs;
	jx_fsection st[JX_MODEL_MAX_SECTIONS];
	memset(st, 0, sizeof(st));
	size_t tbytes = (size_t)nsecs * sizeof(jx_fsection);
	uint64_t off = (sizeof(h) + tbytes + 7u) & ~(uint64_t)7u;
	for (int k = 0; k < nsecs; k++) {
		st[k].id = secs[k].id;
		st[k].offset = (uint32_t)off;
		st[k].size = (uint32_t)secs[k].data.len;
		st[k].crc = jx_sum32(secs[k].data.data, secs[k].data.len);
		off += (secs[k].data.len + 7u) & ~(uint64_t)7u;
	}
	if (off > UINT32_MAX) {
		fprintf(stderr, "jishi-compile: model over 4 GiB\n");
		return 1;
	}
	h.file_size = (uint32_t)off;
	h.table_crc = jx_crc32(0, st, tbytes);
	jx_buf_append(&file, &h, sizeof(h));
	jx_buf_append(&file, st, tbytes);
	pad8(&file);
	for (int k = 0; k < nsecs; k++) {
		jx_buf_append(&file, secs[k].data.data, secs[k].data.len);
		pad8(&file);
	}
	if (file.err || file.len != off)
		die_oom();
	/* write beside it and rename: a process that has the old model
	 * mapped keeps reading the old file instead of dying of SIGBUS */
	size_t tl = strlen(outpath) + 8;
	char *tmp = malloc(tl);
	if (tmp == NULL)
		die_oom();
	snprintf(tmp, tl, "%s.tmp", outpath);
	FILE *f = fopen(tmp, "wb");
	if (f == NULL || fwrite(file.data, 1, file.len, f) != file.len ||
	    fclose(f) != 0 || rename(tmp, outpath) != 0) {
		fprintf(stderr, "%s: cannot write: %s\n", outpath,
		        strerror(errno));
		remove(tmp);
		free(tmp);
		return 1;
	}
	free(tmp);
	for (size_t k = 0; k < ntables; k++) {
		free(tables[k].name);
		free(tables[k].cells);
	}
	free(tables);
	for (int k = 0; k < (int)JX_MODEL_MAX_SECTIONS; k++)
		jx_buf_free(&secs[k].data);
	jx_buf_free(&file);
	jx_buf_free(&pool);
	return 0;
}
