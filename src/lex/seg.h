/*
 * seg.h -- the segmenter: words and POS tags from the compiled lexicon,
 * with unknown words from the character model (internal).
 *
 * A jx_seg holds reusable buffers, so segmenting line after line
 * allocates nothing once they have grown. It reads original UTF-8 bytes
 * and folds each character on the fly (full-width ASCII, ideographic
 * space), so token offsets are original byte offsets and no normalised
 * copy is needed. docs/internals/lex.md describes the method.
 */
#ifndef JX_SEG_H
#define JX_SEG_H

#include "model.h"

typedef struct jx_token {
	uint32_t start, end; /* byte offsets into the segmented text */
	uint16_t tag;        /* POS tag id (jx_lex_tag_name) */
	uint16_t flags;      /* JX_TOK_* */
} jx_token;

#define JX_TOK_OOV  0x1u /* built by the unknown-word model */
#define JX_TOK_USER 0x2u /* from the user dictionary */

typedef struct jx_seg jx_seg;

/* Character classes of the segmenter; jishi-compile stores each BMP code
 * point's class in the model (LCHR) with jx_seg_classify. */
enum {
	JX_CLASS_HAN,
	JX_CLASS_DIGIT,
	JX_CLASS_ALPHA,
	JX_CLASS_SPACE,
	JX_CLASS_PUNCT,
	JX_CLASS_OTHER
};
uint8_t jx_seg_classify(uint32_t cp);

/* A segmenter over model m and user dictionary dict (may be NULL). */
int jx_seg_new(const jishi_model *m, const jishi_dict *dict, jx_seg **out);
void jx_seg_free(jx_seg *s);
/* Segment every later text as this script (a jishi_script); the default,
 * JISHI_SCRIPT_UNKNOWN, tells each text's script from its characters. */
void jx_seg_set_script(jx_seg *s, int script);

/* Segment text[0..len). *toks (OUT) has *ntoks tokens in text order,
 * valid until the next call; whitespace is not a token. Invalid UTF-8
 * gives JISHI_EUTF8, and jx_seg_bad() the byte offset of the first bad
 * sequence (the check is part of the decoding pass). */
int jx_seg_run(jx_seg *s, const uint8_t *text, size_t len,
               const jx_token **toks, size_t *ntoks);
size_t jx_seg_bad(const jx_seg *s);

/* ---- user dictionaries (dict.c) --------------------------------------- */

struct jishi_dict {
	jx_dat dat;             /* words over character ids */
	jx_dat_cell *cells;     /* owned */
	uint32_t *xcp;          /* code points beyond the model's characters */
	uint32_t nx;            /* their ids are model nchars + 1 + index */
	uint32_t base_id;       /* model nchars */
	uint32_t model_penalty; /* added to the model's words when in use */
	const jishi_model *model;
};

/* The character id of cp for a trie that may use dict's extra ids. */
uint32_t jx_dict_char(const jishi_dict *d, uint32_t cp);

#endif
