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
#include "dat.h"
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
	/* bit (hash of the first code point of a first cell) % 4096, set at
	 * load: a search at a text position whose character has no bit set
	 * ends at once */
	uint64_t first[64];
	/* for tables of 64 rows or more: (first code point, first row, end
	 * row) of every run of rows sharing their first code point, sorted;
	 * a search starts with an integer search here */
	uint32_t *runs;
	uint32_t nruns;
} jx_table;

static inline uint32_t jx_first_hash(uint32_t cp)
{
	return (cp * 2654435761u) >> 20;
}

/* May a first cell of t start with code point cp? (false: surely not) */
static inline bool jx_table_may_start(const jx_table *t, uint32_t cp)
{
	uint32_t h = jx_first_hash(cp);
	return t && (t->first[h >> 6] >> (h & 63) & 1);
}

/* The lexicon sections (LCHR, LDAT, LHMM, LCFL); all NULL/0 when the
 * model has no lexicon. */
typedef struct jx_lexicon {
	uint32_t nchars;       /* character ids are 1..nchars */
	const uint32_t *bmp;   /* LCHR entry of each BMP code point */
	const uint32_t *extra; /* (cp, id) pairs beyond the BMP, sorted */
	uint32_t nextra;
	jx_dat dat; /* words over character ids; value = cost | tag << 16 */
	const uint16_t *hmm;   /* start[4], trans[16], unknown[4] */
	const uint16_t *emit;  /* [nchars + 1][4]: B, M, E, S costs */
	const jx_table *tags;  /* lexicon/pos_tags, row = tag id */
	const uint8_t *cflags; /* [nchars + 1][2]: JX_CF_* flags, value */
} jx_lexicon;

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
	jx_lexicon lex;
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
/* Cell (row, col) as a NUL-terminated string, "" when t is NULL, col < 0
 * or row is out of range: lookups of optional tables need no checks. */
const char *jx_table_str(const jx_table *t, uint32_t row, int col);
/* Byte length of the longest first cell of t that is a prefix of
 * s[0..n) (0: none), with its first row in *row. Walks the sorted rows by
 * ever longer prefixes, so it stops as soon as no cell can match. */
uint32_t jx_table_longest(const jx_table *t, const uint8_t *s, size_t n,
                          uint32_t *row);
/* The first row whose first cell is exactly s[0..len), or -1. */
int64_t jx_table_find(const jx_table *t, const uint8_t *s, uint32_t len);
/* Character id of code point cp in the lexicon, 0 when none. */
static inline uint32_t jx_lex_char(const jx_lexicon *lx, uint32_t cp)
{
	if (cp < 0x10000)
		return lx->bmp ? lx->bmp[cp] & JX_LCHR_ID : 0;
	uint32_t lo = 0, hi = lx->nextra;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (lx->extra[2 * mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < lx->nextra && lx->extra[2 * lo] == cp
	           ? lx->extra[2 * lo + 1]
	           : 0;
}
/* A number from the model's lexicon/params table, or def. */
double jx_model_param(const jishi_model *m, const char *name, double def);
/* The same from another name/value table of the model (store/merge). */
double jx_model_param_in(const jishi_model *m, const char *table,
                         const char *name, double def);
/* Name of POS tag id ("x" when out of range). */
const char *jx_lex_tag_name(const jx_lexicon *lx, uint32_t id);
/* POS tag id of the lexicon word s[0..len) (UTF-8), or -1 when the
 * lexicon holds no such word; its cost (-ln p x 1000) in *cost when
 * cost is not NULL. */
int jx_lex_word_tag(const jx_lexicon *lx, const uint8_t *s, size_t len,
                    uint32_t *cost);
/* Id of a POS tag name, or -1. */
int jx_lex_tag_id(const jx_lexicon *lx, const char *name);

/* 1 if cp occurs only in Traditional text, 2 only in Simplified, else 0. */
int jx_model_script_of(const jishi_model *m, uint32_t cp);

#endif
