/*
 * model.c -- open, validate and query the compiled model (model.bin).
 *
 * The file is mapped read-only and validated once: header, section table
 * and per-section CRC-32, every offset and length in range, every string
 * NUL-terminated inside the pool, tables sorted by name. After that no
 * access can leave the mapping, so a corrupt model gives JISHI_EMODEL at
 * open and never a crash later (tests/fuzz/fuzz_model.c checks this).
 * The model is immutable and shared by all threads.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model.h"

#ifndef JISHI_MODEL_PATH
#define JISHI_MODEL_PATH "/usr/local/share/jishi/model.bin"
#endif

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static int bad(jishi_err *err, const char *what)
{
	return jx_err_set(err, JISHI_EMODEL, UINT64_MAX, "corrupt model: %s",
	                  what);
}

static bool cell_ok(const jishi_model *m, uint32_t off, uint32_t len)
{
	return off < m->pool_size && len < m->pool_size - off &&
	       m->pool[off + len] == '\0';
}

static int cell_cmp(jx_str a, jx_str b)
{
	int c = memcmp(a.s, b.s, a.len < b.len ? a.len : b.len);
	return c ? c : (a.len > b.len) - (a.len < b.len);
}

static int cmp_table(const void *a, const void *b)
{
	return strcmp(((const jx_table *)a)->name, ((const jx_table *)b)->name);
}

static bool sorted_u32(const uint32_t *v, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++)
		if (v[i - 1] >= v[i])
			return false;
	return true;
}

/* The lexicon sections: sizes must agree; trie indices are checked at
 * each step of a lookup (dat.h). */
static int validate_lexicon(jishi_model *m, jishi_err *err,
                            const unsigned char *lchr, uint32_t lchr_n,
                            const unsigned char *ldat, uint32_t ldat_n,
                            const unsigned char *lhmm, uint32_t lhmm_n)
{
	jx_lexicon *lx = &m->lex;
	if (!lchr || !ldat || !lhmm)
		return bad(err, "incomplete lexicon");
	if (lchr_n < 8 + 0x10000 * 4)
		return bad(err, "character map size");
	uint32_t nchars = rd32(lchr), nextra = rd32(lchr + 4);
	if ((uint64_t)nextra * 8 != lchr_n - 8 - 0x10000 * 4 ||
	    nchars >= 0xFFFF)
		return bad(err, "character map counts");
	lx->nchars = nchars;
	lx->bmp = (const uint32_t *)(lchr + 8);
	lx->extra = (const uint32_t *)(lchr + 8 + 0x10000 * 4);
	lx->nextra = nextra;
	for (uint32_t i = 0; i < 0x10000; i++)
		if ((lx->bmp[i] & JX_LCHR_ID) > nchars)
			return bad(err, "character id out of range");
	for (uint32_t i = 0; i < nextra; i++)
		if (lx->extra[2 * i + 1] > nchars ||
		    (i && lx->extra[2 * i - 2] >= lx->extra[2 * i]))
			return bad(err, "character map not sorted");
	if (ldat_n % sizeof(jx_dat_cell) || ldat_n == 0)
		return bad(err, "trie size");
	lx->dat.cells = (const jx_dat_cell *)ldat;
	lx->dat.n = ldat_n / sizeof(jx_dat_cell);
	if (lhmm_n != 4 + 48 + 4 + ((uint64_t)nchars + 1) * 8 ||
	    rd32(lhmm) != nchars)
		return bad(err, "unknown-word model size");
	lx->hmm = (const uint16_t *)(lhmm + 4);
	lx->emit = (const uint16_t *)(lhmm + 4 + 48 + 4);
	lx->tags = jx_model_table(m, "lexicon/pos_tags");
	if (lx->tags == NULL || lx->tags->nrows > 256)
		return bad(err, "lexicon without its POS tags");
	return JISHI_OK;
}

