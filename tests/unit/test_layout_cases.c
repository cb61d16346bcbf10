/*
 * test_layout_cases.c -- runs the hand-checked layout cases of
 * tests/data/layout against the library.
 *
 * usage: test_layout_cases DIR [MODEL]
 *
 * For every CASE.expect.json in DIR (format: tests/data/layout/README.md)
 * the runner reads CASE.txt, processes it with jishi_doc_process() (the
 * case's "date", if any, as opts.date), parses the record with jansson and
 * checks each field the expectation gives, exactly: doc.dateline,
 * doc.anchor, doc.script, the byline (its span must slice the input to the
 * expected text), every caption (text, span, credits), every paragraph
 * span and the names of the cited sources. Independently of the
 * expectation, every "span" in the record must lie inside the input, and
 * where a "text" stands next to it, slice the input to exactly that text.
 *
 * Each case runs twice: spans in code points (the default; a BOM counts as
 * one), then with JISHI_F_OFFSETS_BYTES, where the same spans must slice
 * the same texts out of the UTF-8 bytes. The C views (jishi_doc_get_info,
 * jishi_doc_paragraph) must agree with the record.
 *
 * MODEL defaults to $JISHI_MODEL, then to the library's own default. Each
 * case is one cmocka test; a mismatch prints
 *     CASE.expect.json: FIELD: got X, expected Y
 * and fails that case after all its fields were compared. The test list is
 * built at run time, so the runner calls _cmocka_run_group_tests(), the
 * function behind the cmocka_run_group_tests() macro, with the count.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "jishi.h"

#define EXPECT_SUFFIX ".expect.json"

/* One case: CASE.expect.json and CASE.txt in the case directory. */
struct lcase {
	char *file;        /* "CASE.expect.json", for messages */
	char *name;        /* "CASE", the cmocka test name */
	char *expect_path; /* DIR/CASE.expect.json */
	char *text_path;   /* DIR/CASE.txt */
};

/* The state of one run of one case. */
struct check {
	const char *file; /* "CASE.expect.json" */
	const char *mode; /* "" for code points, " (bytes)" for bytes */
	const char *text; /* the input bytes */
	size_t len;       /* their number */
	const size_t *cp; /* byte offset of code point i, ncp + 1 entries */
	size_t ncp;       /* code points in the input */
	int bytes;        /* spans count bytes, not code points */
	int nfail;        /* mismatches so far */
};

static jishi_model *model; /* opened by the group setup */
static const char *model_path;

/* ---- reporting --------------------------------------------------------- */

/* v as compact JSON (malloc'd); "(absent)" for NULL. */
static char *dump(const json_t *v)
{
	char *s;

	if (!v)
		return strdup("(absent)");
	s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	return s ? s : strdup("(unprintable)");
}

static void fail_json(struct check *c, const char *field, const json_t *got,
                      const json_t *want)
{
	char *g = dump(got), *w = dump(want);

	fprintf(stderr, "%s: %s%s: got %s, expected %s\n", c->file, field,
	        c->mode, g ? g : "?", w ? w : "?");
	free(g);
	free(w);
	c->nfail++;
}

static void fail_text(struct check *c, const char *field, const char *got,
                      size_t gotlen, const char *want)
{
	fprintf(stderr, "%s: %s%s: got \"%.*s\", expected \"%s\"\n", c->file,
	        field, c->mode, (int)gotlen, got, want);
	c->nfail++;
}

