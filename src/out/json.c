/*
 * json.c -- the schema-v1 record writer (docs/schema.md).
 *
 * A small streaming writer into the document's own buffer; no JSON library
 * is involved on the output side (jansson's allocator hook is process-wide).
 * Every string written comes from the document's valid UTF-8, so escaping
 * only has to handle quotes, backslashes and control characters. Spans are
 * converted to the document's offset unit here and nowhere else. The
 * tests parse every record back with jansson.
 */
#include <string.h>

#include "out.h"

int jx_json_str(jx_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	jx_buf_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		jx_buf_append(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"':
			jx_buf_puts(b, "\\\"");
			break;
		case '\\':
			jx_buf_puts(b, "\\\\");
			break;
		case '\n':
			jx_buf_puts(b, "\\n");
			break;
		case '\r':
			jx_buf_puts(b, "\\r");
			break;
		case '\t':
			jx_buf_puts(b, "\\t");
			break;
		default: {
			char u[6] = {'\\', 'u',         '0',
			             '0',  hex[c >> 4], hex[c & 15]};
			jx_buf_append(b, u, 6);
		}
		}
	}
	jx_buf_append(b, s + run, len - run);
	return jx_buf_putc(b, '"');
}

static void cstr(jx_buf *b, const char *s)
{
	if (s == NULL)
		jx_buf_puts(b, "null");
	else
		jx_json_str(b, s, strlen(s));
}

static void span(jishi_doc *doc, jx_span sp)
{
	jx_buf_printf(&doc->json, "[%u,%u]", jx_doc_unit(doc, sp.start),
	              jx_doc_unit(doc, sp.end));
}

/* The original text of a span, as a JSON string, or null when absent. */
static void text(jishi_doc *doc, jx_span sp)
{
	if (sp.start == JX_NOSPAN)
		jx_buf_puts(&doc->json, "null");
	else
		jx_json_str(&doc->json, (const char *)doc->src + sp.start,
		            sp.end - sp.start);
}

static void key(jishi_doc *doc, const char *k, bool first)
{
	if (!first)
		jx_buf_putc(&doc->json, ',');
	jx_buf_printf(&doc->json, "\"%s\":", k);
}

static const char *script_name(jishi_script s)
{
	switch (s) {
	case JISHI_SCRIPT_HANT:
		return "hant";
	case JISHI_SCRIPT_HANS:
		return "hans";
	case JISHI_SCRIPT_MIXED:
		return "mixed";
	default:
		return NULL;
	}
}

static void write_doc(jishi_doc *doc)
{
	jx_buf *b = &doc->json;
	jx_buf_puts(b, "\"doc\":{");
	key(doc, "id", true);
	cstr(b, doc->id);
	key(doc, "bytes", false);
	jx_buf_printf(b, "%u", doc->len);
	key(doc, "offsets", false);
	cstr(b, doc->flags & JISHI_F_OFFSETS_BYTES ? "bytes" : "chars");
	key(doc, "script", false);
	cstr(b, script_name(doc->script));
	key(doc, "dateline", false);
	cstr(b, doc->dateline[0] ? doc->dateline : NULL);
	if (doc->dateline_span.start != JX_NOSPAN) {
		key(doc, "dateline_span", false);
		span(doc, doc->dateline_span);
	}
	key(doc, "anchor", false);
	cstr(b, doc->anchor[0] ? doc->anchor : NULL);
	if (doc->url) {
		key(doc, "url", false);
		cstr(b, doc->url);
	}
	jx_buf_putc(b, '}');
}

static void write_spans_text(jishi_doc *doc, const jx_vec *v)
{
	jx_buf_putc(&doc->json, '[');
	for (uint32_t i = 0; i < v->n; i++) {
		if (i)
			jx_buf_putc(&doc->json, ',');
		text(doc, JX_VEC_AT(v, jx_span, i));
	}
	jx_buf_putc(&doc->json, ']');
}

