/*
 * test_doc.c -- jishi_doc_process end to end through the public API:
 * input validation (UTF-8, size cap, dates), BOM / CRLF / NUL / full-width
 * handling and the offset map, code-point and byte spans, the JSON record
 * (always parsed back with jansson), allocation-failure torture, and the
 * model loader's refusal of corrupt files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "base.h"
#include "model.h"

static jishi_model *model;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = malloc((size_t)n + 1);
	if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
		free(p);
		p = NULL;
	}
	fclose(f);
	if (p)
		p[n] = '\0';
	*len = (size_t)n;
	return p;
}

/* Process text and return its record parsed by jansson. */
static json_t *record(const char *text, size_t len, const char *date,
                      unsigned flags)
{
	jishi_opts o = {.date = date, .flags = flags};
	jishi_doc *doc = NULL;
	jishi_err err;
	assert_int_equal(jishi_doc_process(model, text, len, &o, &doc, &err),
	                 JISHI_OK);
	const char *json;
	size_t jl;
	assert_int_equal(jishi_doc_json(doc, &json, &jl), JISHI_OK);
	json_error_t je;
	json_t *r = json_loadb(json, jl, 0, &je);
	if (r == NULL)
		fail_msg("record is not JSON: %s at %d", je.text, je.position);
	jishi_doc_free(doc);
	return r;
}

