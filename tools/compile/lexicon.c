/*
 * lexicon.c -- build the lexicon sections of model.bin from the word
 * sources listed in data/lexicon/sources.tsv (docs/internals/lex.md).
 *
 *  1. every word of every source, with probability freq/total and a POS
 *     tag; OpenCC generates its forms in the other script;
 *  2. forms merged: a form keeps its highest probability and that tag,
 *     except that a mapped source's plain noun (CKIP N, which names
 *     too) gives way to a transliterated person's name tag (nrt, nrfg)
 *     of a source tagged in the lexicon's own set (瓊斯 N, 琼斯 nrt);
 *  3. characters numbered by weight (frequent first) -> LCHR;
 *  4. a double-array trie over character numbers -> LDAT, with values
 *     (cost = -ln p x 1000, tag) in the trie cells;
 *  5. the unknown-word model: per-character costs of being the Begin,
 *     Middle, End or Single character of a word, and tag transitions,
 *     estimated from the forms weighted by probability -> LHMM.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <opencc/opencc.h>

#include "compile.h"
#include "dat.h"
#include "doc.h"
#include "seg.h"
#include "format.h"

typedef struct entry {
	uint32_t form; /* offset in forms */
	uint32_t len;
	double p;
	uint8_t pos;
	bool mapped; /* the tag came through a posmap */
} entry;

/* Per code point: numeral and unit knowledge (lexicon/numerals,
 * lexicon/num_units), written as the LCFL section. */
typedef struct cpinfo {
	uint8_t flags; /* JX_CF_* */
	uint8_t value; /* numeral value / power, or the unit's POS tag id */
	bool approx;   /* 多, 幾: numeral only for the classifier filter */
} cpinfo;
static cpinfo *info;     /* 0x110000 entries */
static const char **clf; /* classifiers */
static uint32_t nclf;

static jx_buf forms; /* NUL-terminated forms */
static entry *ents;  /* all (form, p, pos), later merged */
static size_t nents, capents;
static const char **tags; /* sorted POS tags */
static uint32_t ntags;

static bool cur_mapped; /* the source being loaded has a posmap */

static void add_entry(const char *s, size_t len, double p, uint8_t pos)
{
	if (len == 0)
		return;
	if (nents == capents) {
		capents = capents ? capents * 2 : 1 << 16;
		ents = realloc(ents, capents * sizeof(entry));
		if (ents == NULL)
			die_oom();
	}
	entry *e = &ents[nents++];
	e->form = (uint32_t)forms.len;
	e->len = (uint32_t)len;
	e->p = p;
	e->pos = pos;
	e->mapped = cur_mapped;
	if (jx_buf_append(&forms, s, len) || jx_buf_putc(&forms, '\0'))
		die_oom();
}

