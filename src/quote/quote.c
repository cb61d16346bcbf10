/*
 * quote.c -- quotations with their speakers, and reported statements
 * without marks (docs/internals/event.md).
 *
 * Reads the view (actors, quotation spans); all cue words come from
 * quote/cues. Stores doc->quotes (original byte spans) and the view's
 * statements, which the event stage reads for the actor of words said.
 */
#include <string.h>

#include "view.h"

/* The first actor in [from, to) that no marker governs: the subject of
 * a Chinese clause comes first (田銘祺今日接受英國下議院質詢時表示); its
 * index or -1. */
static int32_t subject_before(const jx_view *v, uint32_t from, uint32_t to)
{
	for (uint32_t k = jx_view_actor_at(v, from); k < v->na; k++) {
		const jx_actor *a = &v->a[k];
		if (a->e > to)
			break;
		if (a->role == 0 && jx_actor_live(a))
			return (int32_t)k;
	}
	return -1;
}

/* The last cue word in [from, to) outside quotations: its start and
 * end, or false. */
static bool last_cue(const jx_view *v, uint32_t from, uint32_t to, uint32_t *cs,
                     uint32_t *ce)
{
	bool found = false;
	uint32_t n, row;
	for (uint32_t p = from;
	     (p = jx_view_next_word(v, v->cues, p, to, &n, &row)) < to; p += n)
		if (jx_view_quote_at(v, p) == NULL) {
			*cs = p;
			*ce = p + n;
			found = true;
		}
	return found;
}

/* Only spaces and clause punctuation in [s, e)? */
static bool only_punct(const jx_view *v, uint32_t s, uint32_t e)
{
	for (size_t i = s; i < e;) {
		uint32_t cp = jx_utf8_next(v->t, v->len, &i);
		if (cp != ',' && cp != ':' && cp != ' ' && cp != 0x3001)
			return false;
	}
	return true;
}

/* Does the quotation read as a sentence rather than a term? */
static bool sentence_like(const jx_view *v, const jx_qspan *q, double max)
{
	uint32_t chars = 0;
	for (size_t i = q->s; i < q->e;) {
		uint32_t cp = jx_utf8_next(v->t, v->len, &i);
		if (cp == 0x3002 || cp == ',' || cp == ';' || cp == '!' ||
		    cp == '?')
			return true;
		chars++;
	}
	return chars > max;
}

static uint32_t q_chars(const jx_view *v, const jx_qspan *q)
{
	return (uint32_t)jx_utf8_count(v->t + q->s, q->e - q->s);
}

static int32_t first_ent(const jx_view *v, int32_t k)
{
	return k >= 0 ? v->a[k].ent[0] : -1;
}

/* The addressee: a person governed by 向/對/跟 between speaker and cue. */
static int32_t addressee(jishi_doc *doc, const jx_view *v, uint32_t from,
                         uint32_t to)
{
	for (uint32_t k = jx_view_actor_at(v, from); k < v->na; k++) {
		const jx_actor *a = &v->a[k];
		if (a->s >= to)
			break;
		if (a->n && (a->role == 't' || a->role == 'w') &&
		    JX_VEC_AT(&doc->entities, jx_entity, a->ent[0]).type ==
		        JX_ENT_PERSON)
			return a->ent[0];
	}
	return -1;
}

static void add_stmt(jx_view *v, uint32_t cap, uint32_t s, uint32_t e,
                     const jx_arg *who, uint8_t n)
{
	if (v->nst >= cap || n == 0)
		return;
	jx_stmt *st = &v->st[v->nst++];
	st->s = s;
	st->e = e;
	st->n = n;
	memcpy(st->who, who, n * sizeof *who);
}

/* Actor k with the actors joined to it by 、 (中國、俄羅斯、巴西…表示). */
static uint8_t actor_group(const jx_view *v, uint32_t k, jx_arg *out)
{
	uint32_t lo = k, hi = k;
	while (lo > 0 && v->a[lo - 1].e + 3 == v->a[lo].s &&
	       memcmp(v->t + v->a[lo - 1].e, "\xe3\x80\x81", 3) == 0)
		lo--;
	while (hi + 1 < v->na && v->a[hi].e + 3 == v->a[hi + 1].s &&
	       memcmp(v->t + v->a[hi].e, "\xe3\x80\x81", 3) == 0)
		hi++;
	uint8_t n = 0;
	for (uint32_t i = lo; i <= hi; i++) {
		const jx_actor *a = &v->a[i];
		if (a->code && n < JX_EV_ARGS) {
			out[n].ent = -1;
			out[n++].code = a->code;
		}
		for (uint8_t j = 0; j < a->n && n < JX_EV_ARGS; j++) {
			out[n].ent = a->ent[j];
			out[n++].code = NULL;
		}
	}
	return n;
}

/* The end of the paragraph holding p (a line break or the text end). */
static uint32_t para_end(const jx_view *v, uint32_t p)
{
	while (p < v->len && v->t[p] != '\n')
		p++;
	return p;
}

