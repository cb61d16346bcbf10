/*
 * view.c -- the reading view of the quote and event stages: token
 * boundaries, actors in text order with their governing markers and
 * resolved pronouns, and quotation spans (docs/internals/event.md).
 */
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "seg.h"
#include "view.h"

#define CHAIN_GAP 36 /* bytes of title between a country and its person */

static uint32_t cp_at(const jx_view *v, uint32_t p, size_t *next)
{
	size_t i = p;
	uint32_t cp = jx_utf8_next(v->t, v->len, &i);
	if (next)
		*next = i;
	return cp;
}

/* Is cp the first character of a mark of the quote/marks table? The
 * marks' first characters are gathered once per document (a handful). */
typedef struct markset {
	uint32_t cp[64];
	uint32_t n;
} markset;

static void markset_of(const jx_table *marks, markset *ms)
{
	ms->n = 0;
	for (uint32_t r = 0; r < marks->nrows; r++)
		for (uint32_t c = 0; c < 2 && c < marks->ncols; c++) {
			jx_str x = jx_table_cell(marks, r, c);
			size_t q = 0;
			if (x.len == 0 || ms->n == 64)
				continue;
			ms->cp[ms->n++] =
			    jx_utf8_next((const uint8_t *)x.s, x.len, &q);
		}
}

static bool is_mark(const markset *ms, uint32_t cp)
{
	for (uint32_t i = 0; i < ms->n; i++)
		if (ms->cp[i] == cp)
			return true;
	return false;
}

bool jx_view_stop(const jx_view *v, uint32_t p, int level)
{
	if (p >= v->len)
		return true;
	uint32_t cp = cp_at(v, p, NULL);
	switch (cp) {
	case 0x3002: /* 。 */
	case '!':
	case '?':
	case '\n':
	case 0x2029:
		return true;
	case ';':
		return level >= 1;
	case ',':
	case ':':
		return level >= 2;
	default:
		return false;
	}
}

uint32_t jx_view_unit_start(const jx_view *v, uint32_t p, int level)
{
	size_t i = p > v->len ? v->len : p;
	while (i > 0) {
		size_t j = i;
		jx_utf8_prev(v->t, &j);
		if (jx_view_stop(v, (uint32_t)j, level))
			break;
		i = j;
	}
	return (uint32_t)i;
}

uint32_t jx_view_unit_end(const jx_view *v, uint32_t p, int level)
{
	size_t i = p;
	while (i < v->len && !jx_view_stop(v, (uint32_t)i, level))
		jx_utf8_next(v->t, v->len, &i);
	return (uint32_t)i;
}

uint32_t jx_view_word(const jx_view *v, const jx_table *t, uint32_t p,
                      uint32_t *row)
{
	if (t == NULL || p >= v->len || !(v->tok[p] & 1))
		return 0;
	uint32_t r;
	uint32_t n = jx_table_longest(t, v->t + p, v->len - p, &r);
	while (n > 0) {
		if (v->tok[p + n] & 2) {
			int64_t x = jx_table_find(t, v->t + p, n);
			if (x >= 0) {
				*row = (uint32_t)x;
				return n;
			}
		}
		/* a shorter prefix, one character less */
		size_t j = n;
		jx_utf8_prev(v->t + p, &j);
		n = (uint32_t)j;
	}
	(void)r;
	return 0;
}

uint32_t jx_view_next_word(const jx_view *v, const jx_table *t, uint32_t from,
                           uint32_t to, uint32_t *n, uint32_t *row)
{
	for (uint32_t p = from; p < to;) {
		uint32_t k = jx_view_word(v, t, p, row);
		if (k && p + k <= to) {
			*n = k;
			return p;
		}
		size_t q = p;
		jx_utf8_next(v->t, v->len, &q);
		p = (uint32_t)q;
	}
	*n = 0;
	return to;
}

/* The first of the n records at base (each `size` bytes, with a uint32_t
 * key at byte offset `off`, keys ascending) whose key is past p: > p, or
 * >= p when `at` is true (the first one at p or after). n when none. */
