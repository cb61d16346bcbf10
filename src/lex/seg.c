/*
 * seg.c -- word segmentation and POS tags (docs/internals/lex.md).
 *
 * 1. Characters are decoded, folded (full-width ASCII -> ASCII) and
 *    classed: Han, digit, Latin, space, punctuation, other.
 * 2. Blocks of Han/digit/Latin characters get a lattice: every lexicon
 *    word (model trie, then user dictionary trie) starting at each
 *    character, one number token at the start of a digit run (2025-08-24,
 *    3.5, 10:30), one word at the start of a Latin run, and a single
 *    character as a last resort. The cheapest path (costs are -ln p x
 *    1000) wins, as in jieba's DAG; ties go to the longer word.
 * 3. Runs of single Han characters left on that path are re-read with
 *    the character model (B/M/E/S Viterbi over costs estimated from the
 *    lexicon): names and new words the lexicon does not have.
 * Punctuation is one token per character (runs of one dash or ellipsis
 * character stay together); spaces are no tokens.
 *
 * Invariants: tokens are in text order, do not overlap and cover every
 * non-space character exactly once.
 */
#include <string.h>

#include "doc.h"
#include "seg.h"

enum {
	C_HAN = JX_CLASS_HAN,
	C_DIGIT = JX_CLASS_DIGIT,
	C_ALPHA = JX_CLASS_ALPHA,
	C_SPACE = JX_CLASS_SPACE,
	C_PUNCT = JX_CLASS_PUNCT,
	C_OTHER = JX_CLASS_OTHER
};
enum { B, M, E, S };

#define UNK_COST   20000u /* a character no word covers */
#define NUM_COST   8000u  /* a number: as likely as a common word */
#define LATIN_COST 9000u  /* a Latin word */
#define NEVER      30000u /* an impossible HMM emission/transition */
#define MAX_WORD   32     /* longest word followed in a trie, in chars */

typedef struct unit {
	uint32_t off; /* byte offset of the character */
	uint32_t cp;  /* folded code point */
	uint32_t id;  /* lexicon character id (0: none) */
	uint32_t uid; /* user dictionary character id (0: none) */
	uint32_t t1;  /* the lexicon trie's cell for this character (0: none) */
	uint32_t t2;  /* and for it and the next one (0: none) */
	uint8_t cls;  /* C_* */
	uint8_t cf;   /* JX_CF_* flags of the character */
	uint8_t cv;   /* and its value */
} unit;

typedef struct node {
	uint32_t cost; /* cheapest cost from here to the block end */
	uint32_t next; /* end of the first word on that path */
	uint16_t tag;
	uint16_t flags;
} node;

struct jx_seg {
	const jishi_model *m;
	const jx_lexicon *lx;
	const jishi_dict *dict;
	unit *u;
	node *nd;
	uint8_t *hmm_bt; /* Viterbi back-pointers: 4 per character */
	jx_token *tok;
	size_t cap, tcap;
	size_t ntok;
	uint16_t tag_m, tag_eng, tag_w, tag_x, tag_nr;
	uint16_t alone_tag[8]; /* the tag of a unit alone, by class */
	uint32_t oov_begin;    /* extra cost of starting an unknown word */
	uint32_t trans[4][4];  /* character model transitions, NEVER-capped */
	bool hans;             /* Simplified text: mainland number units */
	size_t bad;            /* byte offset of the invalid UTF-8 (EUTF8) */
	int script;            /* fixed by jx_seg_set_script, or 0: per text */
};

uint8_t jx_seg_classify(uint32_t cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF) /* most characters: test first */
		return C_HAN;
	if (cp >= '0' && cp <= '9')
		return C_DIGIT;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	    (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF))
		return C_ALPHA;
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0 ||
	    cp == '\v' || cp == '\f' || cp == 0x200B || cp == 0xFEFF ||
	    cp == 0x2028 || cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200A))
		return C_SPACE;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x20000 && cp <= 0x323AF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007 ||
	    cp == 0x25CB /* ○ used as zero */)
		return C_HAN;
	if (cp < 0x80 || (cp >= 0x2010 && cp <= 0x206F) ||
	    (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0x2190 && cp <= 0x25FF) ||
	    (cp >= 0x80 && cp <= 0xBF))
		return C_PUNCT;
	return C_OTHER;
}