/* Validate m->map[0..m->size) and fill the decoded fields. */
/* The runs of rows sharing a first code point (see jx_table.runs). Rows
 * whose first cell is empty or not UTF-8 are left out of every run, so a
 * table with such rows gets none. */
static int build_runs(jx_table *jt)
{
	uint32_t *v = NULL;
	size_t n = 0, cap = 0;
	uint32_t prev = UINT32_MAX;
	for (uint32_t r = 0; r < jt->nrows; r++) {
		jx_str c = jx_table_cell(jt, r, 0);
		size_t at = 0;
		if (c.len == 0 ||
		    jx_utf8_seq((const uint8_t *)c.s, c.len) == 0) {
			jx_free(v);
			return 0; /* no runs: plain binary searches */
		}
		uint32_t cp = jx_utf8_next((const uint8_t *)c.s, c.len, &at);
		if (cp != prev) {
			if (n + 3 > cap) {
				cap = cap ? 2 * cap : 192;
				uint32_t *nv =
				    jx_realloc(v, cap * sizeof(uint32_t));
				if (nv == NULL) {
					jx_free(v);
					return JISHI_ENOMEM;
				}
				v = nv;
			}
			if (n && cp < v[n - 3]) {
				jx_free(v); /* not sorted by code point */
				return 0;
			}
			v[n] = cp;
			v[n + 1] = r;
			n += 3;
			prev = cp;
		}
		v[n - 1] = r + 1;
	}
	jt->runs = v;
	jt->nruns = (uint32_t)(n / 3);
	return 0;
}

/* Rows [*lo, *hi) whose first cell starts with code point cp, from the
 * runs; false when the table has no runs. */
static bool run_of(const jx_table *t, uint32_t cp, uint32_t *lo, uint32_t *hi)
{
	if (t->runs == NULL)
		return false;
	uint32_t a = 0, b = t->nruns;
	while (a < b) {
		uint32_t mid = a + (b - a) / 2;
		if (t->runs[3 * mid] < cp)
			a = mid + 1;
		else
			b = mid;
	}
	if (a < t->nruns && t->runs[3 * a] == cp) {
		*lo = t->runs[3 * a + 1];
		*hi = t->runs[3 * a + 2];
	} else {
		*lo = *hi = 0;
	}
	return true;
}