static uint32_t first_past(const void *base, uint32_t n, size_t size,
                           size_t off, uint32_t p, bool at)
{
	const uint8_t *b = base;
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, k;
		memcpy(&k, b + (size_t)mid * size + off, sizeof k);
		if (k < p || (!at && k == p))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

uint32_t jx_view_actor_at(const jx_view *v, uint32_t p)
{
	return first_past(v->a, v->na, sizeof *v->a, offsetof(jx_actor, s), p,
	                  true);
}

const jx_qspan *jx_view_quote_at(const jx_view *v, uint32_t p)
{
	/* spans are in order of their opening mark: the last one opening
	 * at p or before, then back while one may still reach p; the
	 * deepest holding p wins, the first of equal depth */
	uint32_t lo = first_past(v->q, v->nq, sizeof *v->q,
	                         offsetof(jx_qspan, open), p, false);
	const jx_qspan *best = NULL;
	for (uint32_t i = lo; i-- > 0;) {
		const jx_qspan *q = &v->q[i];
		if (q->open + v->q_max < p)
			break;
		if (p >= q->s && p < q->e && (!best || q->depth >= best->depth))
			best = q;
	}
	return best;
}

/* The statement of st[0..n) (in order of s, no e - s over max) holding
 * p with the latest start, the first of equal starts. */
static const jx_stmt *stmt_in(const jx_stmt *st, uint32_t n, uint32_t max,
                              uint32_t p)
{
	uint32_t lo =
	    first_past(st, n, sizeof *st, offsetof(jx_stmt, s), p, false);
	const jx_stmt *best = NULL;
	for (uint32_t i = lo; i-- > 0;) {
		if (st[i].s + max < p || (best && st[i].s < best->s))
			break;
		if (p < st[i].e)
			best = &st[i];
	}
	return best;
}

const jx_stmt *jx_view_stmt_at(const jx_view *v, uint32_t p)
{
	const jx_stmt *a = stmt_in(v->st, v->nst_quote, v->st_max[0], p);
	const jx_stmt *b = stmt_in(v->st + v->nst_quote, v->nst - v->nst_quote,
	                           v->st_max[1], p);
	return !b || (a && a->s >= b->s) ? a : b;
}

static int cmp_actor(const void *a, const void *b)
{
	const jx_actor *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->e > y->e ? -1 : x->e < y->e;
}

static bool actor_type(int type)
{
	return type == JX_ENT_PERSON || type == JX_ENT_GPE ||
	       type == JX_ENT_ORG || type == JX_ENT_MEDIA ||
	       type == JX_ENT_NORP;
}

/* Token boundaries in norm offsets. */
static void build_tokens(jishi_doc *doc, jx_view *v)
{
	for (uint32_t i = 0; i < doc->ntokens; i++) {
		uint32_t s = jx_doc_norm(doc, doc->tokens[i].start);
		uint32_t e = jx_doc_norm(doc, doc->tokens[i].end);
		if (s <= v->len)
			v->tok[s] |= 1;
		if (e <= v->len)
			v->tok[e] |= 2;
	}
}

/* Name actors from the entity mentions; a country or organisation right
 * before a titled person (南韓總統李在明) folds into the person. */
static uint32_t name_actors(jishi_doc *doc, jx_view *v, jx_actor *a)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < doc->entities.n; i++) {
		const jx_entity *e = &JX_VEC_AT(&doc->entities, jx_entity, i);
		if (!actor_type(e->type))
			continue;
		for (uint32_t k = 0; k < e->mentions.n; k++) {
			jx_span sp = JX_VEC_AT(&e->mentions, jx_span, k);
			jx_actor *x = &a[n++];
			memset(x, 0, sizeof *x);
			x->s = jx_doc_norm(doc, sp.start);
			x->e = jx_doc_norm(doc, sp.end);
			x->ent[0] = (int32_t)i;
			x->n = 1;
		}
	}
	qsort(a, n, sizeof *a, cmp_actor);
	/* drop overlaps (the longer, earlier one stays) */
	uint32_t m = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (m && a[i].s < a[m - 1].e)
			continue;
		a[m++] = a[i];
	}
	/* fold title chains */
	uint32_t out = 0;
	for (uint32_t i = 0; i < m; i++) {
		if (i + 1 < m) {
			const jx_entity *e0 =
			    &JX_VEC_AT(&doc->entities, jx_entity, a[i].ent[0]);
			const jx_entity *e1 = &JX_VEC_AT(
			    &doc->entities, jx_entity, a[i + 1].ent[0]);
			/* a titled person, or a short office word between
			 * (中國外交部發言人汪文斌) */
			uint32_t gap = a[i + 1].s - a[i].e;
			bool chain =
			    e0->type != JX_ENT_PERSON &&
			    e1->type == JX_ENT_PERSON && a[i + 1].s > a[i].e &&
			    (e1->titles.n > 0 ? gap <= CHAIN_GAP : gap <= 15);
			for (uint32_t p = a[i].e; chain && p < a[i + 1].s;) {
				uint32_t row;
				if (jx_view_word(v, v->markers, p, &row))
					chain = false; /* 中國和汪文斌 */
				size_t q = p;
				jx_utf8_next(v->t, v->len, &q);
				p = (uint32_t)q;
			}
			for (uint32_t p = a[i].e; chain && p < a[i + 1].s;) {
				size_t q = p;
				uint32_t cp = jx_utf8_next(v->t, v->len, &q);
				if (jx_view_stop(v, p, 2) || cp == 0x3001 ||
				    cp == ' ' || cp == '(' || cp == ')')
					chain = false;
				p = (uint32_t)q;
			}
			if (chain) {
				a[i + 1].s = a[i].s;
				continue;
			}
		}
		a[out++] = a[i];
	}
	return out;
}