static uint16_t tag_or(const jx_lexicon *lx, const char *name)
{
	int id = jx_lex_tag_id(lx, name);
	return id < 0 ? 0 : (uint16_t)id;
}

static uint32_t trans_cost(const jx_lexicon *lx, int from, int to)
{
	uint32_t c = lx->hmm ? lx->hmm[4 + from * 4 + to] : NEVER;
	return c >= 65535 ? NEVER : c;
}

int jx_seg_new(const jishi_model *m, const jishi_dict *dict, jx_seg **out)
{
	jx_seg *s = jx_calloc(1, sizeof(*s));
	*out = NULL;
	if (s == NULL)
		return JISHI_ENOMEM;
	s->m = m;
	s->lx = &m->lex;
	s->dict = dict;
	s->tag_m = tag_or(s->lx, "m");
	s->tag_eng = tag_or(s->lx, "eng");
	s->tag_w = tag_or(s->lx, "w");
	s->tag_x = tag_or(s->lx, "x");
	s->tag_nr = tag_or(s->lx, "nr");
	for (int c = 0; c < 8; c++)
		s->alone_tag[c] = c == C_DIGIT   ? s->tag_m
		                  : c == C_ALPHA ? s->tag_eng
		                                 : s->tag_x;
	s->oov_begin = (uint32_t)jx_model_param(m, "oov_begin_cost", 0);
	s->hans = true;
	for (int f = 0; f < 4; f++)
		for (int t = 0; t < 4; t++)
			s->trans[f][t] = trans_cost(s->lx, f, t);
	*out = s;
	return JISHI_OK;
}

void jx_seg_set_script(jx_seg *s, int script)
{
	s->script = script;
}

void jx_seg_free(jx_seg *s)
{
	if (s == NULL)
		return;
	jx_free(s->u);
	jx_free(s->nd);
	jx_free(s->hmm_bt);
	jx_free(s->tok);
	jx_free(s);
}

static int reserve(jx_seg *s, size_t n)
{
	if (n + 1 <= s->cap)
		return JISHI_OK;
	size_t cap = s->cap ? s->cap : 1024;
	while (cap < n + 1)
		cap *= 2;
	unit *u = jx_realloc(s->u, cap * sizeof(unit));
	if (u == NULL)
		return JISHI_ENOMEM;
	s->u = u;
	node *nd = jx_realloc(s->nd, cap * sizeof(node));
	if (nd == NULL)
		return JISHI_ENOMEM;
	s->nd = nd;
	uint8_t *bt = jx_realloc(s->hmm_bt, cap * 4);
	if (bt == NULL)
		return JISHI_ENOMEM;
	s->hmm_bt = bt;
	s->cap = cap;
	return JISHI_OK;
}

/* Room for n tokens: a text of n characters has at most n. */
static int reserve_tok(jx_seg *s, size_t n)
{
	if (n <= s->tcap)
		return JISHI_OK;
	size_t cap = s->tcap ? s->tcap : 1024;
	while (cap < n)
		cap *= 2;
	jx_token *t = jx_realloc(s->tok, cap * sizeof(jx_token));
	if (t == NULL)
		return JISHI_ENOMEM;
	s->tok = t;
	s->tcap = cap;
	return JISHI_OK;
}

static inline int emit_tok(jx_seg *s, uint32_t start, uint32_t end,
                           uint16_t tag, uint16_t flags)
{
	if (s->ntok == s->tcap) /* never: jx_seg_run reserved a token a unit */
		return JISHI_ENOMEM;
	s->tok[s->ntok++] = (jx_token){start, end, tag, flags};
	return JISHI_OK;
}

#define NUMERAL (JX_CF_DIGIT | JX_CF_UNIT | JX_CF_OTHER)

static bool numeric(const unit *x)
{
	return x->cls == C_DIGIT || (x->cf & NUMERAL);
}

/* The number starting at unit i: Arabic digits with inner . , : / - (3.5,
 * 10:30, 2025-08-24), Chinese numerals (二十三, 二○○一), or both
 * (1.5萬). Sets its end and what a following unit needs to know. */