static void write_layout(jishi_doc *doc)
{
	jx_buf *b = &doc->json;
	const jx_byline *by = &doc->byline;

	key(doc, "byline", false);
	if (by->span.start == JX_NOSPAN) {
		jx_buf_puts(b, "null");
	} else {
		jx_buf_puts(b, "{\"span\":");
		span(doc, by->span);
		key(doc, "text", false);
		text(doc, by->span);
		key(doc, "reporters", false);
		write_spans_text(doc, &by->reporters);
		key(doc, "desk", false);
		text(doc, by->desk);
		key(doc, "agency", false);
		text(doc, by->agency);
		jx_buf_putc(b, '}');
	}

	key(doc, "captions", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->captions.n; i++) {
		const jx_caption *c = &JX_VEC_AT(&doc->captions, jx_caption, i);
		jx_buf_puts(b, i ? ",{\"span\":" : "{\"span\":");
		span(doc, c->span);
		key(doc, "text", false);
		text(doc, c->span);
		key(doc, "credits", false);
		write_spans_text(doc, &c->credits);
		if (c->credit.start != JX_NOSPAN) {
			key(doc, "credit_span", false);
			span(doc, c->credit);
		}
		jx_buf_putc(b, '}');
	}
	jx_buf_putc(b, ']');

	key(doc, "paragraphs", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->paragraphs.n; i++) {
		if (i)
			jx_buf_putc(b, ',');
		span(doc, JX_VEC_AT(&doc->paragraphs, jx_span, i));
	}
	jx_buf_putc(b, ']');

	key(doc, "sources", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->sources.n; i++) {
		const jx_source *s = &JX_VEC_AT(&doc->sources, jx_source, i);
		jx_buf_puts(b, i ? ",{\"span\":" : "{\"span\":");
		span(doc, s->span);
		key(doc, "name", false);
		text(doc, s->name);
		key(doc, "entity", false);
		if (s->entity >= 0)
			jx_buf_printf(b, "\"e%d\"}", s->entity + 1);
		else
			jx_buf_puts(b, "null}");
	}
	jx_buf_putc(b, ']');
}

static void opt_cstr(jx_buf *b, const char *s)
{
	if (s)
		cstr(b, s);
	else
		jx_buf_puts(b, "null");
}

static bool same_text(const jishi_doc *doc, jx_span a, jx_span b)
{
	return a.end - a.start == b.end - b.start &&
	       memcmp(doc->src + a.start, doc->src + b.start,
	              a.end - a.start) == 0;
}

static void write_entities(jishi_doc *doc)
{
	static const char *const types[] = {"PERSON", "GPE",   "LOC",
	                                    "ORG",    "MEDIA", "NORP"};
	jx_buf *b = &doc->json;
	key(doc, "entities", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->entities.n; i++) {
		const jx_entity *e = &JX_VEC_AT(&doc->entities, jx_entity, i);
		jx_buf_printf(b, "%s{\"id\":\"e%u\"", i ? "," : "", i + 1);
		key(doc, "type", false);
		cstr(b, types[e->type]);
		key(doc, "name", false);
		text(doc, e->name);
		/* aliases: every other form, once */
		key(doc, "aliases", false);
		jx_buf_putc(b, '[');
		uint32_t na = 0;
		for (int pass = 0; pass < 2; pass++) {
			const jx_vec *v = pass ? &e->forms : &e->mentions;
			for (uint32_t k = 0; k < v->n; k++) {
				jx_span s = JX_VEC_AT(v, jx_span, k);
				bool seen = same_text(doc, s, e->name);
				for (int pp = 0; pp <= pass && !seen; pp++) {
					const jx_vec *w =
					    pp ? &e->forms : &e->mentions;
					uint32_t lim = pp == pass ? k : w->n;
					for (uint32_t j = 0; j < lim && !seen;
					     j++)
						seen = same_text(
						    doc, s,
						    JX_VEC_AT(w, jx_span, j));
				}
				if (seen)
					continue;
				if (na++)
					jx_buf_putc(b, ',');
				text(doc, s);
			}
		}
		jx_buf_putc(b, ']');
		key(doc, "country", false);
		opt_cstr(b, e->country);
		key(doc, "titles", false);
		jx_buf_putc(b, '[');
		for (uint32_t k = 0; k < e->titles.n; k++) {
			const jx_title *t = &JX_VEC_AT(&e->titles, jx_title, k);
			jx_buf_puts(b, k ? ",{\"text\":" : "{\"text\":");
			text(doc, t->span);
			key(doc, "org", false);
			opt_cstr(b, t->org);
			key(doc, "role", false);
			opt_cstr(b, t->role);
			key(doc, "then", false);
			jx_buf_puts(b, t->then ? "true}" : "false}");
		}
		jx_buf_putc(b, ']');
		key(doc, "actor", false);
		opt_cstr(b, e->actor);
		key(doc, "mentions", false);
		jx_buf_putc(b, '[');
		for (uint32_t k = 0; k < e->mentions.n; k++) {
			if (k)
				jx_buf_putc(b, ',');
			span(doc, JX_VEC_AT(&e->mentions, jx_span, k));
		}
		jx_buf_puts(b, "]}");
	}
	jx_buf_putc(b, ']');
}