#ifdef __GNUC__
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static void complain(struct check *c, const char *field, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

/* Report a mismatch in free form: "FILE: FIELD: message". */
static void complain(struct check *c, const char *field, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s%s: ", c->file, field, c->mode);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	c->nfail++;
}

/* ---- spans ------------------------------------------------------------- */

/* The byte range of a [start, end) pair of the record, in c's unit.
 * Returns 0, or -1 (and reports under field) when it is not a pair of
 * integers inside the input (in bytes mode: on code point boundaries). */
static int span_bytes(struct check *c, const char *field, const json_t *span,
                      size_t *start, size_t *end)
{
	json_int_t s, e;
	size_t units = c->bytes ? c->len : c->ncp;

	if (!json_is_array(span) || json_array_size(span) < 2 ||
	    !json_is_integer(json_array_get(span, 0)) ||
	    !json_is_integer(json_array_get(span, 1))) {
		char *g = dump(span);

		complain(c, field, "got %s, expected a [start, end] pair",
		         g ? g : "?");
		free(g);
		return -1;
	}
	s = json_integer_value(json_array_get(span, 0));
	e = json_integer_value(json_array_get(span, 1));
	if (s < 0 || e < s || (size_t)e > units) {
		complain(c, field, "span [%lld, %lld] outside the input (%zu)",
		         (long long)s, (long long)e, units);
		return -1;
	}
	if (!c->bytes) {
		*start = c->cp[s];
		*end = c->cp[e];
		return 0;
	}
	if (((size_t)s < c->len && (c->text[s] & 0xC0) == 0x80) ||
	    ((size_t)e < c->len && (c->text[e] & 0xC0) == 0x80)) {
		complain(c, field, "span [%lld, %lld] splits a character",
		         (long long)s, (long long)e);
		return -1;
	}
	*start = (size_t)s;
	*end = (size_t)e;
	return 0;
}

/* The span must slice the input to exactly want. */
static void check_slice(struct check *c, const char *field, const json_t *span,
                        const char *want)
{
	size_t s, e;

	if (!want) {
		complain(c, field, "the expectation has no text");
		return;
	}
	if (span_bytes(c, field, span, &s, &e) != 0)
		return;
	if (e - s != strlen(want) || memcmp(c->text + s, want, e - s) != 0)
		fail_text(c, field, c->text + s, e - s, want);
}

/* Does text[0..n) contain the NUL-terminated needle? */
static int contains(const char *text, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(text + i, needle, k) == 0)
			return 1;
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

/* Every "span", "*_span" and "trigger" in the record lies in the input; a
 * "span" with a "text" beside it slices the input to that text; "mentions"
 * hold pairs. */
static void walk_spans(struct check *c, const json_t *v, char *path, size_t cap)
{
	size_t plen = strlen(path), i, s, e;
	const char *key, *text;
	json_t *m;
	void *it;

	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++) {
			snprintf(path + plen, cap - plen, "[%zu]", i);
			walk_spans(c, json_array_get(v, i), path, cap);
		}
		path[plen] = '\0';
		return;
	}
	if (!json_is_object(v))
		return;
	text = json_string_value(json_object_get(v, "text"));
	for (it = json_object_iter((json_t *)v); it;
	     it = json_object_iter_next((json_t *)v, it)) {
		key = json_object_iter_key(it);
		m = json_object_iter_value(it);
		snprintf(path + plen, cap - plen, "%s%s", plen ? "." : "", key);
		if (!strcmp(key, "span") && text)
			check_slice(c, path, m, text);
		else if (!strcmp(key, "span") || !strcmp(key, "trigger") ||
		         ends_with(key, "_span"))
			span_bytes(c, path, m, &s, &e);
		else if (!strcmp(key, "mentions") && json_is_array(m))
			for (i = 0; i < json_array_size(m); i++)
				span_bytes(c, path, json_array_get(m, i), &s,
				           &e);
		else if (strcmp(key, "paragraphs") != 0)
			walk_spans(c, m, path, cap);
		path[plen] = '\0';
	}
}

/* ---- fields ------------------------------------------------------------ */

/* got must equal want; an absent got counts as null. */
static void check_eq(struct check *c, const char *field, const json_t *got,
                     const json_t *want)
{
	json_t *null = json_null();
	int same = json_equal(got ? (json_t *)got : null, (json_t *)want);

	json_decref(null);
	if (!same)
		fail_json(c, field, got, want);
}