typedef struct number {
	size_t end;      /* exclusive, in units */
	uint32_t value;  /* its value when it is a plain integer, else 0 */
	unsigned digits; /* digit characters (Arabic or 〇-九), no scale */
	bool plain;      /* digits only: no separator, no 十 百 千 萬 */
} number;

static number read_number(const unit *u, size_t i, size_t n)
{
	number r = {i, 0, 0, true};
	uint64_t total = 0, section = 0, cur = 0;
	bool prev_digit = false;
	size_t j = i;
	while (j < n) {
		const unit *x = &u[j];
		if (x->cls == C_DIGIT || (x->cf & JX_CF_DIGIT)) {
			uint32_t d = x->cls == C_DIGIT ? x->cp - '0' : x->cv;
			cur = prev_digit ? cur * 10 + d : d;
			prev_digit = true;
			r.digits++;
		} else if (x->cf & JX_CF_OTHER) {
			cur = x->cv;
			prev_digit = false;
			r.plain = false;
		} else if (x->cf & JX_CF_UNIT) {
			uint64_t scale = 1;
			for (unsigned k = 0; k < x->cv && k < 12; k++)
				scale *= 10;
			if (scale >= 10000) {
				total = (total + section + cur) * scale;
				section = 0;
			} else {
				section += (cur ? cur : 1) * scale;
			}
			cur = 0;
			prev_digit = false;
			r.plain = false;
		} else if ((x->cp == '.' || x->cp == ',' || x->cp == ':' ||
		            x->cp == '/' || x->cp == '-') &&
		           j > i && u[j - 1].cls == C_DIGIT && j + 1 < n &&
		           u[j + 1].cls == C_DIGIT) {
			r.plain = false;
			prev_digit = false;
		} else {
			break;
		}
		j++;
	}
	r.end = j;
	total += section + cur;
	r.value = total > UINT32_MAX ? 0 : (uint32_t)total;
	return r;
}

/* End of the Latin word starting at i (letters, digits, inner - ' . &). */
static size_t latin_end(const unit *u, size_t i, size_t n)
{
	size_t j = i;
	while (j < n) {
		if (u[j].cls == C_ALPHA || u[j].cls == C_DIGIT) {
			j++;
			continue;
		}
		uint32_t c = u[j].cp;
		if ((c == '-' || c == '\'' || c == '.' || c == '&' ||
		     c == 0x2019) &&
		    j + 1 < n && u[j + 1].cls == C_ALPHA) {
			j++;
			continue;
		}
		break;
	}
	return j;
}

static inline void relax(node *nd, size_t i, size_t j, uint32_t cost,
                         uint16_t tag, uint16_t flags)
{
	uint32_t c = cost + nd[j].cost;
	if (c < nd[i].cost || (c == nd[i].cost && j > nd[i].next)) {
		nd[i].cost = c;
		nd[i].next = (uint32_t)j;
		nd[i].tag = tag;
		nd[i].flags = flags;
	}
}

/* User dictionary words starting at unit i of block [.., n). */
static void user_edges(node *nd, const unit *u, size_t i, size_t n,
                       const jx_dat *d)
{
	uint32_t st = 0, v;
	for (size_t j = i; j < n && j - i < MAX_WORD; j++) {
		if (u[j].uid == 0 || !jx_dat_next(d, st, u[j].uid, &st))
			break;
		if (jx_dat_value(d, st, &v))
			relax(nd, i, j + 1, v & 0xFFFFu, (uint16_t)(v >> 16),
			      JX_TOK_USER);
	}
}

