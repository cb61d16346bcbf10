/*
 * doc.c -- jishi_doc_process(): validate the input, copy it into the
 * document's arena, build the normalised view and run the stages in
 * pipeline order. Also the small helpers every stage uses (vectors,
 * diagnostics, offset conversion).
 */
#include <string.h>

#include "doc.h"
#include "layout.h"
#include "ent.h"
#include "lex.h"
#include "times.h"
#include "event.h"
#include "out.h"

void *jx_vec_push(jishi_doc *doc, jx_vec *v, size_t sz)
{
	if (v->n == v->cap) {
		uint32_t cap = v->cap ? v->cap * 2 : 8;
		if (cap < v->cap) {
			doc->oom = JISHI_ENOMEM;
			return NULL;
		}
		void *p = jx_arena_alloc(&doc->arena, (size_t)cap * sz);
		if (p == NULL) {
			doc->oom = JISHI_ENOMEM;
			return NULL;
		}
		if (v->n)
			memcpy(p, v->items, (size_t)v->n * sz);
		v->items = p;
		v->cap = cap;
	}
	void *item = (char *)v->items + (size_t)v->n * sz;
	memset(item, 0, sz);
	v->n++;
	return item;
}

void jx_doc_diag(jishi_doc *doc, const char *stage, const char *code,
                 jx_span span)
{
	jx_diag *d = jx_vec_push(doc, &doc->diags, sizeof(*d));
	if (d) {
		d->stage = stage;
		d->code = code;
		d->span = span;
	}
}

uint32_t jx_doc_unit(const jishi_doc *doc, uint32_t off)
{
	if (doc->flags & JISHI_F_OFFSETS_BYTES)
		return off;
	if (off > doc->len)
		off = doc->len;
	uint32_t k = off / 64;
	return doc->cpmark[k] +
	       (uint32_t)jx_utf8_count(doc->src + (size_t)k * 64,
	                               off - (size_t)k * 64);
}

static int build_cpmarks(jishi_doc *doc)
{
	uint32_t n = doc->len / 64 + 1;
	doc->cpmark = jx_arena_alloc(&doc->arena, (size_t)n * sizeof(uint32_t));
	if (doc->cpmark == NULL)
		return JISHI_ENOMEM;
	uint32_t count = 0;
	for (uint32_t k = 0; k < n; k++) {
		doc->cpmark[k] = count;
		size_t s = (size_t)k * 64, e = s + 64;
		if (e > doc->len)
			e = doc->len;
		count += (uint32_t)jx_utf8_count(doc->src + s, e - s);
	}
	return JISHI_OK;
}

void jishi_doc_free(jishi_doc *doc)
{
	if (doc == NULL)
		return;
	jx_buf_free(&doc->json);
	jx_buf_free(&doc->exp);
	jx_arena arena = doc->arena; /* doc itself lives in its arena */
	jx_arena_free(&arena);
}

