/*
 * fuzz_process.c -- libFuzzer target over jishi_doc_process().
 *
 * The whole input is the document text. Its first byte also picks the
 * options: bit 0 sets opts.date (a valid date, or with bit 3 a malformed
 * one), bit 1 sets a cap just under the input length, bit 2 asks for the
 * pretty JSON, bit 4 takes opts.id from input bytes 1..15 and bit 5
 * opts.url from the last 15 bytes (any bytes: quotes, controls, invalid
 * UTF-8, which must come out escaped or be refused with JISHI_EINVAL),
 * bit 6 adds the tokens to the record. Each input runs twice, in code
 * points and in bytes, and goes through jishi_segment() in both units.
 *
 * Besides "no crash, no leak" (the sanitizers' part) the target checks
 * the contract of jishi.h and aborts on a breach:
 *   - on failure *out is NULL and err.code is the returned code; a
 *     JISHI_EUTF8 position is the first invalid byte (computed here);
 *   - on success the record is one JSON value (checked by a small
 *     validator below), NUL-free, one line unless pretty; info.bytes is
 *     the input length; paragraph spans are in range, ordered, and the
 *     byte spans are the code-point spans converted;
 *   - jishi_segment() fails exactly on invalid UTF-8 (at the first bad
 *     byte); its tokens are non-empty, in order, inside the text, have a
 *     tag, and are the same words in both units.
 * The model is opened once, from $JISHI_MODEL (else the default path).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jishi.h"

static jishi_model *model;

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr,                                        \
			        "fuzz_process: check failed: %s (%s:%d)\n",    \
			        #c, __FILE__, __LINE__);                       \
			abort();                                               \
		}                                                              \
	} while (0)

/* ---- a strict JSON validator (RFC 8259), enough to catch writer bugs --- */
typedef struct jv {
	const unsigned char *s;
	size_t n, i;
	int depth;
} jv;

static void ws(jv *v)
{
	while (v->i < v->n && (v->s[v->i] == ' ' || v->s[v->i] == '\t' ||
	                       v->s[v->i] == '\n' || v->s[v->i] == '\r'))
		v->i++;
}

static int lit(jv *v, const char *w)
{
	size_t k = strlen(w);
	if (v->n - v->i < k || memcmp(v->s + v->i, w, k) != 0)
		return 0;
	v->i += k;
	return 1;
}

static int utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	unsigned lo = 0x80, hi = 0xBF;
	int k;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		k = 1;
	else if (c >= 0xE0 && c <= 0xEF)
		k = 2, lo = c == 0xE0 ? 0xA0 : 0x80,
		hi = c == 0xED ? 0x9F : 0xBF;
	else if (c >= 0xF0 && c <= 0xF4)
		k = 3, lo = c == 0xF0 ? 0x90 : 0x80,
		hi = c == 0xF4 ? 0x8F : 0xBF;
	else
		return 0;
	if (n <= (size_t)k || s[1] < lo || s[1] > hi)
		return 0;
	for (int j = 2; j <= k; j++)
		if ((s[j] & 0xC0) != 0x80)
			return 0;
	return k + 1;
}

static int str(jv *v)
{
	if (v->i >= v->n || v->s[v->i] != '"')
		return 0;
	v->i++;
	while (v->i < v->n) {
		unsigned c = v->s[v->i];
		if (c == '"') {
			v->i++;
			return 1;
		}
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			if (++v->i >= v->n)
				return 0;
			c = v->s[v->i];
			if (c == 'u') {
				if (v->n - v->i < 5)
					return 0;
				for (int k = 1; k <= 4; k++)
					if (!strchr("0123456789abcdefABCDEF",
					            v->s[v->i + k]) ||
					    v->s[v->i + k] == 0)
						return 0;
				v->i += 5;
			} else if (strchr("\"\\/bfnrt", (int)c) && c) {
				v->i++;
			} else {
				return 0;
			}
			continue;
		}
		int k = utf8_len(v->s + v->i, v->n - v->i);
		if (k == 0)
			return 0;
		v->i += (size_t)k;
	}
	return 0;
}

