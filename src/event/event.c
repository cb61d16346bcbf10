/*
 * event.c -- events: a trigger from events/verbs with its source and
 * target actors, date, duration, place and status, coded in CAMEO with
 * its PLOVER type and QuadClass (docs/internals/event.md).
 *
 * Arguments come from the view the quote stage built (entity mentions,
 * pronouns, markers, statements) and dates from doc->times; nothing is
 * re-parsed here.
 */
#include <stdlib.h>
#include <string.h>

#include "event.h"

typedef struct argset {
	jx_arg a[JX_EV_ARGS];
	uint8_t n;
	uint32_t s, e; /* text of the actors (norm), for the evidence */
} argset;

static void add_arg(argset *g, int32_t ent, const char *code)
{
	for (uint8_t i = 0; i < g->n; i++)
		if (g->a[i].ent == ent &&
		    (ent >= 0 ||
		     (code && g->a[i].code && strcmp(g->a[i].code, code) == 0)))
			return;
	if (g->n < JX_EV_ARGS) {
		g->a[g->n].ent = ent;
		g->a[g->n].code = ent >= 0 ? NULL : code;
		g->n++;
	}
}

static void add_ent(argset *g, int32_t ent)
{
	add_arg(g, ent, NULL);
}

static void add_actor(argset *g, const jx_actor *a)
{
	if (g->n == 0 || a->s < g->s)
		g->s = a->s;
	if (a->e > g->e)
		g->e = a->e;
	if (a->code)
		add_arg(g, -1, a->code);
	for (uint8_t i = 0; i < a->n; i++)
		add_ent(g, a->ent[i]);
}

static bool is_country(const jx_view *v, const jx_actor *a)
{
	if (a->code)
		return strlen(a->code) == 3 && a->code[0] >= 'A' &&
		       a->code[0] <= 'Z';
	if (a->n != 1)
		return false;
	const jx_entity *e =
	    &JX_VEC_AT(&v->doc->entities, jx_entity, (uint32_t)a->ent[0]);
	return e->key && strncmp(e->key, "C:", 2) == 0;
}

/* Is [s, e) one coordinator between two actors (、 和 與 及 跟 同)? */
static bool coordinator(const jx_view *v, uint32_t s, uint32_t e, bool with_too)
{
	size_t i = s;
	uint32_t cp = jx_utf8_next(v->t, v->len, &i);
	if (i == e && cp == 0x3001)
		return true;
	if (!with_too)
		return false;
	uint32_t row, n = jx_view_word(v, v->markers, s, &row);
	return n && s + n == e && jx_table_str(v->markers, row, 1)[0] == 'w';
}

/* Are actors i and i+1 one list: a coordinator between them, or two
 * country names written together (美日韓)? */
static bool joined(const jx_view *v, uint32_t i, bool with_too)
{
	const jx_actor *a = &v->a[i], *b = &v->a[i + 1];
	if (a->e > b->s)
		return false;
	if (a->e == b->s)
		return is_country(v, a) && is_country(v, b);
	return coordinator(v, a->e, b->s, with_too);
}

/* Actor k and the actors coordinated with it on both sides. */
static void chain(const jx_view *v, uint32_t k, bool with_too, argset *g)
{
	uint32_t lo = k, hi = k;
	while (lo > 0 && joined(v, lo - 1, with_too))
		lo--;
	while (hi + 1 < v->na && joined(v, hi, with_too))
		hi++;
	for (uint32_t i = lo; i <= hi; i++)
		if (jx_actor_live(&v->a[i]))
			add_actor(g, &v->a[i]);
}

/* The innermost statement (or speech quotation) holding p. */
static bool is_media(const jx_view *v, const jx_actor *a)
{
	return a->n == 1 && !a->code &&
	       JX_VEC_AT(&v->doc->entities, jx_entity, (uint32_t)a->ent[0])
	               .type == JX_ENT_MEDIA;
}