static int tag_id(const char *tag)
{
	uint32_t lo = 0, hi = ntags;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		int c = strcmp(tags[mid], tag);
		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static uint32_t first_cp(const char *s)
{
	size_t i = 0;
	return jx_utf8_next((const uint8_t *)s, strlen(s), &i);
}

/* Numerals, number units and classifiers. */
static void load_numbers(void)
{
	info = calloc(0x110000, sizeof(cpinfo));
	if (info == NULL)
		die_oom();
	table *t = find_table("lexicon/numerals");
	if (t) {
		/* also a table: the time stage reads numerals */
		for (uint32_t r = 0; r < t->nrows; r++) {
			uint32_t cp = first_cp(table_cell(t, r, 0, NULL));
			const char *k = table_cell(t, r, 1, NULL);
			long v = strtol(table_cell(t, r, 2, NULL), NULL, 10);
			cpinfo *ci = &info[cp < 0x110000 ? cp : 0];
			ci->value = (uint8_t)v;
			if (strcmp(k, "digit") == 0)
				ci->flags |= JX_CF_DIGIT;
			else if (strcmp(k, "unit") == 0)
				ci->flags |= JX_CF_UNIT;
			else if (strcmp(k, "other") == 0)
				ci->flags |= JX_CF_OTHER;
			else if (strcmp(k, "approx") == 0)
				ci->approx = true;
			else {
				fprintf(stderr,
				        "lexicon/numerals row %u: kind "
				        "must be digit, unit, other or "
				        "approx\n",
				        r + 1);
				nerrors++;
			}
		}
	}
	t = find_table("lexicon/num_units");
	if (t) {
		t->internal = true;
		for (uint32_t r = 0; r < t->nrows; r++) {
			uint32_t cp = first_cp(table_cell(t, r, 0, NULL));
			const char *k = table_cell(t, r, 1, NULL);
			int tag = tag_id(table_cell(t, r, 2, NULL));
			int sc = table_col(t, "scripts");
			bool hans_only =
			    sc >= 0 &&
			    strcmp(table_cell(t, r, (uint32_t)sc, NULL),
			           "hans") == 0;
			cpinfo *ci = &info[cp < 0x110000 ? cp : 0];
			uint8_t f = strcmp(k, "year") == 0      ? JX_CF_YEAR
			            : strcmp(k, "month") == 0   ? JX_CF_MONTH
			            : strcmp(k, "day") == 0     ? JX_CF_DAY
			            : strcmp(k, "percent") == 0 ? JX_CF_PERCENT
			                                        : 0;
			if (f == 0 || tag < 0 || ci->flags) {
				fprintf(stderr,
				        "lexicon/num_units row %u: bad "
				        "kind, tag or a numeral\n",
				        r + 1);
				nerrors++;
				continue;
			}
			ci->flags = f | (hans_only ? JX_CF_HANS : 0);
			ci->value = (uint8_t)tag;
		}
	}
	t = find_table("lexicon/classifiers");
	if (t) {
		t->internal = true;
		nclf = t->nrows;
		clf = calloc(nclf + 1, sizeof(char *));
		if (clf == NULL)
			die_oom();
		for (uint32_t r = 0; r < nclf; r++)
			clf[r] = table_cell(t, r, 0, NULL);
	}
}

static bool is_numeral(uint32_t cp)
{
	return cp < 0x110000 &&
	       ((cp >= '0' && cp <= '9') ||
	        (info[cp].flags & (JX_CF_DIGIT | JX_CF_UNIT | JX_CF_OTHER)) ||
	        info[cp].approx);
}

/* Numerals alone (一千, 三十) or numerals and a classifier (一個, 萬元,
 * 多名): the segmenter builds these itself, as separate words. */
static bool number_word(const char *w, size_t len)
{
	size_t i = 0, nnum = 0, last = 0;
	while (i < len) {
		uint32_t cp = jx_utf8_next((const uint8_t *)w, len, &i);
		if (!is_numeral(cp))
			break;
		nnum++;
		last = i;
	}
	if (nnum == 0)
		return false;
	if (last == len)
		return nnum >= 2;
	for (uint32_t k = 0; k < nclf; k++)
		if (strlen(clf[k]) == len - last &&
		    memcmp(clf[k], w + last, len - last) == 0)
			return true;
	return false;
}

static void load_tags(void)
{
	table *t = find_table("lexicon/pos_tags");
	if (t == NULL) {
		fprintf(stderr, "jishi-compile: lexicon/pos_tags missing\n");
		nerrors++;
		return;
	}
	ntags = t->nrows;
	tags = calloc(ntags + 1, sizeof(char *));
	if (tags == NULL)
		die_oom();
	for (uint32_t r = 0; r < ntags; r++)
		tags[r] = table_cell(t, r, 0, NULL);
	qsort(tags, ntags, sizeof(char *), cmp_str);
	if (ntags > 255) {
		fprintf(stderr, "jishi-compile: over 255 POS tags\n");
		nerrors++;
	}
}

/* Convert words[0..n) with the OpenCC config conf; call add_entry for
 * every converted form that differs from its word. */
static void convert(const char *conf, const char **words, const double *p,
                    const uint8_t *pos, size_t n)
{
	opencc_t cc = opencc_open(conf);
	if (cc == (opencc_t)-1) {
		fprintf(stderr, "jishi-compile: OpenCC config %s: %s\n", conf,
		        opencc_error());
		nerrors++;
		return;
	}
	/* batches joined by newlines: no dictionary phrase spans one */
	size_t i = 0;
	jx_buf in;
	jx_buf_init(&in, (size_t)1 << 30);
	while (i < n) {
		size_t start = i;
		jx_buf_reset(&in);
		for (; i < n && in.len < (1u << 20); i++) {
			jx_buf_puts(&in, words[i]);
			jx_buf_putc(&in, '\n');
		}
		if (in.err)
			die_oom();
		char *out = opencc_convert_utf8(cc, in.data, in.len);
		if (out == NULL) {
			fprintf(stderr, "jishi-compile: OpenCC failed: %s\n",
			        opencc_error());
			nerrors++;
			break;
		}
		char *line = out;
		for (size_t k = start; k < i; k++) {
			char *nl = strchr(line, '\n');
			if (nl == NULL) {
				fprintf(stderr, "jishi-compile: OpenCC changed "
				                "the line structure\n");
				nerrors++;
				break;
			}
			size_t len = (size_t)(nl - line);
			if (len != strlen(words[k]) ||
			    memcmp(line, words[k], len) != 0)
				add_entry(line, len, p[k], pos[k]);
			line = nl + 1;
		}
		opencc_convert_utf8_free(out);
	}
	jx_buf_free(&in);
	opencc_close(cc);
}

static void load_source(const table *src, uint32_t r)
{
	const char *name = table_cell(src, r, 0, NULL);
	const char *script = table_cell(src, r, 1, NULL);
	const char *freqc = table_cell(src, r, 2, NULL);
	const char *totalc = table_cell(src, r, 3, NULL);
	const char *posc = table_cell(src, r, 4, NULL);
	const char *mapc = table_cell(src, r, 5, NULL);
	table *t = find_table(name);
	if (t == NULL) {
		fprintf(stderr, "lexicon/sources: no table %s\n", name);
		nerrors++;
		return;
	}
	if (strncmp(name, "lexicon/", 8) == 0)
		t->internal = true;
	int wcol = table_col(t, "word");
	if (wcol < 0)
		wcol = table_col(t, "name");
	int fcol = table_col(t, freqc);
	int pcol = table_col(t, posc);
	double fixed = fcol < 0 ? strtod(freqc, NULL) : 0;
	if (wcol < 0 || (fcol < 0 && !(fixed > 0))) {
		fprintf(stderr,
		        "lexicon/sources: %s: no word column or "
		        "no usable freq\n",
		        name);
		nerrors++;
		return;
	}
	const table *map = strcmp(mapc, "-") ? find_table(mapc) : NULL;
	if (strcmp(mapc, "-") && map == NULL) {
		fprintf(stderr, "lexicon/sources: no table %s\n", mapc);
		nerrors++;
		return;
	}
	if (map)
		((table *)map)->internal = true;
	cur_mapped = map != NULL;
	double total = 0;
	if (strcmp(totalc, "auto") == 0) {
		for (uint32_t k = 0; fcol >= 0 && k < t->nrows; k++)
			total += strtod(table_cell(t, k, (uint32_t)fcol, NULL),
			                NULL);
	} else {
		total = strtod(totalc, NULL);
	}
	if (!(total > 0)) {
		fprintf(stderr, "lexicon/sources: %s: bad total\n", name);
		nerrors++;
		return;
	}
	const char **words = calloc(t->nrows + 1, sizeof(char *));
	double *p = calloc(t->nrows + 1, sizeof(double));
	uint8_t *pos = calloc(t->nrows + 1, 1);
	if (!words || !p || !pos)
		die_oom();
	size_t n = 0;
	for (uint32_t k = 0; k < t->nrows; k++) {
		uint32_t wl;
		const char *w = table_cell(t, k, (uint32_t)wcol, &wl);
		double f =
		    fcol >= 0
		        ? strtod(table_cell(t, k, (uint32_t)fcol, NULL), NULL)
		        : fixed;
		const char *tag =
		    pcol >= 0 ? table_cell(t, k, (uint32_t)pcol, NULL) : posc;
		if (map) {
			const char *mapped = NULL;
			for (uint32_t m = 0; m < map->nrows; m++)
				if (strcmp(table_cell(map, m, 0, NULL), tag) ==
				    0)
					mapped = table_cell(map, m, 1, NULL);
			if (mapped == NULL) {
				fprintf(stderr, "%s row %u: tag %s not in %s\n",
				        name, k + 1, tag, mapc);
				nerrors++;
				continue;
			}
			tag = mapped;
		}
		int id = tag_id(tag);
		if (id < 0) {
			fprintf(stderr,
			        "%s row %u: unknown POS tag '%s' "
			        "(see lexicon/pos_tags)\n",
			        name, k + 1, tag);
			nerrors++;
			continue;
		}
		if (!(f > 0) || wl == 0 || number_word(w, wl))
			continue;
		words[n] = w;
		p[n] = f / total;
		pos[n] = (uint8_t)id;
		add_entry(w, wl, p[n], pos[n]);
		n++;
	}
	if (strcmp(script, "hans") == 0) {
		convert("s2t.json", words, p, pos, n);
		convert("s2tw.json", words, p, pos, n);
		convert("s2hk.json", words, p, pos, n);
	} else if (strcmp(script, "hant") == 0) {
		convert("t2s.json", words, p, pos, n);
		convert("t2hk.json", words, p, pos, n);
	} else {
		convert("s2t.json", words, p, pos, n);
		convert("t2s.json", words, p, pos, n);
	}
	free(words);
	free(p);
	free(pos);
}

static int cmp_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = strcmp(forms.data + x->form, forms.data + y->form);
	if (c)
		return c;
	return (x->p < y->p) - (x->p > y->p); /* highest p first */
}

