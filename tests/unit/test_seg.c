/*
 * test_seg.c -- the segmenter through the public API: the table of cases
 * in tests/data/seg/cases.tsv (lattice, numbers, Latin, punctuation,
 * spaces, both scripts), the unknown-word model, user dictionaries, empty
 * and blank input, a 1 MB line without spaces, invalid UTF-8 with its
 * byte offset, code-point and byte spans, and the lex stage in a record.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "jishi.h"

static jishi_model *model;

/* The words of text, joined by single spaces (with /tag when tags). */
static char *segment(jishi_segmenter *seg, const char *text, bool tags)
{
	const jishi_token *tk;
	size_t n;
	jishi_err err;
	int rc = jishi_segment(seg, text, strlen(text), JISHI_F_OFFSETS_BYTES,
	                       &tk, &n, &err);
	if (rc)
		fail_msg("segment: %s", err.msg);
	size_t cap = strlen(text) * 8 + 16, len = 0;
	char *out = malloc(cap);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		len += (size_t)snprintf(
		    out + len, cap - len, "%s%.*s%s%s", i ? " " : "",
		    (int)(tk[i].span.end - tk[i].span.start),
		    text + tk[i].span.start, tags ? "/" : "",
		    tags ? tk[i].pos : "");
	}
	return out;
}

static void table_cases(void **state)
{
	(void)state;
	const char *path = JISHI_TEST_DATA "/seg/cases.tsv";
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[4096];
	unsigned lineno = 0, ncases = 0, failed = 0;
	bool header = true;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (header) {
			header = false;
			continue;
		}
		char *tab = strchr(line, '\t');
		assert_non_null(tab);
		*tab = '\0';
		const char *input = line, *want = tab + 1;
		/* a fresh segmenter: no script carried over from a case */
		jishi_segmenter *seg;
		assert_int_equal(jishi_segmenter_new(model, NULL, &seg),
		                 JISHI_OK);
		char *plain = segment(seg, input, false);
		char *tagged = segment(seg, input, true);
		/* compare word by word; a word/tag checks the tag as well */
		char *w = strdup(want), *save1 = NULL, *save2 = NULL,
		     *save3 = NULL;
		char *p1 = strdup(plain), *p2 = strdup(tagged);
		char *a = strtok_r(w, " ", &save1);
		char *b = strtok_r(p1, " ", &save2);
		char *c = strtok_r(p2, " ", &save3);
		bool ok = true;
		while (a && b && c) {
			char *slash = strrchr(a, '/');
			if (slash && slash != a && slash[1] >= 'a' &&
			    slash[1] <= 'z')
				ok &= strcmp(a, c) == 0;
			else
				ok &= strcmp(a, b) == 0;
			a = strtok_r(NULL, " ", &save1);
			b = strtok_r(NULL, " ", &save2);
			c = strtok_r(NULL, " ", &save3);
		}
		ok &= a == NULL && b == NULL;
		if (!ok) {
			fprintf(stderr, "%s:%u: %s\n  want %s\n  got  %s\n",
			        path, lineno, input, want, tagged);
			failed++;
		}
		ncases++;
		free(w);
		free(p1);
		free(p2);
		free(plain);
		free(tagged);
		jishi_segmenter_free(seg);
	}
	fclose(f);
	assert_true(ncases >= 25);
	assert_int_equal(failed, 0);
}