static int num(jv *v)
{
	size_t st = v->i;
	if (v->i < v->n && v->s[v->i] == '-')
		v->i++;
	if (v->i < v->n && v->s[v->i] == '0')
		v->i++;
	else if (v->i < v->n && v->s[v->i] >= '1' && v->s[v->i] <= '9')
		while (v->i < v->n && v->s[v->i] >= '0' && v->s[v->i] <= '9')
			v->i++;
	else
		return 0;
	if (v->i < v->n && v->s[v->i] == '.') {
		v->i++;
		if (v->i >= v->n || v->s[v->i] < '0' || v->s[v->i] > '9')
			return 0;
		while (v->i < v->n && v->s[v->i] >= '0' && v->s[v->i] <= '9')
			v->i++;
	}
	if (v->i < v->n && (v->s[v->i] == 'e' || v->s[v->i] == 'E')) {
		v->i++;
		if (v->i < v->n && (v->s[v->i] == '+' || v->s[v->i] == '-'))
			v->i++;
		if (v->i >= v->n || v->s[v->i] < '0' || v->s[v->i] > '9')
			return 0;
		while (v->i < v->n && v->s[v->i] >= '0' && v->s[v->i] <= '9')
			v->i++;
	}
	return v->i > st;
}

static int value(jv *v)
{
	ws(v);
	if (v->i >= v->n || ++v->depth > 64)
		return 0;
	int ok = 0;
	unsigned c = v->s[v->i];
	if (c == '{' || c == '[') {
		unsigned close = c == '{' ? '}' : ']';
		v->i++;
		ws(v);
		if (v->i < v->n && v->s[v->i] == close) {
			v->i++;
			ok = 1;
		} else {
			for (;;) {
				if (c == '{') {
					ws(v);
					if (!str(v))
						break;
					ws(v);
					if (v->i >= v->n || v->s[v->i] != ':')
						break;
					v->i++;
				}
				if (!value(v))
					break;
				ws(v);
				if (v->i < v->n && v->s[v->i] == ',') {
					v->i++;
					continue;
				}
				if (v->i < v->n && v->s[v->i] == close) {
					v->i++;
					ok = 1;
				}
				break;
			}
		}
	} else if (c == '"') {
		ok = str(v);
	} else if (c == 't') {
		ok = lit(v, "true");
	} else if (c == 'f') {
		ok = lit(v, "false");
	} else if (c == 'n') {
		ok = lit(v, "null");
	} else {
		ok = num(v);
	}
	v->depth--;
	return ok;
}

static int json_ok(const char *s, size_t n)
{
	jv v = {(const unsigned char *)s, n, 0, 0};
	if (n == 0 || s[0] != '{' || !value(&v))
		return 0;
	ws(&v);
	return v.i == n;
}

/* ---- the target ---------------------------------------------------------- */

/* Offset of the first byte that is not part of a valid UTF-8 sequence. */
static size_t first_bad(const uint8_t *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int k = utf8_len(s + i, n - i);
		if (k == 0)
			return i;
		i += (size_t)k;
	}
	return n;
}

/* A C string that is valid UTF-8 (NULL counts as valid). */
static int cstr_utf8(const char *s)
{
	return s == NULL ||
	       first_bad((const uint8_t *)s, strlen(s)) == strlen(s);
}