/* ---- characters -------------------------------------------------------- */

typedef struct chw {
	uint32_t cp;
	double w;
} chw;

static int cmp_chw(const void *a, const void *b)
{
	const chw *x = a, *y = b;
	if (x->w != y->w)
		return (x->w < y->w) - (x->w > y->w);
	return (x->cp > y->cp) - (x->cp < y->cp);
}

static uint32_t *idmap; /* code point -> id, 0x110000 entries */

typedef struct key {
	uint32_t *labels;
	uint32_t len;
	uint32_t value;
} key;

static int cmp_key(const void *a, const void *b)
{
	const jx_dat_key *x = a, *y = b;
	return jx_dat_labels_cmp(x->labels, x->len, y->labels, y->len);
}

/* A number from lexicon/params, or def. */
static double param(const char *name, double def)
{
	table *t = find_table("lexicon/params");
	if (t == NULL)
		return def;
	for (uint32_t r = 0; r < t->nrows; r++)
		if (strcmp(table_cell(t, r, 0, NULL), name) == 0)
			return strtod(table_cell(t, r, 1, NULL), NULL);
	return def;
}

static uint16_t cost_of(double p)
{
	double c = -log(p) * 1000.0;
	if (!(c >= 0))
		c = 0;
	if (c > 65535)
		c = 65535;
	return (uint16_t)lround(c);
}