/* Names and words the lexicon lacks come from the character model. */
static void unknown_words(void **state)
{
	(void)state;
	jishi_segmenter *seg;
	assert_int_equal(jishi_segmenter_new(model, NULL, &seg), JISHI_OK);
	static const char *cases[][2] = {
	    {"葉澍堃說", "葉澍堃"},
	    {"列夏格出席", "列夏格"},
	};
	for (size_t k = 0; k < 2; k++) {
		const jishi_token *tk;
		size_t n;
		assert_int_equal(
		    jishi_segment(seg, cases[k][0], strlen(cases[k][0]),
		                  JISHI_F_OFFSETS_BYTES, &tk, &n, NULL),
		    JISHI_OK);
		assert_true(n >= 2);
		assert_int_equal(tk[0].span.end - tk[0].span.start,
		                 strlen(cases[k][1]));
		assert_int_equal(tk[0].oov, 1);
	}
	/* a sentence of lexicon words has no unknown word */
	const jishi_token *tk;
	size_t n;
	const char *known = "南韓總統出訪日本";
	assert_int_equal(
	    jishi_segment(seg, known, strlen(known), 0, &tk, &n, NULL),
	    JISHI_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(tk[i].oov, 0);
	jishi_segmenter_free(seg);
}

static char *write_temp(const char *content)
{
	char *path = strdup("/tmp/jishi-dict-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, strlen(content)),
	                 (ssize_t)strlen(content));
	close(fd);
	return path;
}

static void user_dict(void **state)
{
	(void)state;
	const char *text = "中策組指出，露宿者增加。";
	jishi_segmenter *seg;
	assert_int_equal(jishi_segmenter_new(model, NULL, &seg), JISHI_OK);
	char *before = segment(seg, text, false);
	assert_null(strstr(before, "中策組 "));
	jishi_segmenter_free(seg);

	/* a multi-word entry and a control character are skipped, not
	 * fatal: real word lists have them (CityU's has Phang\u3000Nga) */
	char *path = write_temp("# comment\n\n中策組 nt\nPhang\xE3\x80\x80Nga\n"
	                        "\x1b\n露宿者\n"
	                        "\xF0\xA0\xAE\xB7野家 1000 nz\n");
	jishi_dict *dict;
	jishi_err err;
	assert_int_equal(jishi_dict_open(model, path, &dict, &err), JISHI_OK);
	assert_int_equal(jishi_segmenter_new(model, dict, &seg), JISHI_OK);
	char *after = segment(seg, text, true);
	assert_string_equal(after,
	                    "中策組/nt 指出/v ，/w 露宿者/n 增加/v 。/w");
	/* a character the model does not know, from the dictionary */
	char *rare = segment(seg, "到\xF0\xA0\xAE\xB7野家吃飯", false);
	assert_non_null(strstr(rare, "\xF0\xA0\xAE\xB7野家"));
	free(rare);
	free(after);
	jishi_segmenter_free(seg);
	/* the same dictionary through a document's options */
	jishi_opts o = {.dict = dict, .flags = JISHI_F_TOKENS};
	jishi_doc *doc;
	assert_int_equal(
	    jishi_doc_process(model, text, strlen(text), &o, &doc, &err),
	    JISHI_OK);
	const char *json;
	assert_int_equal(jishi_doc_json(doc, &json, NULL), JISHI_OK);
	json_t *r = json_loads(json, 0, NULL);
	assert_non_null(r);
	json_t *t0 = json_array_get(json_object_get(r, "tokens"), 0);
	assert_int_equal(json_integer_value(json_array_get(t0, 1)), 3);
	assert_string_equal(json_string_value(json_array_get(t0, 2)), "nt");
	json_decref(r);
	jishi_doc_free(doc);
	jishi_dict_free(dict);
	unlink(path);
	free(path);
	free(before);

	/* bad dictionaries: an unknown tag, invalid UTF-8, no file */
	path = write_temp("好詞 10 nope\n");
	assert_int_equal(jishi_dict_open(model, path, &dict, &err),
	                 JISHI_EDATA);
	assert_non_null(strstr(err.msg, ":1:"));
	unlink(path);
	free(path);
	path = write_temp("好詞\n壞\xFF詞\n");
	assert_int_equal(jishi_dict_open(model, path, &dict, &err),
	                 JISHI_EUTF8);
	assert_int_equal(err.pos, 10);
	assert_null(dict);
	unlink(path);
	free(path);
	assert_int_equal(
	    jishi_dict_open(model, "/nonexistent/dict", &dict, &err),
	    JISHI_EIO);
}

static void empty_and_blank(void **state)
{
	(void)state;
	jishi_segmenter *seg;
	const jishi_token *tk;
	size_t n = 99;
	assert_int_equal(jishi_segmenter_new(model, NULL, &seg), JISHI_OK);
	assert_int_equal(jishi_segment(seg, "", 0, 0, &tk, &n, NULL), JISHI_OK);
	assert_int_equal(n, 0);
	assert_int_equal(jishi_segment(seg, NULL, 0, 0, &tk, &n, NULL),
	                 JISHI_OK);
	assert_int_equal(n, 0);
	const char *blank = " \t\r\n\xE3\x80\x80 ";
	assert_int_equal(
	    jishi_segment(seg, blank, strlen(blank), 0, &tk, &n, NULL),
	    JISHI_OK);
	assert_int_equal(n, 0);
	jishi_segmenter_free(seg);
}

static void invalid_utf8(void **state)
{
	(void)state;
	jishi_segmenter *seg;
	const jishi_token *tk;
	size_t n;
	jishi_err err;
	assert_int_equal(jishi_segmenter_new(model, NULL, &seg), JISHI_OK);
	assert_int_equal(
	    jishi_segment(seg, "日本\xC0\xAF", 8, 0, &tk, &n, &err),
	    JISHI_EUTF8);
	assert_int_equal(err.pos, 6);
	/* the segmenter is still usable */
	assert_int_equal(jishi_segment(seg, "日本", 6, 0, &tk, &n, &err),
	                 JISHI_OK);
	assert_int_equal(n, 1);
	jishi_segmenter_free(seg);
}

/* 1 MB of text without a space: every byte is covered once, in order. */
static void long_line(void **state)
{
	(void)state;
	static const char piece[] = "南韓總統李在明昨（23）日正式展開出訪行程，"
	                            "第一站首先造訪東京，與日本首相石破茂進行"
	                            "長達113分鐘的會談。";
	size_t plen = sizeof(piece) - 1, len = 0;
	char *text = malloc((1 << 20) + plen);
	while (len < (1 << 20)) {
		memcpy(text + len, piece, plen);
		len += plen;
	}
	jishi_segmenter *seg;
	const jishi_token *tk;
	size_t n;
	assert_int_equal(jishi_segmenter_new(model, NULL, &seg), JISHI_OK);
	assert_int_equal(
	    jishi_segment(seg, text, len, JISHI_F_OFFSETS_BYTES, &tk, &n, NULL),
	    JISHI_OK);
	assert_true(n > len / 12);
	uint32_t at = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(tk[i].span.start, at);
		assert_true(tk[i].span.end > at);
		at = tk[i].span.end;
	}
	assert_int_equal(at, len);
	free(text);
	jishi_segmenter_free(seg);
}