/* The subject of a trigger at [ts, te): see docs/internals/event.md. */
static void subject(const jx_view *v, uint32_t ts, bool with_frame, argset *g)
{
	uint32_t cs = jx_view_unit_start(v, ts, 2);
	uint32_t ps = jx_view_unit_start(v, ts, 1);
	uint32_t k;
	int32_t media = -1; /* an outlet acts only when no one else does */
	for (k = jx_view_actor_at(v, cs); k < v->na && v->a[k].e <= ts; k++)
		if (v->a[k].role == 0 && jx_actor_live(&v->a[k])) {
			if (is_media(v, &v->a[k])) {
				if (media < 0)
					media = (int32_t)k;
				continue;
			}
			chain(v, k, !with_frame, g);
			return;
		}
	if (media >= 0) {
		chain(v, (uint32_t)media, !with_frame, g);
		return;
	}
	const jx_stmt *st = jx_view_stmt_at(v, ts);
	if (st) {
		for (uint8_t i = 0; i < st->n; i++)
			add_arg(g, st->who[i].ent, st->who[i].code);
		g->s = g->e = UINT32_MAX;
		return;
	}
	for (k = jx_view_actor_at(v, ps); k < v->na && v->a[k].s < cs; k++)
		if (v->a[k].role == 0 && jx_actor_live(&v->a[k])) {
			chain(v, k, !with_frame, g);
			return;
		}
	/* 在會見X時，李希表示: the subject of the next clause */
	uint32_t ce = jx_view_unit_end(v, ts, 2);
	size_t b = ce;
	uint32_t last = ce > ts ? jx_utf8_prev(v->t, &b) : 0;
	if (ce < v->len && (last == 0x6642 || last == 0x65F6)) { /* 時 */
		uint32_t ne = jx_view_unit_end(v, ce + 1, 2);
		for (k = jx_view_actor_at(v, ce); k < v->na && v->a[k].s < ne;
		     k++)
			if (v->a[k].role == 0 && jx_actor_live(&v->a[k])) {
				chain(v, k, !with_frame, g);
				return;
			}
	}
}

/* The first 的 word in [from, to) (norm offsets), or to. */
static uint32_t de_in(const jx_view *v, uint32_t from, uint32_t to)
{
	for (uint32_t p = from; p + 3 <= to; p++)
		if (memcmp(v->t + p, "\xe7\x9a\x84", 3) == 0 && (v->tok[p] & 1))
			return p;
	return to;
}

/* Can actor a be a trigger's object (not governed by 被 or 在)? */
static bool objectable(const jx_actor *a)
{
	return jx_actor_live(a) && a->role != 'b' && a->role != 'a';
}

/* The first actor after te in its clause, with its coordinated ones;
 * *rel is set when a 的 stands between (the trigger is in a relative
 * clause that describes the actor). A relative clause with a verb of its
 * own between the trigger and a 的 describes the object instead, the
 * head after the 的: 會見[來華出席論壇的]莫桑比克總理馬萊阿內. */
static void object(const jx_view *v, uint32_t te, argset *g, bool *rel)
{
	uint32_t end = jx_view_unit_end(v, te, 2);
	if (!rel && end == te && te < v->len && !jx_view_stop(v, te, 1))
		end = jx_view_unit_end(v, te + 1, 2); /* 讚揚，羅哲斯是… */
	uint32_t n, row, d = de_in(v, te, end);
	if (d < end && jx_view_next_word(v, v->verbs, te, d, &n, &row) < d) {
		uint32_t h = jx_view_actor_at(v, d + 3);
		if (h < v->na && v->a[h].s == d + 3 && v->a[h].s < end &&
		    objectable(&v->a[h])) {
			if (rel)
				*rel = false;
			chain(v, h, true, g);
			return;
		}
	}
	for (uint32_t k = jx_view_actor_at(v, te); k < v->na && v->a[k].s < end;
	     k++) {
		if (!objectable(&v->a[k]))
			continue;
		if (rel)
			*rel = de_in(v, te, v->a[k].s) < v->a[k].s;
		chain(v, k, true, g);
		return;
	}
}

/* Actors governed by a marker of role r in [from, to), with those
 * coordinated after them. */