static void run(const uint8_t *data, size_t size, unsigned sel, unsigned flags,
                size_t *bspan, size_t *npara, const uint32_t *cp2byte,
                size_t ncp)
{
	jishi_opts opts;
	jishi_doc *doc = (jishi_doc *)1;
	jishi_err err;
	memset(&opts, 0, sizeof(opts));
	memset(&err, 0, sizeof(err));
	if (sel & 1)
		opts.date = (sel & 8) ? "2025-02-29" : "2024-02-29";
	if ((sel & 2) && size > 1)
		opts.max_bytes = size - 1;
	opts.flags = flags | ((sel & 4) ? JISHI_F_PRETTY : 0) |
	             ((sel & 64) ? JISHI_F_TOKENS : 0);
	/* id and url cut from the input: any bytes, quotes, controls */
	char id[16], url[16];
	if (sel & 16) {
		size_t n = size > 1 ? size - 1 : 0;
		n = n < sizeof(id) - 1 ? n : sizeof(id) - 1;
		memcpy(id, data + 1, n);
		id[n] = '\0';
		opts.id = id;
	}
	if (sel & 32) {
		size_t n = size < sizeof(url) - 1 ? size : sizeof(url) - 1;
		memcpy(url, data + size - n, n);
		url[n] = '\0';
		opts.url = url;
	}

	int rc = jishi_doc_process(model, (const char *)data, size, &opts, &doc,
	                           &err);
	size_t bad = first_bad(data, size);
	if (rc != JISHI_OK) {
		CHECK(doc == NULL);
		CHECK(err.code == rc);
		CHECK(memchr(err.msg, 0, sizeof(err.msg)) != NULL);
		if (rc == JISHI_EUTF8)
			CHECK(err.pos == bad);
		else if (rc == JISHI_ETOOBIG)
			CHECK(opts.max_bytes && size > opts.max_bytes);
		else if (rc == JISHI_EINVAL)
			CHECK((sel & 8 && sel & 1) || !cstr_utf8(opts.id) ||
			      !cstr_utf8(opts.url));
		else
			CHECK(rc == JISHI_ENOMEM);
		*npara = (size_t)-1;
		return;
	}
	CHECK(doc != NULL);
	CHECK(bad == size);
	CHECK(!(opts.max_bytes && size > opts.max_bytes));
	CHECK(!(sel & 1 && sel & 8));

	const char *json = NULL;
	size_t len = 0;
	rc = jishi_doc_json(doc, &json, &len);
	CHECK(rc == JISHI_OK || rc == JISHI_ENOMEM);
	if (rc == JISHI_OK) {
		CHECK(json != NULL);
		CHECK(strlen(json) == len);
		CHECK(json_ok(json, len));
		if (!(opts.flags & JISHI_F_PRETTY))
			CHECK(memchr(json, '\n', len) == NULL);
	}

	jishi_doc_info info;
	memset(&info, 0, sizeof(info));
	jishi_doc_get_info(doc, &info);
	CHECK(info.bytes == size);
	CHECK(info.id != NULL);
	if (opts.date && info.dateline == NULL)
		CHECK(info.anchor && strcmp(info.anchor, opts.date) == 0);
	if (info.dateline)
		CHECK(info.anchor && strcmp(info.anchor, info.dateline) == 0);
	if (!opts.date && !info.dateline)
		CHECK(info.anchor == NULL);

	size_t limit = (flags & JISHI_F_OFFSETS_BYTES) ? size : ncp;
	uint32_t prev_end = 0;
	for (size_t i = 0; i < info.nparagraphs; i++) {
		jishi_span sp;
		CHECK(jishi_doc_paragraph(doc, i, &sp) == JISHI_OK);
		CHECK(sp.start < sp.end && sp.end <= limit);
		CHECK(sp.start >= prev_end);
		prev_end = sp.end;
		if (flags & JISHI_F_OFFSETS_BYTES) {
			if (bspan && i < 256) {
				bspan[2 * i] = sp.start;
				bspan[2 * i + 1] = sp.end;
			}
		} else if (bspan && i < 256) {
			/* compare with the byte run (done by the caller) */
			bspan[2 * i] = cp2byte[sp.start];
			bspan[2 * i + 1] = cp2byte[sp.end];
		}
	}
	jishi_span sp;
	CHECK(jishi_doc_paragraph(doc, info.nparagraphs, &sp) == JISHI_EINVAL);
	*npara = info.nparagraphs;
	jishi_doc_free(doc);
}

