/*
 * export.c -- a document's events as GDELT 2.0 event rows or PLOVER JSON
 * (docs/internals/event.md, "Exports").
 *
 * GDELT: the 61 columns of the GDELT 2.0 event table, tab-separated, one
 * row per (source, target) pair of an event. Columns jishi has no value
 * for (religion, ethnic and known-group codes, Goldstein, tone, geo
 * coordinates) are empty. GlobalEventID is "<doc id>-<event number>".
 * PLOVER: one JSON object a line with the fields of the PLOVER manual's
 * JSON table (id, date, actor, recipient, event, mode, context,
 * quad_code, event_text) plus cameo and status; CAMEO codes PLOVER drops
 * (01 statements, 02 appeals) are not exported.
 */
#include <string.h>

#include "out.h"

/* A field with no tab or line break in it. */
static void field(jx_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		jx_buf_putc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		                   ? ' '
		                   : s[i]);
}

static const jx_entity *ent_of(const jishi_doc *doc, const jx_arg *a)
{
	return a->ent >= 0
	           ? &JX_VEC_AT(&doc->entities, jx_entity, (uint32_t)a->ent)
	           : NULL;
}

/* The event's day as YYYY-MM-DD: its own date when the text fixes the
 * day, else the document's anchor; "" when neither. */
static void event_day(const jishi_doc *doc, const jx_event *v, char out[11])
{
	out[0] = '\0';
	if (v->when >= 0) {
		const char *w =
		    JX_VEC_AT(&doc->times, jx_time, (uint32_t)v->when).value;
		if (strlen(w) >= 10 && w[4] == '-' && w[7] == '-') {
			memcpy(out, w, 10);
			out[10] = '\0';
			return;
		}
	}
	if (doc->anchor[0])
		memcpy(out, doc->anchor, 11);
}

/* Actor code, name and country columns (Actor1Code … Actor1Type3Code). */
static void gdelt_actor(jishi_doc *doc, jx_buf *b, const jx_arg *a)
{
	const jx_entity *e = a ? ent_of(doc, a) : NULL;
	const char *code =
	    e ? (e->actor ? e->actor : e->country) : (a ? a->code : NULL);
	const char *ctry = e ? e->country : (a ? a->code : NULL);
	if (code)
		field(b, code, strlen(code));
	jx_buf_putc(b, '\t');
	if (e)
		field(b, (const char *)doc->src + e->name.start,
		      e->name.end - e->name.start);
	else if (a && a->code)
		field(b, a->code, strlen(a->code));
	jx_buf_putc(b, '\t');
	if (ctry)
		field(b, ctry, strlen(ctry));
	/* KnownGroup, Ethnic, Religion1, Religion2 */
	jx_buf_puts(b, "\t\t\t\t\t");
	if (e && e->actor && strlen(e->actor) > 3)
		field(b, e->actor + 3, strlen(e->actor + 3));
	jx_buf_puts(b, "\t\t\t"); /* Type2, Type3, then the next column */
}

static void gdelt_row(jishi_doc *doc, const jx_event *v, uint32_t num,
                      uint32_t sub, const jx_arg *src, const jx_arg *tgt)
{
	jx_buf *b = &doc->exp;
	char day[11];
	event_day(doc, v, day);
	field(b, doc->id, strlen(doc->id));
	jx_buf_printf(b, "-%u", num);
	if (sub)
		jx_buf_printf(b, ".%u", sub);
	jx_buf_putc(b, '\t');
	if (day[0]) {
		int y = (day[0] - '0') * 1000 + (day[1] - '0') * 100 +
		        (day[2] - '0') * 10 + (day[3] - '0');
		int m = (day[5] - '0') * 10 + (day[6] - '0');
		int d = (day[8] - '0') * 10 + (day[9] - '0');
		int64_t doy =
		    jx_days_from_civil(y, m, d) - jx_days_from_civil(y, 1, 1);
		jx_buf_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m,
		              d, y, m, y, y + (double)doy / 365.0);
	} else {
		jx_buf_puts(b, "\t\t\t\t");
	}
	gdelt_actor(doc, b, src);
	gdelt_actor(doc, b, tgt);
	/* IsRootEvent: reported in the first paragraph */
	bool root =
	    doc->paragraphs.n == 0 ||
	    v->trigger.start < JX_VEC_AT(&doc->paragraphs, jx_span, 0).end;
	size_t n3 = strlen(v->cameo) < 3 ? strlen(v->cameo) : 3;
	jx_buf_printf(b, "%d\t%s\t", root ? 1 : 0, v->cameo);
	field(b, v->cameo, n3);
	jx_buf_putc(b, '\t');
	field(b, v->cameo, 2);
	/* QuadClass, Goldstein, NumMentions, NumSources, NumArticles, tone */
	jx_buf_printf(b, "\t%d\t\t%u\t1\t1\t", v->quad, v->mentions);
	/* AvgTone, then Actor1Geo_* and Actor2Geo_* (8 + 8 columns) */
	jx_buf_puts(b, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
	const jx_entity *w =
	    v->where >= 0
	        ? &JX_VEC_AT(&doc->entities, jx_entity, (uint32_t)v->where)
	        : NULL;
	if (w) {
		jx_buf_puts(b, w->country && w->name.end - w->name.start &&
		                       w->type == JX_ENT_GPE
		                   ? "4\t"
		                   : "\t");
		field(b, (const char *)doc->src + w->name.start,
		      w->name.end - w->name.start);
		jx_buf_putc(b, '\t');
		if (w->country)
			field(b, w->country, strlen(w->country));
		jx_buf_puts(b, "\t\t\t\t\t\t\t");
	} else {
		jx_buf_puts(b, "\t\t\t\t\t\t\t\t\t");
	}
	/* DATEADDED (empty: jishi does not stamp its output), SOURCEURL */
	const char *url = doc->url ? doc->url : doc->id;
	field(b, url, strlen(url));
	jx_buf_putc(b, '\n');
}