static void governed(const jx_view *v, uint32_t from, uint32_t to, char r,
                     argset *g)
{
	for (uint32_t k = jx_view_actor_at(v, from); k < v->na; k++) {
		const jx_actor *a = &v->a[k];
		if (a->s >= to)
			break;
		if (a->role == r && jx_actor_live(a) && a->e <= to) {
			/* the governed actor and those listed after it */
			argset tmp = {0};
			uint32_t hi = k;
			while (hi + 1 < v->na && joined(v, hi, true))
				hi++;
			for (uint32_t i = k; i <= hi; i++)
				if (jx_actor_live(&v->a[i]))
					add_actor(&tmp, &v->a[i]);
			for (uint8_t i = 0; i < tmp.n; i++)
				add_arg(g, tmp.a[i].ent, tmp.a[i].code);
		}
	}
}

static bool same_set(const jx_arg *a, uint8_t na, const jx_arg *b, uint8_t nb)
{
	if (na != nb)
		return false;
	for (uint8_t i = 0; i < na; i++) {
		bool hit = false;
		for (uint8_t j = 0; j < nb && !hit; j++)
			hit = a[i].ent == b[j].ent &&
			      (a[i].ent >= 0 ||
			       strcmp(a[i].code, b[j].code) == 0);
		if (!hit)
			return false;
	}
	return true;
}

/* A word of table t in [from, to) on token boundaries. */
static bool word_in(const jx_view *v, const char *w, uint32_t from, uint32_t to)
{
	size_t n = strlen(w);
	for (uint32_t p = from; n && p + n <= to; p++)
		if (memcmp(v->t + p, w, n) == 0 && (v->tok[p] & 1))
			return true;
	return false;
}

static const char *status_of(const jx_view *v, uint32_t ts, bool *intent)
{
	uint32_t ss = jx_view_unit_start(v, ts, 0);
	uint32_t cs = jx_view_unit_start(v, ts, 2);
	uint32_t ps = jx_view_unit_start(v, ts, 1);
	const char *st = "asserted";
	*intent = false;
	uint32_t n, row;
	for (uint32_t p = ss;
	     (p = jx_view_next_word(v, v->status, p, ts, &n, &row)) < ts;
	     p += n) {
		const char *scope = jx_table_str(v->status, row, 2);
		/* 將 before an object is 把 (將嫌犯逮捕), not a plan: a
		 * cue that is also an object marker with an actor right
		 * after it is skipped */
		uint32_t mrow, k = jx_view_actor_at(v, p + n);
		bool object =
		    jx_view_word(v, v->markers, p, &mrow) == n &&
		    strcmp(jx_table_str(v->markers, mrow, 1), "obj") == 0 &&
		    k < v->na && v->a[k].s == p + n;
		if (!object && (p >= cs || strcmp(scope, "sentence") == 0 ||
		                (strcmp(scope, "part") == 0 && p >= ps))) {
			st = jx_table_str(v->status, row, 1);
			*intent = strcmp(st, "planned") == 0;
		}
	}
	return st;
}

/* The date of the event: the last dated expression before the trigger
 * in its sentence, else the first after it there, else the last one of
 * the paragraph before the sentence. */
static int32_t when_of(jishi_doc *doc, const jx_view *v, uint32_t ts,
                       uint32_t te, int32_t *dur)
{
	uint32_t ss = jx_view_unit_start(v, ts, 0);
	uint32_t se = jx_view_unit_end(v, ts, 0);
	uint32_t cs = jx_view_unit_start(v, ts, 2);
	uint32_t par = ss;
	while (par > 0 && v->t[par - 1] != '\n')
		par--;
	int32_t before = -1, after = -1, earlier = -1;
	*dur = -1;
	/* every time that can answer starts in [par or cs, se or te + 3]:
	 * times are in text order, so only that window is read */
	uint32_t lo = par < cs ? par : cs, hi = se > te + 3 ? se : te + 3;
	for (uint32_t i = jx_view_time_from(v, lo);
	     i < doc->times.n && v->tm[i].start <= hi; i++) {
		const jx_time *t = &JX_VEC_AT(&doc->times, jx_time, i);
		uint32_t s = v->tm[i].start;
		if (strcmp(t->type, "DURATION") == 0) {
			/* 長達113分鐘的會談, 小規模會談（62分鐘） */
			uint32_t e = v->tm[i].end;
			if ((s >= cs && e <= ts && ts - e <= 6) ||
			    (s > te && s <= te + 3 && v->t[te] == '('))
				*dur = (int32_t)i;
			continue;
		}
		bool dated = (strcmp(t->type, "DATE") == 0 ||
		              strcmp(t->type, "TIME") == 0) &&
		             strspn(t->value, "0123456789") >= 4;
		if (!dated)
			continue;
		if (s >= ss && s < ts)
			before = (int32_t)i;
		else if (s >= ts && s < se && after < 0)
			after = (int32_t)i;
		else if (s >= par && s < ss && strlen(t->value) >= 10)
			earlier =
			    (int32_t)i; /* a day named earlier in the
			                   paragraph, not a background year */
	}
	return before >= 0 ? before : after >= 0 ? after : earlier;
}