static int validate(jishi_model *m, jishi_err *err)
{
	const unsigned char *base = m->map;
	const unsigned char *strs = NULL, *tabl = NULL, *cell = NULL,
	                    *scrp = NULL, *lchr = NULL, *ldat = NULL,
	                    *lhmm = NULL, *lcfl = NULL;
	uint32_t strs_n = 0, tabl_n = 0, cell_n = 0, scrp_n = 0, lchr_n = 0,
	         ldat_n = 0, lhmm_n = 0, lcfl_n = 0;

	if (m->size < sizeof(jx_fheader))
		return bad(err, "shorter than its header");
	if (memcmp(base, JX_MODEL_MAGIC, 8) != 0)
		return bad(err, "not a jishi model (bad magic)");
	if (rd32(base + 8) != JX_MODEL_VERSION)
		return jx_err_set(err, JISHI_EMODEL, UINT64_MAX,
		                  "model version %u, this library reads %u",
		                  rd32(base + 8), JX_MODEL_VERSION);
	uint32_t nsec = rd32(base + 12);
	if (rd32(base + 16) != m->size)
		return bad(err, "file size does not match its header");
	if (nsec > JX_MODEL_MAX_SECTIONS)
		return bad(err, "too many sections");
	size_t tbytes = (size_t)nsec * sizeof(jx_fsection);
	if (m->size - sizeof(jx_fheader) < tbytes)
		return bad(err, "section table past the end");
	const unsigned char *tab = base + sizeof(jx_fheader);
	if (jx_crc32(0, tab, tbytes) != rd32(base + 20))
		return bad(err, "section table checksum");
	for (uint32_t i = 0; i < nsec; i++) {
		const unsigned char *s = tab + i * sizeof(jx_fsection);
		uint32_t id = rd32(s), off = rd32(s + 4), size = rd32(s + 8);
		if (off % 8 != 0 || off > m->size || size > m->size - off)
			return bad(err, "section out of range");
		if (jx_sum32(base + off, size) != rd32(s + 12))
			return bad(err, "section checksum");
		if (id == JX_SEC_STRS)
			strs = base + off, strs_n = size;
		else if (id == JX_SEC_TABL)
			tabl = base + off, tabl_n = size;
		else if (id == JX_SEC_CELL)
			cell = base + off, cell_n = size;
		else if (id == JX_SEC_SCRP)
			scrp = base + off, scrp_n = size;
		else if (id == JX_SEC_LCHR)
			lchr = base + off, lchr_n = size;
		else if (id == JX_SEC_LDAT)
			ldat = base + off, ldat_n = size;
		else if (id == JX_SEC_LHMM)
			lhmm = base + off, lhmm_n = size;
		else if (id == JX_SEC_LCFL)
			lcfl = base + off, lcfl_n = size;
	}
	if (!strs || !tabl || !cell || strs_n == 0 || strs[strs_n - 1] != 0)
		return bad(err, "missing or unterminated string pool");
	m->pool = (const char *)strs;
	m->pool_size = strs_n;

	if (tabl_n < 4 || cell_n % 8 != 0)
		return bad(err, "table directory size");
	uint32_t nt = rd32(tabl);
	if (nt > (tabl_n - 4) / sizeof(jx_ftable))
		return bad(err, "table count");
	uint64_t npairs = cell_n / 8;
	m->tables = jx_calloc(nt ? nt : 1, sizeof(jx_table));
	if (m->tables == NULL)
		return jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
	m->ntables = nt;
	const uint32_t *cells = (const uint32_t *)cell;
	for (uint32_t i = 0; i < nt; i++) {
		const unsigned char *t = tabl + 4 + i * sizeof(jx_ftable);
		uint32_t name = rd32(t), ncols = rd32(t + 4),
		         nrows = rd32(t + 8), first = rd32(t + 12),
		         cols = rd32(t + 16);
		if (name >= m->pool_size || ncols == 0)
			return bad(err, "table header");
		uint64_t n = (uint64_t)nrows * ncols;
		if (first > npairs || n > npairs - first || cols > npairs ||
		    ncols > npairs - cols)
			return bad(err, "table cells out of range");
		for (uint64_t k = 0; k < n; k++)
			if (!cell_ok(m, cells[2 * (first + k)],
			             cells[2 * (first + k) + 1]))
				return bad(err, "table cell out of range");
		for (uint32_t k = 0; k < ncols; k++)
			if (!cell_ok(m, cells[2 * (cols + k)],
			             cells[2 * (cols + k) + 1]))
				return bad(err, "table column out of range");
		jx_table *jt = &m->tables[i];
		jt->name = m->pool + name;
		jt->ncols = ncols;
		jt->nrows = nrows;
		jt->cells = cells + 2 * (uint64_t)first;
		jt->cols = cells + 2 * (uint64_t)cols;
		jt->pool = m->pool;
		if (i > 0 && strcmp(m->tables[i - 1].name, jt->name) >= 0)
			return bad(err, "tables not sorted");
		for (uint32_t r = 1; r < nrows; r++)
			if (cell_cmp(jx_table_cell(jt, r - 1, 0),
			             jx_table_cell(jt, r, 0)) > 0)
				return bad(err, "table rows not sorted");
		for (uint32_t r = 0; r < nrows; r++) {
			jx_str c = jx_table_cell(jt, r, 0);
			size_t k = jx_utf8_seq((const uint8_t *)c.s, c.len),
			       at = 0;
			uint32_t h = k ? jx_first_hash(jx_utf8_next(
			                     (const uint8_t *)c.s, c.len, &at))
			               : 0;
			if (c.len && k == 0) { /* not UTF-8: no filter */
				memset(jt->first, 0xFF, sizeof(jt->first));
				break;
			}
			if (c.len)
				jt->first[h >> 6] |= (uint64_t)1 << (h & 63);
		}
		if (nrows >= 64 && build_runs(jt))
			return jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
	}
	if (scrp) {
		if (scrp_n < 8)
			return bad(err, "script section size");
		uint32_t a = rd32(scrp), b = rd32(scrp + 4);
		uint64_t maps = 2 * JX_SCRP_BMP_WORDS;
		if ((scrp_n - 8) % 4 ||
		    (uint64_t)a + b + maps != (scrp_n - 8) / 4)
			return bad(err, "script section counts");
		m->hant = (const uint32_t *)(scrp + 8);
		m->nhant = a;
		m->hans = m->hant + a;
		m->nhans = b;
		m->bmp = m->hans + b;
		if (!sorted_u32(m->hant, a) || !sorted_u32(m->hans, b))
			return bad(err, "script section not sorted");
	}
	if (lchr || ldat || lhmm || lcfl) {
		int rc = validate_lexicon(m, err, lchr, lchr_n, ldat, ldat_n,
		                          lhmm, lhmm_n);
		if (rc)
			return rc;
		if (lcfl == NULL || lcfl_n != ((uint64_t)m->lex.nchars + 1) * 2)
			return bad(err, "character flags size");
		m->lex.cflags = lcfl;
	}
	return JISHI_OK;
}

