/*
 * fuzz_dict.c -- libFuzzer target over the user-dictionary loader
 * (jishi_dict_open, src/lex/dict.c): jieba's `word [freq] [tag]` lines.
 *
 * The input is written to one temporary file (the loader takes a path;
 * the file is unlinked at once and read through /proc/self/fd) and loaded
 * against the model from $JISHI_MODEL. A dictionary that loads is used at once:
 * the input itself is segmented with it in code points and in bytes (so the
 * user's words are found), and processed as a document with the tokens in the
 * record. Checks, aborting on a breach: on failure *out is NULL, err.code is
 * the return code, a JISHI_EUTF8 position is the input's first invalid byte,
 * and the code is one the header lists; on success the tokens are non-empty, in
 * order, inside the text, tagged, and the same words in both units.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jishi.h"

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr,                                        \
			        "fuzz_dict: check failed: %s (%s:%d)\n", #c,   \
			        __FILE__, __LINE__);                           \
			abort();                                               \
		}                                                              \
	} while (0)

static jishi_model *model;
static char path[4096];
static int fd = -1;

static void cleanup(void)
{
	unlink(path);
}

static int utf8_len(const uint8_t *s, size_t n)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
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

static void init(void)
{
	jishi_err err;
	if (jishi_model_open(getenv("JISHI_MODEL"), &model, &err)) {
		fprintf(stderr,
		        "fuzz_dict: cannot open model: %s\n"
		        "  (set JISHI_MODEL to build/model.bin)\n",
		        err.msg);
		abort();
	}
	const char *tmp = getenv("TMPDIR");
	snprintf(path, sizeof(path), "%s/jishi-fuzz-dict.XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path);
	CHECK(fd >= 0);
	/* unlink at once and load through /proc, so that no file is left
	 * behind when the fuzzer stops with _exit or a crash */
	char proc[64];
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (access(proc, R_OK) == 0 && unlink(path) == 0)
		memcpy(path, proc, strlen(proc) + 1);
	else
		atexit(cleanup);
}

/* Segment text in both units with seg and compare. */
static void segment(jishi_segmenter *seg, const uint8_t *data, size_t size)
{
	uint32_t *cp2byte = malloc((size + 1) * sizeof(uint32_t));
	CHECK(cp2byte != NULL);
	size_t ncp = 0;
	for (size_t i = 0; i < size;) {
		int k = utf8_len(data + i, size - i);
		CHECK(k > 0);
		cp2byte[ncp++] = (uint32_t)i;
		i += (size_t)k;
	}
	cp2byte[ncp] = (uint32_t)size;

	uint32_t *keep = NULL;
	size_t nchar = 0;
	for (unsigned f = 0; f < 2; f++) {
		const jishi_token *tok;
		size_t ntok = 0;
		int rc = jishi_segment(seg, (const char *)data, size,
		                       f ? JISHI_F_OFFSETS_BYTES : 0, &tok,
		                       &ntok, NULL);
		CHECK(rc == JISHI_OK || rc == JISHI_ENOMEM);
		if (rc != JISHI_OK)
			break;
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
	free(cp2byte);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (model == NULL)
		init();
	if (size > ((size_t)1 << 20))
		return 0;
	CHECK(ftruncate(fd, 0) == 0);
	CHECK(pwrite(fd, data, size, 0) == (ssize_t)size);

	size_t bad = 0;
	while (bad < size) {
		int k = utf8_len(data + bad, size - bad);
		if (k == 0)
			break;
		bad += (size_t)k;
	}

	jishi_dict *dict = (jishi_dict *)1;
	jishi_err err;
	memset(&err, 0, sizeof(err));
	int rc = jishi_dict_open(model, path, &dict, &err);
	if (rc != JISHI_OK) {
		CHECK(dict == NULL);
		CHECK(err.code == rc);
		CHECK(memchr(err.msg, 0, sizeof(err.msg)) != NULL);
		CHECK(rc == JISHI_EUTF8 || rc == JISHI_EDATA ||
		      rc == JISHI_ENOMEM || rc == JISHI_ETOOBIG);
		if (rc == JISHI_EUTF8)
			CHECK(err.pos == bad);
		return 0;
	}
	CHECK(dict != NULL);
	CHECK(bad == size); /* a dictionary that loaded was valid UTF-8 */

	jishi_segmenter *seg = NULL;
	CHECK(jishi_segmenter_new(model, dict, &seg) == JISHI_OK);
	segment(seg, data, size);
	jishi_segmenter_free(seg);

	jishi_opts opts;
	memset(&opts, 0, sizeof(opts));
	opts.dict = dict;
	opts.flags = JISHI_F_TOKENS;
	jishi_doc *doc = NULL;
	rc = jishi_doc_process(model, (const char *)data, size, &opts, &doc,
	                       NULL);
	CHECK(rc == JISHI_OK || rc == JISHI_ENOMEM);
	if (rc == JISHI_OK) {
		const char *json;
		size_t len;
		if (jishi_doc_json(doc, &json, &len) == JISHI_OK)
			CHECK(strlen(json) == len);
	}
	jishi_doc_free(doc);
	jishi_dict_free(dict);
	return 0;
}