static const char *intent_code(const char *cameo)
{
	if (strncmp(cameo, "04", 2) == 0)
		return "036";
	if (strncmp(cameo, "05", 2) == 0)
		return "030";
	if (strncmp(cameo, "06", 2) == 0)
		return "031";
	if (strncmp(cameo, "07", 2) == 0)
		return "033";
	if (strncmp(cameo, "08", 2) == 0)
		return "035";
	return NULL;
}

/* Choose the row of the trigger at [p, p+n): a row whose object follows
 * in the clause wins over one without an object. -1: none applies. */
static int64_t pick_row(const jx_view *v, uint32_t first, uint32_t p,
                        uint32_t n)
{
	const jx_table *t = v->verbs;
	uint32_t cs = jx_view_unit_start(v, p, 2);
	uint32_t ce = jx_view_unit_end(v, p + n, 2);
	int64_t plain = -1;
	for (uint32_t r = first; r < t->nrows; r++) {
		jx_str w = jx_table_cell(t, r, 0);
		if (w.len != n || memcmp(w.s, v->t + p, n) != 0)
			break;
		const char *obj = jx_table_str(t, r, 3);
		const char *unless = jx_table_str(t, r, 4);
		if (unless[0] && word_in(v, unless, cs, p))
			continue;
		if (obj[0]) {
			if (word_in(v, obj, p + n, ce))
				return r;
		} else if (plain < 0) {
			plain = r;
		}
	}
	return plain;
}

static void code_event(jishi_doc *doc, const jx_view *v, jx_event *ev,
                       const char *cameo)
{
	size_t n = strlen(cameo);
	if (n > 4)
		n = 4;
	memcpy(ev->cameo, cameo, n);
	ev->cameo[n] = '\0';
	int64_t r =
	    jx_table_find(v->cameo, (const uint8_t *)ev->cameo, (uint32_t)n);
	ev->plover = NULL;
	ev->label = NULL;
	ev->quad = 0;
	if (r >= 0) {
		const char *pl = jx_table_str(v->cameo, (uint32_t)r, 2);
		ev->plover = pl[0] ? pl : NULL;
		ev->label = jx_table_str(v->cameo, (uint32_t)r, 1);
		ev->quad = jx_table_str(v->cameo, (uint32_t)r, 5)[0] - '0';
	}
	(void)doc;
}

/* Is a word of t in [from, to) on token boundaries? */
static bool has_word(const jx_view *v, const jx_table *t, uint32_t from,
                     uint32_t to)
{
	uint32_t n, row;
	return jx_view_next_word(v, t, from, to, &n, &row) < to;
}

/* The character right before p, or 0. */
static uint32_t char_before(const jx_view *v, uint32_t p)
{
	size_t i = p;
	return p ? jx_utf8_prev(v->t, &i) : 0;
}

/* A passive trigger (被捕, 遭中國擄走): the agent between 被/遭 and the
 * trigger, if any, is the source. */
static bool passive(const jx_view *v, uint32_t p, argset *agent)
{
	uint32_t c = char_before(v, p);
	if (c == 0x88AB || c == 0x906D) /* 被 遭 */
		return true;
	uint32_t k = jx_view_actor_at(v, p);
	if (k == 0 || v->a[k - 1].e != p || v->a[k - 1].role != 'b')
		return false;
	uint32_t m = char_before(v, v->a[k - 1].s);
	if (m != 0x88AB && m != 0x906D)
		return false;
	add_actor(agent, &v->a[k - 1]);
	return true;
}

