/*
 * lex.c -- the public segmenter (jishi_segmenter_*, jishi_segment) and
 * the lex stage of the document pipeline, both over seg.c.
 */
#include <string.h>

#include "lex.h"

struct jishi_segmenter {
	jx_seg *seg;
	const char *tag_names[65536 >> 8]; /* tag id -> name (ids < 256) */
	const jishi_model *model;
	jishi_token *out;
	size_t cap;
};

int jishi_segmenter_new(const jishi_model *model, const jishi_dict *dict,
                        jishi_segmenter **out)
{
	if (out == NULL || model == NULL)
		return JISHI_EINVAL;
	*out = NULL;
	if (dict && dict->model != model)
		return JISHI_EINVAL;
	jishi_segmenter *s = jx_calloc(1, sizeof(*s));
	if (s == NULL)
		return JISHI_ENOMEM;
	s->model = model;
	for (uint32_t t = 0; t < 256; t++)
		s->tag_names[t] = jx_lex_tag_name(&model->lex, t);
	int rc = jx_seg_new(model, dict, &s->seg);
	if (rc) {
		jx_free(s);
		return rc;
	}
	*out = s;
	return JISHI_OK;
}

void jishi_segmenter_free(jishi_segmenter *s)
{
	if (s == NULL)
		return;
	jx_seg_free(s->seg);
	jx_free(s->out);
	jx_free(s);
}

int jishi_segment(jishi_segmenter *s, const char *text, size_t len,
                  unsigned flags, const jishi_token **tokens, size_t *ntokens,
                  jishi_err *err)
{
	if (s == NULL || tokens == NULL || ntokens == NULL ||
	    (text == NULL && len > 0))
		return jx_err_set(err, JISHI_EINVAL, UINT64_MAX,
		                  "jishi_segment: NULL argument");
	*tokens = NULL;
	*ntokens = 0;
	const uint8_t *t = (const uint8_t *)(len ? text : "");
	const jx_token *tk;
	size_t n;
	int rc = jx_seg_run(s->seg, t, len, &tk, &n);
	if (rc == JISHI_EUTF8) {
		size_t bad = jx_seg_bad(s->seg);
		return jx_err_set(err, JISHI_EUTF8, bad,
		                  "invalid UTF-8 (sequence starting with byte "
		                  "0x%02X)",
		                  t[bad]);
	}
	if (rc)
		return jx_err_set(err, rc, UINT64_MAX, NULL);
	if (n > s->cap) {
		size_t cap = s->cap ? s->cap : 256;
		while (cap < n)
			cap *= 2;
		jishi_token *o = jx_realloc(s->out, cap * sizeof(*o));
		if (o == NULL)
			return jx_err_set(err, JISHI_ENOMEM, UINT64_MAX, NULL);
		s->out = o;
		s->cap = cap;
	}
	/* tokens are in order: count code points as we go */
	jishi_token *o = s->out;
	bool bytes = flags & JISHI_F_OFFSETS_BYTES;
	size_t at = 0, cps = 0;
	for (size_t i = 0; i < n; i++) {
		if (bytes) {
			o[i].span.start = tk[i].start;
			o[i].span.end = tk[i].end;
		} else {
			cps += jx_utf8_count(t + at, tk[i].start - at);
			o[i].span.start = (uint32_t)cps;
			cps += jx_utf8_count(t + tk[i].start,
			                     tk[i].end - tk[i].start);
			o[i].span.end = (uint32_t)cps;
			at = tk[i].end;
		}
		o[i].pos = tk[i].tag < 256 ? s->tag_names[tk[i].tag] : "x";
		o[i].oov = (tk[i].flags & JX_TOK_OOV) != 0;
	}
	*tokens = s->out;
	*ntokens = n;
	return JISHI_OK;
}

void jx_lex_run(jishi_doc *doc, const jishi_dict *dict)
{
	jx_seg *seg;
	if (jx_seg_new(doc->model, dict, &seg)) {
		doc->oom = JISHI_ENOMEM;
		return;
	}
	const jx_token *tk;
	size_t n;
	jx_seg_set_script(seg, doc->script);
	if (jx_seg_run(seg, doc->src, doc->len, &tk, &n) == JISHI_OK) {
		jx_token *copy =
		    jx_arena_alloc(&doc->arena, (n ? n : 1) * sizeof(jx_token));
		if (copy) {
			if (n)
				memcpy(copy, tk, n * sizeof(jx_token));
			doc->tokens = copy;
			doc->ntokens = (uint32_t)n;
		}
	} else {
		doc->oom = JISHI_ENOMEM;
	}
	jx_seg_free(seg);
}