/* Segment in both units and compare. */
static void segment(jishi_segmenter *seg, const uint8_t *data, size_t size,
                    size_t bad, const uint32_t *cp2byte, size_t ncp)
{
	const jishi_token *tok;
	size_t ntok = 0, nchar = 0;
	jishi_err err;
	uint32_t *keep = NULL;
	for (unsigned f = 0; f < 2; f++) {
		unsigned flags = f ? JISHI_F_OFFSETS_BYTES : 0;
		memset(&err, 0, sizeof(err));
		int rc = jishi_segment(seg, (const char *)data, size, flags,
		                       &tok, &ntok, &err);
		if (bad < size) {
			CHECK(rc == JISHI_EUTF8 && err.pos == bad);
			return;
		}
		CHECK(rc == JISHI_OK);
		size_t limit = f ? size : ncp;
		uint32_t prev = 0;
		for (size_t i = 0; i < ntok; i++) {
			jishi_span sp = tok[i].span;
			CHECK(sp.start < sp.end && sp.end <= limit);
			CHECK(sp.start >= prev);
			CHECK(tok[i].pos != NULL && tok[i].pos[0] != '\0');
			prev = sp.end;
		}
		if (f == 0) {
			nchar = ntok;
			keep = malloc((2 * ntok + 1) * sizeof(uint32_t));
			CHECK(keep != NULL);
			for (size_t i = 0; i < ntok; i++) {
				keep[2 * i] = cp2byte[tok[i].span.start];
				keep[2 * i + 1] = cp2byte[tok[i].span.end];
			}
		} else {
			CHECK(ntok == nchar);
			for (size_t i = 0; i < ntok; i++)
				CHECK(keep[2 * i] == tok[i].span.start &&
				      keep[2 * i + 1] == tok[i].span.end);
		}
	}
	free(keep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (model == NULL) {
		jishi_err err;
		if (jishi_model_open(getenv("JISHI_MODEL"), &model, &err)) {
			fprintf(stderr,
			        "fuzz_process: cannot open model: %s\n"
			        "  (set JISHI_MODEL to build/model.bin)\n",
			        err.msg);
			abort();
		}
	}
	if (size > ((size_t)1 << 20))
		return 0;
	unsigned sel = size ? data[0] : 0;

	/* code point -> byte offset, for comparing the two offset modes */
	uint32_t *cp2byte = malloc((size + 1) * sizeof(uint32_t));
	size_t *sc = malloc(512 * sizeof(size_t));
	size_t *sb = malloc(512 * sizeof(size_t));
	CHECK(cp2byte && sc && sb);
	size_t ncp = 0, bad = first_bad(data, size);
	for (size_t i = 0; i < bad;) {
		cp2byte[ncp++] = (uint32_t)i;
		i += (size_t)utf8_len(data + i, size - i);
	}
	cp2byte[ncp] = (uint32_t)bad;

	size_t nc = 0, nb = 0;
	run(data, size, sel, 0, sc, &nc, cp2byte, ncp);
	run(data, size, sel, JISHI_F_OFFSETS_BYTES, sb, &nb, cp2byte, ncp);
	CHECK(nc == nb);
	if (nc != (size_t)-1)
		for (size_t i = 0; i < nc && i < 256; i++)
			CHECK(sc[2 * i] == sb[2 * i] &&
			      sc[2 * i + 1] == sb[2 * i + 1]);
	static jishi_segmenter *seg;
	if (seg == NULL)
		CHECK(jishi_segmenter_new(model, NULL, &seg) == JISHI_OK);
	segment(seg, data, size, bad, cp2byte, ncp);
	/* NULL opts and a NULL err are allowed */
	jishi_doc *doc = NULL;
	int rc = jishi_doc_process(model, (const char *)data, size, NULL, &doc,
	                           NULL);
	CHECK((rc == JISHI_OK) == (bad == size) || rc == JISHI_ENOMEM);
	jishi_doc_free(doc);
	free(cp2byte);
	free(sc);
	free(sb);
	return 0;
}