int jishi_doc_process(const jishi_model *model, const char *text, size_t len,
                      const jishi_opts *opts, jishi_doc **out, jishi_err *err)
{
	static const jishi_opts defaults;
	jx_arena arena;
	jishi_doc *doc = NULL;
	int rc = JISHI_OK;

	if (out == NULL)
		return jx_err_set(err, JISHI_EINVAL, UINT64_MAX,
		                  "jishi_doc_process: out is NULL");
	*out = NULL;
	if (model == NULL || (text == NULL && len > 0))
		return jx_err_set(err, JISHI_EINVAL, UINT64_MAX,
		                  "jishi_doc_process: model or text is NULL");
	if (opts == NULL)
		opts = &defaults;
	size_t cap =
	    opts->max_bytes ? opts->max_bytes : JISHI_DEFAULT_MAX_BYTES;
	if (cap > UINT32_MAX - 64)
		cap = UINT32_MAX - 64;
	if (len > cap)
		return jx_err_set(err, JISHI_ETOOBIG, cap,
		                  "document of %zu bytes is over the %zu-byte "
		                  "cap (--max-bytes)",
		                  len, cap);
	size_t bad = jx_utf8_validate((const uint8_t *)text, len);
	if (bad < len)
		return jx_err_set(
		    err, JISHI_EUTF8, bad,
		    "invalid UTF-8 (sequence starting with byte 0x%02X)",
		    (unsigned)(uint8_t)text[bad]);
	if ((opts->id &&
	     jx_utf8_validate((const uint8_t *)opts->id, strlen(opts->id)) !=
	         strlen(opts->id)) ||
	    (opts->url &&
	     jx_utf8_validate((const uint8_t *)opts->url, strlen(opts->url)) !=
	         strlen(opts->url)))
		return jx_err_set(err, JISHI_EINVAL, UINT64_MAX,
		                  "the id and url must be valid UTF-8");
	jx_datetime when = {0, 0, 0, -1, -1, -1, ""};
	if (opts->date &&
	    !jx_datetime_parse(opts->date, strlen(opts->date), &when))
		return jx_err_set(err, JISHI_EINVAL, UINT64_MAX,
		                  "date '%s' is not a valid YYYY-MM-DD date or "
		                  "YYYY-MM-DDThh:mm[:ss][+hh:mm] date-time",
		                  opts->date);

	jx_arena_init(&arena);
	doc = jx_arena_zalloc(&arena, sizeof(*doc));
	if (doc == NULL) {
		jx_arena_free(&arena);
		return jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
	}
	doc->arena = arena;
	doc->model = model;
	doc->flags = opts->flags;
	doc->len = (uint32_t)len;
	doc->byline.span.start = JX_NOSPAN;
	doc->dateline_span.start = JX_NOSPAN;
	doc->anchor_clock = (jx_datetime){0, 0, 0, -1, -1, -1, ""};
	jx_buf_init(&doc->json, (size_t)1 << 30);
	jx_buf_init(&doc->exp, (size_t)1 << 30);
	doc->src = (const uint8_t *)jx_arena_strndup(&doc->arena,
	                                             len ? text : "", len);
	if (opts->id) {
		doc->id =
		    jx_arena_strndup(&doc->arena, opts->id, strlen(opts->id));
	} else {
		char hex[65];
		jx_sha256_hex(text, len, hex);
		doc->id = jx_arena_strndup(&doc->arena, hex, 64);
	}
	if (opts->date)
		doc->opt_date = jx_arena_strndup(&doc->arena, opts->date, 10);
	if (opts->url)
		doc->url =
		    jx_arena_strndup(&doc->arena, opts->url, strlen(opts->url));
	if (doc->src == NULL || doc->id == NULL || doc->arena.oom) {
		rc = JISHI_ENOMEM;
		goto out;
	}
	rc = build_cpmarks(doc);
	if (rc == JISHI_OK)
		rc = jx_norm_build(doc);
	if (rc)
		goto out;

	jx_layout_run(doc);
	jx_lex_run(doc, opts->dict);

	if (doc->dateline[0]) {
		memcpy(doc->anchor, doc->dateline, sizeof(doc->anchor));
		doc->anchor_src = "dateline";
	} else if (opts->date) {
		memcpy(doc->anchor, opts->date, 10);
		doc->anchor[10] = '\0';
		doc->anchor_src = "option";
		doc->anchor_clock = when; /* its clock time and zone, if any */
	}
	jx_ent_run(doc);
	jx_time_run(doc);
	jx_event_run(doc);
	if (doc->oom || doc->arena.oom)
		rc = JISHI_ENOMEM;
out:
	if (rc) {
		jishi_doc_free(doc);
		return jx_err_set(err, rc, UINT64_MAX, NULL);
	}
	*out = doc;
	return JISHI_OK;
}

int jishi_doc_json(jishi_doc *doc, const char **json, size_t *len)
{
	if (doc == NULL || json == NULL)
		return JISHI_EINVAL;
	if (doc->json.len == 0) {
		int rc = jx_out_json(doc);
		if (rc) {
			jx_buf_reset(&doc->json);
			return rc;
		}
	}
	*json = doc->json.data;
	if (len)
		*len = doc->json.len;
	return JISHI_OK;
}

void jishi_doc_get_info(const jishi_doc *doc, jishi_doc_info *info)
{
	memset(info, 0, sizeof(*info));
	info->id = doc->id;
	info->bytes = doc->len;
	info->script = doc->script;
	info->dateline = doc->dateline[0] ? doc->dateline : NULL;
	info->anchor = doc->anchor[0] ? doc->anchor : NULL;
	info->nparagraphs = doc->paragraphs.n;
	info->ncaptions = doc->captions.n;
	info->nsources = doc->sources.n;
	info->ndiagnostics = doc->diags.n;
}

int jishi_doc_paragraph(const jishi_doc *doc, size_t i, jishi_span *span)
{
	if (doc == NULL || span == NULL || i >= doc->paragraphs.n)
		return JISHI_EINVAL;
	jx_span s = JX_VEC_AT(&doc->paragraphs, jx_span, i);
	span->start = jx_doc_unit(doc, s.start);
	span->end = jx_doc_unit(doc, s.end);
	return JISHI_OK;
}