static const char *country_of(const jishi_doc *doc, const jx_arg *a)
{
	if (a->ent < 0)
		return a->code;
	return JX_VEC_AT(&doc->entities, jx_entity, (uint32_t)a->ent).country;
}

/* The other side of a dispute: the last actor named before p in this or
 * the previous paragraph whose country is not the source's (verbal
 * conflict answers what the other side did: 中方對此強烈不滿). */
static void other_side(const jishi_doc *doc, const jx_view *v, uint32_t p,
                       const argset *src, argset *tgt)
{
	const char *own = country_of(doc, &src->a[0]);
	if (own == NULL)
		return;
	uint32_t floor = p, breaks = 0;
	while (floor > 0 && breaks < 2)
		if (v->t[--floor] == '\n')
			breaks++;
	for (uint32_t k = jx_view_actor_at(v, p); k-- > 0;) {
		const jx_actor *a = &v->a[k];
		if (a->s < floor)
			break;
		if (!jx_actor_live(a) || a->pronoun || a->role == 'b' ||
		    a->role == 'm')
			continue;
		jx_arg x = {.ent = a->code ? -1 : a->ent[0], .code = a->code};
		if (x.ent >= 0) {
			/* a country, a person or a body; not a city (大阪) */
			const jx_entity *e = &JX_VEC_AT(
			    &doc->entities, jx_entity, (uint32_t)x.ent);
			if (e->type == JX_ENT_GPE &&
			    (e->key == NULL || strncmp(e->key, "C:", 2) != 0))
				continue;
		}
		const char *c = country_of(doc, &x);
		if (c && strcmp(c, own) != 0) {
			add_actor(tgt, a);
			return;
		}
	}
}

static bool root_in(const char *cameo, const char *roots)
{
	for (const char *r = roots;; r += 3) {
		if (cameo[0] == r[0] && cameo[1] == r[1])
			return true;
		if (r[2] == '\0')
			return false;
	}
}

/* Do two times name the same date (clock times aside)? */
static bool same_day(const jishi_doc *doc, int32_t a, int32_t b)
{
	const char *x = JX_VEC_AT(&doc->times, jx_time, (uint32_t)a).value;
	const char *y = JX_VEC_AT(&doc->times, jx_time, (uint32_t)b).value;
	size_t n = strcspn(x, "T");
	return n == strcspn(y, "T") && memcmp(x, y, n) == 0;
}