static void check_doc(struct check *c, const json_t *doc, const json_t *want)
{
	static const char *const keys[] = {"dateline", "anchor", "script"};
	char field[64];
	const char *unit = c->bytes ? "bytes" : "chars";
	json_t *offs = json_object_get(doc, "offsets");
	json_t *nbytes = json_object_get(doc, "bytes");
	size_t i;

	if (!json_is_string(offs) || strcmp(json_string_value(offs), unit))
		complain(c, "doc.offsets", "got %s, expected \"%s\"",
		         json_is_string(offs) ? json_string_value(offs) : "?",
		         unit);
	if (!json_is_integer(nbytes) ||
	    (size_t)json_integer_value(nbytes) != c->len)
		complain(c, "doc.bytes", "got %lld, expected %zu",
		         json_is_integer(nbytes)
		             ? (long long)json_integer_value(nbytes)
		             : -1LL,
		         c->len);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		json_t *w = json_object_get(want, keys[i]);

		if (!w)
			continue;
		snprintf(field, sizeof field, "doc.%s", keys[i]);
		check_eq(c, field, json_object_get(doc, keys[i]), w);
	}
}

static void check_byline(struct check *c, const json_t *got, const json_t *want)
{
	static const char *const keys[] = {"reporters", "desk", "agency"};
	char field[64];
	size_t i;

	if (json_is_null(want)) {
		if (got && !json_is_null(got))
			fail_json(c, "byline", got, want);
		return;
	}
	if (!json_is_object(got)) {
		fail_json(c, "byline", got, want);
		return;
	}
	if (json_is_string(json_object_get(want, "text")))
		check_slice(c, "byline.text", json_object_get(got, "span"),
		            json_string_value(json_object_get(want, "text")));
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		json_t *w = json_object_get(want, keys[i]);

		if (!w)
			continue;
		snprintf(field, sizeof field, "byline.%s", keys[i]);
		check_eq(c, field, json_object_get(got, keys[i]), w);
	}
}

static void check_captions(struct check *c, const json_t *got,
                           const json_t *want)
{
	size_t ng = json_array_size(got), nw = json_array_size(want), i;
	char field[64];

	if (got && !json_is_array(got))
		fail_json(c, "captions", got, want);
	if (ng != nw)
		complain(c, "captions", "got %zu captions, expected %zu", ng,
		         nw);
	for (i = 0; i < ng && i < nw; i++) {
		json_t *g = json_array_get(got, i);
		json_t *w = json_array_get(want, i);
		const char *wt = json_string_value(json_object_get(w, "text"));

		if (wt) {
			snprintf(field, sizeof field, "captions[%zu].text", i);
			check_eq(c, field, json_object_get(g, "text"),
			         json_object_get(w, "text"));
			snprintf(field, sizeof field, "captions[%zu].span", i);
			check_slice(c, field, json_object_get(g, "span"), wt);
		}
		if (json_object_get(w, "credits")) {
			snprintf(field, sizeof field, "captions[%zu].credits",
			         i);
			check_eq(c, field, json_object_get(g, "credits"),
			         json_object_get(w, "credits"));
		}
	}
	for (; i < ng; i++) {
		snprintf(field, sizeof field, "captions[%zu]", i);
		fail_json(c, field, json_array_get(got, i), NULL);
	}
	for (; i < nw; i++) {
		snprintf(field, sizeof field, "captions[%zu]", i);
		fail_json(c, field, NULL, json_array_get(want, i));
	}
}

static void check_paragraphs(struct check *c, const json_t *got,
                             const json_t *want)
{
	size_t ng = json_array_size(got), nw = json_array_size(want), i, s, e;
	char field[64];

	if (ng != nw)
		complain(c, "paragraphs", "got %zu paragraphs, expected %zu",
		         ng, nw);
	for (i = 0; i < ng && i < nw; i++) {
		snprintf(field, sizeof field, "paragraphs[%zu]", i);
		check_slice(c, field, json_array_get(got, i),
		            json_string_value(json_array_get(want, i)));
	}
	for (; i < ng; i++) {
		snprintf(field, sizeof field, "paragraphs[%zu]", i);
		if (span_bytes(c, field, json_array_get(got, i), &s, &e) == 0)
			fail_text(c, field, c->text + s, e - s, "(none)");
	}
	for (; i < nw; i++) {
		snprintf(field, sizeof field, "paragraphs[%zu]", i);
		fail_json(c, field, NULL, json_array_get(want, i));
	}
}