static void model_free(jishi_model *m)
{
	if (m == NULL)
		return;
	if (m->map) {
		if (m->heap)
			jx_free(m->map);
		else
			munmap(m->map, m->size);
	}
	for (uint32_t i = 0; m->tables && i < m->ntables; i++)
		jx_free(m->tables[i].runs);
	jx_free(m->tables);
	jx_free(m);
}

int jx_model_open_mem(const void *data, size_t size, jishi_model **out,
                      jishi_err *err)
{
	int rc;
	jishi_model *m = jx_calloc(1, sizeof(*m));
	*out = NULL;
	if (m == NULL)
		return jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
	if (size > UINT32_MAX) {
		rc = bad(err, "larger than 4 GiB");
		goto out;
	}
	m->heap = true;
	m->map = jx_malloc(size ? size : 1);
	if (m->map == NULL) {
		rc = jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
		goto out;
	}
	if (size)
		memcpy(m->map, data, size);
	m->size = size;
	rc = validate(m, err);
out:
	if (rc)
		model_free(m);
	else
		*out = m;
	return rc;
}

int jishi_model_open(const char *path, jishi_model **out, jishi_err *err)
{
	int rc = JISHI_OK, fd = -1;
	jishi_model *m = NULL;
	struct stat st;

	if (out == NULL)
		return jx_err_set(err, JISHI_EINVAL, UINT64_MAX,
		                  "jishi_model_open: out is NULL");
	*out = NULL;
	if (path == NULL)
		path = getenv("JISHI_MODEL");
	if (path == NULL || *path == '\0')
		path = JISHI_MODEL_PATH;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		rc = jx_err_set(err, JISHI_EIO, UINT64_MAX, "%s: %s", path,
		                strerror(errno));
		goto out;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = jx_err_set(err, JISHI_EIO, UINT64_MAX,
		                "%s: not a regular file", path);
		goto out;
	}
	if (st.st_size < (off_t)sizeof(jx_fheader) || st.st_size > UINT32_MAX) {
		rc = jx_err_set(err, JISHI_EMODEL, UINT64_MAX,
		                "%s: corrupt model: bad size", path);
		goto out;
	}
	m = jx_calloc(1, sizeof(*m));
	if (m == NULL) {
		rc = jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
		goto out;
	}
	m->size = (size_t)st.st_size;
	m->map =
	    mmap(NULL, m->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	if (m->map == MAP_FAILED) {
		m->map = NULL;
		rc = jx_err_set(err, JISHI_EIO, UINT64_MAX, "%s: mmap: %s",
		                path, strerror(errno));
		goto out;
	}
	rc = validate(m, err);
	if (rc && err) {
		char msg[sizeof(err->msg)];
		memcpy(msg, err->msg, sizeof(msg));
		jx_err_set(err, rc, UINT64_MAX, "%s: %s", path, msg);
	}
out:
	if (fd >= 0)
		close(fd);
	if (rc)
		model_free(m);
	else
		*out = m;
	return rc;
}