static void one_trigger(jishi_doc *doc, const jx_view *v, uint32_t p,
                        uint32_t n, uint32_t r)
{
	const jx_table *t = v->verbs;
	const char *cameo = jx_table_str(t, r, 1);
	const char *frame = jx_table_str(t, r, 2);
	const char *fixed = jx_table_str(t, r, 5);
	bool with = strcmp(frame, "with") == 0;
	bool group = strcmp(frame, "group") == 0;
	argset src = {0}, tgt = {0}, agent = {0};
	bool pass = passive(v, p, &agent);
	subject(v, p, with, &src);
	bool rel = false;
	if (pass) {
		/* 羅哲斯被拒入境, 遭中國擄走…的桂民海 */
		argset o = {0};
		object(v, p + n, &o, &rel);
		tgt = rel ? o : src;
		src = agent;
	} else if (strcmp(frame, "visit") == 0) {
		argset o = {0};
		object(v, p + n, &o, &rel);
		if (rel)
			src = o; /* 來華訪問的荷蘭首相 */
		else
			tgt = o;
		if (tgt.n == 0 && !rel &&
		    has_word(v, v->light, jx_view_unit_start(v, p, 2), p))
			/* 對肯尼亞進行正式友好訪問 */
			governed(v, jx_view_unit_start(v, p, 2), p, 't', &tgt);
	} else if (strcmp(frame, "appeal") == 0) {
		/* 呼籲外界…, 敦促美方…: the one asked comes right after */
		argset o = {0};
		object(v, p + n, &o, NULL);
		if (o.n && o.s <= p + n + 3)
			tgt = o;
	} else if (strcmp(frame, "svo") == 0) {
		object(v, p + n, &tgt, NULL);
		if (tgt.n == 0) /* 將中國間諜逮捕: the object before the verb */
			governed(v, jx_view_unit_start(v, p, 2), p, 'j', &tgt);
	} else if (with || group) {
		/* the partner: after the subject, or in the trigger's clause,
		 * before it (A與B會談) or after it (願同B加強合作) */
		uint32_t from = jx_view_unit_start(v, p, 2);
		if (src.e != UINT32_MAX && src.e < from &&
		    src.e >= jx_view_unit_start(v, p, 1))
			from = src.e;
		governed(v, from, p, 'w', &tgt);
		if (tgt.n == 0)
			governed(v, p + n, p + n + 13, 'w', &tgt);
		if (tgt.n == 0 && src.n >= 2)
			tgt = src;
		if (tgt.n == 0 && group && root_in(cameo, "14"))
			governed(v, jx_view_unit_start(v, p, 2), p, 'a', &tgt);
	} else if (strcmp(frame, "to") == 0) {
		uint32_t from = jx_view_unit_start(v, p, 1);
		governed(v, from, p, 't', &tgt);
		if (tgt.n == 0)
			object(v, p + n, &tgt, NULL);
	}
	if (tgt.n == 0 && fixed[0])
		add_arg(&tgt, -1, fixed);
	if (tgt.n == 0 && src.n && root_in(cameo, "10 11 12 13"))
		other_side(doc, v, p, &src, &tgt); /* 中方對此強烈不滿 */
	if (src.n == 0 && !pass)
		return;
	/* a source is not its own target unless the act is mutual */
	if (!(tgt.n >= 2 && same_set(src.a, src.n, tgt.a, tgt.n))) {
		uint8_t m = 0;
		for (uint8_t i = 0; i < tgt.n; i++) {
			bool dup = false;
			for (uint8_t j = 0; j < src.n && !dup; j++)
				dup =
				    tgt.a[i].ent == src.a[j].ent &&
				    (tgt.a[i].ent >= 0 ||
				     strcmp(tgt.a[i].code, src.a[j].code) == 0);
			if (!dup)
				tgt.a[m++] = tgt.a[i];
		}
		tgt.n = m;
		if (tgt.n == 0 && src.n >= 2 && (with || group))
			tgt = src; /* 兩人…與…會談: mutual */
	}
	/* an act on no one named is not coded, except disapproval and
	 * rejection of what is not an actor (反對單邊主義), protest and
	 * material conflict, whose targets often go unnamed */
	if (tgt.n == 0 && !group &&
	    !root_in(cameo, "11 12 14 15 17 18 19 20") &&
	    strcmp(cameo, "010") != 0 && strcmp(cameo, "011") != 0)
		return; /* statements (010, 011) need no addressee */
	if (src.n == 0 && tgt.n == 0)
		return;
	bool intent;
	const char *status = status_of(v, p, &intent);
	if (intent) {
		const char *ic = intent_code(cameo);
		if (ic)
			cameo = ic;
	}
	int32_t dur;
	int32_t when = when_of(doc, v, p, p + n, &dur);

	/* one event per reading: the same code and actors merge */
	for (uint32_t i = 0; i < doc->events.n; i++) {
		jx_event *o = &JX_VEC_AT(&doc->events, jx_event, i);
		if (strncmp(o->cameo, cameo, 2) == 0 &&
		    same_set(o->src, o->nsrc, src.a, src.n) &&
		    same_set(o->tgt, o->ntgt, tgt.a, tgt.n) &&
		    (o->when < 0 || when < 0 || same_day(doc, o->when, when))) {
			if (o->duration < 0)
				o->duration = dur;
			if (o->when < 0)
				o->when = when;
			o->mentions++;
			return;
		}
	}
	jx_event *ev = jx_vec_push(doc, &doc->events, sizeof *ev);
	if (ev == NULL)
		return;
	code_event(doc, v, ev, cameo);
	memcpy(ev->src, src.a, sizeof src.a);
	ev->nsrc = src.n;
	memcpy(ev->tgt, tgt.a, sizeof tgt.a);
	ev->ntgt = tgt.n;
	ev->when = when;
	ev->duration = dur;
	ev->where = -1;
	for (uint8_t i = 0; i < tgt.n; i++)
		if (tgt.a[i].ent >= 0 &&
		    JX_VEC_AT(&doc->entities, jx_entity, tgt.a[i].ent).type ==
		        JX_ENT_GPE &&
		    strcmp(frame, "visit") == 0)
			ev->where = tgt.a[i].ent;
	ev->status = status;
	ev->mentions = 1;
	uint32_t ss = src.s != UINT32_MAX && src.s < p &&
	                      src.s >= jx_view_unit_start(v, p, 0)
	                  ? src.s
	                  : jx_view_unit_start(v, p, 2);
	uint32_t se = jx_view_unit_end(v, p + n, 2);
	if (tgt.n && tgt.e > se && tgt.e <= jx_view_unit_end(v, p, 0))
		se = tgt.e;
	ev->span = jx_doc_span(doc, ss, se);
	ev->trigger = jx_doc_span(doc, p, p + n);
}