/* The names must equal want, in order; each span must hold its name. */
static void check_sources(struct check *c, const json_t *got,
                          const json_t *want)
{
	json_t *names = json_array();
	size_t i, s, e;
	char field[64];

	for (i = 0; i < json_array_size(got); i++) {
		json_t *src = json_array_get(got, i);
		json_t *name = json_object_get(src, "name");
		const char *n = json_string_value(name);

		json_array_append(names, name ? name : json_null());
		snprintf(field, sizeof field, "sources[%zu].span", i);
		if (n &&
		    span_bytes(c, field, json_object_get(src, "span"), &s,
		               &e) == 0 &&
		    !contains(c->text + s, e - s, n))
			fail_text(c, field, c->text + s, e - s, n);
	}
	if (!json_equal(names, (json_t *)want))
		fail_json(c, "sources", names, want);
	json_decref(names);
}

/* A string of jishi_doc_info (NULL for none) must equal the record's. */
static void check_view(struct check *c, const char *field, const char *view,
                       const json_t *rec)
{
	const char *r = json_string_value(rec);

	if ((view == NULL) != (r == NULL) || (view && strcmp(view, r)))
		complain(c, field, "got %s, record has %s",
		         view ? view : "NULL", r ? r : "null");
}

/* The C views must agree with the record. */
static void check_info(struct check *c, const jishi_doc *doc, const json_t *rec)
{
	jishi_doc_info info;
	json_t *paras = json_object_get(rec, "paragraphs");
	json_t *d = json_object_get(rec, "doc");
	jishi_span sp;
	char field[64];
	size_t i;

	memset(&info, 0, sizeof info);
	jishi_doc_get_info(doc, &info);
	if (info.nparagraphs != json_array_size(paras))
		complain(c, "info.nparagraphs", "got %zu, expected %zu",
		         info.nparagraphs, json_array_size(paras));
	if (info.ncaptions != json_array_size(json_object_get(rec, "captions")))
		complain(c, "info.ncaptions", "got %zu, record has %zu",
		         info.ncaptions,
		         json_array_size(json_object_get(rec, "captions")));
	if (info.nsources != json_array_size(json_object_get(rec, "sources")))
		complain(c, "info.nsources", "got %zu, record has %zu",
		         info.nsources,
		         json_array_size(json_object_get(rec, "sources")));
	if (info.bytes != c->len)
		complain(c, "info.bytes", "got %zu, expected %zu", info.bytes,
		         c->len);
	check_view(c, "info.dateline", info.dateline,
	           json_object_get(d, "dateline"));
	check_view(c, "info.anchor", info.anchor, json_object_get(d, "anchor"));
	for (i = 0; i < info.nparagraphs && i < json_array_size(paras); i++) {
		json_t *p = json_array_get(paras, i);
		json_int_t ps = json_integer_value(json_array_get(p, 0));
		json_int_t pe = json_integer_value(json_array_get(p, 1));

		snprintf(field, sizeof field, "jishi_doc_paragraph(%zu)", i);
		memset(&sp, 0, sizeof sp);
		if (jishi_doc_paragraph(doc, i, &sp) != JISHI_OK ||
		    (json_int_t)sp.start != ps || (json_int_t)sp.end != pe)
			complain(c, field,
			         "got [%u, %u], record has [%lld, %lld]",
			         (unsigned)sp.start, (unsigned)sp.end,
			         (long long)ps, (long long)pe);
	}
	if (jishi_doc_paragraph(doc, info.nparagraphs, &sp) != JISHI_EINVAL)
		complain(c, "jishi_doc_paragraph(n)",
		         "an out-of-range index did not give JISHI_EINVAL");
}

