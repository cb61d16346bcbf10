/*
 * fuzz_model.c -- libFuzzer target over the model loader
 * (jx_model_open_mem, src/model/model.c).
 *
 * Each input is tried twice: as given, and "repaired" -- magic, version
 * and file size set, every in-range section's jx_sum32 and the section
 * table's CRC-32 recomputed -- so that mutations reach the checks behind
 * the checksums instead of dying at the first one. A model that opens is
 * walked completely (every table, cell and column name, a few sorted-row
 * lookups, the script sets), then used to segment and to process a few
 * short reports, so a loader that lets a bad offset through shows up
 * under ASan here, not in production. Invariants checked: on failure
 * *out is NULL and err.code == the return code (JISHI_EMODEL or
 * JISHI_ENOMEM); on success every cell string is NUL-terminated at its
 * length and every token span is inside the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jishi.h"
#include "model.h"

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr,                                        \
			        "fuzz_model: check failed: %s (%s:%d)\n", #c,  \
			        __FILE__, __LINE__);                           \
			abort();                                               \
		}                                                              \
	} while (0)

static const char *const texts[] = {
    "2025-08-24 ▲南韓總統李在明23日出訪日本東京，與日本首相石破茂進行"
    "會談。（圖／達志影像／美聯社）\n\n記者羅翊宬／綜合外電報導\n\n"
    "南韓總統李在明昨（23）日正式展開出訪行程，根據《韓聯社》報導。\n",
    "央视网消息（新闻联播）：11月1日，全国政协主席汪洋在钓鱼台国宾馆会见"
    "越共中央总书记阮富仲。\n\n汪洋表示，中方愿同越方一道努力。\n",
    "\xef\xbb\xbf外交部\r\n\r\n\x00",
    "",
};

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void wr32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static volatile size_t sink;

static void walk(jishi_model *m)
{
	for (uint32_t i = 0; i < m->ntables; i++) {
		const jx_table *t = &m->tables[i];
		CHECK(jx_model_table(m, t->name) == t);
		sink += strlen(t->name);
		for (uint32_t c = 0; c < t->ncols; c++) {
			const char *h = t->pool + t->cols[2 * c];
			sink += (size_t)jx_table_col(t, h);
		}
		sink += (size_t)jx_table_col(t, "no such column");
		static const char *const keys[] = {"", "a", "\xe5\x9c\x8b",
		                                   "\xff\xff"};
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			uint32_t r =
			    jx_table_lower(t, keys[k], strlen(keys[k]));
			CHECK(r <= t->nrows);
			if (r < t->nrows)
				sink += jx_table_cell(t, r, 0).len;
		}
		for (uint32_t r = 0; r < t->nrows; r++)
			for (uint32_t c = 0; c < t->ncols; c++) {
				jx_str s = jx_table_cell(t, r, c);
				CHECK(s.s[s.len] == '\0');
				sink +=
				    s.len ? (unsigned char)s.s[s.len - 1] : 0;
			}
	}
	CHECK(jx_model_table(m, "no/such-table") == NULL);
	static const uint32_t cps[] = {0,      0x41,     0x4E2D,    0x570B,
	                               0x56FD, 0x10FFFF, 0xFFFFFFFF};
	for (size_t k = 0; k < sizeof(cps) / sizeof(cps[0]); k++)
		sink += (size_t)jx_model_script_of(m, cps[k]);

	jishi_segmenter *seg = NULL;
	if (jishi_segmenter_new(m, NULL, &seg) == JISHI_OK) {
		for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
			const jishi_token *tok;
			size_t ntok, len = strlen(texts[k]);
			for (unsigned f = 0; f < 2; f++)
				if (jishi_segment(seg, texts[k], len,
				                  f ? JISHI_F_OFFSETS_BYTES : 0,
				                  &tok, &ntok,
				                  NULL) == JISHI_OK)
					for (size_t i = 0; i < ntok; i++)
						CHECK(tok[i].span.start <
						          tok[i].span.end &&
						      tok[i].span.end <= len &&
						      tok[i].pos != NULL);
		}
		jishi_segmenter_free(seg);
	}
	for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++)
		for (unsigned flags = 0; flags < 2; flags++) {
			jishi_opts opts;
			jishi_doc *doc = NULL;
			memset(&opts, 0, sizeof(opts));
			opts.flags = (flags ? JISHI_F_OFFSETS_BYTES : 0) |
			             JISHI_F_TOKENS;
			opts.date = "2025-08-24";
			size_t len =
			    strlen(texts[k]) + (k == 2); /* keep the NUL */
			int rc = jishi_doc_process(m, texts[k], len, &opts,
			                           &doc, NULL);
			CHECK(rc == JISHI_OK || rc == JISHI_ENOMEM);
			if (rc == JISHI_OK) {
				const char *json;
				size_t jlen;
				if (jishi_doc_json(doc, &json, &jlen) ==
				    JISHI_OK)
					CHECK(strlen(json) == jlen);
			}
			jishi_doc_free(doc);
		}
}

static void try_open(const uint8_t *data, size_t size)
{
	jishi_model *m = (jishi_model *)1;
	jishi_err err;
	memset(&err, 0, sizeof(err));
	int rc = jx_model_open_mem(data, size, &m, &err);
	if (rc != JISHI_OK) {
		CHECK(m == NULL);
		CHECK(err.code == rc);
		CHECK(rc == JISHI_EMODEL || rc == JISHI_ENOMEM);
		CHECK(memchr(err.msg, 0, sizeof(err.msg)) != NULL);
		return;
	}
	CHECK(m != NULL);
	walk(m);
	jishi_model_close(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > ((size_t)64 << 20)) /* the real model is ~24 MB */
		return 0;
	try_open(data, size);

	/* the repaired copy */
	if (size < sizeof(jx_fheader))
		return 0;
	uint8_t *p = malloc(size);
	CHECK(p != NULL);
	memcpy(p, data, size);
	memcpy(p, JX_MODEL_MAGIC, 8);
	wr32(p + 8, JX_MODEL_VERSION);
	wr32(p + 16, (uint32_t)size);
	uint32_t nsec = rd32(p + 12);
	size_t hdr = sizeof(jx_fheader);
	if (nsec <= JX_MODEL_MAX_SECTIONS &&
	    (size - hdr) / sizeof(jx_fsection) >= nsec) {
		uint8_t *tab = p + hdr;
		for (uint32_t i = 0; i < nsec; i++) {
			uint8_t *s = tab + i * sizeof(jx_fsection);
			uint32_t off = rd32(s + 4), sz = rd32(s + 8);
			if (off % 8 == 0 && off <= size && sz <= size - off)
				wr32(s + 12, jx_sum32(p + off, sz));
		}
		wr32(p + 20, jx_crc32(0, tab, nsec * sizeof(jx_fsection)));
	}
	try_open(p, size);
	free(p);
	return 0;
}