/* Does an `at` marker (在, 於) end right at p? */
static bool at_marker_before(const jx_view *v, uint32_t p)
{
	size_t i = p;
	for (int back = 0; back < 2 && i > 0; back++) {
		jx_utf8_prev(v->t, &i);
		uint32_t row,
		    n = jx_view_word(v, v->markers, (uint32_t)i, &row);
		if (n && i + n == p)
			return strcmp(jx_table_str(v->markers, row, 1), "at") ==
			       0;
	}
	return false;
}

void jx_event_run(jishi_doc *doc)
{
	if (doc->entities.n == 0 && doc->norm_len == 0)
		return;
	jx_view *v = jx_view_build(doc);
	if (v == NULL)
		return;
	jx_quote_run(doc, v);
	if (v->verbs == NULL || v->cameo == NULL)
		return;
	uint32_t appeal_cs = UINT32_MAX;
	for (uint32_t p = 0; p < v->len;) {
		uint32_t row, n = jx_view_word(v, v->verbs, p, &row);
		const jx_qspan *q = n ? jx_view_quote_at(v, p) : NULL;
		bool term =
		    q && q->quote >= 0 &&
		    !JX_VEC_AT(&doc->quotes, jx_quote, (uint32_t)q->quote)
		         .speech;
		uint32_t r0;
		if (n &&
		    (jx_view_word(v, v->nominal, p + n, &r0) ||
		     (at_marker_before(v, p) && p + n + 3 <= v->len &&
		      (memcmp(v->t + p + n, "\xe4\xb8\x8a", 3) == 0 || /* 上 */
		       memcmp(v->t + p + n, "\xe4\xb8\xad", 3) == 0 || /* 中 */
		       memcmp(v->t + p + n, "\xe5\xbe\x8c", 3) == 0 || /* 後 */
		       memcmp(v->t + p + n, "\xe5\x90\x8e", 3) == 0 || /* 后 */
		       memcmp(v->t + p + n, "\xe5\x89\x8d", 3) == 0)))) /* 前 */
			term = true; /* 出訪國, 在會談上: a noun */
		if (n && !term) {
			/* the row sorted first among equal triggers */
			while (row > 0) {
				jx_str w = jx_table_cell(v->verbs, row - 1, 0);
				if (w.len != n || memcmp(w.s, v->t + p, n) != 0)
					break;
				row--;
			}
			int64_t r = pick_row(v, row, p, n);
			const char *frame =
			    r >= 0 ? jx_table_str(v->verbs, (uint32_t)r, 2)
			           : "";
			uint32_t cs = jx_view_unit_start(v, p, 2);
			bool de_before = char_before(v, p) == 0x7684 && /* 的 */
			                 !has_word(v, v->light, cs, p);
			bool de_after =
			    p + n + 3 <= v->len &&
			    memcmp(v->t + p + n, "\xe7\x9a\x84", 3) == 0;
			if (r >= 0 && !de_before &&
			    (!de_after || strcmp(frame, "visit") == 0) &&
			    cs != appeal_cs) {
				one_trigger(doc, v, p, n, (uint32_t)r);
				/* what is asked for is not done: 要求中方釋放X
				 */
				if (strcmp(frame, "appeal") == 0)
					appeal_cs = cs;
			}
			p += n;
			continue;
		}
		size_t q2 = p;
		jx_utf8_next(v->t, v->len, &q2);
		p = (uint32_t)q2;
	}
}
