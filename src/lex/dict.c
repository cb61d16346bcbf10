/*
 * dict.c -- user dictionaries: words added at load time, without
 * rebuilding the model (jieba's userdict format).
 *
 * One word a line: `word [freq] [tag]`, separated by spaces or tabs;
 * blank lines and lines starting with '#' are skipped. freq is on the
 * scale of the shipped lexicon (counts out of JX_DICT_TOTAL). Without it a
 * word costs the model's cost for it or dict_default_cost, whichever is
 * lower (lexicon/params), and while a dictionary is in use every word the
 * model has costs dict_model_penalty more: the user's words win, and the
 * model still settles what they leave open. Characters the model does not
 * know get ids after the model's own. A word with a space or control
 * character inside (a multi-word entry such as "Phang　Nga") can match no
 * token of text and is skipped.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "seg.h"

#define JX_DICT_TOTAL 60000000.0
/* Defaults when the model's lexicon/params does not say. */
#define JX_DICT_DEFAULT_COST  9000.0
#define JX_DICT_MODEL_PENALTY 3000.0

/* The model's value (cost | tag << 16) of a word given as character ids,
 * or UINT32_MAX when the model does not have it. */
static uint32_t model_value(const jishi_model *m, const uint32_t *ids,
                            uint32_t n)
{
	const jx_lexicon *lx = &m->lex;
	uint32_t st = 0, v;
	for (uint32_t i = 0; i < n; i++)
		if (ids[i] == 0 || ids[i] > lx->nchars ||
		    !jx_dat_next(&lx->dat, st, ids[i], &st))
			return UINT32_MAX;
	if (!jx_dat_value(&lx->dat, st, &v))
		return UINT32_MAX;
	return v;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

uint32_t jx_dict_char(const jishi_dict *d, uint32_t cp)
{
	uint32_t id = jx_lex_char(&d->model->lex, cp);
	if (id || d->nx == 0)
		return id;
	uint32_t lo = 0, hi = d->nx;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (d->xcp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nx && d->xcp[lo] == cp ? d->base_id + 1 + lo : 0;
}

typedef struct rec {
	uint32_t *labels;
	uint32_t len;
	uint32_t value;
	uint32_t line;
} rec;

static int cmp_rec(const void *a, const void *b)
{
	const rec *x = a, *y = b;
	int c = jx_dat_labels_cmp(x->labels, x->len, y->labels, y->len);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

void jishi_dict_free(jishi_dict *d)
{
	if (d == NULL)
		return;
	jx_free(d->cells);
	jx_free(d->xcp);
	jx_free(d);
}

int jishi_dict_open(const jishi_model *m, const char *path, jishi_dict **out,
                    jishi_err *err)
{
	int rc = JISHI_OK;
	char *text = NULL;
	rec *recs = NULL;
	uint32_t *labels = NULL;
	jx_dat_key *keys = NULL;
	jishi_dict *d = NULL;
	size_t len = 0, nrec = 0;

	if (out == NULL || m == NULL || path == NULL)
		return jx_err_set(err, JISHI_EINVAL, UINT64_MAX,
		                  "jishi_dict_open: NULL argument");
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return jx_err_set(err, JISHI_EIO, UINT64_MAX, "%s: %s", path,
		                  strerror(errno));
	jx_buf b;
	jx_buf_init(&b, (size_t)1 << 30);
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		jx_buf_append(&b, chunk, got);
	fclose(f);
	if (b.err) {
		rc = jx_err_set(err, b.err, UINT64_MAX, "%s: %s", path,
		                jishi_strerror(b.err));
		jx_buf_free(&b);
		return rc;
	}
	text = b.data;
	len = b.len;
	size_t bad = jx_utf8_validate((const uint8_t *)text, len);
	if (bad < len) {
		unsigned line = 1;
		for (size_t i = 0; i < bad; i++)
			line += text[i] == '\n';
		rc = jx_err_set(err, JISHI_EUTF8, bad,
		                "%s:%u: invalid UTF-8 at byte %zu", path, line,
		                bad);
		goto out;
	}
	d = jx_calloc(1, sizeof(*d));
	labels = jx_malloc((len + 1) * sizeof(uint32_t));
	recs = jx_malloc((len / 2 + 2) * sizeof(rec));
	if (d == NULL || labels == NULL || recs == NULL) {
		rc = jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
		goto out;
	}
	d->model = m;
	d->base_id = m->lex.nchars;
	double def_cost =
	    jx_model_param(m, "dict_default_cost", JX_DICT_DEFAULT_COST);
	d->model_penalty = (uint32_t)jx_model_param(m, "dict_model_penalty",
	                                            JX_DICT_MODEL_PENALTY);

	/* pass 1: characters the model lacks */
	uint32_t *xs = jx_malloc((len + 1) * sizeof(uint32_t));
	if (xs == NULL) {
		rc = jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
		goto out;
	}
	size_t nx = 0, i = 0;
	while (i < len) {
		uint32_t cp =
		    jx_norm_fold(jx_utf8_next((const uint8_t *)text, len, &i));
		if (cp > ' ' && jx_lex_char(&m->lex, cp) == 0)
			xs[nx++] = cp;
	}
	qsort(xs, nx, sizeof(uint32_t), cmp_u32);
	size_t w = 0;
	for (size_t k = 0; k < nx; k++)
		if (w == 0 || xs[w - 1] != xs[k])
			xs[w++] = xs[k];
	d->xcp = xs;
	d->nx = (uint32_t)w;
	/* pass 2: records */
	size_t nl = 0;
	uint32_t lineno = 0;
	for (size_t p = 0; p < len;) {
		size_t e = p;
		while (e < len && text[e] != '\n')
			e++;
		lineno++;
		size_t s = p;
		p = e + 1;
		while (s < e &&
		       (text[s] == ' ' || text[s] == '\t' || text[s] == '\r'))
			s++;
		if (s == e || text[s] == '#')
			continue;
		/* fields */
		const char *fld[3] = {NULL, NULL, NULL};
		size_t fl[3] = {0, 0, 0};
		int nf = 0;
		size_t q = s;
		while (q < e && nf < 3) {
			while (q < e && (text[q] == ' ' || text[q] == '\t' ||
			                 text[q] == '\r'))
				q++;
			if (q >= e)
				break;
			fld[nf] = text + q;
			while (q < e && text[q] != ' ' && text[q] != '\t' &&
			       text[q] != '\r')
				q++;
			fl[nf] = (size_t)(text + q - fld[nf]);
			nf++;
		}
		uint32_t cost = UINT32_MAX, tag = 0;
		int tagf = -1;
		if (nf >= 2) {
			char num[32];
			char *end;
			size_t n = fl[1] < 31 ? fl[1] : 31;
			memcpy(num, fld[1], n);
			num[n] = '\0';
			double fq = strtod(num, &end);
			if (*end == '\0' && fq > 0) {
				double c = -log(fq / JX_DICT_TOTAL) * 1000.0;
				cost = c < 0       ? 0
				       : c > 65535 ? 65535
				                   : (uint32_t)c;
				tagf = nf >= 3 ? 2 : -1;
			} else {
				tagf = 1; /* word tag */
			}
		}
		if (tagf >= 0) {
			char tg[16];
			size_t n = fl[tagf] < 15 ? fl[tagf] : 15;
			memcpy(tg, fld[tagf], n);
			tg[n] = '\0';
			int id = jx_lex_tag_id(&m->lex, tg);
			if (id < 0) {
				rc = jx_err_set(err, JISHI_EDATA,
				                (uint64_t)(fld[tagf] - text),
				                "%s:%u: unknown POS tag '%s'",
				                path, lineno, tg);
				goto out;
			}
			tag = (uint32_t)id;
		} else {
			int id = jx_lex_tag_id(&m->lex, "n");
			tag = id < 0 ? 0 : (uint32_t)id;
		}
		rec *r = &recs[nrec];
		r->labels = labels + nl;
		size_t k = 0;
		bool unusable = false;
		while (k < fl[0]) {
			uint32_t cp = jx_norm_fold(
			    jx_utf8_next((const uint8_t *)fld[0], fl[0], &k));
			uint32_t id =
			    cp > ' ' && cp != 0x7F ? jx_dict_char(d, cp) : 0;
			if (id == 0) {
				/* a space or control character inside the word
				 * (Phang　Nga): no text token can match it */
				unusable = true;
				break;
			}
			labels[nl++] = id;
		}
		if (unusable) {
			nl = (size_t)(r->labels - labels);
			continue;
		}
		r->len = (uint32_t)(labels + nl - r->labels);
		if (cost == UINT32_MAX) {
			/* no frequency: the model's cost for the word, else a
			 * common word's */
			uint32_t mv = model_value(m, r->labels, r->len);
			cost = (uint32_t)def_cost;
			if (mv != UINT32_MAX && (mv & 0xFFFFu) < cost)
				cost = mv & 0xFFFFu;
			if (tagf < 0 && mv != UINT32_MAX)
				tag = mv >> 16;
		}
		r->value = cost | tag << 16;
		r->line = lineno;
		if (r->len > 0 && r->len <= 64)
			nrec++;
	}
	qsort(recs, nrec, sizeof(rec), cmp_rec);
	/* one value per word: the last line that gave it */
	keys = jx_malloc((nrec + 1) * sizeof(jx_dat_key));
	if (keys == NULL) {
		rc = jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
		goto out;
	}
	size_t nk = 0;
	for (size_t k = 0; k < nrec; k++) {
		if (k + 1 < nrec && recs[k + 1].len == recs[k].len &&
		    memcmp(recs[k + 1].labels, recs[k].labels,
		           recs[k].len * sizeof(uint32_t)) == 0)
			continue;
		keys[nk].labels = recs[k].labels;
		keys[nk].len = recs[k].len;
		keys[nk].value = recs[k].value;
		keys[nk].weight = 0;
		nk++;
	}
	uint32_t ncells;
	rc = jx_dat_build(keys, nk, &d->cells, &ncells);
	if (rc) {
		jx_err_set(err, rc, UINT64_MAX, "%s: %s", path,
		           jishi_strerror(rc));
		goto out;
	}
	d->dat.cells = d->cells;
	d->dat.n = ncells;
out:
	jx_free(text);
	jx_free(recs);
	jx_free(labels);
	jx_free(keys);
	if (rc) {
		jishi_dict_free(d);
		return rc;
	}
	*out = d;
	return JISHI_OK;
}