/* Names inside a time expression (台灣時間) are not actors. */
static uint32_t drop_in_times(jishi_doc *doc, jx_actor *a, uint32_t n)
{
	uint32_t m = 0, k = 0;
	for (uint32_t i = 0; i < n; i++) {
		bool in = false;
		while (k < doc->times.n) {
			const jx_time *t = &JX_VEC_AT(&doc->times, jx_time, k);
			if (jx_doc_norm(doc, t->span.end) <= a[i].s) {
				k++;
				continue;
			}
			in = jx_doc_norm(doc, t->span.start) < a[i].e;
			break;
		}
		if (!in)
			a[m++] = a[i];
	}
	return m;
}

/* Pronouns and group words on token boundaries, outside name actors. */
static uint32_t pronoun_actors(jx_view *v, const jx_actor *names, uint32_t nn,
                               jx_actor *a, uint32_t cap)
{
	uint32_t n = 0, k = 0;
	for (uint32_t p = 0; p < v->len && n < cap;) {
		while (k < nn && names[k].e <= p)
			k++;
		if (k < nn && names[k].s <= p) {
			p = names[k].e;
			continue;
		}
		uint32_t row;
		uint32_t len = jx_view_word(v, v->sides, p, &row);
		if (len) {
			jx_actor *x = &a[n++];
			memset(x, 0, sizeof *x);
			x->s = p;
			x->e = p + len;
			x->code = jx_table_str(v->sides, row, 1);
			p += len;
			continue;
		}
		len = jx_view_word(v, v->pronouns, p, &row);
		if (len) {
			jx_actor *x = &a[n++];
			memset(x, 0, sizeof *x);
			x->s = p;
			x->e = p + len;
			x->pronoun = true;
			x->ent[0] = (int32_t)row; /* resolved below */
			p += len;
			continue;
		}
		size_t q = p;
		jx_utf8_next(v->t, v->len, &q);
		p = (uint32_t)q;
	}
	return n;
}

/* Where the title written right before a person's name starts (對前總統
 * 尹錫悅: the marker stands before the title), or the name's start. */
static uint32_t title_start(const jishi_doc *doc, const jx_actor *a)
{
	const jx_entity *e = &JX_VEC_AT(&doc->entities, jx_entity, a->ent[0]);
	if (e->type != JX_ENT_PERSON)
		return a->s;
	for (uint32_t i = 0; i < e->titles.n; i++) {
		const jx_title *t = &JX_VEC_AT(&e->titles, jx_title, i);
		uint32_t ts = jx_doc_norm(doc, t->span.start);
		uint32_t te = jx_doc_norm(doc, t->span.end);
		if (te == a->s && ts < te)
			return ts;
	}
	return a->s;
}

/* A numeral or classifier character of 一名, 兩位, 多艘. */
static bool is_numcls(uint32_t cp)
{
	static const uint32_t set[] = {0x4E00, 0x4E8C, 0x5169, 0x4E24, 0x4E09,
	                               0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B,
	                               0x4E5D, 0x5341, 0x591A, 0x5E7E, 0x51E0,
	                               0x6578, 0x6570, 0x540D, 0x4F4D, 0x500B,
	                               0x4E2A, 0x5BB6, 0x8258, 0x67B6, 0x6279};
	for (size_t k = 0; k < sizeof set / sizeof set[0]; k++)
		if (set[k] == cp)
			return true;
	return cp >= '0' && cp <= '9';
}

