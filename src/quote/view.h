/*
 * view.h -- the reading view the quote and event stages share
 * (docs/internals/event.md) (internal).
 *
 * Built once per document on norm offsets: token boundaries, the actors
 * of the text in order (entity mentions, title chains folded into the
 * person, pronouns and group words resolved to entities) with the marker
 * that governs each, and the document's quotation spans.
 */
#ifndef JX_VIEW_H
#define JX_VIEW_H

#include "doc.h"

/* One actor in the text. */
typedef struct jx_actor {
	uint32_t s, e;           /* norm offsets */
	int32_t ent[JX_EV_ARGS]; /* the entities it stands for */
	uint8_t n;               /* how many (0: unresolved pronoun) */
	const char *code;        /* a side word's country (中方: CHN) */
	bool pronoun;            /* 他, 兩人 ... rather than a name */
	char role;               /* marker right before it: 'w' with,
	                            't' to, 'b' by, 'a' at, 'o' other,
	                            'm' a modifier (G7峰會), 'j' the
	                            object of 把/將, 'p' in a
	                            parenthesis, 0 none */
} jx_actor;

/* A quotation span in norm offsets (inside the marks). */
typedef struct jx_qspan {
	uint32_t open, s, e, close; /* open mark, words, close mark end */
	uint8_t depth;
	int32_t quote; /* doc->quotes index */
} jx_qspan;

/* A reported statement: words from `s` to `e` said by `speaker`. */
typedef struct jx_stmt {
	uint32_t s, e;
	jx_arg who[JX_EV_ARGS];
	uint8_t n;
} jx_stmt;

typedef struct jx_view {
	const jishi_doc *doc;
	const uint8_t *t; /* doc->norm */
	uint32_t len;
	uint8_t *tok; /* per norm byte: 1 token start, 2 token end here */
	jx_actor *a;
	uint32_t na;
	jx_qspan *q;
	uint32_t nq;
	jx_stmt *st;  /* st[0..nst_quote): quoted speech, then reported */
	uint32_t nst; /* speech: each run in order of s (jx_stmt_at) */
	uint32_t nst_quote;
	uint32_t st_max[2]; /* the longest e - s of each run */
	uint32_t q_max;     /* the longest e - open of the quote spans */
	jx_span *tm;        /* doc->times[i] in norm offsets (in text order) */
	const jx_table *markers, *pronouns, *cues, *status, *verbs, *cameo,
	    *nominal, *sides, *light;
} jx_view;

/* Does the actor stand for anyone (an entity or a side's country)? */
static inline bool jx_actor_live(const jx_actor *a)
{
	return a->n > 0 || a->code != NULL;
}

/* Build the view (needs the ent and time layers); NULL when out of
 * memory (doc->oom set). */
jx_view *jx_view_build(jishi_doc *doc);

/* The statement holding norm offset p with the latest start (the first
 * of equal starts), or NULL. */
const jx_stmt *jx_view_stmt_at(const jx_view *v, uint32_t p);

/* The first time expression (doc->times index) starting at norm offset
 * p or later; doc->times.n when none does. */
uint32_t jx_view_time_from(const jx_view *v, uint32_t p);

/* Is norm offset p a character that ends a sentence (。！？ or a line
 * break)? level 1 adds ；, level 2 adds ，：, and both levels stop at
 * quotation marks. */
bool jx_view_stop(const jx_view *v, uint32_t p, int level);
/* Start of the unit (sentence 0, part 1, clause 2) holding p. */
uint32_t jx_view_unit_start(const jx_view *v, uint32_t p, int level);
/* End of the unit holding p. */
uint32_t jx_view_unit_end(const jx_view *v, uint32_t p, int level);
/* Does a word of t (first cell) match at norm p on token boundaries? Its
 * byte length and row, or 0. */
uint32_t jx_view_word(const jx_view *v, const jx_table *t, uint32_t p,
                      uint32_t *row);
/* The first word of t in [from, to) on token boundaries: its start, its
 * length in *n and its row in *row; to (and *n 0) when there is none. */
uint32_t jx_view_next_word(const jx_view *v, const jx_table *t, uint32_t from,
                           uint32_t to, uint32_t *n, uint32_t *row);
/* Index of the first actor starting at or after p (na when none). */
uint32_t jx_view_actor_at(const jx_view *v, uint32_t p);
/* The innermost quotation holding norm offset p, or NULL. */
const jx_qspan *jx_view_quote_at(const jx_view *v, uint32_t p);

/* The quote stage: doc->quotes and the view's statements. */
void jx_quote_run(jishi_doc *doc, jx_view *v);

#endif