static void check_record(struct check *c, const json_t *rec, const json_t *want)
{
	char path[256] = "";
	json_t *w;

	if (json_integer_value(json_object_get(rec, "jishi")) != JISHI_SCHEMA)
		complain(c, "jishi", "got %lld, expected %d",
		         (long long)json_integer_value(
		             json_object_get(rec, "jishi")),
		         JISHI_SCHEMA);
	check_doc(c, json_object_get(rec, "doc"), json_object_get(want, "doc"));
	if ((w = json_object_get(want, "byline")) != NULL)
		check_byline(c, json_object_get(rec, "byline"), w);
	if ((w = json_object_get(want, "captions")) != NULL)
		check_captions(c, json_object_get(rec, "captions"), w);
	if ((w = json_object_get(want, "paragraphs")) != NULL)
		check_paragraphs(c, json_object_get(rec, "paragraphs"), w);
	if ((w = json_object_get(want, "sources")) != NULL)
		check_sources(c, json_object_get(rec, "sources"), w);
	walk_spans(c, rec, path, sizeof path);
}

/* Process the input once with flags and check the record. */
static void run_once(struct check *c, const json_t *want, const char *date,
                     unsigned flags)
{
	jishi_opts opts = {.date = date, .flags = flags};
	jishi_doc *doc = NULL;
	jishi_err err;
	const char *js = NULL;
	size_t jlen = 0;
	json_error_t jerr;
	json_t *rec;
	int rc;

	memset(&err, 0, sizeof err);
	rc = jishi_doc_process(model, c->text, c->len, &opts, &doc, &err);
	if (rc != JISHI_OK) {
		complain(c, "jishi_doc_process", "got %s (%s), expected %s",
		         jishi_errname(rc), err.msg, "JISHI_OK");
		return;
	}
	rc = jishi_doc_json(doc, &js, &jlen);
	if (rc != JISHI_OK || !js) {
		complain(c, "jishi_doc_json", "got %s, expected JISHI_OK",
		         jishi_errname(rc));
		jishi_doc_free(doc);
		return;
	}
	rec = json_loadb(js, jlen, 0, &jerr);
	if (!json_is_object(rec)) {
		complain(c, "record", "not a JSON object: %s (line %d col %d)",
		         jerr.text, jerr.line, jerr.column);
	} else {
		check_record(c, rec, want);
		check_info(c, doc, rec);
	}
	json_decref(rec);
	jishi_doc_free(doc);
}

/* ---- files ------------------------------------------------------------- */

/* The whole file at path (malloc'd, NUL-terminated), or NULL. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	for (;;) {
		if (cap - n < 4097) {
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb)
				goto fail;
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	free(buf);
	fclose(f);
	return NULL;
}

/* Byte offsets of the code points of text (ncp + 1 entries). */
static size_t *codepoints(const char *text, size_t len, size_t *ncp)
{
	size_t *cp = malloc((len + 1) * sizeof *cp), i, n = 0;

	if (!cp)
		return NULL;
	for (i = 0; i < len; i++)
		if ((text[i] & 0xC0) != 0x80)
			cp[n++] = i;
	cp[n] = len;
	*ncp = n;
	return cp;
}

/* ---- cmocka ------------------------------------------------------------ */