/* Number and Latin tokens starting at unit i (not a Han character). */
static void special_edges(jx_seg *s, size_t a, size_t i, size_t b)
{
	unit *u = s->u;
	node *nd = s->nd;
	if (numeric(&u[i]) && (i == a || !numeric(&u[i - 1]))) {
		number nb = read_number(u, i, b);
		relax(nd, i, nb.end, NUM_COST, s->tag_m, 0);
		/* a unit that joins it: 1998年, 8月, 二十三日, 3.5% */
		const unit *x = nb.end < b ? &u[nb.end] : NULL;
		if (x && (x->cf & JX_CF_HANS) && !s->hans)
			x = NULL; /* 2002 年 in Taiwan and Hong Kong */
		if (x &&
		    ((x->cf & JX_CF_YEAR && nb.plain && nb.digits == 4) ||
		     (x->cf & JX_CF_MONTH && nb.value >= 1 && nb.value <= 12) ||
		     (x->cf & JX_CF_DAY && nb.value >= 1 && nb.value <= 31) ||
		     x->cf & JX_CF_PERCENT))
			relax(nd, i, nb.end + 1, NUM_COST, x->cv, 0);
	} else if (u[i].cls == C_ALPHA && (i == a || u[i - 1].cls != C_ALPHA)) {
		relax(nd, i, latin_end(u, i, b), LATIN_COST, s->tag_eng, 0);
	}
}

/* The cheapest path through block [a, b) of units, right to left: every
 * lexicon word, number and Latin word starting at each unit, and the unit
 * alone as a last resort. */
static void lattice(jx_seg *s, size_t a, size_t b)
{
	unit *u = s->u;
	node *nd = s->nd;
	const jx_dat *d = &s->lx->dat;
	const jx_dat_cell *cells = d->cells;
	uint64_t last = d->n ? d->n - 1u : 0; /* n == 0: no step passes */
	uint32_t extra = s->dict ? s->dict->model_penalty : 0;
	static const uint32_t alone_cost[8] = {
	    [C_HAN] = UNK_COST,   [C_DIGIT] = NUM_COST, [C_ALPHA] = LATIN_COST,
	    [C_SPACE] = UNK_COST, [C_PUNCT] = UNK_COST, [C_OTHER] = UNK_COST,
	    [6] = UNK_COST,       [7] = UNK_COST}; /* 6, 7: a corrupt class,
	                                              never a free unit */
	nd[b].cost = 0;
	nd[b].next = (uint32_t)b;
	for (size_t i = b; i-- > a;) {
		const unit *x = &u[i];
		/* the unit alone */
		nd[i] = (node){alone_cost[x->cls] + nd[i + 1].cost,
		               (uint32_t)i + 1, s->alone_tag[x->cls], 0};
		if (x->cls != C_HAN || (x->cf & NUMERAL))
			special_edges(s, a, i, b);
		/* lexicon words: one memory access per character (the
		 * first step was taken while decoding); t - 1 >= n - 1 is t
		 * outside 1..n-1 (a negative sum wraps) */
		/* the first two steps were taken before the lattice
		 * (x->t1, x->t2); they are peeled off the walk's loop, which
		 * a single loop choosing its cell per step made 3 % slower */
		uint32_t st = x->t1;
		if (st) {
			uint32_t v = cells[st].value;
			if (v != JX_DAT_NOVALUE)
				relax(nd, i, i + 1, (v & 0xFFFFu) + extra,
				      (uint16_t)(v >> 16), 0);
			st = i + 1 < b ? x->t2 : 0;
		}
		if (st) {
			uint32_t v = cells[st].value;
			if (v != JX_DAT_NOVALUE)
				relax(nd, i, i + 2, (v & 0xFFFFu) + extra,
				      (uint16_t)(v >> 16), 0);
			size_t end = b - i > MAX_WORD ? i + MAX_WORD : b;
			for (size_t j = i + 2; j < end; j++) {
				uint64_t t =
				    (uint64_t)((int64_t)cells[st].base +
				               u[j].id);
				/* id 0 (no lexicon character) fails the
				 * check: no label is 0 */
				if (t - 1 >= last || cells[t].check != st)
					break;
				st = (uint32_t)t;
				v = cells[t].value;
				if (v != JX_DAT_NOVALUE)
					relax(nd, i, j + 1,
					      (v & 0xFFFFu) + extra,
					      (uint16_t)(v >> 16), 0);
			}
		}
		if (s->dict)
			user_edges(nd, u, i, b, &s->dict->dat);
	}
}