/* The marker word ending right at p, as a role letter. Opening marks
 * (據《澎湃新聞》) and a number with its classifier (透過一名議員) may
 * stand between the marker and the actor. */
static char marker_before(const jx_view *v, uint32_t p)
{
	size_t i = p;
	for (int skip = 0; skip < 4 && i > 0; skip++) {
		size_t j = i;
		uint32_t cp = jx_utf8_prev(v->t, &j);
		if (cp == 0x300A || cp == 0x300C || cp == 0x300E ||
		    cp == 0x201C || is_numcls(cp))
			i = j;
		else
			break;
	}
	p = (uint32_t)i;
	for (int back = 0; back < 3 && i > 0; back++) {
		jx_utf8_prev(v->t, &i);
		uint32_t row;
		uint32_t len = jx_view_word(v, v->markers, (uint32_t)i, &row);
		if (len && i + len == p) {
			const char *r = jx_table_str(v->markers, row, 1);
			return r[0] == 'w'                  ? 'w'
			       : r[0] == 't'                ? 't'
			       : r[0] == 'b'                ? 'b'
			       : r[0] == 'a' && r[1] == 't' ? 'a'
			       : r[0] == 'o' && r[1] == 'b' ? 'j'
			                                    : 'o';
		}
	}
	return 0;
}

static void resolve_pronouns(jishi_doc *doc, jx_view *v)
{
	int32_t person = -1;      /* last ungoverned person */
	int32_t pp[2] = {-1, -1}; /* last two distinct people */
	int32_t gg[2] = {-1, -1}; /* last two distinct countries */
	for (uint32_t i = 0; i < v->na; i++) {
		jx_actor *x = &v->a[i];
		if (x->pronoun) {
			const char *r =
			    jx_table_str(v->pronouns, (uint32_t)x->ent[0], 1);
			x->n = 0;
			if (strcmp(r, "person") == 0 && person >= 0) {
				x->ent[0] = person;
				x->n = 1;
			} else if (strcmp(r, "pair") == 0 && pp[1] >= 0) {
				x->ent[0] = pp[1];
				x->ent[1] = pp[0];
				x->n = 2;
			} else if ((strcmp(r, "pair") == 0 ||
			            strcmp(r, "pair_gpe") == 0) &&
			           gg[1] >= 0) {
				x->ent[0] = gg[1];
				x->ent[1] = gg[0];
				x->n = 2;
			}
			continue;
		}
		if (x->n == 0)
			continue; /* a side word */
		int32_t e = x->ent[0];
		int type = JX_VEC_AT(&doc->entities, jx_entity, e).type;
		if (type == JX_ENT_PERSON) {
			if (x->role == 0)
				person = e;
			if (pp[0] != e) {
				pp[1] = pp[0];
				pp[0] = e;
			}
		} else if (type == JX_ENT_GPE && gg[0] != e) {
			gg[1] = gg[0];
			gg[0] = e;
		}
	}
}

/* Quotation spans of each paragraph: a stack of open marks; an open mark
 * never closed in its paragraph is dropped. */