void jishi_model_close(jishi_model *m)
{
	model_free(m);
}

const jx_table *jx_model_table(const jishi_model *m, const char *name)
{
	jx_table key = {.name = name};
	return bsearch(&key, m->tables, m->ntables, sizeof(jx_table),
	               cmp_table);
}

jx_str jx_table_cell(const jx_table *t, uint32_t row, uint32_t col)
{
	const uint32_t *c = t->cells + 2 * ((size_t)row * t->ncols + col);
	return (jx_str){t->pool + c[0], c[1]};
}

uint32_t jx_table_lower(const jx_table *t, const char *key, size_t len)
{
	uint32_t lo = 0, hi = t->nrows;
	jx_str k = {key, (uint32_t)len};
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (cell_cmp(jx_table_cell(t, mid, 0), k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Cell c against p[0, len), for a cell known to start with p[0, from):
 * < 0 below it, 0 when c starts with p[0, len), > 0 above it. */
static inline int cmp_from(jx_str c, const uint8_t *p, uint32_t from,
                           uint32_t len)
{
	const uint8_t *cs = (const uint8_t *)c.s;
	for (uint32_t i = from; i < len; i++) {
		if (i >= c.len)
			return -1;
		if (cs[i] != p[i])
			return cs[i] < p[i] ? -1 : 1;
	}
	return 0;
}

uint32_t jx_table_longest(const jx_table *t, const uint8_t *s, size_t n,
                          uint32_t *row)
{
	uint32_t lo = 0, hi = t ? t->nrows : 0, best = 0;
	size_t q = 0;
	if (hi == 0 || n == 0 || jx_utf8_seq(s, n) == 0)
		return 0;
	uint32_t cp = jx_utf8_next(s, n, &q);
	uint32_t h = jx_first_hash(cp);
	if (!(t->first[h >> 6] >> (h & 63) & 1))
		return 0; /* no cell starts with this character */
	if (run_of(t, cp, &lo, &hi)) {
		/* the first character by its run; go on from the second */
		if (lo < hi && jx_table_cell(t, lo, 0).len == q) {
			best = (uint32_t)q;
			*row = lo;
		}
	} else {
		q = 0;
	}
	while (q < n && lo < hi) {
		/* one more code point of s: rows [lo, hi) all start with
		 * s[0, from), so only its new bytes are compared */
		uint32_t from = (uint32_t)q;
		q++;
		while (q < n && (s[q] & 0xC0) == 0x80)
			q++;
		uint32_t len = (uint32_t)q;
		uint32_t a = lo, b = hi;
		while (a < b) { /* first row >= the prefix */
			uint32_t mid = a + (b - a) / 2;
			if (cmp_from(jx_table_cell(t, mid, 0), s, from, len) <
			    0)
				a = mid + 1;
			else
				b = mid;
		}
		if (a == hi || cmp_from(jx_table_cell(t, a, 0), s, from, len))
			break; /* no row starts with s[0, len) */
		uint32_t c = a + 1, d = hi;
		while (c < d) { /* first row not starting with it */
			uint32_t mid = c + (d - c) / 2;
			if (cmp_from(jx_table_cell(t, mid, 0), s, from, len) ==
			    0)
				c = mid + 1;
			else
				d = mid;
		}
		lo = a;
		hi = c;
		if (jx_table_cell(t, lo, 0).len == len) {
			best = len;
			*row = lo;
		}
	}
	return best;
}

int64_t jx_table_find(const jx_table *t, const uint8_t *s, uint32_t len)
{
	uint32_t row;
	if (t == NULL || len == 0)
		return -1;
	/* the longest prefix of s in t is s itself when s is there */
	return jx_table_longest(t, s, len, &row) == len ? (int64_t)row : -1;
}

const char *jx_table_str(const jx_table *t, uint32_t row, int col)
{
	if (t == NULL || col < 0 || (uint32_t)col >= t->ncols ||
	    row >= t->nrows)
		return "";
	return jx_table_cell(t, row, (uint32_t)col).s;
}

int jx_table_col(const jx_table *t, const char *name)
{
	if (t == NULL)
		return -1;
	for (uint32_t k = 0; k < t->ncols; k++)
		if (strcmp(t->pool + t->cols[2 * k], name) == 0)
			return (int)k;
	return -1;
}

static bool in_set(const uint32_t *v, uint32_t n, uint32_t cp)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (v[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == cp;
}

double jx_model_param(const jishi_model *m, const char *name, double def)
{
	return jx_model_param_in(m, "lexicon/params", name, def);
}

double jx_model_param_in(const jishi_model *m, const char *table,
                         const char *name, double def)
{
	const jx_table *t = jx_model_table(m, table);
	if (t == NULL || t->ncols < 2)
		return def;
	uint32_t r = jx_table_lower(t, name, strlen(name));
	if (r >= t->nrows || strcmp(jx_table_cell(t, r, 0).s, name) != 0)
		return def;
	char *end;
	double v = strtod(jx_table_cell(t, r, 1).s, &end);
	return end != jx_table_cell(t, r, 1).s ? v : def;
}

const char *jx_lex_tag_name(const jx_lexicon *lx, uint32_t id)
{
	if (lx->tags == NULL || id >= lx->tags->nrows)
		return "x";
	return jx_table_cell(lx->tags, id, 0).s;
}

int jx_lex_word_tag(const jx_lexicon *lx, const uint8_t *s, size_t len,
                    uint32_t *cost)
{
	uint32_t st = 0, v;
	size_t i = 0;
	if (lx->dat.n == 0 || len == 0)
		return -1;
	while (i < len) {
		if (!jx_utf8_seq(s + i, len - i))
			return -1;
		uint32_t id = jx_lex_char(lx, jx_utf8_next(s, len, &i));
		if (id == 0 || !jx_dat_next(&lx->dat, st, id, &st))
			return -1;
	}
	if (!jx_dat_value(&lx->dat, st, &v))
		return -1;
	if (cost)
		*cost = v & 0xFFFFu;
	return (int)(v >> 16);
}

int jx_lex_tag_id(const jx_lexicon *lx, const char *name)
{
	if (lx->tags == NULL)
		return -1;
	uint32_t r = jx_table_lower(lx->tags, name, strlen(name));
	if (r < lx->tags->nrows &&
	    strcmp(jx_table_cell(lx->tags, r, 0).s, name) == 0)
		return (int)r;
	return -1;
}

int jx_model_script_of(const jishi_model *m, uint32_t cp)
{
	if (m->bmp && cp < 0x10000) {
		uint32_t bit = 1u << (cp & 31);
		if (m->bmp[cp >> 5] & bit)
			return 1;
		return (m->bmp[JX_SCRP_BMP_WORDS + (cp >> 5)] & bit) ? 2 : 0;
	}
	if (in_set(m->hant, m->nhant, cp))
		return 1;
	if (in_set(m->hans, m->nhans, cp))
		return 2;
	return 0;
}