static uint32_t emit_cost(const jx_lexicon *lx, uint32_t id, int t)
{

	uint32_t c = lx->emit && id <= lx->nchars ? lx->emit[id * 4 + t]
	             : lx->hmm                    ? lx->hmm[20 + t]
	                                          : NEVER;
	return c >= 65535 ? NEVER : c;
}

/* A lexicon word cheaper than this (-ln p x 1000; p above about 1 in
 * 3.3 million) is a known word even when the character model builds it. */
#define KNOWN_COST 15000

/* Re-read units [a, b) (single Han characters on the best path) with the
 * character model, emitting tokens. */
static int hmm_run(jx_seg *s, size_t a, size_t b)
{
	const jx_lexicon *lx = s->lx;
	unit *u = s->u;
	uint8_t *bt = s->hmm_bt;
	uint32_t prev[4], cur[4];
	for (int t = 0; t < 4; t++) {
		uint32_t st = lx->hmm ? lx->hmm[t] : NEVER;
		prev[t] = (st >= 65535 ? NEVER : st) +
		          emit_cost(lx, u[a].id, t) +
		          (t == B ? s->oov_begin : 0);
	}
	for (size_t i = a + 1; i < b; i++) {
		for (int t = 0; t < 4; t++) {
			uint32_t best = UINT32_MAX;
			uint8_t arg = 0;
			for (int f = 0; f < 4; f++) {
				uint32_t c = prev[f] + s->trans[f][t];
				if (c < best) {
					best = c;
					arg = (uint8_t)f;
				}
			}
			cur[t] = best + emit_cost(lx, u[i].id, t) +
			         (t == B ? s->oov_begin : 0);
			bt[(i - a) * 4 + t] = arg;
		}
		memcpy(prev, cur, sizeof(prev));
	}
	/* end in E or S */
	int t = prev[E] <= prev[S] ? E : S;
	/* back-trace into the tag of each unit (reuse bt[.. * 4 + 0]) */
	for (size_t i = b - 1;; i--) {
		uint8_t from = bt[(i - a) * 4 + t];
		bt[(i - a) * 4 + 0] = (uint8_t)(t | 0x80);
		if (i == a)
			break;
		t = from;
	}
	size_t start = a;
	for (size_t i = a; i < b; i++) {
		int tag = bt[(i - a) * 4] & 3;
		if (tag == E || tag == S || i + 1 == b) {
			uint32_t so = u[start].off,
			         eo = i + 1 < b ? u[i + 1].off : u[b].off;
			bool single = start == i;
			/* a word the model builds that the lexicon holds
			 * as a common word (高|地 -> 高地/n) keeps the
			 * lexicon's tag; a rare one (a name the Taiwan list
			 * holds as N) stays unknown */
			uint32_t st = 0, v = JX_DAT_NOVALUE;
			for (size_t j = start; !single && j <= i; j++)
				if (u[j].id == 0 ||
				    !jx_dat_next(&lx->dat, st, u[j].id, &st)) {
					v = JX_DAT_NOVALUE;
					break;
				} else if (j == i)
					jx_dat_value(&lx->dat, st, &v);
			int rc =
			    single ? emit_tok(s, so, eo, s->nd[i].tag,
			                      s->nd[i].flags)
			    : v != JX_DAT_NOVALUE && (v & 0xFFFFu) < KNOWN_COST
			        ? emit_tok(s, so, eo, (uint16_t)(v >> 16), 0)
			        : emit_tok(s, so, eo, s->tag_x, JX_TOK_OOV);
			if (rc)
				return rc;
			start = i + 1;
		}
	}
	return JISHI_OK;
}

/* Emit the tokens of block [a, b) from the lattice, re-reading runs of
 * single Han characters with the character model. */