static void test_case(void **state)
{
	const struct lcase *lc = *state;
	struct check c;
	json_error_t jerr;
	json_t *root, *want, *date;
	char *text;
	size_t len = 0, ncp = 0, *cp;
	int nfail;

	root = json_load_file(lc->expect_path, 0, &jerr);
	if (!root)
		fail_msg("%s: line %d: %s", lc->file, jerr.line, jerr.text);
	want = json_object_get(root, "expect");
	date = json_object_get(root, "date");
	text = read_all(lc->text_path, &len);
	cp = text ? codepoints(text, len, &ncp) : NULL;
	if (!json_is_object(want) || !cp) {
		json_decref(root);
		free(text);
		free(cp);
		fail_msg("%s: no \"expect\" object or unreadable %s", lc->file,
		         lc->text_path);
	}
	c = (struct check){.file = lc->file,
	                   .mode = "",
	                   .text = text,
	                   .len = len,
	                   .cp = cp,
	                   .ncp = ncp};
	run_once(&c, want, json_string_value(date), 0);
	c.bytes = 1;
	c.mode = " (bytes)";
	run_once(&c, want, json_string_value(date), JISHI_F_OFFSETS_BYTES);
	nfail = c.nfail;
	json_decref(root);
	free(text);
	free(cp);
	if (nfail)
		fail_msg("%s: %d mismatch%s", lc->file, nfail,
		         nfail == 1 ? "" : "es");
}

static int open_model(void **state)
{
	jishi_err err;
	int rc;

	(void)state;
	memset(&err, 0, sizeof err);
	rc = jishi_model_open(model_path, &model, &err);
	if (rc != JISHI_OK) {
		fprintf(stderr, "test_layout_cases: model %s: %s\n",
		        model_path ? model_path : "(default)", err.msg);
		return -1;
	}
	return 0;
}

static int close_model(void **state)
{
	(void)state;
	jishi_model_close(model);
	model = NULL;
	return 0;
}

static int by_file(const void *a, const void *b)
{
	return strcmp(((const struct lcase *)a)->file,
	              ((const struct lcase *)b)->file);
}

static char *join(const char *dir, const char *name, size_t namelen,
                  const char *suffix)
{
	size_t n = strlen(dir) + 1 + namelen + strlen(suffix) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s/%.*s%s", dir, (int)namelen, name, suffix);
	return s;
}

/* The cases of dir, sorted by file name; *n (OUT) their number. */
static struct lcase *find_cases(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	struct lcase *v = NULL, *nv;
	size_t cap = 0, k = strlen(EXPECT_SUFFIX);

	*n = 0;
	if (!d)
		return NULL;
	while ((ent = readdir(d)) != NULL) {
		size_t len = strlen(ent->d_name);
		struct lcase *lc;

		if (ent->d_name[0] == '.' || len <= k ||
		    strcmp(ent->d_name + len - k, EXPECT_SUFFIX))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			nv = realloc(v, cap * sizeof *v);
			if (!nv)
				break;
			v = nv;
		}
		lc = &v[(*n)++];
		lc->file = strdup(ent->d_name);
		lc->name = strndup(ent->d_name, len - k);
		lc->expect_path = join(dir, ent->d_name, len, "");
		lc->text_path = join(dir, ent->d_name, len - k, ".txt");
	}
	closedir(d);
	if (v)
		qsort(v, *n, sizeof *v, by_file);
	return v;
}

int main(int argc, char **argv)
{
	struct lcase *cases;
	struct CMUnitTest *tests;
	size_t n = 0, i;
	int rc;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s DIR [MODEL]\n", argv[0]);
		return 2;
	}
	model_path = argc == 3 ? argv[2] : getenv("JISHI_MODEL");
	cases = find_cases(argv[1], &n);
	if (n == 0) {
		fprintf(stderr, "%s: no *%s cases in %s\n", argv[0],
		        EXPECT_SUFFIX, argv[1]);
		free(cases);
		return 1;
	}
	tests = calloc(n, sizeof *tests);
	if (!tests)
		return 1;
	for (i = 0; i < n; i++) {
		tests[i].name = cases[i].name;
		tests[i].test_func = test_case;
		tests[i].initial_state = &cases[i];
	}
	rc = _cmocka_run_group_tests("layout_cases", tests, n, open_model,
	                             close_model);
	for (i = 0; i < n; i++) {
		free(cases[i].file);
		free(cases[i].name);
		free(cases[i].expect_path);
		free(cases[i].text_path);
	}
	free(tests);
	free(cases);
	return rc;
}
