/*
 * norm.c -- the normalised view of a document and its map back to the
 * original bytes.
 *
 * Folding: a leading BOM is dropped, CR LF and lone CR become LF, NUL
 * becomes a space, full-width ASCII (U+FF01..U+FF5E) becomes ASCII and the
 * ideographic and no-break spaces become a space. Nothing else changes, so
 * Traditional stays Traditional. Stages and the compiled data both use this
 * form, so a pattern written once matches （圖／…） and (圖/…) alike.
 *
 * Map invariant: breaks[] is sorted by norm offset; between two breaks the
 * norm and original text advance together byte for byte. A break is added
 * wherever the two stop doing so (after a folded character, after a
 * dropped byte).
 */
#include <string.h>

#include "doc.h"

uint32_t jx_norm_fold(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + 0x21;
	if (cp == 0x3000 || cp == 0x00A0 || cp == 0)
		return ' ';
	return cp;
}

static int add_break(jishi_doc *doc, jx_vec *v, uint32_t norm, uint32_t orig)
{
	jx_normbreak *b = jx_vec_push(doc, v, sizeof(*b));
	if (b == NULL)
		return JISHI_ENOMEM;
	b->norm = norm;
	b->orig = orig;
	return JISHI_OK;
}

int jx_norm_build(jishi_doc *doc)
{
	const uint8_t *s = doc->src;
	uint32_t len = doc->len;
	uint8_t *out = jx_arena_alloc(&doc->arena, (size_t)len + 1);
	jx_vec br = {0};
	uint32_t o = 0;
	size_t i = 0;

	if (out == NULL || add_break(doc, &br, 0, 0))
		return JISHI_ENOMEM;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		i = 3;
		if (add_break(doc, &br, 0, 3))
			return JISHI_ENOMEM;
	}
	while (i < len) {
		uint8_t c = s[i];
		if (c == '\r') {
			out[o++] = '\n';
			i++;
			if (i < len && s[i] == '\n') {
				i++;
				if (add_break(doc, &br, o, (uint32_t)i))
					return JISHI_ENOMEM;
			}
			continue;
		}
		if (c == 0) {
			out[o++] = ' ';
			i++;
			continue;
		}
		if (c < 0x80) {
			out[o++] = c;
			i++;
			continue;
		}
		size_t start = i;
		uint32_t cp = jx_utf8_next(s, len, &i);
		uint32_t f = jx_norm_fold(cp);
		if (f == cp) {
			memcpy(out + o, s + start, i - start);
			o += (uint32_t)(i - start);
		} else {
			o += (uint32_t)jx_utf8_encode(f, (char *)out + o);
			if (add_break(doc, &br, o, (uint32_t)i))
				return JISHI_ENOMEM;
		}
	}
	out[o] = '\0';
	doc->norm = out;
	doc->norm_len = o;
	doc->breaks = br.items;
	doc->nbreaks = br.n;
	return doc->arena.oom ? JISHI_ENOMEM : JISHI_OK;
}

/* Index of the last break whose norm offset (by_orig: original offset)
 * is <= x; both grow together. breaks[0] is at 0 in both. */
static uint32_t last_break(const jishi_doc *doc, uint32_t x, bool by_orig)
{
	uint32_t lo = 0, hi = doc->nbreaks;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		const jx_normbreak *b = &doc->breaks[mid];
		if ((by_orig ? b->orig : b->norm) <= x)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

uint32_t jx_doc_orig(const jishi_doc *doc, uint32_t x)
{
	/* Several breaks can share one norm offset (BOM then CRLF); the
	 * latest is right for a start. */
	const jx_normbreak *b = &doc->breaks[last_break(doc, x, false)];
	uint32_t r = b->orig + (x - b->norm);
	return r > doc->len ? doc->len : r;
}

uint32_t jx_doc_norm(const jishi_doc *doc, uint32_t y)
{
	if (doc->nbreaks == 0)
		return y;
	const jx_normbreak *b = &doc->breaks[last_break(doc, y, true)];
	uint32_t r = b->norm + (y - b->orig);
	return r > doc->norm_len ? doc->norm_len : r;
}

jx_span jx_doc_span(const jishi_doc *doc, uint32_t s, uint32_t e)
{
	jx_span sp;
	sp.start = jx_doc_orig(doc, s);
	sp.end = jx_doc_orig(doc, e);
	if (sp.end < sp.start)
		sp.end = sp.start;
	return sp;
}