static void build_quotes(jishi_doc *doc, jx_view *v)
{
	const jx_table *marks = jx_model_table(doc->model, "quote/marks");
	uint32_t cap = 64;
	v->q = jx_arena_alloc(&doc->arena, cap * sizeof *v->q);
	if (v->q == NULL || marks == NULL)
		return;
	markset ms;
	markset_of(marks, &ms);
	uint32_t np = doc->paragraphs.n;
	for (uint32_t pi = 0; pi < np + doc->captions.n; pi++) {
		jx_span ps =
		    pi < np
		        ? JX_VEC_AT(&doc->paragraphs, jx_span, pi)
		        : JX_VEC_AT(&doc->captions, jx_caption, pi - np).span;
		bool seen = false; /* a caption that is also a paragraph */
		for (uint32_t k = 0; pi >= np && k < np && !seen; k++) {
			jx_span o = JX_VEC_AT(&doc->paragraphs, jx_span, k);
			seen = o.start < ps.end && ps.start < o.end;
		}
		if (seen)
			continue;
		uint32_t s = jx_doc_norm(doc, ps.start);
		uint32_t e = jx_doc_norm(doc, ps.end);
		struct {
			uint32_t open, s, row;
		} st[8];
		int depth = 0;
		for (uint32_t p = s; p < e && p < v->len;) {
			size_t q = p;
			uint32_t cp = jx_utf8_next(v->t, v->len, &q);
			if (!is_mark(&ms, cp)) {
				p = (uint32_t)q;
				continue;
			}
			uint32_t len = (uint32_t)q - p;
			/* a close mark of an open one on the stack? */
			int hit = -1;
			for (int d = depth - 1; d >= 0 && hit < 0; d--) {
				jx_str c = jx_table_cell(marks, st[d].row, 1);
				if (c.len == len &&
				    memcmp(c.s, v->t + p, len) == 0)
					hit = d;
			}
			if (hit >= 0) {
				if (v->nq == cap) {
					jx_qspan *nq = jx_arena_alloc(
					    &doc->arena, 2 * cap * sizeof *nq);
					if (nq == NULL)
						return;
					memcpy(nq, v->q, cap * sizeof *nq);
					v->q = nq;
					cap *= 2;
				}
				jx_qspan *x = &v->q[v->nq++];
				x->open = st[hit].open;
				x->s = st[hit].s;
				x->e = p;
				x->close = (uint32_t)q;
				x->depth = (uint8_t)hit;
				x->quote = -1;
				depth = hit;
			} else {
				int64_t r = jx_table_find(marks, v->t + p, len);
				if (r >= 0 && depth < 8) {
					st[depth].open = p;
					st[depth].s = (uint32_t)q;
					st[depth].row = (uint32_t)r;
					depth++;
				}
			}
			p = (uint32_t)q;
		}
	}
	/* in order of their opening mark */
	for (uint32_t i = 1; i < v->nq; i++) {
		jx_qspan x = v->q[i];
		uint32_t j = i;
		while (j > 0 && v->q[j - 1].open > x.open) {
			v->q[j] = v->q[j - 1];
			j--;
		}
		v->q[j] = x;
	}
	for (uint32_t i = 0; i < v->nq; i++)
		if (v->q[i].e - v->q[i].open > v->q_max)
			v->q_max = v->q[i].e - v->q[i].open;
}