static void write_times(jishi_doc *doc)
{
	jx_buf *b = &doc->json;
	key(doc, "times", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->times.n; i++) {
		const jx_time *t = &JX_VEC_AT(&doc->times, jx_time, i);
		jx_buf_puts(b, i ? ",{\"span\":" : "{\"span\":");
		span(doc, t->span);
		key(doc, "text", false);
		text(doc, t->span);
		key(doc, "type", false);
		cstr(b, t->type);
		key(doc, "value", false);
		cstr(b, t->value);
		key(doc, "mod", false);
		opt_cstr(b, t->mod);
		key(doc, "tz", false);
		opt_cstr(b, t->tz);
		key(doc, "anchor", false);
		cstr(b, t->anchor);
		jx_buf_putc(b, '}');
	}
	jx_buf_putc(b, ']');
}

static void ent_ref(jx_buf *b, int32_t e)
{
	if (e >= 0)
		jx_buf_printf(b, "\"e%d\"", e + 1);
	else
		jx_buf_puts(b, "null");
}

static void write_quotes(jishi_doc *doc)
{
	jx_buf *b = &doc->json;
	key(doc, "quotes", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->quotes.n; i++) {
		const jx_quote *q = &JX_VEC_AT(&doc->quotes, jx_quote, i);
		jx_buf_puts(b, i ? ",{\"span\":" : "{\"span\":");
		span(doc, q->span);
		key(doc, "text", false);
		text(doc, q->span);
		key(doc, "kind", false);
		cstr(b, q->speech ? "speech" : "term");
		key(doc, "speaker", false);
		ent_ref(b, q->speaker);
		key(doc, "cue", false);
		if (q->cue.start != JX_NOSPAN)
			text(doc, q->cue);
		else
			jx_buf_puts(b, "null");
		key(doc, "addressee", false);
		ent_ref(b, q->addressee);
		jx_buf_putc(b, '}');
	}
	jx_buf_putc(b, ']');
}

static void args(jishi_doc *doc, const jx_arg *a, uint8_t n)
{
	jx_buf *b = &doc->json;
	jx_buf_putc(b, '[');
	for (uint8_t i = 0; i < n; i++) {
		if (i)
			jx_buf_putc(b, ',');
		if (a[i].ent >= 0)
			ent_ref(b, a[i].ent);
		else
			cstr(b, a[i].code);
	}
	jx_buf_putc(b, ']');
}

/* The date part of a time value (up to its 'T'), or null. */
static void date_of(jishi_doc *doc, int32_t t)
{
	jx_buf *b = &doc->json;
	if (t < 0) {
		jx_buf_puts(b, "null");
		return;
	}
	const char *v = JX_VEC_AT(&doc->times, jx_time, (uint32_t)t).value;
	size_t n = strcspn(v, "T");
	jx_json_str(b, v, n);
}

static void write_events(jishi_doc *doc)
{
	jx_buf *b = &doc->json;
	key(doc, "events", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->events.n; i++) {
		const jx_event *v = &JX_VEC_AT(&doc->events, jx_event, i);
		jx_buf_printf(b, "%s{\"id\":\"v%u\"", i ? "," : "", i + 1);
		key(doc, "cameo", false);
		cstr(b, v->cameo);
		key(doc, "root", false);
		jx_json_str(b, v->cameo, 2);
		key(doc, "plover", false);
		opt_cstr(b, v->plover);
		key(doc, "quad", false);
		jx_buf_printf(b, "%d", v->quad);
		key(doc, "source", false);
		args(doc, v->src, v->nsrc);
		key(doc, "target", false);
		args(doc, v->tgt, v->ntgt);
		key(doc, "when", false);
		date_of(doc, v->when);
		key(doc, "where", false);
		ent_ref(b, v->where);
		key(doc, "duration", false);
		if (v->duration >= 0)
			cstr(b, JX_VEC_AT(&doc->times, jx_time,
			                  (uint32_t)v->duration)
			            .value);
		else
			jx_buf_puts(b, "null");
		key(doc, "status", false);
		cstr(b, v->status);
		key(doc, "span", false);
		span(doc, v->span);
		key(doc, "trigger", false);
		span(doc, v->trigger);
		key(doc, "evidence", false);
		text(doc, v->span);
		jx_buf_putc(b, '}');
	}
	jx_buf_putc(b, ']');
}