/* The input between a [s, e) span, in code points or bytes. */
static char *slice(const char *text, size_t len, json_t *span, bool bytes)
{
	size_t s = (size_t)json_integer_value(json_array_get(span, 0));
	size_t e = (size_t)json_integer_value(json_array_get(span, 1));
	if (!bytes) { /* code points -> bytes */
		size_t cp = 0, bs = len, be = len;
		for (size_t i = 0; i <= len; i++) {
			if (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
				continue;
			if (cp == s)
				bs = i;
			if (cp == e) {
				be = i;
				break;
			}
			cp++;
		}
		s = bs;
		e = be;
	}
	assert_true(s <= e && e <= len);
	char *out = malloc(e - s + 1);
	memcpy(out, text + s, e - s);
	out[e - s] = '\0';
	return out;
}

static const char *str(json_t *r, const char *path)
{
	json_t *v = r;
	char buf[128];
	snprintf(buf, sizeof(buf), "%s", path);
	for (char *k = strtok(buf, "."); k && v; k = strtok(NULL, ".")) {
		if (k[0] >= '0' && k[0] <= '9')
			v = json_array_get(v, (size_t)strtol(k, NULL, 10));
		else
			v = json_object_get(v, k);
	}
	return json_string_value(v);
}

static void seed_record(void **state)
{
	(void)state;
	size_t len;
	char *text = slurp(JISHI_SEED, &len);
	assert_non_null(text);
	for (int bytes = 0; bytes < 2; bytes++) {
		json_t *r =
		    record(text, len, NULL, bytes ? JISHI_F_OFFSETS_BYTES : 0);
		assert_int_equal(
		    json_integer_value(json_object_get(r, "jishi")), 1);
		assert_string_equal(str(r, "doc.script"), "hant");
		assert_string_equal(str(r, "doc.dateline"), "2025-08-24");
		assert_string_equal(str(r, "doc.anchor"), "2025-08-24");
		assert_string_equal(str(r, "doc.offsets"),
		                    bytes ? "bytes" : "chars");
		assert_string_equal(str(r, "byline.reporters.0"), "羅翊宬");
		assert_string_equal(str(r, "byline.desk"), "綜合外電報導");
		json_t *caps = json_object_get(r, "captions");
		assert_int_equal(json_array_size(caps), 5);
		assert_string_equal(str(r, "captions.0.credits.1"), "美聯社");
		assert_string_equal(str(r, "captions.4.credits.0"), "VCG");
		size_t i;
		json_t *c;
		json_array_foreach(caps, i, c)
		{
			char *t =
			    slice(text, len, json_object_get(c, "span"), bytes);
			assert_string_equal(t, str(c, "text"));
			free(t);
		}
		json_t *paras = json_object_get(r, "paragraphs");
		assert_int_equal(json_array_size(paras), 15);
		char *p0 = slice(text, len, json_array_get(paras, 0), bytes);
		assert_true(strncmp(p0, "南韓總統李在明昨（23）日", 33) == 0);
		free(p0);
		char *by =
		    slice(text, len,
		          json_object_get(json_object_get(r, "byline"), "span"),
		          bytes);
		assert_string_equal(by, "記者羅翊宬／綜合外電報導");
		free(by);
		assert_string_equal(str(r, "sources.0.name"), "韓聯社");
		assert_string_equal(str(r, "sources.1.name"), "日本放送協會");
		json_decref(r);
	}
	free(text);
}

static void bom_crlf_nul(void **state)
{
	(void)state;
	static const char text[] =
	    "\xEF\xBB\xBF date 2025-08-24\r\n\r\n記者王小明、李四／台北報導"
	    "\r\n\r\n第一段，\0有NUL。\r\n第二段。";
	size_t len = sizeof(text) - 1;
	for (int bytes = 0; bytes < 2; bytes++) {
		json_t *r =
		    record(text, len, NULL, bytes ? JISHI_F_OFFSETS_BYTES : 0);
		assert_string_equal(str(r, "doc.dateline"), "2025-08-24");
		assert_string_equal(str(r, "byline.reporters.1"), "李四");
		json_t *paras = json_object_get(r, "paragraphs");
		assert_int_equal(json_array_size(paras), 2);
		char *p = slice(text, len, json_array_get(paras, 1), bytes);
		assert_string_equal(p, "第二段。");
		free(p);
		/* the BOM counts as one code point / three bytes */
		json_t *ds =
		    json_object_get(json_object_get(r, "doc"), "dateline_span");
		assert_int_equal(json_integer_value(json_array_get(ds, 0)),
		                 bytes ? 9 : 7);
		json_decref(r);
	}
}

static void fullwidth_dateline(void **state)
{
	(void)state;
	const char *text = "２０２５年８月２４日　１４：３０\n\n"
	                   "▲圖說文字。（圖：中央社）\n\n正文一段。";
	json_t *r = record(text, strlen(text), NULL, 0);
	assert_string_equal(str(r, "doc.dateline"), "2025-08-24");
	assert_string_equal(str(r, "captions.0.credits.0"), "中央社");
	assert_int_equal(json_array_size(json_object_get(r, "paragraphs")), 1);
	json_decref(r);
	/* a sentence that starts with a date is body text, not a dateline */
	text = "2025年8月24日，南韓總統出訪日本。";
	r = record(text, strlen(text), "2025-08-25", 0);
	assert_null(str(r, "doc.dateline"));
	assert_string_equal(str(r, "doc.anchor"), "2025-08-25");
	json_decref(r);
}

static void cna_dateline(void **state)
{
	(void)state;
	const char *text = "（中央社記者王小明東京24日專電）日本首相今天表示。";
	json_t *r = record(text, strlen(text), "2025-08-24", 0);
	assert_string_equal(str(r, "byline.agency"), "中央社");
	assert_string_equal(str(r, "byline.reporters.0"), "王小明");
	assert_string_equal(str(r, "byline.desk"), "東京24日專電");
	assert_string_equal(str(r, "doc.dateline"), "2025-08-24");
	json_decref(r);
	/* without an anchor the day alone is not a date: a diagnostic */
	r = record(text, strlen(text), NULL, 0);
	assert_null(str(r, "doc.dateline"));
	assert_string_equal(str(r, "diagnostics.0.code"), "dateline_day_only");
	json_decref(r);
	/* day after the anchor's day: the previous month */
	r = record(text, strlen(text), "2025-03-02", 0);
	assert_string_equal(str(r, "doc.dateline"), "2025-02-24");
	json_decref(r);
}

static void script(void **state)
{
	(void)state;
	const char *hans = "南韩总统李在明访问日本，与日本首相会谈。";
	json_t *r = record(hans, strlen(hans), NULL, 0);
	assert_string_equal(str(r, "doc.script"), "hans");
	json_decref(r);
	const char *mixed = "南韩总统访问日本。南韓總統訪問日本。";
	r = record(mixed, strlen(mixed), NULL, 0);
	assert_string_equal(str(r, "doc.script"), "mixed");
	json_decref(r);
	r = record("abc", 3, NULL, 0);
	assert_true(
	    json_is_null(json_object_get(json_object_get(r, "doc"), "script")));
	json_decref(r);
}

static void bad_input(void **state)
{
	(void)state;
	jishi_doc *doc = (jishi_doc *)&doc;
	jishi_err err;
	assert_int_equal(
	    jishi_doc_process(model, "紀\xFF事", 5, NULL, &doc, &err),
	    JISHI_EUTF8);
	assert_null(doc);
	assert_int_equal(err.pos, 3);
	jishi_opts o = {.max_bytes = 4};
	assert_int_equal(jishi_doc_process(model, "12345", 5, &o, &doc, &err),
	                 JISHI_ETOOBIG);
	o = (jishi_opts){.date = "2025-02-30"};
	assert_int_equal(jishi_doc_process(model, "x", 1, &o, &doc, &err),
	                 JISHI_EINVAL);
	assert_int_equal(jishi_doc_process(model, NULL, 0, NULL, &doc, &err),
	                 JISHI_OK);
	jishi_doc_info info;
	jishi_doc_get_info(doc, &info);
	assert_int_equal(info.bytes, 0);
	assert_int_equal(info.nparagraphs, 0);
	jishi_doc_free(doc);
	jishi_doc_free(NULL);
	assert_int_equal(jishi_doc_process(model, "x", 1, NULL, NULL, &err),
	                 JISHI_EINVAL);
}

static void torture(void **state)
{
	(void)state;
	size_t len;
	char *text = slurp(JISHI_SEED, &len);
	assert_non_null(text);
	unsigned long n;
	for (n = 1; n < 100000; n++) {
		jishi_doc *doc = NULL;
		jx_alloc_fail_after(n);
		int rc = jishi_doc_process(model, text, len, NULL, &doc, NULL);
		const char *json = NULL;
		if (rc == JISHI_OK)
			rc = jishi_doc_json(doc, &json, NULL);
		jx_alloc_fail_after(0);
		jishi_doc_free(doc);
		if (rc == JISHI_OK)
			break;
		assert_int_equal(rc, JISHI_ENOMEM);
	}
	assert_true(n > 1 && n < 100000);
	free(text);
}

static void model_corrupt(void **state)
{
	(void)state;
	jishi_model *m = NULL;
	jishi_err err;
	assert_int_equal(jishi_model_open("/nonexistent/model.bin", &m, &err),
	                 JISHI_EIO);
	assert_null(m);
	size_t len;
	char *bin = slurp(getenv("JISHI_MODEL"), &len);
	assert_non_null(bin);
	assert_int_equal(jx_model_open_mem(bin, len, &m, &err), JISHI_OK);
	jishi_model_close(m);
	/* every truncation and a flipped byte at many places */
	for (size_t cut = 0; cut < len; cut += 1 + cut / 4) {
		assert_int_equal(jx_model_open_mem(bin, cut, &m, &err),
		                 JISHI_EMODEL);
		assert_null(m);
	}
	for (size_t at = 0; at < len; at += 1 + len / 97) {
		bin[at] ^= 0x5A;
		int rc = jx_model_open_mem(bin, len, &m, &err);
		bin[at] ^= 0x5A;
		assert_int_equal(rc, JISHI_EMODEL);
	}
	free(bin);
}

static int setup(void **state)
{
	(void)state;
	jishi_err err;
	if (jishi_model_open(NULL, &model, &err) != JISHI_OK) {
		fprintf(stderr, "model: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jishi_model_close(model);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(seed_record),
	    cmocka_unit_test(bom_crlf_nul),
	    cmocka_unit_test(fullwidth_dateline),
	    cmocka_unit_test(cna_dateline),
	    cmocka_unit_test(script),
	    cmocka_unit_test(bad_input),
	    cmocka_unit_test(torture),
	    cmocka_unit_test(model_corrupt),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