jx_view *jx_view_build(jishi_doc *doc)
{
	jx_view *v = jx_arena_zalloc(&doc->arena, sizeof *v);
	if (v == NULL) {
		doc->oom = JISHI_ENOMEM;
		return NULL;
	}
	const jishi_model *m = doc->model;
	v->doc = doc;
	v->t = doc->norm;
	v->len = doc->norm_len;
	v->markers = jx_model_table(m, "events/markers");
	v->pronouns = jx_model_table(m, "events/pronouns");
	v->cues = jx_model_table(m, "quote/cues");
	v->status = jx_model_table(m, "events/status");
	v->verbs = jx_model_table(m, "events/verbs");
	v->cameo = jx_model_table(m, "events/cameo");
	v->nominal = jx_model_table(m, "events/nominal");
	v->sides = jx_model_table(m, "events/sides");
	v->light = jx_model_table(m, "events/light");
	v->tok = jx_arena_zalloc(&doc->arena, (size_t)v->len + 1);
	v->tm = jx_arena_alloc(&doc->arena,
	                       ((size_t)doc->times.n + 1) * sizeof *v->tm);
	if (v->tm == NULL) {
		doc->oom = JISHI_ENOMEM;
		return NULL;
	}
	for (uint32_t i = 0; i < doc->times.n; i++) {
		const jx_time *t = &JX_VEC_AT(&doc->times, jx_time, i);
		v->tm[i].start = jx_doc_norm(doc, t->span.start);
		v->tm[i].end = jx_doc_norm(doc, t->span.end);
	}
	uint32_t nm = 0;
	for (uint32_t i = 0; i < doc->entities.n; i++)
		nm += JX_VEC_AT(&doc->entities, jx_entity, i).mentions.n;
	uint32_t pcap = v->len / 3 + 1;
	jx_actor *names =
	    jx_arena_alloc(&doc->arena, ((size_t)nm + 1) * sizeof *names);
	jx_actor *prons =
	    jx_arena_alloc(&doc->arena, (size_t)pcap * sizeof *prons);
	if (v->tok == NULL || names == NULL || prons == NULL) {
		doc->oom = JISHI_ENOMEM;
		return NULL;
	}
	build_tokens(doc, v);
	uint32_t nn = name_actors(doc, v, names);
	nn = drop_in_times(doc, names, nn);
	/* a name is one word whatever the segmenter said (李/在/明向) */
	for (uint32_t i = 0; i < nn; i++) {
		memset(v->tok + names[i].s + 1, 0, names[i].e - names[i].s - 1);
		v->tok[names[i].s] |= 1;
		v->tok[names[i].e] |= 3;
	}
	uint32_t np = pronoun_actors(v, names, nn, prons, pcap);
	v->a =
	    jx_arena_alloc(&doc->arena, ((size_t)nn + np + 1) * sizeof *v->a);
	if (v->a == NULL) {
		doc->oom = JISHI_ENOMEM;
		return NULL;
	}
	/* merge the two sorted lists */
	uint32_t i = 0, j = 0;
	while (i < nn || j < np) {
		if (j >= np || (i < nn && names[i].s <= prons[j].s))
			v->a[v->na++] = names[i++];
		else
			v->a[v->na++] = prons[j++];
	}
	const jx_table *heads = jx_model_table(m, "events/heads");
	for (uint32_t k = 0; k < v->na; k++) {
		jx_actor *a = &v->a[k];
		a->role = marker_before(v, a->s);
		if (a->role == 0 && a->n) {
			/* past the title and a former-office word (對前總統) */
			size_t ts = title_start(doc, a);
			for (int back = 0;
			     back < 3 && ts < a->s && ts > 0 && a->role == 0;
			     back++) {
				a->role = marker_before(v, (uint32_t)ts);
				jx_utf8_prev(v->t, &ts);
			}
		}
		/* 北韓核武問題, G7峰會: a modifier, not an actor */
		uint32_t p = a->e, row;
		if (p < v->len && v->t[p] == '(') {
			/* past a parenthesised other name: 七大工業國組織（G7）
			 */
			uint32_t q = p;
			while (q < v->len && q < p + 40 && v->t[q] != ')')
				q++;
			if (q < v->len && v->t[q] == ')')
				p = q + 1;
		}
		if (p < v->len && v->t[p] == ')')
			p++;
		if (p + 3 <= v->len && memcmp(v->t + p, "\xe7\x9a\x84", 3) == 0)
			p += 3; /* 的 */
		if (a->role == 0 && !a->pronoun &&
		    jx_view_word(v, heads, p, &row))
			a->role = 'm';
	}
	/* inside a parenthesis (（中央社東京23日電）, 李在明（石破茂總理）):
	 * an aside, not the one who acts */
	for (uint32_t k = 0; k < v->na; k++) {
		jx_actor *a = &v->a[k];
		for (uint32_t p = a->s; p > 0 && a->s - p < 90;) {
			char c = (char)v->t[--p];
			if (c == ')' || c == '\n')
				break;
			if (c == '(') {
				if (a->role == 0)
					a->role = 'p';
				break;
			}
		}
	}
	/* 據《韓聯社》、《日本放送協會》: the marker governs the list */
	for (uint32_t k = 1; k < v->na; k++) {
		jx_actor *a = &v->a[k];
		bool list = v->a[k - 1].e < a->s && a->s - v->a[k - 1].e <= 9;
		bool comma = false;
		for (size_t x = v->a[k - 1].e; list && x < a->s;) {
			uint32_t cp = jx_utf8_next(v->t, v->len, &x);
			comma |= cp == 0x3001;
			list = cp == 0x3001 || cp == 0x300A || cp == 0x300B ||
			       cp == 0x300C || cp == 0x300D || cp == 0x201C ||
			       cp == 0x201D;
		}
		if (list && comma && a->role == 0)
			a->role = v->a[k - 1].role;
	}
	resolve_pronouns(doc, v);
	build_quotes(doc, v);
	return v;
}

uint32_t jx_view_time_from(const jx_view *v, uint32_t p)
{
	return first_past(v->tm, v->doc->times.n, sizeof *v->tm,
	                  offsetof(jx_span, start), p, true);
}