static void write_tokens(jishi_doc *doc)
{
	jx_buf *b = &doc->json;
	key(doc, "tokens", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->ntokens; i++) {
		const jx_token *t = &doc->tokens[i];
		jx_buf_printf(b, "%s[%u,%u,\"%s\"]", i ? "," : "",
		              jx_doc_unit(doc, t->start),
		              jx_doc_unit(doc, t->end),
		              jx_lex_tag_name(&doc->model->lex, t->tag));
	}
	jx_buf_putc(b, ']');
}

static void write_diags(jishi_doc *doc)
{
	jx_buf *b = &doc->json;
	key(doc, "diagnostics", false);
	jx_buf_putc(b, '[');
	for (uint32_t i = 0; i < doc->diags.n; i++) {
		const jx_diag *d = &JX_VEC_AT(&doc->diags, jx_diag, i);
		jx_buf_puts(b, i ? ",{" : "{");
		key(doc, "stage", true);
		cstr(b, d->stage);
		key(doc, "code", false);
		cstr(b, d->code);
		if (d->span.start != JX_NOSPAN) {
			key(doc, "span", false);
			span(doc, d->span);
		}
		jx_buf_putc(b, '}');
	}
	jx_buf_putc(b, ']');
}

/* Re-indent a compact record (two spaces a level). */
static int pretty(jishi_doc *doc)
{
	jx_buf out;
	jx_buf_init(&out, doc->json.toobig);
	const char *s = doc->json.data;
	size_t n = doc->json.len;
	int depth = 0;
	bool in_str = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_str) {
			jx_buf_putc(&out, c);
			if (c == '\\' && i + 1 < n)
				jx_buf_putc(&out, s[++i]);
			else if (c == '"')
				in_str = false;
			continue;
		}
		switch (c) {
		case '"':
			in_str = true;
			jx_buf_putc(&out, c);
			break;
		case '{':
		case '[':
			if (i + 1 < n && (s[i + 1] == '}' || s[i + 1] == ']')) {
				jx_buf_putc(&out, c);
				jx_buf_putc(&out, s[++i]);
				break;
			}
			/* keep [start,end] pairs on one line */
			if (c == '[' && i + 1 < n && s[i + 1] >= '0' &&
			    s[i + 1] <= '9') {
				size_t e = i;
				while (e < n && s[e] != ']')
					e++;
				jx_buf_append(&out, s + i, e - i + 1);
				i = e;
				break;
			}
			depth++;
			jx_buf_putc(&out, c);
			jx_buf_putc(&out, '\n');
			for (int k = 0; k < depth; k++)
				jx_buf_puts(&out, "  ");
			break;
		case '}':
		case ']':
			depth--;
			jx_buf_putc(&out, '\n');
			for (int k = 0; k < depth; k++)
				jx_buf_puts(&out, "  ");
			jx_buf_putc(&out, c);
			break;
		case ',':
			jx_buf_putc(&out, c);
			jx_buf_putc(&out, '\n');
			for (int k = 0; k < depth; k++)
				jx_buf_puts(&out, "  ");
			break;
		case ':':
			jx_buf_puts(&out, ": ");
			break;
		default:
			jx_buf_putc(&out, c);
		}
	}
	if (out.err) {
		int rc = out.err;
		jx_buf_free(&out);
		return rc;
	}
	jx_buf_free(&doc->json);
	doc->json = out;
	return JISHI_OK;
}

int jx_out_json(jishi_doc *doc)
{
	jx_buf *b = &doc->json;
	jx_buf_reset(b);
	jx_buf_printf(b, "{\"jishi\":%d,", JISHI_SCHEMA);
	write_doc(doc);
	write_layout(doc);
	write_entities(doc);
	write_times(doc);
	write_quotes(doc);
	write_events(doc);
	if (doc->flags & JISHI_F_TOKENS)
		write_tokens(doc);
	write_diags(doc);
	jx_buf_putc(b, '}');
	if (b->err)
		return b->err;
	if (doc->flags & JISHI_F_PRETTY)
		return pretty(doc);
	return JISHI_OK;
}