static void statements(jishi_doc *doc, jx_view *v)
{
	uint32_t cap = v->nq + v->len / 6 + 1;
	v->st = jx_arena_alloc(&doc->arena, (size_t)cap * sizeof *v->st);
	if (v->st == NULL) {
		doc->oom = JISHI_ENOMEM;
		return;
	}
	for (uint32_t i = 0; i < v->nq; i++) {
		const jx_qspan *q = &v->q[i];
		if (q->quote < 0)
			continue;
		const jx_quote *dq =
		    &JX_VEC_AT(&doc->quotes, jx_quote, (uint32_t)q->quote);
		if (dq->speech && dq->speaker >= 0) {
			jx_arg who = {.ent = dq->speaker, .code = NULL};
			add_stmt(v, cap, q->s, q->e, &who, 1);
		}
	}
	v->nst_quote = v->nst;
	uint32_t n, row;
	for (uint32_t p = 0;
	     (p = jx_view_next_word(v, v->cues, p, v->len, &n, &row)) < v->len;
	     p += n) {
		if (jx_view_quote_at(v, p))
			continue;
		uint32_t cs = jx_view_unit_start(v, p, 2);
		uint32_t ps = jx_view_unit_start(v, p, 1);
		int32_t k = subject_before(v, cs, p);
		for (uint32_t j = jx_view_actor_at(v, ps);
		     k < 0 && j < v->na && v->a[j].e <= cs; j++)
			if (v->a[j].role == 0 && jx_actor_live(&v->a[j]))
				k = (int32_t)j; /* the part's subject */
		if (k >= 0) {
			uint32_t end = jx_view_unit_end(v, p + n, 0);
			uint32_t par = jx_view_unit_start(v, p, 0);
			bool lead = (par == 0 || v->t[par - 1] == '\n') &&
			            jx_view_unit_start(v, p, 2) == par;
			if (lead && p + n < v->len &&
			    jx_view_stop(v, p + n, 2) &&
			    !jx_view_stop(v, p + n, 1))
				end = para_end(v, p + n);
			jx_arg who[JX_EV_ARGS];
			uint8_t nw = actor_group(v, (uint32_t)k, who);
			add_stmt(v, cap, p + n, end, who, nw);
		}
	}
	/* both runs are in order of s: quotes by their mark, cues by
	 * position (jx_view_stmt_at) */
	for (uint32_t i = 0; i < v->nst; i++) {
		uint32_t *m = &v->st_max[i >= v->nst_quote];
		if (v->st[i].e - v->st[i].s > *m)
			*m = v->st[i].e - v->st[i].s;
	}
}

void jx_quote_run(jishi_doc *doc, jx_view *v)
{
	double term_max = jx_model_param(doc->model, "quote_term_max", 16);
	double speech_min = jx_model_param(doc->model, "quote_speech_min", 7);
	for (uint32_t i = 0; i < v->nq; i++) {
		jx_qspan *q = &v->q[i];
		jx_quote *dq = jx_vec_push(doc, &doc->quotes, sizeof *dq);
		if (dq == NULL)
			return;
		q->quote = (int32_t)(doc->quotes.n - 1);
		dq->span = jx_doc_span(doc, q->s, q->e);
		dq->cue.start = JX_NOSPAN;
		dq->depth = q->depth;
		dq->speaker = dq->addressee = -1;
		bool sent = sentence_like(v, q, term_max);
		if (q->depth > 0) {
			dq->speech = sent;
			continue;
		}
		/* a cue before the quotation, in the same sentence part */
		uint32_t ps = jx_view_unit_start(v, q->open, 1);
		uint32_t cs = 0, ce = 0;
		int32_t who = -1;
		bool cue = last_cue(v, ps, q->open, &cs, &ce);
		bool direct = cue && only_punct(v, ce, q->open);
		if (cue) {
			who =
			    subject_before(v, jx_view_unit_start(v, cs, 2), cs);
			for (uint32_t j = jx_view_actor_at(v, ps);
			     who < 0 && j < v->na && v->a[j].e <= cs; j++)
				if (v->a[j].role == 0 &&
				    jx_actor_live(&v->a[j]))
					who =
					    (int32_t)j; /* the part's subject */
			if (who >= 0)
				dq->addressee =
				    addressee(doc, v, v->a[who].e, cs);
		}
		/* or after it: 「…」，他說 / 「…」X表示 */
		if (who < 0) {
			uint32_t p = q->close;
			while (p < v->len && (v->t[p] == ',' || v->t[p] == ' '))
				p++;
			uint32_t k = jx_view_actor_at(v, p);
			if (k < v->na && v->a[k].s == p && v->a[k].n) {
				uint32_t row, n = 0;
				for (uint32_t x = v->a[k].e, step = 0;
				     step < 3 && x < v->len && n == 0; step++) {
					n = jx_view_word(v, v->cues, x, &row);
					if (n) {
						cs = x;
						ce = x + n;
					} else {
						size_t y = x;
						jx_utf8_next(v->t, v->len, &y);
						x = (uint32_t)y;
					}
				}
				if (n) {
					who = (int32_t)k;
					cue = direct = true;
				}
			}
		}
		/* a name or phrase: 所提的「實用外交」, 以「…」為題, 「…」的 */
		uint32_t before = 0, after = 0;
		if (q->open > 0) {
			size_t x = q->open;
			before = jx_utf8_prev(v->t, &x);
		}
		if (q->close < v->len) {
			size_t x = q->close;
			after = jx_utf8_next(v->t, v->len, &x);
		}
		bool named = before == 0x7684 || before == 0x4EE5 ||
		             before == 0x70BA || before == 0x4E3A ||
		             after == 0x7684 || after == 0x70BA ||
		             after == 0x4E3A;
		dq->speech = direct || sent ||
		             (cue && !named && q_chars(v, q) >= speech_min);
		if (dq->speech && cue) {
			dq->cue = jx_doc_span(doc, cs, ce);
			dq->speaker = first_ent(v, who);
		} else {
			dq->addressee = -1;
		}
	}
	statements(doc, v);
}