/* Code-point spans and byte spans name the same words. */
static void spans(void **state)
{
	(void)state;
	const char *text = "Ｇ７峰會在2025年6月舉行，a b";
	jishi_segmenter *seg;
	assert_int_equal(jishi_segmenter_new(model, NULL, &seg), JISHI_OK);
	const jishi_token *tk;
	size_t n;
	assert_int_equal(jishi_segment(seg, text, strlen(text),
	                               JISHI_F_OFFSETS_BYTES, &tk, &n, NULL),
	                 JISHI_OK);
	jishi_span *bytes = malloc(n * sizeof(*bytes));
	for (size_t i = 0; i < n; i++)
		bytes[i] = tk[i].span;
	size_t n2;
	assert_int_equal(
	    jishi_segment(seg, text, strlen(text), 0, &tk, &n2, NULL),
	    JISHI_OK);
	assert_int_equal(n, n2);
	for (size_t i = 0; i < n; i++) {
		/* count code points before the byte offset */
		uint32_t cp = 0;
		for (uint32_t k = 0; k < bytes[i].start; k++)
			cp += ((unsigned char)text[k] & 0xC0) != 0x80;
		assert_int_equal(tk[i].span.start, cp);
	}
	assert_string_equal(tk[0].pos, "eng");
	free(bytes);
	jishi_segmenter_free(seg);
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
	    cmocka_unit_test(table_cases),  cmocka_unit_test(unknown_words),
	    cmocka_unit_test(user_dict),    cmocka_unit_test(empty_and_blank),
	    cmocka_unit_test(invalid_utf8), cmocka_unit_test(long_line),
	    cmocka_unit_test(spans),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