static int gdelt(jishi_doc *doc)
{
	for (uint32_t i = 0; i < doc->events.n; i++) {
		const jx_event *v = &JX_VEC_AT(&doc->events, jx_event, i);
		uint32_t sub = 0;
		uint8_t ns = v->nsrc ? v->nsrc : 1, nt = v->ntgt ? v->ntgt : 1;
		for (uint8_t s = 0; s < ns; s++)
			for (uint8_t t = 0; t < nt; t++) {
				const jx_arg *a = v->nsrc ? &v->src[s] : NULL;
				const jx_arg *c = v->ntgt ? &v->tgt[t] : NULL;
				if (a && c && a->ent == c->ent &&
				    (a->ent >= 0 ||
				     strcmp(a->code, c->code) == 0))
					continue; /* no one acts on themselves
					           */
				gdelt_row(doc, v, i + 1,
				          ns * nt > 1 ? ++sub : 0, a, c);
			}
	}
	return doc->exp.err;
}

static void plover_actors(jishi_doc *doc, const jx_arg *a, uint8_t n)
{
	jx_buf *b = &doc->exp;
	jx_buf_putc(b, '[');
	for (uint8_t i = 0; i < n; i++) {
		const jx_entity *e = ent_of(doc, &a[i]);
		const char *code = e ? e->country : a[i].code;
		jx_buf_puts(b, i ? ",{\"code\":" : "{\"code\":");
		if (code)
			jx_json_str(b, code, strlen(code));
		else
			jx_buf_puts(b, "null");
		if (e && e->actor && strlen(e->actor) > 3) {
			jx_buf_puts(b, ",\"sector\":");
			jx_json_str(b, e->actor + 3, strlen(e->actor + 3));
		}
		if (e) {
			jx_buf_puts(b, ",\"entity_text\":");
			jx_json_str(b, (const char *)doc->src + e->name.start,
			            e->name.end - e->name.start);
			jx_buf_printf(b, ",\"entity\":\"e%d\"", a[i].ent + 1);
		}
		jx_buf_putc(b, '}');
	}
	jx_buf_putc(b, ']');
}

static int plover(jishi_doc *doc)
{
	const jx_table *cameo = jx_model_table(doc->model, "events/cameo");
	jx_buf *b = &doc->exp;
	for (uint32_t i = 0; i < doc->events.n; i++) {
		const jx_event *v = &JX_VEC_AT(&doc->events, jx_event, i);
		if (v->plover == NULL)
			continue;
		char day[11];
		event_day(doc, v, day);
		jx_buf_puts(b, "{\"id\":");
		jx_json_str(b, doc->id, strlen(doc->id));
		if (b->len)
			b->len--; /* reopen the string for the suffix */
		jx_buf_printf(b, "-v%u\"", i + 1);
		jx_buf_puts(b, ",\"date\":");
		if (day[0])
			jx_json_str(b, day, 10);
		else
			jx_buf_puts(b, "null");
		jx_buf_puts(b, ",\"actor\":");
		plover_actors(doc, v->src, v->nsrc);
		jx_buf_puts(b, ",\"recipient\":");
		plover_actors(doc, v->tgt, v->ntgt);
		jx_buf_puts(b, ",\"event\":[");
		jx_json_str(b, v->plover, strlen(v->plover));
		int64_t r = jx_table_find(cameo, (const uint8_t *)v->cameo,
		                          (uint32_t)strlen(v->cameo));
		const char *mode =
		    r >= 0 ? jx_table_str(cameo, (uint32_t)r, 3) : "";
		const char *ctx =
		    r >= 0 ? jx_table_str(cameo, (uint32_t)r, 4) : "";
		jx_buf_puts(b, "],\"mode\":[");
		if (mode[0])
			jx_json_str(b, mode, strlen(mode));
		jx_buf_puts(b, "],\"context\":[");
		if (ctx[0])
			jx_json_str(b, ctx, strlen(ctx));
		jx_buf_printf(b, "],\"quad_code\":%d,\"cameo\":", v->quad);
		jx_json_str(b, v->cameo, strlen(v->cameo));
		jx_buf_puts(b, ",\"status\":");
		jx_json_str(b, v->status, strlen(v->status));
		jx_buf_puts(b, ",\"event_text\":[");
		jx_json_str(b, (const char *)doc->src + v->span.start,
		            v->span.end - v->span.start);
		jx_buf_puts(b, "]}\n");
	}
	return b->err;
}

int jishi_doc_export(jishi_doc *doc, const char *format, const char **out,
                     size_t *len)
{
	if (doc == NULL || format == NULL || out == NULL)
		return JISHI_EINVAL;
	int rc;
	jx_buf_reset(&doc->exp);
	if (strcmp(format, "gdelt") == 0)
		rc = gdelt(doc);
	else if (strcmp(format, "plover") == 0)
		rc = plover(doc);
	else
		return JISHI_EINVAL;
	if (rc == JISHI_OK)
		rc = doc->exp.err;
	if (rc) {
		jx_buf_reset(&doc->exp);
		return rc;
	}
	jx_buf_putc(&doc->exp, '\0');
	doc->exp.len--;
	*out = doc->exp.data ? doc->exp.data : "";
	if (len)
		*len = doc->exp.len;
	return JISHI_OK;
}