static int emit_block(jx_seg *s, size_t a, size_t b)
{
	node *nd = s->nd;
	unit *u = s->u;
	size_t i = a, run = SIZE_MAX;
	int rc = JISHI_OK;
	while (i < b && rc == JISHI_OK) {
		size_t j = nd[i].next;
		bool single_han = j == i + 1 && u[i].cls == C_HAN;
		if (single_han) {
			if (run == SIZE_MAX)
				run = i;
			i = j;
			continue;
		}
		if (run != SIZE_MAX) {
			rc = i - run > 1 ? hmm_run(s, run, i)
			                 : emit_tok(s, u[run].off, u[i].off,
			                            nd[run].tag, nd[run].flags);
			run = SIZE_MAX;
			if (rc)
				break;
		}
		rc = emit_tok(s, u[i].off, u[j].off, nd[i].tag, nd[i].flags);
		i = j;
	}
	if (rc == JISHI_OK && run != SIZE_MAX)
		rc = b - run > 1 ? hmm_run(s, run, b)
		                 : emit_tok(s, u[run].off, u[b].off,
		                            nd[run].tag, nd[run].flags);
	return rc;
}

size_t jx_seg_bad(const jx_seg *s)
{
	return s->bad;
}

int jx_seg_run(jx_seg *s, const uint8_t *text, size_t len,
               const jx_token **toks, size_t *ntoks)
{
	int rc;
	s->ntok = 0;
	*toks = NULL;
	*ntoks = 0;
	if (len > UINT32_MAX - 1)
		return JISHI_ETOOBIG;
	/* decode: at most len characters */
	size_t n = 0, i = 0;
	if ((rc = reserve(s, len + 1)))
		return rc;
	unit *u = s->u;
	const uint32_t *bmp = s->lx->bmp;
	const uint8_t *cflags = s->lx->cflags;
	uint32_t nscript[4] = {0}; /* LCHR script bits: 1 hant, 2 hans */
	const jx_dat_cell *cells = s->lx->dat.cells;
	uint64_t last = s->lx->dat.n ? s->lx->dat.n - 1u : 0; /* 0: none */
	int32_t root_base = s->lx->dat.n ? cells[0].base : 0;
	while (i < len) {
		unit *x = &u[n++];
		x->off = (uint32_t)i;
		/* three-byte sequences (all of CJK) decoded in line */
		uint8_t c0 = text[i];
		uint32_t cp;
		if ((uint8_t)(c0 - 0xE1) <= 0xEF - 0xE1 && c0 != 0xED &&
		    i + 2 < len &&
		    ((text[i + 1] & 0xC0) | (text[i + 2] & 0xC0) >> 2) ==
		        0xA0) {
			/* always valid: U+1000..U+CFFF, U+E000..U+FFFF */
			cp = (uint32_t)(c0 & 0x0F) << 12 |
			     (uint32_t)(text[i + 1] & 0x3F) << 6 |
			     (text[i + 2] & 0x3F);
			i += 3;
		} else if (c0 < 0x80) {
			cp = c0;
			i++;
		} else if (jx_utf8_seq(text + i, len - i)) {
			cp = jx_utf8_next(text, len, &i);
		} else {
			s->bad = i;
			return JISHI_EUTF8;
		}
		/* Han and most punctuation fold to themselves */
		x->cp =
		    cp - 0x3001u < 0xFF01u - 0x3001u ? cp : jx_norm_fold(cp);
		uint32_t e;
		if (cp < 0x10000 && bmp) {
			/* one table entry: id, class, script, numeral flag */
			e = bmp[cp];
			x->id = e & JX_LCHR_ID;
			x->cls = (uint8_t)((e >> JX_LCHR_CLASS_SHIFT) & 7);
			nscript[(e >> JX_LCHR_SCRIPT_SHIFT) & 3]++;
		} else {
			x->cls = jx_seg_classify(x->cp);
			x->id =
			    x->cls == C_SPACE ? 0 : jx_lex_char(s->lx, x->cp);
			e = x->id ? JX_LCHR_NUMERIC : 0;
		}
		x->cf = x->cv = 0;
		if ((e & JX_LCHR_NUMERIC) && x->id && cflags) {
			x->cf = cflags[2 * x->id];
			x->cv = cflags[2 * x->id + 1];
		}
		/* the first step of the lexicon walks from here, and a
		 * prefetch of the second step of the walks from the unit
		 * before: the lattice reads it once the line is decoded, and
		 * it is where the walks' cache misses are (the root's
		 * children are few and stay cached) */
		uint64_t t1 = (uint64_t)((int64_t)root_base + x->id);
		x->t1 = x->id && t1 - 1 < last && cells[t1].check == 0
		            ? (uint32_t)t1
		            : 0;
		if (n >= 2 && u[n - 2].t1) {
			uint64_t t2 =
			    (uint64_t)((int64_t)cells[u[n - 2].t1].base +
			               x->id);
			if (t2 - 1 < last)
				__builtin_prefetch(&cells[t2]);
		}
		x->uid = 0;
		if (s->dict && x->cls != C_SPACE)
			x->uid = jx_dict_char(s->dict, x->cp);
	}
	uint32_t nhant = nscript[1], nhans = nscript[2];
	/* the second step of every walk (its cell was prefetched while
	 * decoding), and a prefetch of the third, read by the lattice once
	 * this pass is over; steps cross block ends here, the lattice
	 * does not follow them there */
	for (size_t k = 0; k < n; k++) {
		unit *x = &u[k];
		x->t2 = 0;
		if (x->t1 == 0 || k + 1 >= n)
			continue;
		uint64_t t2 =
		    (uint64_t)((int64_t)cells[x->t1].base + u[k + 1].id);
		if (t2 - 1 >= last || cells[t2].check != x->t1)
			continue;
		x->t2 = (uint32_t)t2;
		if (k + 2 < n) {
			uint64_t t3 =
			    (uint64_t)((int64_t)cells[t2].base + u[k + 2].id);
			if (t3 - 1 < last)
				__builtin_prefetch(&cells[t3]);
		}
	}
	u[n].off = (uint32_t)len;
	u[n].cls = C_SPACE;
	if ((rc = reserve_tok(s, n + 1)))
		return rc;
	/* the script decides number units (2002年 / 2002 年); a text with
	 * no telling character keeps the previous text's */
	if (s->script == JISHI_SCRIPT_HANS || s->script == JISHI_SCRIPT_HANT) {
		s->hans = s->script == JISHI_SCRIPT_HANS;
	} else if (nhant != nhans) {
		/* counted while decoding: the LCHR script bits come from the
		 * same table (script/chars) as the SCRP section */
		s->hans = nhans > nhant;
	}
	/* blocks */
	size_t a = 0;
	while (a < n) {
		uint8_t c = u[a].cls;
		if (c == C_SPACE) {
			a++;
			continue;
		}
		if (c == C_PUNCT) {
			size_t b = a + 1;
			/* —— …… ... stay one token */
			while (b < n && u[b].cp == u[a].cp &&
			       (u[a].cp == 0x2014 || u[a].cp == 0x2026 ||
			        u[a].cp == '.' || u[a].cp == '-' ||
			        u[a].cp == 0x2500 || u[a].cp == '='))
				b++;
			if ((rc = emit_tok(s, u[a].off, u[b].off, s->tag_w, 0)))
				return rc;
			a = b;
			continue;
		}
		if (c == C_OTHER) {
			size_t b = a + 1;
			while (b < n && u[b].cls == C_OTHER)
				b++;
			if ((rc = emit_tok(s, u[a].off, u[b].off, s->tag_x, 0)))
				return rc;
			a = b;
			continue;
		}
		size_t b = a + 1;
		while (
		    b < n &&
		    (u[b].cls == C_HAN || u[b].cls == C_DIGIT ||
		     u[b].cls == C_ALPHA ||
		     /* inner number and word punctuation */
		     ((u[b].cp == '.' || u[b].cp == ',' || u[b].cp == ':' ||
		       u[b].cp == '/' || u[b].cp == '-' || u[b].cp == '\'' ||
		       u[b].cp == '&' || u[b].cp == 0x2019) &&
		      b + 1 < n &&
		      (u[b + 1].cls == C_DIGIT || u[b + 1].cls == C_ALPHA) &&
		      (u[b - 1].cls == C_DIGIT || u[b - 1].cls == C_ALPHA)) ||
		     /* a unit sign after a number: 3.5% */
		     (u[b].cf & JX_CF_PERCENT && u[b - 1].cls == C_DIGIT)))
			b++;
		lattice(s, a, b);
		if ((rc = emit_block(s, a, b)))
			return rc;
		a = b;
	}
	*toks = s->tok;
	*ntoks = s->ntok;
	return JISHI_OK;
}