void build_lexicon(section *secs, int *nsecs)
{
	table *src = find_table("lexicon/sources");
	if (src == NULL)
		return; /* a model without a lexicon */
	src->internal = true;
	jx_buf_init(&forms, (size_t)1 << 31);
	load_tags();
	load_numbers();
	if (nerrors)
		return;
	for (uint32_t r = 0; r < src->nrows; r++)
		load_source(src, r);
	if (nerrors)
		return;

	/* merge */
	qsort(ents, nents, sizeof(entry), cmp_entry);
	int n_id = tag_id("n"), nrt_id = tag_id("nrt"),
	    nrfg_id = tag_id("nrfg");
	size_t w = 0;
	for (size_t i = 0; i < nents; i++) {
		if (w == 0 || strcmp(forms.data + ents[w - 1].form,
		                     forms.data + ents[i].form) != 0) {
			ents[w++] = ents[i];
		} else if (ents[w - 1].mapped && ents[w - 1].pos == n_id &&
		           !ents[i].mapped &&
		           (ents[i].pos == nrt_id || ents[i].pos == nrfg_id)) {
			ents[w - 1].pos = ents[i].pos;
			ents[w - 1].mapped = false;
		}
	}
	nents = w;

	/* characters by weight */
	idmap = calloc(0x110000, sizeof(uint32_t));
	double *cw = calloc(0x110000, sizeof(double));
	if (!idmap || !cw)
		die_oom();
	for (size_t i = 0; i < nents; i++) {
		const uint8_t *s = (const uint8_t *)forms.data + ents[i].form;
		size_t k = 0;
		while (k < ents[i].len) {
			uint32_t cp = jx_utf8_next(s, ents[i].len, &k);
			if (cp < 0x110000)
				cw[cp] += ents[i].p + 1e-12;
		}
	}
	/* numerals and units are characters of the lexicon even when no
	 * word has them */
	for (uint32_t cp = 0; cp < 0x110000; cp++)
		if (info[cp].flags && cw[cp] == 0)
			cw[cp] = 1e-12;
	size_t nch = 0;
	for (uint32_t cp = 0; cp < 0x110000; cp++)
		nch += cw[cp] > 0;
	chw *chars = calloc(nch + 1, sizeof(chw));
	if (chars == NULL)
		die_oom();
	nch = 0;
	for (uint32_t cp = 0; cp < 0x110000; cp++)
		if (cw[cp] > 0)
			chars[nch++] = (chw){cp, cw[cp]};
	qsort(chars, nch, sizeof(chw), cmp_chw);
	if (nch >= 0xFFFF) {
		fprintf(stderr, "jishi-compile: over 65,534 characters\n");
		nerrors++;
		return;
	}
	for (size_t i = 0; i < nch; i++)
		idmap[chars[i].cp] = (uint32_t)i + 1;

	/* LCHR: one uint32 entry per BMP code point (id, class, script,
	 * numeral flag of its folded form), then (cp, id) pairs beyond it */
	uint8_t *script = calloc(0x10000, 1);
	if (script == NULL)
		die_oom();
	table *sct = find_table("script/chars");
	for (uint32_t r = 0; sct && r < sct->nrows; r++) {
		uint32_t cp = first_cp(table_cell(sct, r, 0, NULL));
		if (cp < 0x10000)
			script[cp] =
			    strcmp(table_cell(sct, r, 1, NULL), "hant") == 0
			        ? 1
			        : 2;
	}
	jx_buf *lchr = &secs[*nsecs].data;
	secs[(*nsecs)++].id = JX_SEC_LCHR;
	uint32_t nchars = (uint32_t)nch, nextra = 0;
	for (size_t i = 0; i < nch; i++)
		nextra += chars[i].cp >= 0x10000;
	jx_buf_append(lchr, &nchars, 4);
	jx_buf_append(lchr, &nextra, 4);
	for (uint32_t cp = 0; cp < 0x10000; cp++) {
		uint32_t f = jx_norm_fold(cp);
		uint32_t cls = jx_seg_classify(f);
		uint32_t id = cls == JX_CLASS_SPACE ? 0 : idmap[f];
		uint32_t e = id | cls << JX_LCHR_CLASS_SHIFT |
		             (uint32_t)script[cp] << JX_LCHR_SCRIPT_SHIFT |
		             (info[f].flags ? JX_LCHR_NUMERIC : 0);
		jx_buf_append(lchr, &e, 4);
	}
	free(script);
	for (uint32_t cp = 0x10000; cp < 0x110000; cp++)
		if (idmap[cp]) {
			uint32_t pair[2] = {cp, idmap[cp]};
			jx_buf_append(lchr, pair, 8);
		}

	/* LCFL: flags and value per character id */
	jx_buf *lcfl = &secs[*nsecs].data;
	secs[(*nsecs)++].id = JX_SEC_LCFL;
	uint8_t zero2[2] = {0, 0};
	jx_buf_append(lcfl, zero2, 2);
	for (size_t i = 0; i < nch; i++) {
		const cpinfo *ci = &info[chars[i].cp];
		uint8_t fv[2] = {ci->flags, ci->value};
		jx_buf_append(lcfl, fv, 2);
	}

	/* keys */
	jx_dat_key *keys = calloc(nents + 1, sizeof(jx_dat_key));
	uint32_t *labels = calloc(forms.len + 1, sizeof(uint32_t));
	if (!keys || !labels)
		die_oom();
	size_t nl = 0;
	for (size_t i = 0; i < nents; i++) {
		const uint8_t *s = (const uint8_t *)forms.data + ents[i].form;
		size_t k = 0;
		keys[i].labels = labels + nl;
		while (k < ents[i].len)
			labels[nl++] = idmap[jx_utf8_next(s, ents[i].len, &k)];
		keys[i].len = (uint32_t)(labels + nl - keys[i].labels);
		keys[i].value = (uint32_t)i;
	}
	qsort(keys, nents, sizeof(jx_dat_key), cmp_key);
	/* a word's value in the trie: cost | tag << 16 */
	double len_cost = param("length_cost", 0);
	for (size_t i = 0; i < nents; i++) {
		const entry *e = &ents[keys[i].value];
		double c = cost_of(e->p) + len_cost * (keys[i].len - 1);
		if (c > 65535)
			c = 65535;
		keys[i].value = (uint32_t)c | (uint32_t)e->pos << 16;
		keys[i].weight = e->p;
	}
	jx_dat_cell *cells;
	uint32_t ncells;
	int rc = jx_dat_build(keys, nents, &cells, &ncells);
	if (rc) {
		fprintf(stderr, "jishi-compile: lexicon trie: %s\n",
		        jishi_strerror(rc));
		nerrors++;
		return;
	}
	jx_buf *ldat = &secs[*nsecs].data;
	secs[(*nsecs)++].id = JX_SEC_LDAT;
	jx_buf_append(ldat, cells, (size_t)ncells * sizeof(jx_dat_cell));
	fprintf(stderr,
	        "jishi-compile: lexicon: %zu forms, %zu characters, %u trie "
	        "cells\n",
	        nents, nch, ncells);

	/* unknown-word model: B M E S per character, weighted by p */
	double(*em)[4] = calloc(nch + 1, sizeof(*em));
	double tot[4] = {0, 0, 0, 0}, len1 = 0, len2 = 0, lenm = 0, mm = 0,
	       me = 0;
	if (em == NULL)
		die_oom();
	for (size_t i = 0; i < nents; i++) {
		const entry *e = &ents[i];
		const uint8_t *s = (const uint8_t *)forms.data + e->form;
		uint32_t ids[64];
		uint32_t n = 0;
		size_t k = 0;
		while (k < e->len && n < 64)
			ids[n++] = idmap[jx_utf8_next(s, e->len, &k)];
		if (n == 1) {
			em[ids[0]][3] += e->p;
			tot[3] += e->p;
			len1 += e->p;
			continue;
		}
		em[ids[0]][0] += e->p;
		em[ids[n - 1]][2] += e->p;
		tot[0] += e->p;
		tot[2] += e->p;
		for (uint32_t m = 1; m + 1 < n; m++) {
			em[ids[m]][1] += e->p;
			tot[1] += e->p;
		}
		if (n == 2)
			len2 += e->p;
		else {
			lenm += e->p;
			mm += e->p * (n - 3);
			me += e->p;
		}
	}
	jx_buf *lhmm = &secs[*nsecs].data;
	secs[(*nsecs)++].id = JX_SEC_LHMM;
	/* header: nchars, then start[4], trans[4][4], unknown[4] (uint16
	 * costs, 65535 = impossible), padded to 8 bytes */
	uint16_t hdr[4 + 16 + 4];
	double ps = len1 / (len1 + len2 + lenm);
	double pbm = lenm / (len2 + lenm), pmm = mm / (mm + me);
	enum { B, M, E, S };
	for (int k = 0; k < 24; k++)
		hdr[k] = 65535;
	hdr[B] = cost_of(1 - ps);
	hdr[S] = cost_of(ps);
	hdr[4 + B * 4 + M] = cost_of(pbm);
	hdr[4 + B * 4 + E] = cost_of(1 - pbm);
	hdr[4 + M * 4 + M] = cost_of(pmm);
	hdr[4 + M * 4 + E] = cost_of(1 - pmm);
	hdr[4 + E * 4 + B] = cost_of(1 - ps);
	hdr[4 + E * 4 + S] = cost_of(ps);
	hdr[4 + S * 4 + B] = cost_of(1 - ps);
	hdr[4 + S * 4 + S] = cost_of(ps);
	/* an unseen character: a word of its own, mostly */
	hdr[20 + B] = cost_of(1e-9);
	hdr[20 + M] = cost_of(1e-9);
	hdr[20 + E] = cost_of(1e-9);
	hdr[20 + S] = cost_of(1e-7);
	jx_buf_append(lhmm, &nchars, 4);
	jx_buf_append(lhmm, hdr, sizeof(hdr));
	static const char zero[4];
	jx_buf_append(lhmm, zero, 4);
	for (size_t c = 0; c <= nch; c++)
		for (int t = 0; t < 4; t++) {
			uint16_t v =
			    em[c][t] > 0 ? cost_of(em[c][t] / tot[t]) : 65535;
			jx_buf_append(lhmm, &v, 2);
		}

	free(em);
	free(cells);
	free(keys);
	free(labels);
	free(chars);
	free(cw);
	free(idmap);
	free(info);
	free(clf);
	free(ents);
	free(tags);
	jx_buf_free(&forms);
}
