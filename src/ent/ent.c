/*
 * ent.c -- entities, titles, actor codes and coreference
 * (docs/internals/ent.md).
 *
 * Works on the normalised view; every stored span is original bytes.
 * All names, titles and codes come from the model's tables; nothing here
 * fails on odd input (memory aside).
 */
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "seg.h"

#define MAX_NAME_CHARS 24 /* longest name followed in entity/index */

enum {
	K_NONE,
	K_COUNTRY,
	K_PLACE,
	K_ORG,
	K_MEDIA,
	K_PERSON,
	K_OFFICE,
	K_MOD,
	K_NAME, /* a name read with the name model */
	K_LEXORG,
	K_LEXPLACE, /* organisation / place words of the lexicon */
	K_SITE,     /* a facility built from a name: 中國美術館 (LOC) */
	K_TITLED, /* an outlet in 《》 by its ending: 《渥太華公民報》 */
	K_VOID    /* a name that is none here, which no other reading takes:
	           * 維也納 in 《維也納外交關係公約》 */
};

/* One name found in the text (norm offsets). */
typedef struct match {
	uint32_t s, e;
	int kind;
	uint32_t row;      /* row in its own table (K_NAME: unused) */
	int32_t ent;       /* entity index once assigned, else -1 */
	const char *ctry;  /* K_LEX*: the country of a name inside, or NULL */
	const char *actor; /* K_LEXORG: its parent body's actor code, or NULL */
} match;

typedef struct tables {
	const jx_table *ix, *countries, *places, *orgs, *media, *people,
	    *offices, *mods, *surnames, *jp_surnames, *given, *nonname,
	    *alias_cues, *translit, *org_suffixes, *place_suffixes, *cues,
	    *abbr_cues, *org_prefixes, *list_marks, *media_sfx, *odds,
	    *state_forms, *sfx_forms, *street_ends, *treaty_ends, *relative;
	int ix_kind, ix_row;
	int od_col[4]; /* names/name_odds: surname, first, last, single */
	int sf_full;   /* entity/org_suffix_forms: full */
	int c_country, c_form, p_country, p_kind, o_key, o_country, o_cameo,
	    m_country, a_key, a_country, a_role, a_org, a_from, a_to, f_role,
	    f_actor, d_then, s_freq, g_first, g_last, g_single, os_kind,
	    ps_kind, pc_side, tr_freq, op_kind, lm_kind, ms_kind, o_kind;
	double len_cost; /* lexicon/params length_cost (word_cost) */
} tables;

/* Names read without a title or byline next to them (strict mode) need a
 * common surname and given-name characters seen this often in names. */
#define FREE_SURNAME_MIN 300 /* per million people */
#define FREE_GIVEN_MIN   30  /* names with the character there */
/* in a word of three characters the segmenter built or holds, which
 * starts with a common surname */
#define WORD_GIVEN_MIN 5
/* Word costs are -ln p x 1000 (word_cost).  A lexicon word rarer than
 * about one in 600,000 words is too rare to stop a name that holds it
 * (雅茹/N, 李振/N: pieces of names in the Taiwan list) */
#define NAME_WORD_COST 13300
/* a noun this rare (about one in 80,000 words) may be a name next to an
 * office or a noun of address */
#define RARE_NOUN_COST 11300
/* a noun this rare (near the lexicon's floor) of a surname and a given
 * name's character may be part of a name */
#define RARE_NAME_COST 14000
/* a word this common (about one in 130,000 words) is no name shaped
 * like one (政治學, 穆斯林) */
#define COMMON_WORD_COST 11800
/* a word this common (about one in 30,000 words) is no given name after a
 * surname that stands alone (對歐|政策) */
#define GIVEN_WORD_COST 10300
/* a word this common (安全 8,700; not 王國 10,000) does not begin a
 * name the lexicon tags as one (安全觀/nr is no 安 person) */
#define SURNAME_WORD_COST 9000
/* Names read next to a cue word (总裁宋朝弟, 柳萍表示) need a surname
 * this common (per million people: 多 at 38 and 真 are too rare to make
 * 多次|指出 or 真有心 a name). */
#define CUE_SURNAME_MIN 40
/* a character counts as common in transliterations when this many
 * transliterated words hold it (names/translit_chars freq) */
#define TRANSLIT_MIN 100
/* a character this rare in transliterations does not end a dotted name's
 * part of three characters or more (哈努|家) */
#define DOT_EDGE_MIN 10

typedef struct startix {
	uint32_t s, k;
} startix;

typedef struct ctx {
	jishi_doc *doc;
	uint8_t *covered; /* per norm byte: 2 starts a match, 1 inside one */
	const uint8_t *t; /* norm */
	uint32_t n;
	tables tb;
	match *m;
	uint32_t nm, cap;
	uint32_t *tn;  /* per token: its norm start and end (tok_ns, tok_ne) */
	uint8_t *gone; /* per entity: merged into another (bare_bodies) */
} ctx;

/* The norm offsets of token t's start and end, found once per document:
 * the passes below read them many times over. */
static uint32_t tok_ns(const ctx *c, const jx_token *t)
{
	return c->tn[2 * (size_t)(t - c->doc->tokens)];
}

static uint32_t tok_ne(const ctx *c, const jx_token *t)
{
	return c->tn[2 * (size_t)(t - c->doc->tokens) + 1];
}

static int cmp_startix(const void *a, const void *b)
{
	const startix *x = a, *y = b;
	return (x->s > y->s) - (x->s < y->s);
}

/* The matches of the kinds in mask (bit 1 << K_*) by their start, or by
 * their end when by_end, sorted; their number in *n. NULL when there are
 * none (or memory ran out: doc->oom). Replaces arrays the size of the
 * text, which long documents cannot afford a pass. */
static startix *match_index(ctx *c, uint32_t mask, bool by_end, uint32_t *n)
{
	*n = 0;
	for (uint32_t k = 0; k < c->nm; k++)
		*n += (mask >> c->m[k].kind) & 1u;
	if (*n == 0)
		return NULL;
	startix *ix = jx_arena_alloc(&c->doc->arena, sizeof(startix) * *n);
	if (ix == NULL) {
		c->doc->oom = JISHI_ENOMEM;
		*n = 0;
		return NULL;
	}
	uint32_t w = 0;
	for (uint32_t k = 0; k < c->nm; k++)
		if ((mask >> c->m[k].kind) & 1u)
			ix[w++] = (startix){by_end ? c->m[k].e : c->m[k].s, k};
	qsort(ix, w, sizeof(startix), cmp_startix);
	return ix;
}

/* The position in ix of its first entry at pos or after (n: none). */
static uint32_t index_from(const startix *ix, uint32_t n, uint32_t pos)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (ix[mid].s < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first entry of ix at pos (its match index), or -1. */
static int64_t index_at(const startix *ix, uint32_t n, uint32_t pos)
{
	uint32_t lo = index_from(ix, n, pos);
	return lo < n && ix[lo].s == pos ? (int64_t)ix[lo].k : -1;
}

/* ---- tables ----------------------------------------------------------- */

static void tables_init(const jishi_doc *doc, tables *tb)
{
	memset(tb, 0, sizeof(*tb));
	tb->ix = jx_model_table(doc->model, "entity/index");
	tb->countries = jx_model_table(doc->model, "gazetteer/countries");
	tb->places = jx_model_table(doc->model, "gazetteer/places");
	tb->orgs = jx_model_table(doc->model, "gazetteer/orgs");
	tb->media = jx_model_table(doc->model, "gazetteer/media");
	tb->people = jx_model_table(doc->model, "actors/people");
	tb->offices = jx_model_table(doc->model, "actors/offices");
	tb->mods = jx_model_table(doc->model, "actors/title_mods");
	tb->surnames = jx_model_table(doc->model, "names/surnames");
	tb->jp_surnames = jx_model_table(doc->model, "names/jp_surnames");
	tb->given = jx_model_table(doc->model, "names/given_chars");
	tb->nonname = jx_model_table(doc->model, "names/nonname_chars");
	tb->alias_cues = jx_model_table(doc->model, "entity/alias_cues");
	tb->translit = jx_model_table(doc->model, "names/translit_chars");
	tb->org_suffixes = jx_model_table(doc->model, "entity/org_suffixes");
	tb->place_suffixes =
	    jx_model_table(doc->model, "entity/place_suffixes");
	tb->cues = jx_model_table(doc->model, "names/person_cues");
	tb->abbr_cues = jx_model_table(doc->model, "entity/abbr_cues");
	tb->org_prefixes = jx_model_table(doc->model, "entity/org_prefixes");
	tb->pc_side = jx_table_col(tb->cues, "side");
	tb->list_marks = jx_model_table(doc->model, "names/list_marks");
	tb->lm_kind = jx_table_col(tb->list_marks, "kind");
	tb->media_sfx = jx_model_table(doc->model, "layout/media_suffixes");
	tb->ms_kind = jx_table_col(tb->media_sfx, "kind");
	tb->tr_freq = jx_table_col(tb->translit, "freq");
	tb->len_cost = jx_model_param(doc->model, "length_cost", 0);
	tb->op_kind = jx_table_col(tb->org_prefixes, "kind");
	tb->os_kind = jx_table_col(tb->org_suffixes, "kind");
	tb->ps_kind = jx_table_col(tb->place_suffixes, "kind");
	tb->ix_kind = jx_table_col(tb->ix, "kind");
	tb->ix_row = jx_table_col(tb->ix, "row");
	tb->c_country = jx_table_col(tb->countries, "country");
	tb->c_form = jx_table_col(tb->countries, "form");
	tb->p_country = jx_table_col(tb->places, "country");
	tb->p_kind = jx_table_col(tb->places, "kind");
	tb->o_key = jx_table_col(tb->orgs, "key");
	tb->o_country = jx_table_col(tb->orgs, "country");
	tb->o_cameo = jx_table_col(tb->orgs, "cameo");
	tb->o_kind = jx_table_col(tb->orgs, "kind");
	tb->m_country = jx_table_col(tb->media, "country");
	tb->a_key = jx_table_col(tb->people, "key");
	tb->a_country = jx_table_col(tb->people, "country");
	tb->a_role = jx_table_col(tb->people, "role");
	tb->a_org = jx_table_col(tb->people, "org");
	tb->a_from = jx_table_col(tb->people, "from");
	tb->a_to = jx_table_col(tb->people, "to");
	tb->f_role = jx_table_col(tb->offices, "role");
	tb->f_actor = jx_table_col(tb->offices, "actor");
	tb->d_then = jx_table_col(tb->mods, "then");
	tb->s_freq = jx_table_col(tb->surnames, "freq");
	tb->g_first = jx_table_col(tb->given, "first");
	tb->g_last = jx_table_col(tb->given, "last");
	tb->g_single = jx_table_col(tb->given, "single");
	tb->odds = jx_model_table(doc->model, "names/name_odds");
	tb->state_forms = jx_model_table(doc->model, "entity/state_forms");
	tb->street_ends = jx_model_table(doc->model, "entity/street_ends");
	tb->relative = jx_model_table(doc->model, "time/relative");
	tb->treaty_ends = jx_model_table(doc->model, "entity/treaty_ends");
	tb->sfx_forms = jx_model_table(doc->model, "entity/org_suffix_forms");
	tb->sf_full = jx_table_col(tb->sfx_forms, "full");
	if (tb->sf_full < 0)
		tb->sfx_forms = NULL;
	tb->od_col[0] = jx_table_col(tb->odds, "surname");
	tb->od_col[1] = jx_table_col(tb->odds, "first");
	tb->od_col[2] = jx_table_col(tb->odds, "last");
	tb->od_col[3] = jx_table_col(tb->odds, "single");
	for (int k = 0; k < 4; k++)
		if (tb->od_col[k] < 0)
			tb->odds = NULL;
	if (tb->ix_kind < 0 || tb->ix_row < 0)
		tb->ix = NULL;
}

/* Cell (row, c) as a string, "" when the column is missing; "-" cells
 * read as NULL through opt(). */
static const char *opt(const char *s)
{
	return s[0] == '\0' || strcmp(s, "-") == 0 ? NULL : s;
}

static uint32_t char_len(const ctx *c, uint32_t p)
{
	size_t q = p;
	jx_utf8_next(c->t, c->n, &q);
	return (uint32_t)q - p;
}

static bool is_han(const ctx *c, uint32_t p)
{
	if (p >= c->n || c->t[p] < 0xE3)
		return false;
	size_t q = p;
	uint32_t cp = jx_utf8_next(c->t, c->n, &q);
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* ---- the walk over entity/index ------------------------------------- */

static bool ascii_alnum(uint8_t c)
{
	return (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The longest name of entity/index at norm offset p: its byte length (0:
 * none) and its first index row. Latin names need word boundaries. */
static uint32_t longest(const ctx *c, uint32_t p, uint32_t *ixrow)
{
	if (ascii_alnum(c->t[p]) && p > 0 && ascii_alnum(c->t[p - 1]))
		return 0;
	uint32_t n = c->n - p;
	if (n > MAX_NAME_CHARS * 4)
		n = MAX_NAME_CHARS * 4;
	uint32_t len = jx_table_longest(c->tb.ix, c->t + p, n, ixrow);
	uint32_t q = p + len;
	if (len && ascii_alnum(c->t[q - 1]) && q < c->n && ascii_alnum(c->t[q]))
		return 0;
	return len;
}

static int kind_of(const char *k)
{
	static const char *const names[] = {"",       "country", "place",
	                                    "org",    "media",   "person",
	                                    "office", "mod",     "figure"};
	for (int i = 1; i < (int)(sizeof(names) / sizeof(names[0])); i++)
		if (strcmp(k, names[i]) == 0)
			return i;
	return K_NONE;
}

/* Among the index rows named like row ixrow, the one to use: a person of
 * the actor dictionary first, then organisations, outlets, countries,
 * places, offices, modifiers. */
static void pick(const ctx *c, uint32_t ixrow, int *kind, uint32_t *row)
{
	/* by K_*: none, country, place, org, media, person, office, mod,
	 * name (actors/figures) */
	static const int prio[] = {9, 4, 5, 2, 3, 1, 6, 7, 1};
	const jx_table *ix = c->tb.ix;
	jx_str name = jx_table_cell(ix, ixrow, 0);
	int best = K_NONE;
	for (uint32_t r = ixrow; r < ix->nrows; r++) {
		jx_str s = jx_table_cell(ix, r, 0);
		if (s.len != name.len || memcmp(s.s, name.s, s.len) != 0)
			break;
		int k = kind_of(jx_table_str(ix, r, c->tb.ix_kind));
		if (k != K_NONE && (best == K_NONE || prio[k] < prio[best])) {
			best = k;
			*row = (uint32_t)strtoul(
			    jx_table_str(ix, r, c->tb.ix_row), NULL, 10);
		}
	}
	*kind = best;
}

static match *add_match(ctx *c, uint32_t s, uint32_t e, int kind, uint32_t row)
{
	if (c->nm == c->cap) {
		uint32_t cap = c->cap ? 2 * c->cap : 64;
		match *m = jx_arena_alloc(&c->doc->arena, cap * sizeof(match));
		if (m == NULL) {
			c->doc->oom = JISHI_ENOMEM;
			return NULL;
		}
		if (c->nm)
			memcpy(m, c->m, c->nm * sizeof(match));
		c->m = m;
		c->cap = cap;
	}
	match *x = &c->m[c->nm++];
	*x = (match){s, e, kind, row, -1, NULL, NULL};
	if (kind != K_MOD) { /* 原, 前 may be in a name */
		memset(c->covered + s, 1, e - s);
		c->covered[s] = 2;
	}
	return x;
}

/* A one-character abbreviation: of a country (美, 華) or a city (京, 滬). */
static bool is_abbr(const ctx *c, const match *x)
{
	if (x->kind == K_PLACE)
		return strcmp(jx_table_str(c->tb.places, x->row, c->tb.p_kind),
		              "abbr") == 0;
	return x->kind == K_COUNTRY &&
	       strcmp(jx_table_str(c->tb.countries, x->row, c->tb.c_form),
	              "abbr") == 0;
}

/* The ISO code of a country or place match, else NULL. */
static const char *place_country(const ctx *c, const match *y)
{
	if (y->kind == K_COUNTRY)
		return jx_table_str(c->tb.countries, y->row, c->tb.c_country);
	if (y->kind == K_PLACE)
		return opt(jx_table_str(c->tb.places, y->row, c->tb.p_country));
	return NULL;
}

/* How common the surname of row r of names/surnames is, per million
 * people (0 when r < 0). */
static unsigned long surname_freq(const ctx *c, int64_t r)
{
	return r < 0 ? 0
	             : strtoul(jx_table_str(c->tb.surnames, (uint32_t)r,
	                                    c->tb.s_freq),
	                       NULL, 10);
}

/* The token that starts at norm offset p, or NULL. */
static const jx_token *word_at(const ctx *c, uint32_t p);
static bool one_han_word(const ctx *c, const jx_token *t);

static const char *tok_tag(const ctx *c, const jx_token *t)
{
	const char *tag = jx_lex_tag_name(&c->doc->model->lex, t->tag);
	return tag ? tag : "";
}

/* Is tag one the lexicon gives transliterated person's names (nrt, nrfg)? */
static bool foreign_tag(const char *tag)
{
	return !strcmp(tag, "nrt") || !strcmp(tag, "nrfg");
}

/* The token holding norm offset p, or -1. */
static int64_t tok_containing(const ctx *c, uint32_t p)
{
	const jishi_doc *d = c->doc;
	uint32_t o = jx_doc_orig(d, p), lo = 0, hi = d->ntokens;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (d->tokens[mid].end <= o)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->ntokens && d->tokens[lo].start <= o ? (int64_t)lo : -1;
}

/* The token right after t with no gap between them, or NULL. */
static const jx_token *next_word(const ctx *c, const jx_token *t)
{
	const jx_token *u = t + 1;
	return u < c->doc->tokens + c->doc->ntokens && u->start == t->end
	           ? u
	           : NULL;
}

static const jx_token *word_at(const ctx *c, uint32_t p)
{
	if (c->doc->tokens == NULL || p >= c->n)
		return NULL;
	int64_t i = tok_containing(c, p);
	return i >= 0 && tok_ns(c, &c->doc->tokens[i]) == p ? &c->doc->tokens[i]
	                                                    : NULL;
}

/* The side of the abbreviation cue that is norm bytes [s, e), or NULL. */
static const char *abbr_cue(const ctx *c, uint32_t s, uint32_t e)
{
	int64_t r = c->tb.abbr_cues
	                ? jx_table_find(c->tb.abbr_cues, c->t + s, e - s)
	                : -1;
	return r < 0 ? NULL : jx_table_str(c->tb.abbr_cues, (uint32_t)r, 1);
}

static uint32_t prev_off(const ctx *c, uint32_t p)
{
	size_t q = p;
	jx_utf8_prev(c->t, &q);
	return (uint32_t)q;
}

/* Does a cue stand next to the one-character abbreviation x (訪華, 美方,
 * 俄總統), the abbreviation being a word of its own or one word with the
 * cue? */
static bool abbr_in_context(const ctx *c, const match *x)
{
	const jishi_doc *d = c->doc;
	uint32_t ts = x->s, te = x->e;
	if (d->tokens) {
		int64_t i = tok_containing(c, x->s);
		if (i < 0)
			return false;
		ts = tok_ns(c, &d->tokens[i]);
		te = tok_ne(c, &d->tokens[i]);
	}
	const char *side;
	/* a weak abbreviation that is a function word of its own (以/p
	 * 兩國建交, 加/v) needs more than a cue: 以 reads Israel only in a
	 * word with the cue (以方, 以軍) or next to another abbreviation */
	const char *w = abbr_cue(c, x->s, x->e);
	if (w && !strcmp(w, "weak") && d->tokens && ts == x->s && te == x->e) {
		const char *tag =
		    tok_tag(c, &d->tokens[tok_containing(c, x->s)]);
		if (strchr("fpvdcuyr", tag[0]) != NULL)
			return false;
	}
	/* before: one character (訪華; 對 before a word of its own: 對美,
	 * not 對美好) */
	if (x->s > 0 && te == x->e) {
		uint32_t b = prev_off(c, x->s);
		side = abbr_cue(c, b, x->s);
		if (side && !strcmp(side, "before") && (ts == x->s || ts == b))
			return true;
	}
	/* after: a word of one to three characters (美方, 俄總統) */
	if (ts == x->s) {
		uint32_t q = x->e;
		for (int k = 0; k < 3 && q < c->n && is_han(c, q); k++) {
			q += char_len(c, q);
			side = abbr_cue(c, x->e, q);
			if (side && !strcmp(side, "after") &&
			    (te == x->e || te == q))
				return true;
		}
	}
	return false;
}

/* Is the one-character name at norm offset p a country abbreviation? */
static bool abbr_char(const ctx *c, uint32_t p)
{
	uint32_t l = char_len(c, p);
	int64_t pr = jx_table_find(c->tb.places, c->t + p, l);
	if (pr >= 0 &&
	    !strcmp(jx_table_str(c->tb.places, (uint32_t)pr, c->tb.p_kind),
	            "abbr"))
		return true;
	for (uint32_t r =
	         jx_table_lower(c->tb.countries, (const char *)c->t + p, l);
	     r < c->tb.countries->nrows; r++) {
		jx_str nm = jx_table_cell(c->tb.countries, r, 0);
		if (nm.len != l || memcmp(nm.s, c->t + p, l) != 0)
			break;
		if (!strcmp(jx_table_str(c->tb.countries, r, c->tb.c_form),
		            "abbr"))
			return true;
	}
	return false;
}

/* Is the word holding abbreviation x made of abbreviations only,
 * perhaps with a cue after them (中美, 美日韓, 中美关系), not a word of
 * the lexicon (意義, 加以, 所以)? */
static bool abbr_word(const ctx *c, const match *x)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL)
		return true;
	int64_t i = tok_containing(c, x->s);
	if (i < 0)
		return false;
	uint32_t ts = tok_ns(c, &d->tokens[i]), te = tok_ne(c, &d->tokens[i]),
	         q = ts;
	bool weak = false;
	while (q < te && abbr_char(c, q)) {
		const char *w = abbr_cue(c, q, q + char_len(c, q));
		weak = weak || (w && !strcmp(w, "weak"));
		q += char_len(c, q);
	}
	/* a word of the lexicon (意義, 加以, 美德 hold weak ones) or a word
	 * of its own that is a particle or preposition (中/f 以/p) */
	const char *tag = tok_tag(c, &d->tokens[i]);
	if (te - ts == x->e - x->s)
		return strchr("fpvdcuyr", tag[0]) == NULL;
	if (q == te)
		return !weak || tag[0] == 'x' || tag[0] == 'j';
	const char *side = q > x->s ? abbr_cue(c, q, te) : NULL;
	return side && !strcmp(side, "after");
}

/* How many transliterations have the character at p (0 when none). */
static unsigned long translit_freq(const ctx *c, uint32_t p)
{
	int64_t r = c->tb.translit ? jx_table_find(c->tb.translit, c->t + p,
	                                           char_len(c, p))
	                           : -1;
	return r < 0 || c->tb.tr_freq < 0
	           ? 0
	           : strtoul(jx_table_str(c->tb.translit, (uint32_t)r,
	                                  c->tb.tr_freq),
	                     NULL, 10);
}

/* Is the Han character at p one of transliterations: in the list, and
 * not one that stops names unless transliterations have it often (皮 in
 * 皮克林)? */
static bool translit_char(const ctx *c, uint32_t p)
{
	uint32_t l = char_len(c, p);
	if (c->tb.translit == NULL || !is_han(c, p) ||
	    jx_table_find(c->tb.translit, c->t + p, l) < 0)
		return false;
	return jx_table_find(c->tb.nonname, c->t + p, l) < 0 ||
	       translit_freq(c, p) >= TRANSLIT_MIN;
}

/* Is [s, e) made of transliteration characters only (whatever covers
 * them)? */
static bool translit_chars(const ctx *c, uint32_t s, uint32_t e)
{
	for (uint32_t p = s; p < e; p += char_len(c, p))
		if (!translit_char(c, p))
			return false;
	return c->tb.translit != NULL;
}

/* Is [s, e) made of transliteration characters that each occur at
 * least TRANSLIT_MIN times in transliterations (勞拉, 科夫; not 文化,
 * 明白)? */
static bool translit_common(const ctx *c, uint32_t s, uint32_t e)
{
	if (!translit_chars(c, s, e))
		return false;
	for (uint32_t p = s; p < e; p += char_len(c, p))
		if (translit_freq(c, p) < TRANSLIT_MIN)
			return false;
	return true;
}

/* Is [s, e) made of transliteration characters, all but one of them
 * occurring at least TRANSLIT_MIN times in transliterations (戴維斯: 戴
 * is rarer)? */
static bool translit_mostly(const ctx *c, uint32_t s, uint32_t e)
{
	if (!translit_chars(c, s, e))
		return false;
	int rare = 0;
	for (uint32_t p = s; p < e; p += char_len(c, p))
		rare += translit_freq(c, p) < TRANSLIT_MIN;
	return rare <= 1;
}

/* Is the word starting at p one a name cannot hold: a known word of
 * two characters or more that is not a noun, name or abbreviation
 * (一道/m, 努力/v)? */
static bool plain_word_at(const ctx *c, uint32_t p)
{
	const jx_token *t = word_at(c, p);
	if (t == NULL || (t->flags & JX_TOK_OOV) ||
	    jx_utf8_count(c->doc->src + t->start, t->end - t->start) < 2)
		return false;
	return strchr("nxj", tok_tag(c, t)[0]) == NULL;
}

/* End of the run of free transliteration characters from p (at most
 * 10), stopping at a plain word, and their number in *n. */
static uint32_t translit_run(const ctx *c, uint32_t p, uint32_t limit,
                             uint32_t *n)
{
	*n = 0;
	while (p < limit && *n < 10 && !c->covered[p] &&
	       translit_chars(c, p, p + char_len(c, p)) &&
	       !plain_word_at(c, p)) {
		p += char_len(c, p);
		(*n)++;
	}
	return p;
}

/* Is country x inside a longer transliterated word (卡達 in 蒙卡達,
 * a name): the word holding it runs on before it over transliteration
 * characters only? */
static bool inside_translit(const ctx *c, const match *x)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || x->kind != K_COUNTRY)
		return false;
	int64_t i = tok_containing(c, x->s);
	if (i < 0)
		return false;
	uint32_t ts = tok_ns(c, &d->tokens[i]), te = tok_ne(c, &d->tokens[i]);
	for (uint32_t p = ts; p < x->s; p++)
		if (c->covered[p]) /* 美日韓: names side by side */
			return false;
	return ts < x->s && te >= x->e && !is_abbr(c, x) &&
	       translit_chars(c, ts, x->s) && translit_chars(c, x->e, te);
}

static bool translit_at(const ctx *c, uint32_t p);

/* Is token t one a transliterated name can be made of (tagged as a name,
 * place or proper noun, or unknown; the token holding [s, e) a common
 * noun too), all of its characters transliteration characters outside
 * [s, e)? 大使|布朗/nr|巴克/ns, 發言人|普萊斯/n are one name each. */
static bool translit_token(const ctx *c, const jx_token *t, uint32_t s,
                           uint32_t e)
{
	const char *tag = tok_tag(c, t);
	/* a common noun too when it holds the name (普萊斯/n: 萊斯) */
	bool holds = tok_ns(c, t) < e && tok_ne(c, t) > s;
	if (!((t->flags & JX_TOK_OOV) || tag[0] == 'x' ||
	      !strncmp(tag, "nr", 2) || !strcmp(tag, "nz") ||
	      !strcmp(tag, "ns") || (holds && !strcmp(tag, "n"))))
		return false;
	for (uint32_t q = tok_ns(c, t); q < tok_ne(c, t); q += char_len(c, q))
		if ((q < s || q >= e) && !translit_at(c, q))
			return false;
	return true;
}

/* A known person's name inside a longer transliterated name (巴拉克 in
 * 穆巴拉克, 萊斯 in 塞萊斯, 安德雷 in 安德雷|斯): the name-tagged words
 * around it, all transliteration characters, are one name read whole
 * (three to eight characters). */
static void widen_names(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.translit == NULL)
		return;
	for (uint32_t i = 0; i < c->nm; i++) {
		match *x = &c->m[i];
		if (x->kind != K_PERSON && x->kind != K_NAME)
			continue;
		int64_t t0 = tok_containing(c, x->s),
		        t1 = tok_containing(c, prev_off(c, x->e));
		if (t0 < 0 || t1 < 0)
			continue;
		for (int64_t k = t0; k <= t1; k++)
			if (!translit_token(c, &d->tokens[k], x->s, x->e))
				t0 = -1, k = t1;
		if (t0 < 0)
			continue;
		while (t0 > 0 && d->tokens[t0 - 1].end == d->tokens[t0].start &&
		       translit_token(c, &d->tokens[t0 - 1], x->s, x->e) &&
		       jx_utf8_count(d->src + d->tokens[t0 - 1].start,
		                     d->tokens[t1].end -
		                         d->tokens[t0 - 1].start) <= 8)
			t0--;
		while ((uint32_t)t1 + 1 < d->ntokens &&
		       d->tokens[t1 + 1].start == d->tokens[t1].end &&
		       translit_token(c, &d->tokens[t1 + 1], x->s, x->e) &&
		       jx_utf8_count(d->src + d->tokens[t0].start,
		                     d->tokens[t1 + 1].end -
		                         d->tokens[t0].start) <= 8)
			t1++;
		uint32_t a = tok_ns(c, &d->tokens[t0]),
		         b = tok_ne(c, &d->tokens[t1]);
		if ((a == x->s && b == x->e) || a > x->s || b < x->e ||
		    jx_utf8_count(c->t + a, b - a) < 3)
			continue;
		x->s = a;
		x->e = b;
		x->kind = K_NAME;
		memset(c->covered + a, 1, b - a);
		c->covered[a] = 2;
	}
}

static bool tok_edge(const ctx *c, uint32_t p);

/* Does a name of two characters or more begin and end inside words of
 * the segmenter (劉小|明報|導: 明報 is no outlet there)? Titles and
 * people of the dictionary are left alone. */
static const char *suffix_kind(const ctx *c, const jx_table *t, int col,
                               uint32_t s, uint32_t e);

/* The kind of the entity/org_suffixes row that is exactly [s, e) (org,
 * no, head, …), or NULL. */
static const char *org_suffix_row(const ctx *c, uint32_t s, uint32_t e)
{
	int64_t r = c->tb.org_suffixes
	                ? jx_table_find(c->tb.org_suffixes, c->t + s, e - s)
	                : -1;
	return r < 0 ? NULL
	             : jx_table_str(c->tb.org_suffixes, (uint32_t)r,
	                            c->tb.os_kind);
}

/* Is [s, e) a word that ends like a body and is none (部門, 黨派, 率部:
 * org_suffixes kind no)? */
static bool no_body_word(const ctx *c, uint32_t s, uint32_t e)
{
	const char *k = org_suffix_row(c, s, e);
	return k && !strcmp(k, "no");
}

/* Does a person's name x end inside a word that goes on with the suffix
 * of a place or a body named after the person (伏羲|廟, 魯迅|公園)? */
static bool named_after(const ctx *c, const match *x)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || tok_edge(c, x->e) || !tok_edge(c, x->s))
		return false;
	int64_t i = tok_containing(c, x->e);
	uint32_t te = i < 0 ? 0 : tok_ne(c, &d->tokens[i]);
	/* the rest of the word, or a first part of it, is a place suffix or
	 * ends with an organisation's or facility's */
	for (uint32_t q = x->e; q < te && te <= c->n;) {
		q += char_len(c, q);
		const char *ok =
		    suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, x->e, q);
		if ((c->tb.place_suffixes &&
		     jx_table_find(c->tb.place_suffixes, c->t + x->e,
		                   q - x->e) >= 0) ||
		    (ok && (!strcmp(ok, "org") || !strcmp(ok, "facility"))))
			return true;
	}
	return false;
}

/* Is the word at norm p a place suffix, or does it end with the suffix
 * of a body or facility (體育館, 公園, 政府學院)? */
static bool suffix_word_at(const ctx *c, uint32_t p)
{
	const jx_token *t = word_at(c, p);
	if (t == NULL || tok_ne(c, t) > c->n)
		return false;
	uint32_t s = p, e = tok_ne(c, t);
	if (c->tb.place_suffixes &&
	    jx_table_find(c->tb.place_suffixes, c->t + s, e - s) >= 0)
		return true;
	for (uint32_t q = s; q < e; q += char_len(c, q)) {
		const char *k =
		    suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, q, e);
		if (k && (!strcmp(k, "org") || !strcmp(k, "facility")))
			return true;
	}
	return false;
}

/* Does known name x cross the segmenter's words so that it is none there:
 * a person's inside a longer lexicon word that is no name (汪洋 in
 * 一片汪洋/i; a name that is a word of its own is kept: the Taiwan
 * lexicon tags 習近平 a plain noun, so a tag cannot tell 汪洋 the sea
 * from 汪洋 the man) or one a body is named after (named_after); a short
 * body's off word edges; or another name that begins and ends inside
 * words (明報 in 李小|明報|導)? */
static bool across_words(const ctx *c, const match *x)
{
	if (x->kind == K_PERSON && c->doc->tokens) {
		const jx_token *u = &c->doc->tokens[0];
		int64_t k = tok_containing(c, x->s);
		if (k >= 0) {
			u += k;
			const char *ut = tok_tag(c, u);
			if (tok_ns(c, u) < x->s && tok_ne(c, u) >= x->e &&
			    !(u->flags & JX_TOK_OOV) && ut[0] != 'x' &&
			    strncmp(ut, "nr", 2) != 0)
				return true;
		}
	}
	if (x->kind == K_PERSON || x->kind == K_NAME)
		return named_after(c, x);
	/* an office that is the start of a longer word the lexicon knows
	 * is no title: 記者|會, 總統|府, 大使|館, 部長|級 */
	if (x->kind == K_OFFICE && c->doc->tokens && !tok_edge(c, x->e)) {
		const jx_token *u = &c->doc->tokens[tok_containing(c, x->e)];
		const char *ut = tok_tag(c, u);
		if (tok_ns(c, u) == x->s && !(u->flags & JX_TOK_OOV) &&
		    ut[0] != 'x' && strncmp(ut, "nr", 2) != 0)
			return true;
	}
	/* a body whose last character begins, with the rest of its word,
	 * a word that ends like a body and is none is that word's: 公安部|門
	 * is a department in general, 民主黨|派 the parties (entity/
	 * org_suffixes, kind no) */
	if (x->kind == K_ORG && c->doc->tokens && !tok_edge(c, x->e) &&
	    x->e > x->s) {
		int64_t ui = tok_containing(c, x->e);
		uint32_t ue = ui < 0 ? 0 : tok_ne(c, &c->doc->tokens[ui]);
		if (ue > x->e && ue <= c->n &&
		    no_body_word(c, prev_off(c, x->e), ue))
			return true;
	}
	if (x->kind != K_MEDIA && x->kind != K_ORG && x->kind != K_PLACE &&
	    x->kind != K_COUNTRY)
		return false;
	if (x->e - x->s <= char_len(c, x->s))
		return false;
	/* a short name of two characters begins a word and ends one or
	 * begins a longer one (縣委|書記 as 縣委書記): 中大 not in 中|大型,
	 * 台大 not in 在台|大陸 */
	if (x->kind == K_ORG &&
	    x->s + char_len(c, x->s) + char_len(c, x->s + char_len(c, x->s)) ==
	        x->e) {
		const jx_token *t = word_at(c, x->s);
		return !tok_edge(c, x->s) ||
		       !(tok_edge(c, x->e) || (t && tok_ne(c, t) > x->e));
	}
	return !tok_edge(c, x->s) && !tok_edge(c, x->e);
}

/* The first row of the index named [s, e) exactly, or -1. */
static int64_t ix_row(const ctx *c, uint32_t s, uint32_t e)
{
	int64_t r = jx_table_find(c->tb.ix, c->t + s, e - s);
	while (r > 0) {
		jx_str x = jx_table_cell(c->tb.ix, (uint32_t)r - 1, 0);
		if (x.len != e - s || memcmp(x.s, c->t + s, x.len) != 0)
			break;
		r--;
	}
	return r;
}

/* A place's name whose last character begins an office (台北市|長,
 * 臺中縣|長): the place without it and the office are matched instead,
 * and len becomes their length (臺北|市長). Returns whether it did. */
static bool place_then_office(ctx *c, uint32_t p, uint32_t *len)
{
	uint32_t e = p + *len, l = prev_off(c, e), orow, prow, okrow, pkrow;
	int ok, pk;
	/* the segmenter agrees (臺北|市長; not 臺北市|長安東路) */
	if (l <= p || !tok_edge(c, l))
		return false;
	uint32_t olen = longest(c, l, &orow);
	if (olen <= e - l)
		return false;
	pick(c, orow, &ok, &okrow);
	int64_t r = ix_row(c, p, l);
	if (ok != K_OFFICE || r < 0)
		return false;
	prow = (uint32_t)r;
	pick(c, prow, &pk, &pkrow);
	if (pk != K_PLACE && pk != K_COUNTRY)
		return false;
	if (add_match(c, p, l, pk, pkrow) == NULL ||
	    add_match(c, l, l + olen, K_OFFICE, okrow) == NULL)
		return true; /* out of memory: the caller stops too */
	*len = l + olen - p;
	return true;
}

/* The side of a country or body named in the document (毛里塔尼亞 ...
 * 毛方, 吉爾吉斯斯坦 ... 吉方, 所羅門群島 ... 所方, 歐盟 ... 歐方): a
 * character and 方 on word edges, where the character begins the name of
 * exactly one country or intergovernmental body found in the document,
 * is that country or body (a mention of the character, as 美 in 美方).
 * Runs after the scan, before names are read (毛方 is no person). */
static void side_abbrs(ctx *c)
{
	const jishi_doc *d = c->doc;
	static const char fang[] = "\xE6\x96\xB9"; /* 方 */
	/* the countries and intergovernmental bodies found, one match each
	 * (countries and igo rows are few: at most a few hundred) */
	uint32_t *cand = jx_arena_alloc(&c->doc->arena,
	                                sizeof(uint32_t) * ((size_t)c->nm + 1));
	uint32_t nc = 0;
	if (cand == NULL) {
		c->doc->oom = JISHI_ENOMEM;
		return;
	}
	for (uint32_t k = 0; k < c->nm; k++) {
		const match *y = &c->m[k];
		if (y->e - y->s <= char_len(c, y->s) ||
		    !(y->kind == K_COUNTRY ||
		      (y->kind == K_ORG && c->tb.o_kind >= 0 &&
		       !strcmp(jx_table_str(c->tb.orgs, y->row, c->tb.o_kind),
		               "igo"))))
			continue;
		bool seen = false;
		for (uint32_t j = 0; j < nc && !seen; j++)
			seen = c->m[cand[j]].kind == y->kind &&
			       c->m[cand[j]].row == y->row;
		if (!seen)
			cand[nc++] = k;
	}
	for (uint32_t p = 0; nc && d->tokens && p < c->n; p += char_len(c, p)) {
		uint32_t l = char_len(c, p);
		if (!is_han(c, p) || p + l + 3 > c->n ||
		    memcmp(c->t + p + l, fang, 3) != 0 || c->covered[p] ||
		    c->covered[p + l] || !tok_edge(c, p) ||
		    !tok_edge(c, p + l + 3))
			continue;
		int64_t hit = -1;
		bool two = false;
		const char *hc = NULL; /* the hit's country */
		for (uint32_t j = 0; j < nc && !two; j++) {
			const match *y = &c->m[cand[j]];
			if (memcmp(c->t + y->s, c->t + p, l) != 0)
				continue;
			/* the same country by two names is one */
			const char *yc = place_country(c, y);
			if (hit >= 0)
				two = !(yc && hc && !strcmp(yc, hc));
			hit = cand[j];
			hc = yc;
		}
		if (hit < 0 || two)
			continue;
		int kind = c->m[hit].kind;
		uint32_t row = c->m[hit].row;
		if (add_match(c, p, p + l, kind, row) == NULL)
			return;
	}
}

/* Step 1: every known name, longest first, left to right. */
static void scan(ctx *c)
{
	uint32_t p = 0;
	while (p < c->n) {
		uint8_t b = c->t[p];
		uint32_t ixrow, len = 0;
		if (b >= 0x80 || ascii_alnum(b))
			len = longest(c, p, &ixrow);
		if (len) {
			int kind;
			uint32_t row = 0;
			pick(c, ixrow, &kind, &row);
			if ((kind == K_PLACE || kind == K_COUNTRY) &&
			    place_then_office(c, p, &len)) {
				if (c->doc->oom)
					return;
				p += len;
				continue;
			}
			if (kind != K_NONE) {
				if (add_match(c, p, p + len, kind, row) == NULL)
					return;
				p += len;
				continue;
			}
		}
		size_t q = p;
		jx_utf8_next(c->t, c->n, &q);
		p = (uint32_t)q;
	}
	/* one-character country abbreviations only next to another one
	 * (美日韓, 日韓): drop the others (日媒, 中) */
	uint32_t w = 0;
	for (uint32_t i = 0; i < c->nm; i++) {
		match *x = &c->m[i];
		if (inside_translit(c, x) || across_words(c, x)) {
			memset(c->covered + x->s, 0, x->e - x->s);
			continue;
		}
		if (is_abbr(c, x)) {
			bool prev = i > 0 && is_abbr(c, &c->m[i - 1]) &&
			            c->m[i - 1].e == x->s;
			bool next = i + 1 < c->nm && is_abbr(c, &c->m[i + 1]) &&
			            c->m[i + 1].s == x->e;
			/* 中、阿 */
			bool list =
			    (i + 1 < c->nm && is_abbr(c, &c->m[i + 1]) &&
			     c->m[i + 1].s == x->e + 3 &&
			     !memcmp(c->t + x->e, "\xE3\x80\x81", 3)) ||
			    (i > 0 && is_abbr(c, &c->m[i - 1]) &&
			     c->m[i - 1].e + 3 == x->s &&
			     !memcmp(c->t + x->s - 3, "\xE3\x80\x81", 3));
			if (!((prev || next || list) && abbr_word(c, x)) &&
			    !abbr_in_context(c, x)) {
				memset(c->covered + x->s, 0, x->e - x->s);
				continue;
			}
		}
		c->m[w++] = *x;
	}
	c->nm = w;
}

/* ---- the name model --------------------------------------------------- */

/* Is the character at p a plausible given-name character at position
 * which (0 first, 1 last, 2 single)? */
static bool given_ok(const ctx *c, uint32_t p, bool strict, int col_)
{
	if (!is_han(c, p))
		return false;
	uint32_t l = char_len(c, p);
	if (jx_table_find(c->tb.nonname, c->t + p, l) >= 0)
		return false;
	int64_t r = jx_table_find(c->tb.given, c->t + p, l);
	if (r < 0)
		return false;
	return !strict || strtoul(jx_table_str(c->tb.given, (uint32_t)r, col_),
	                          NULL, 10) >= FREE_GIVEN_MIN;
}

/* Does a known name (any index match) start at p? */
static bool match_at(const ctx *c, uint32_t p)
{
	return p < c->n && c->covered[p] == 2;
}

/* Is the character at p a numeral (〇 一 … 十 百 千), or with amounts
 * also a word of quantity (多 餘 幾 兩)? */
static bool numeral_at(const ctx *c, uint32_t p, bool amounts)
{
	static const char *const digits[] = {"〇", "零", "一", "二", "三",
	                                     "四", "五", "六", "七", "八",
	                                     "九", "十", "百", "千"};
	static const char *const amount[] = {"多", "余", "餘", "几",
	                                     "幾", "两", "兩"};
	uint32_t l = p < c->n ? char_len(c, p) : 0;
	for (size_t i = 0; l && i < sizeof(digits) / sizeof(digits[0]); i++)
		if (l == strlen(digits[i]) && !memcmp(c->t + p, digits[i], l))
			return true;
	for (size_t i = 0;
	     l && amounts && i < sizeof(amount) / sizeof(amount[0]); i++)
		if (l == strlen(amount[i]) && !memcmp(c->t + p, amount[i], l))
			return true;
	return false;
}

static int64_t word_cost(const ctx *c, uint32_t s, uint32_t e, int *tag);

/* Is the character at p a classifier after a pronoun word of one
 * character at b (那|張|小巧的門票: 張 is the lexicon's classifier, as in
 * 一張)? */
static bool after_pronoun(const ctx *c, uint32_t b, uint32_t p)
{
	const jx_token *u = word_at(c, b);
	int tag;
	if (u == NULL || tok_ne(c, u) != p || tok_tag(c, u)[0] != 'r' ||
	    p >= c->n || word_cost(c, p, p + char_len(c, p), &tag) < 0)
		return false;
	return jx_lex_tag_name(&c->doc->model->lex, (uint32_t)tag)[0] == 'q';
}

/* Is the character before p a digit or a numeral word's end (40多|万元,
 * 三十|萬), or is p a classifier after a pronoun (那|張)? */
static bool after_numeral(const ctx *c, uint32_t p)
{
	if (p == 0)
		return false;
	uint32_t b = prev_off(c, p);
	if (c->t[b] >= '0' && c->t[b] <= '9')
		return true;
	return numeral_at(c, b, true) || after_pronoun(c, b, p);
}

/* Do the document's words allow a name at norm [s, e) with its given
 * name from g? It must start a word, and no lexicon word of two or more
 * characters that is not a person's name may cross g or e (官邸, 會議
 * after a title; 石破/佳子 is fine). */
static int64_t word_cost(const ctx *c, uint32_t s, uint32_t e, int *tag);

/* Is the given name at norm [g, e) a word too common to be one (政策 in
 * 對歐政策, 質量 in 高質量; not 天才, 全軍)? Words tagged as names are
 * not. */
static bool common_given(const ctx *c, uint32_t g, uint32_t e)
{
	int tag;
	int64_t cost = word_cost(c, g, e, &tag);
	return cost >= 0 && cost < GIVEN_WORD_COST &&
	       strncmp(jx_lex_tag_name(&c->doc->model->lex, (uint32_t)tag),
	               "nr", 2) != 0;
}

/* Is token t a surname standing alone as a word of one character that
 * the lexicon tags as a noun (蔣/n|天才, 鄭/n|全軍)? */
static bool lone_surname(const ctx *c, const jx_token *t)
{
	const char *tag = jx_lex_tag_name(&c->doc->model->lex, t->tag);
	return tag && tag[0] == 'n' && tag[1] == '\0' &&
	       jx_utf8_count(c->doc->src + t->start, t->end - t->start) == 1;
}

/* May the word of two characters at norm [g, e) be a given name after a
 * lone surname: both characters common in given names at their place? */
static bool given_word(const ctx *c, uint32_t g, uint32_t e)
{
	uint32_t g2 = g + char_len(c, g);
	return g2 < e && g2 + char_len(c, g2) == e &&
	       given_ok(c, g, true, c->tb.g_first) &&
	       given_ok(c, g2, true, c->tb.g_last) && !common_given(c, g, e);
}

static bool common_surname(const ctx *c, int64_t row);

static bool fits_tokens(const ctx *c, uint32_t s, uint32_t g, uint32_t e,
                        bool strict)
{
	const jishi_doc *d = c->doc;
	const jx_token *tk = d->tokens;
	uint32_t n = d->ntokens;
	if (tk == NULL)
		return true;
	uint32_t os = jx_doc_orig(d, s), og = jx_doc_orig(d, g),
	         oe = jx_doc_orig(d, e);
	int64_t t0 = tok_containing(c, s);
	if (t0 < 0 || tk[t0].start != os)
		return false;
	uint32_t lo = (uint32_t)t0;
	for (uint32_t i = lo; i < n && tk[i].start < oe; i++) {
		if (tk[i].flags & JX_TOK_OOV)
			continue;
		/* loose: the name of three characters a noun of its own,
		 * with a common surname and given-name characters names often
		 * have (市長|柯文哲/n; not 總統|同意/v, 總統|候選人/n) */
		if (!strict && tk[i].start == os && tk[i].end == oe &&
		    jx_utf8_count(d->src + os, oe - os) >= 3 &&
		    !strcmp(jx_lex_tag_name(&d->model->lex, tk[i].tag), "n") &&
		    g == s + char_len(c, s) &&
		    common_surname(
		        c, jx_table_find(c->tb.surnames, c->t + s, g - s)) &&
		    given_ok(c, g, true, c->tb.g_first) &&
		    given_ok(c, prev_off(c, e), true, c->tb.g_last))
			continue;
		if (tk[i].end > oe)
			return false;
		const char *tag = jx_lex_tag_name(&d->model->lex, tk[i].tag);
		bool person = tag && tag[0] == 'n' && tag[1] == 'r';
		if (!person && tk[i].start < og && tk[i].end > og)
			return false;
		/* strict: no other word of two characters or more inside; a
		 * name-tagged word only as a name of three characters or
		 * more (文明 is a word first) */
		size_t wl = jx_utf8_count(d->src + tk[i].start,
		                          tk[i].end - tk[i].start);
		if (strict && wl >= 2 &&
		    (!person || jx_utf8_count(d->src + os, oe - os) < 3) &&
		    !(tk[i].start >= og && tk[lo].end == og &&
		      !strncmp(jx_lex_tag_name(&d->model->lex, tk[lo].tag),
		               "nr", 2) &&
		      jx_utf8_count(d->src + og, oe - og) >= 2 &&
		      !common_given(c, g, e)) &&
		    !(tk[i].start == og && tk[i].end == oe &&
		      tk[lo].end == og && lone_surname(c, &tk[lo]) &&
		      given_word(c, g, e)))
			return false;
		/* strict: a given name of two characters may be a word
		 * (袁步兵, 曹火星) when the surname is a word of its own that
		 * the lexicon tags as a name (袁/nr, not 欧/n in 对欧政策) */
	}
	return true;
}

/* A person's name not in any dictionary starting at p: surname (a
 * Japanese two-character one, a compound or a single character) and one
 * or two given-name characters. Returns its end, or p. */
static bool common_surname(const ctx *c, int64_t row)
{
	return surname_freq(c, row) >= FREE_SURNAME_MIN;
}

/* Is the surname [p, g) a numeral before a numeral or a classifier word
 * (多|次, 幾|位 after a title), not a name? */
static bool numeral_word(const ctx *c, uint32_t p, uint32_t g)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || !after_numeral(c, g) || g >= c->n)
		return false;
	int64_t i = tok_containing(c, p), j = tok_containing(c, g);
	if (i < 0 || j < 0 || i == j)
		return false;
	const char *tag = tok_tag(c, &d->tokens[j]);
	return tag[0] == 'm' || tag[0] == 'q';
}

/* Is [s, e), a surname and a first given character, a word too common
 * to begin a name (安全|觀, not 王國|慶)? Words tagged as names are
 * not. */
static bool surname_word(const ctx *c, uint32_t s, uint32_t e)
{
	int tag;
	int64_t cost = word_cost(c, s, e, &tag);
	return cost >= 0 && cost < SURNAME_WORD_COST &&
	       strncmp(jx_lex_tag_name(&c->doc->model->lex, (uint32_t)tag),
	               "nr", 2) != 0;
}

static uint32_t read_name(const ctx *c, uint32_t p, uint32_t limit, bool strict)
{
	if (!is_han(c, p))
		return p;
	uint32_t l1 = char_len(c, p);
	uint32_t p2 = p + l1;
	uint32_t l2 = is_han(c, p2) ? char_len(c, p2) : 0;
	uint32_t sur = 0; /* surname end */
	int64_t r;
	if (!strict && l2 &&
	    jx_table_find(c->tb.jp_surnames, c->t + p, l1 + l2) >= 0) {
		sur = p2 + l2; /* 石破 (佳子) */
	} else if (l2 &&
	           (r = jx_table_find(c->tb.surnames, c->t + p, l1 + l2)) >=
	               0 &&
	           (!strict || common_surname(c, r))) {
		sur = p2 + l2;
	} else if ((r = jx_table_find(c->tb.surnames, c->t + p, l1)) >= 0 &&
	           (!strict ||
	            (common_surname(c, r) &&
	             jx_table_find(c->tb.nonname, c->t + p, l1) < 0))) {
		sur = p2; /* strict: not 和 向 于 (function words first) */
	}
	if (sur == 0 || sur >= limit)
		return p;
	uint32_t g1 = sur;
	if (match_at(c, g1) || numeral_word(c, p, g1))
		return p;
	uint32_t g2 = g1 + char_len(c, g1);
	uint32_t g3 = g2 < limit ? g2 + char_len(c, g2) : g2;
	if (given_ok(c, g1, strict, c->tb.g_first) && g2 < limit &&
	    given_ok(c, g2, strict, c->tb.g_last) && !match_at(c, g2) &&
	    fits_tokens(c, p, g1, g3, strict) &&
	    !(strict && (common_given(c, g1, g3) || surname_word(c, p, g2))))
		return g3;
	if (given_ok(c, g1, strict, c->tb.g_single) &&
	    fits_tokens(c, p, g1, g2, strict))
		return g2;
	return p;
}

/* ---- entities --------------------------------------------------------- */

static jx_entity *ent_at(ctx *c, int32_t i)
{
	return &JX_VEC_AT(&c->doc->entities, jx_entity, i);
}

/* The entity with this type and key, or -1. */
static int32_t entity_find(ctx *c, int type, const char *key)
{
	jx_vec *v = &c->doc->entities;
	for (uint32_t i = 0; i < v->n; i++) {
		jx_entity *e = ent_at(c, (int32_t)i);
		if (e->type == type && strcmp(e->key, key) == 0)
			return (int32_t)i;
	}
	return -1;
}

/* The entity with this type and key, or a new one. */
static int32_t entity_for(ctx *c, int type, const char *key, jx_span name)
{
	int32_t found = entity_find(c, type, key);
	if (found >= 0)
		return found;
	jx_vec *v = &c->doc->entities;
	jx_entity *e = jx_vec_push(c->doc, v, sizeof(*e));
	if (e == NULL)
		return -1;
	e->type = type;
	e->key = key;
	e->name = name;
	e->prow = -1;
	return (int32_t)(v->n - 1);
}

static void add_span(ctx *c, jx_vec *v, jx_span s)
{
	for (uint32_t i = 0; i < v->n; i++) {
		jx_span *x = &JX_VEC_AT(v, jx_span, i);
		if (x->start == s.start && x->end == s.end)
			return;
	}
	jx_span *x = jx_vec_push(c->doc, v, sizeof(*x));
	if (x)
		*x = s;
}

static void add_mention(ctx *c, int32_t ei, uint32_t s, uint32_t e)
{
	if (ei < 0)
		return;
	add_span(c, &ent_at(c, ei)->mentions, jx_doc_span(c->doc, s, e));
}

static const char *arena_key(ctx *c, const char *prefix, const uint8_t *s,
                             uint32_t len)
{
	size_t pl = strlen(prefix);
	char *k = jx_arena_alloc(&c->doc->arena, pl + len + 1);
	if (k == NULL) {
		c->doc->oom = JISHI_ENOMEM;
		return "";
	}
	memcpy(k, prefix, pl);
	memcpy(k + pl, s, len);
	k[pl + len] = '\0';
	return k;
}

/* The entity a gazetteer or dictionary match stands for. */
/* The key of an organisation built from parts: its name, with a short
 * suffix written in full (總領館 -> 總領事館: entity/org_suffix_forms), so
 * that both forms are one organisation. */
static const char *org_key(ctx *c, const match *x)
{
	const uint8_t *s = c->t + x->s;
	uint32_t len = x->e - x->s;
	if (c->tb.sfx_forms == NULL)
		return arena_key(c, "L:", s, len);
	uint32_t b = x->e;
	for (int k = 0; k < 3 && b > x->s; k++) {
		b = prev_off(c, b);
		int64_t r = jx_table_find(c->tb.sfx_forms, c->t + b, x->e - b);
		if (r < 0)
			continue;
		const char *full =
		    jx_table_str(c->tb.sfx_forms, (uint32_t)r, c->tb.sf_full);
		size_t fl = strlen(full), pl = b - x->s;
		/* not when the full form is written (大使館 ends with 使館) */
		if (len >= fl && !memcmp(s + len - fl, full, fl))
			break;
		uint8_t *buf = jx_arena_alloc(&c->doc->arena, pl + fl);
		if (buf == NULL)
			break;
		memcpy(buf, s, pl);
		memcpy(buf + pl, full, fl);
		return arena_key(c, "L:", buf, (uint32_t)(pl + fl));
	}
	return arena_key(c, "L:", s, len);
}

static int32_t entity_of_match(ctx *c, match *x)
{
	const tables *tb = &c->tb;
	jx_span sp = jx_doc_span(c->doc, x->s, x->e);
	const uint8_t *s = c->t + x->s;
	uint32_t len = x->e - x->s;
	int32_t ei = -1;
	jx_entity *e;
	switch (x->kind) {
	case K_COUNTRY: {
		const char *code =
		    jx_table_str(tb->countries, x->row, tb->c_country);
		ei = entity_for(c, JX_ENT_GPE,
		                arena_key(c, "C:", (const uint8_t *)code,
		                          (uint32_t)strlen(code)),
		                sp);
		if (ei >= 0) {
			e = ent_at(c, ei);
			e->country = code;
			e->actor = code;
		}
		break;
	}
	case K_PLACE: {
		const char *kind = jx_table_str(tb->places, x->row, tb->p_kind);
		int type = strcmp(kind, "place") == 0 ? JX_ENT_LOC : JX_ENT_GPE;
		ei = entity_for(c, type, arena_key(c, "P:", s, len), sp);
		if (ei >= 0)
			ent_at(c, ei)->country = opt(
			    jx_table_str(tb->places, x->row, tb->p_country));
		break;
	}
	case K_ORG: {
		const char *key = jx_table_str(tb->orgs, x->row, tb->o_key);
		ei = entity_for(c, JX_ENT_ORG,
		                arena_key(c, "O:", (const uint8_t *)key,
		                          (uint32_t)strlen(key)),
		                sp);
		if (ei >= 0) {
			e = ent_at(c, ei);
			e->country =
			    opt(jx_table_str(tb->orgs, x->row, tb->o_country));
			e->actor =
			    opt(jx_table_str(tb->orgs, x->row, tb->o_cameo));
		}
		break;
	}
	case K_MEDIA: {
		ei =
		    entity_for(c, JX_ENT_MEDIA, arena_key(c, "M:", s, len), sp);
		if (ei >= 0) {
			e = ent_at(c, ei);
			e->country =
			    opt(jx_table_str(tb->media, x->row, tb->m_country));
			if (e->country) {
				char *a = jx_arena_alloc(&c->doc->arena, 8);
				if (a) {
					memcpy(a, e->country, 3);
					memcpy(a + 3, "MED", 4);
					e->actor = a;
				}
			}
		}
		break;
	}
	case K_TITLED:
		/* row: where the name begins after a country before it */
		ei = entity_for(c, JX_ENT_MEDIA,
		                arena_key(c, "M:", s + x->row, len - x->row),
		                sp);
		if (ei >= 0 && x->ctry) {
			e = ent_at(c, ei);
			e->country = x->ctry;
			char *a = jx_arena_alloc(&c->doc->arena, 8);
			if (a) {
				memcpy(a, e->country, 3);
				memcpy(a + 3, "MED", 4);
				e->actor = a;
			}
		}
		break;
	case K_PERSON: {
		const char *key = jx_table_str(tb->people, x->row, tb->a_key);
		ei = entity_for(c, JX_ENT_PERSON,
		                arena_key(c, "A:", (const uint8_t *)key,
		                          (uint32_t)strlen(key)),
		                sp);
		if (ei >= 0 && ent_at(c, ei)->prow < 0)
			ent_at(c, ei)->prow = (int32_t)x->row;
		break;
	}
	case K_NAME:
		ei = entity_for(c, JX_ENT_PERSON, arena_key(c, "N:", s, len),
		                sp);
		break;
	case K_LEXORG:
	case K_LEXPLACE:
	case K_SITE:
		ei =
		    entity_for(c,
		               x->kind == K_LEXORG     ? JX_ENT_ORG
		               : x->kind == K_LEXPLACE ? JX_ENT_GPE
		                                       : JX_ENT_LOC,
		               x->kind == K_LEXORG ? org_key(c, x)
		                                   : arena_key(c, "L:", s, len),
		               sp);
		if (ei >= 0 && x->ctry)
			ent_at(c, ei)->country = x->ctry;
		if (ei >= 0 && x->actor)
			ent_at(c, ei)->actor = x->actor;
		break;
	default:
		return -1;
	}
	x->ent = ei;
	add_mention(c, ei, x->s, x->e);
	return ei;
}

/* ---- title chains ----------------------------------------------------- */

static bool is_punct_between(const ctx *c, uint32_t a, uint32_t b)
{
	for (uint32_t p = a; p < b;) {
		if (!is_han(c, p))
			return true;
		p += char_len(c, p);
	}
	return false;
}

static bool is_zhu(const ctx *c, uint32_t s, uint32_t e);

/* What title_org finds: the key (a country code or an organisation's
 * key), the country, the organisation's own actor code from the gazetteer
 * (白宮: USAGOV; a type for a title that gives none, 發言人), and whether
 * a modifier makes the office former. */
typedef struct {
	const char *org, *ctry, *cameo;
	bool then;
} title_of;

static const char *cue_side(const ctx *c, uint32_t s, uint32_t e);

/* Is there a word between a and b that introduces what someone says
 * (person_cues side after: 宣布, 表示)? The words before it are another
 * clause's (美國政府|早前|宣布|制裁|特首: 特首 is not the US's). */
static bool speech_between(const ctx *c, uint32_t a, uint32_t b)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || b <= a)
		return false;
	for (int64_t i = tok_containing(c, a);
	     i >= 0 && (uint32_t)i < d->ntokens; i++) {
		uint32_t s = tok_ns(c, &d->tokens[i]),
		         e = tok_ne(c, &d->tokens[i]);
		if (s >= b || e > c->n)
			break;
		const char *sd = s >= a && e <= b ? cue_side(c, s, e) : NULL;
		if (sd && !strcmp(sd, "after") &&
		    tok_tag(c, &d->tokens[i])[0] == 'v')
			return true;
	}
	return false;
}

/* The country or organisation a title at match index i belongs to: the
 * nearest country/org match before it in the same phrase (no
 * punctuation, no speech verb, no person between, at most 8 characters of
 * other words), else a known organisation of one country the title begins
 * with. */
static title_of title_org(ctx *c, uint32_t i)
{
	title_of o = {0};
	uint32_t at = c->m[i].s;
	/* a known organisation of one country that the title begins with
	 * is its own (國務院|副總理, 白宮|發言人) unless a country or body
	 * stands before it (美國國務院|發言人 is read below); generic ones
	 * (外交部) give no country */
	title_of inner = {0};
	uint32_t row, len = c->m[i].e - at;
	if (c->tb.orgs && len > 1 &&
	    jx_table_longest(c->tb.orgs, c->t + at, len - 1, &row) > 0 &&
	    opt(jx_table_str(c->tb.orgs, row, c->tb.o_country))) {
		inner.org = jx_table_str(c->tb.orgs, row, c->tb.o_key);
		inner.ctry = jx_table_str(c->tb.orgs, row, c->tb.o_country);
		inner.cameo = opt(jx_table_str(c->tb.orgs, row, c->tb.o_cameo));
	}
	for (uint32_t j = i; j-- > 0;) {
		match *y = &c->m[j];
		if (y->kind == K_NONE || y->e > at)
			continue; /* a name inside a longer one */
		if (y->kind == K_PERSON || y->kind == K_NAME)
			break;
		if (is_punct_between(c, y->e, at) || at - y->e > 10 * 3 ||
		    speech_between(c, y->e, at))
			break;
		/* a modifier stands right before the chain (前|美國總統); 前 in
		 * 早|前|宣布|制裁|特首 is "earlier", no modifier of it */
		if (y->kind == K_MOD && y->e != at)
			continue;
		if (y->kind == K_MOD) {
			o.then =
			    o.then || strcmp(jx_table_str(c->tb.mods, y->row,
			                                  c->tb.d_then),
			                     "yes") == 0;
			at = y->s;
			continue;
		}
		/* the country after 駐 hosts the office, whose country is
		 * the one before: 中國駐美國大使, 美國駐港澳總領事 */
		if (y->kind == K_COUNTRY || y->kind == K_PLACE) {
			/* 駐港澳: the places side by side after it */
			uint32_t k = j;
			while (k > 0 &&
			       (c->m[k - 1].kind == K_COUNTRY ||
			        c->m[k - 1].kind == K_PLACE) &&
			       c->m[k - 1].e == c->m[k].s)
				k--;
			if (c->m[k].s >= 3 &&
			    is_zhu(c, c->m[k].s - 3, c->m[k].s)) {
				at = c->m[k].s - 3;
				j = k;
				continue;
			}
		}
		if ((y->kind == K_LEXORG || y->kind == K_LEXPLACE) && y->ctry) {
			o.org = o.ctry = y->ctry; /* 美國國務院發言人 */
			return o;
		}
		if (y->kind == K_PLACE && y->e == at) { /* 臺北|市長 */
			o.org = o.ctry = place_country(c, y);
			return o;
		}
		if (y->kind == K_COUNTRY || y->kind == K_ORG) {
			const char *org =
			    y->kind == K_COUNTRY
			        ? jx_table_str(c->tb.countries, y->row,
			                       c->tb.c_country)
			        : jx_table_str(c->tb.orgs, y->row, c->tb.o_key);
			/* a modifier before the country: 時任日本首相 */
			if (j > 0 && c->m[j - 1].kind == K_MOD &&
			    c->m[j - 1].e == y->s)
				o.then = o.then ||
				         strcmp(jx_table_str(c->tb.mods,
				                             c->m[j - 1].row,
				                             c->tb.d_then),
				                "yes") == 0;
			o.org = org;
			o.ctry = y->kind == K_COUNTRY
			             ? org
			             : opt(jx_table_str(c->tb.orgs, y->row,
			                                c->tb.o_country));
			if (y->kind == K_ORG)
				o.cameo = opt(jx_table_str(c->tb.orgs, y->row,
				                           c->tb.o_cameo));
			return o;
		}
		at = y->s;
	}
	inner.then = o.then;
	return inner;
}

static void add_title(ctx *c, int32_t ei, const match *t, title_of o)
{
	const char *org = o.org, *ctry = o.ctry;
	bool then = o.then;
	if (ei < 0)
		return;
	jx_entity *e = ent_at(c, ei);
	jx_span sp = jx_doc_span(c->doc, t->s, t->e);
	const char *role = jx_table_str(c->tb.offices, t->row, c->tb.f_role);
	for (uint32_t i = 0; i < e->titles.n; i++) {
		jx_title *x = &JX_VEC_AT(&e->titles, jx_title, i);
		if (strcmp(x->role, role) != 0 || x->then != then)
			continue;
		/* one title a role: 李在明總統 adds nothing to 南韓總統李在明,
		 * and a later country fills in an earlier title's */
		if (org == NULL || x->org == org ||
		    (x->org && !strcmp(x->org, org)))
			return;
		if (x->org == NULL) {
			x->org = org;
			x->country = ctry;
			x->org_actor = o.cameo;
			return;
		}
	}
	jx_title *x = jx_vec_push(c->doc, &e->titles, sizeof(*x));
	if (x) {
		x->span = sp;
		x->org = org;
		x->country = ctry;
		x->org_actor = o.cameo;
		x->role = role;
		x->then = then;
	}
}

static bool oov_end(const ctx *c, const jx_token *t);

/* Step 2 and 3: people after and before titles. */
static bool tok_edge(const ctx *c, uint32_t p);

/* Is the character at p a function word the segmenter leaves alone
 * (主席|同/p|魯托, 主席|將/d|同): not a surname after a title, though 同,
 * 將 and 和 are surnames too? translit: before a transliteration. */
static bool function_word_at(const ctx *c, uint32_t p, bool translit)
{
	const jx_token *t = word_at(c, p);
	if (t == NULL || !one_han_word(c, t))
		return false;
	/* a preposition, conjunction or particle always; an adverb, verb
	 * or pronoun that stops names, before a Chinese reading only
	 * (圖/v|伊馬萊阿利法諾 is a name) */
	char k = tok_tag(c, t)[0];
	if (translit)
		return strchr("pcu", k) != NULL;
	/* a common surname before an unknown word is one (副秘書長|于/p|
	 * 秀蘇/x) */
	const jx_token *u =
	    t + 1 < c->doc->tokens + c->doc->ntokens ? t + 1 : NULL;
	if (u && ((u->flags & JX_TOK_OOV) || tok_tag(c, u)[0] == 'x') &&
	    common_surname(
	        c, jx_table_find(c->tb.surnames, c->t + p, char_len(c, p))))
		return false;
	return strchr("pcu", k) ||
	       (strchr("dvr", k) &&
	        jx_table_find(c->tb.nonname, c->t + p, char_len(c, p)) >= 0);
}

/* Is the character at p a noun of its own that is a rare surname (主席|
 * 國/n|工作: 主席國, the chairing country)? */
static bool rare_lone_noun(const ctx *c, uint32_t p)
{
	const jx_token *t = word_at(c, p);
	return t && one_han_word(c, t) && lone_surname(c, t) &&
	       surname_freq(c, jx_table_find(c->tb.surnames, c->t + p,
	                                     char_len(c, p))) < CUE_SURNAME_MIN;
}

static bool latin_name(const uint8_t *s, uint32_t n);
static bool uncovered(const ctx *c, uint32_t s, uint32_t e);
static bool cue_word_before(const ctx *c, uint32_t p);
static int cmp_match(const void *a, const void *b);

/* Names in Latin letters right after an office or a role word of
 * person_cues (議員|Fiona Bruce, 議長|John Bercow, 女兒|Angela): a run of
 * capitalised words on its own (not a body's: Apple|公司). The title chains
 * that follow give them their titles. */
static void latin_names(ctx *c)
{
	/* the offices by end */
	uint32_t no, nm = c->nm;
	startix *offices = match_index(c, 1u << K_OFFICE, true, &no);
	if (c->doc->oom)
		return;
	for (uint32_t p = 1; p < c->n; p++) {
		if (!(c->t[p] >= 'A' && c->t[p] <= 'Z') ||
		    ascii_alnum(c->t[p - 1]) || c->covered[p])
			continue;
		uint32_t e = p;
		while (e < c->n && (ascii_alnum(c->t[e]) || c->t[e] == '\'' ||
		                    c->t[e] == '-' || c->t[e] == '.' ||
		                    (c->t[e] == ' ' && e + 1 < c->n &&
		                     c->t[e + 1] >= 'A' && c->t[e + 1] <= 'Z')))
			e++;
		uint32_t q = p;
		p = e;
		if (!latin_name(c->t + q, e - q) || !uncovered(c, q, e) ||
		    (e < c->n && suffix_word_at(c, e)))
			continue;
		if (index_at(offices, no, q) < 0 && !cue_word_before(c, q))
			continue;
		match *x = add_match(c, q, e, K_NAME, 0);
		if (x == NULL)
			return;
		entity_of_match(c, x);
	}
	if (c->nm > nm)
		qsort(c->m, c->nm, sizeof(match), cmp_match);
}

static void chains(ctx *c)
{
	uint32_t nm = c->nm;
	for (uint32_t i = 0; i < nm; i++) {
		match *t = &c->m[i];
		if (t->kind != K_OFFICE)
			continue;
		/* a modifier right before the title (前總統) makes it
		 * former: title_org reads it first */
		title_of to = title_org(c, i);
		/* after: a dictionary person, or a name read here */
		match *nx = i + 1 < nm ? &c->m[i + 1] : NULL;
		/* skip further titles of the same chain: 總統辦公室安保室長 */
		int32_t who = -1;
		if (nx && nx->s == t->e &&
		    (nx->kind == K_PERSON || nx->kind == K_NAME)) {
			who = entity_of_match(c, nx);
		} else if (nx && nx->s == t->e && nx->kind == K_PLACE &&
		           nx->ent < 0) {
			/* a city of two characters, a surname and a given
			 * name's first, and a character that ends given names
			 * starting a word, no place's or body's suffix: a
			 * name (大使|金昌|範; not 市長|長春|市民) */
			uint32_t ps = nx->s, pe = nx->e,
			         g = ps + char_len(c, ps);
			uint32_t e = pe < c->n ? pe + char_len(c, pe) : pe;
			int64_t k = tok_containing(c, pe);
			if (e > pe && g < pe && pe == g + char_len(c, g) &&
			    (i + 2 >= nm || c->m[i + 2].s >= e) &&
			    !c->covered[pe] && k >= 0 &&
			    tok_ns(c, &c->doc->tokens[k]) == pe &&
			    jx_table_find(c->tb.surnames, c->t + ps, g - ps) >=
			        0 &&
			    given_ok(c, g, false, c->tb.g_first) &&
			    given_ok(c, pe, false, c->tb.g_last) &&
			    !suffix_kind(c, c->tb.place_suffixes, c->tb.ps_kind,
			                 pe, e) &&
			    !suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind,
			                 pe, e)) {
				nx->kind = K_NONE;
				match *x = add_match(c, ps, e, K_NAME, 0);
				if (x == NULL)
					return;
				t = &c->m[i];
				who = entity_of_match(c, x);
			}
		} else if (!(nx && nx->s == t->e)) {
			uint32_t limit = nx ? nx->s : c->n;
			/* no name begins with a function word (a Chinese one
			 * may with a common surname: 于/p|秀蘇/x), nor a
			 * Chinese one with a rare surname that is a noun of
			 * its own */
			bool none = function_word_at(c, t->e, true);
			uint32_t e = function_word_at(c, t->e, false) ||
			                     rare_lone_noun(c, t->e)
			                 ? t->e
			                 : read_name(c, t->e, limit, false);
			/* a transliterated name read whole (總理馬萊阿內,
			 * 國家元首圖伊馬萊阿利法諾, 總理拉烏利): three
			 * characters or more, when the Chinese reading fails,
			 * ends inside a word or is two characters shorter */
			uint32_t tn, te = translit_run(c, t->e, limit, &tn);
			uint32_t rn = jx_utf8_count(c->t + t->e, e - t->e);
			if (!none && tn >= 3 && te > e &&
			    (e == t->e || !tok_edge(c, e) || tn >= rn + 2))
				e = te;
			/* a Chinese reading of two characters that ends
			 * inside a word of three the lexicon does not know,
			 * on a clear edge, is that whole word (記者|張玉來/x|
			 * 報道; not 張玉; not 發言人|朱鳳蓮今/x|日) */
			const jx_token *w = word_at(c, t->e);
			if (e > t->e && !tok_edge(c, e) && w &&
			    tok_ne(c, w) > e && tok_ne(c, w) <= limit &&
			    ((w->flags & JX_TOK_OOV) ||
			     tok_tag(c, w)[0] == 'x') &&
			    jx_utf8_count(c->t + t->e, e - t->e) == 2 &&
			    jx_utf8_count(c->t + t->e, tok_ne(c, w) - t->e) ==
			        3 &&
			    oov_end(c, w))
				e = tok_ne(c, w);
			if (e > t->e) {
				match *x = add_match(c, t->e, e, K_NAME, 0);
				if (x == NULL)
					return;
				t = &c->m[i];
				who = entity_of_match(c, x);
			}
		}
		if (who >= 0) {
			add_title(c, who, t, to);
			continue;
		}
		/* before: 李在明總統, 石破茂總理 */
		if (i > 0 && c->m[i - 1].e == t->s &&
		    c->m[i - 1].kind == K_PERSON) {
			match *p = &c->m[i - 1];
			int32_t ei = entity_of_match(c, p);
			if (ei >= 0) {
				add_title(c, ei, t, to);
				add_span(c, &ent_at(c, ei)->forms,
				         jx_doc_span(c->doc, p->s, t->e));
			}
		}
	}
}

/* The organisation an office title begins with (外交部長, 國務院副總理,
 * 市委書記, 司法部長): a proper prefix of two characters or more that is
 * a known organisation, or that ends with an organisation suffix after a
 * stem of two characters or more (司法|部; not 副|部) or is a suffix of
 * two characters itself (市委). Returns its end, or s. */
static bool head_tail(const ctx *c, uint32_t q, uint32_t e)
{
	if (jx_table_find(c->tb.offices, c->t + q, e - q) >= 0)
		return true;
	const char *k = org_suffix_row(c, q, e);
	return k && !strcmp(k, "head");
}

static uint32_t office_org_end(const ctx *c, uint32_t s, uint32_t e,
                               int64_t *orow)
{
	*orow = -1;
	/* not a modifier first: 代理|部長 */
	for (uint32_t q = s, k = 0; k < 3 && q < e; k++) {
		q += char_len(c, q);
		if (c->tb.mods &&
		    jx_table_find(c->tb.mods, c->t + s, q - s) >= 0)
			return s;
	}
	/* the shortest organisation whose rest is a head's title: 律政司|
	 * 司長, not 律政司司|長 */
	uint32_t q = s + char_len(c, s);
	for (; q < e; q += char_len(c, q)) {
		if (jx_utf8_count(c->t + s, q - s) < 2)
			continue;
		if (!head_tail(c, q, e))
			continue;
		int64_t r = jx_table_find(c->tb.orgs, c->t + s, q - s);
		if (r >= 0) {
			*orow = r;
			return q;
		}
		if (c->tb.org_suffixes == NULL)
			continue;
		for (uint32_t b = prev_off(c, q); b + 1 > s;
		     b = prev_off(c, b)) {
			const char *sk = org_suffix_row(c, b, q);
			if (sk && !strcmp(sk, "org") &&
			    (b == s ? jx_utf8_count(c->t + b, q - b) >= 2
			            : jx_utf8_count(c->t + s, b - s) >= 2))
				return q;
			if (b == s || q - b >= 4 * 4)
				break;
		}
	}
	return s;
}

static bool name_part_tag(const char *tag);
static const char *cue_side(const ctx *c, uint32_t s, uint32_t e);
static bool all_han(const ctx *c, uint32_t s, uint32_t e);
static bool uncovered(const ctx *c, uint32_t s, uint32_t e);
static bool name_shaped_word(const ctx *c, uint32_t s, uint32_t e);

/* Is [s, e) a noun-like word that can stand in an organisation's name
 * (nouns, abbreviations, unknown words, names, adjectives of two
 * characters; not a title modifier)? */
static bool org_word(const ctx *c, const jx_token *t, uint32_t s, uint32_t e)
{
	if (e <= s || e > c->n || !all_han(c, s, e) || !uncovered(c, s, e))
		return false;
	const char *tag = tok_tag(c, t);
	if (!(name_part_tag(tag) || !strncmp(tag, "nr", 2) ||
	      (tag[0] == 'a' && jx_utf8_count(c->t + s, e - s) >= 2)))
		return false;
	return c->tb.mods == NULL ||
	       jx_table_find(c->tb.mods, c->t + s, e - s) < 0;
}

/* Words right before an office or a head's title that name its
 * organisation: 農業|部長 → 農業部, 科利華|集團|總裁 → 科利華集團,
 * 國稅局|黨組書記. The words (at most three, org_word) end with an
 * organisation suffix, or the title begins with a one-character one
 * followed by a head word (部|長, 所|長); the name before the suffix has
 * two characters or more (唐|軍 is no organisation). Its end is returned,
 * *start (OUT) its start; 0 when there is none. */
static uint32_t words_org_start(const ctx *c, uint32_t s, uint32_t e,
                                uint32_t *start)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.org_suffixes == NULL || s == 0)
		return 0;
	int64_t ti = tok_containing(c, prev_off(c, s));
	if (ti < 0)
		return 0;
	const jx_token *t = &d->tokens[ti];
	uint32_t ts = tok_ns(c, t), te = tok_ne(c, t);
	if (te != s || !org_word(c, t, ts, te))
		return 0;
	/* a transliterated name the lexicon knows is a person (基里延科|總理,
	 * not a section 科) */
	if (!strncmp(tok_tag(c, t), "nr", 2) && translit_chars(c, ts, te))
		return 0;
	uint32_t oe, stem; /* organisation end, end of the name before the
	                      suffix */
	const char *sk =
	    suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, ts, te);
	if (sk && !strcmp(sk, "org")) {
		oe = s;
		/* the longest suffix ending the word */
		stem = te;
		for (uint32_t q = prev_off(c, te);; q = prev_off(c, q)) {
			int64_t r =
			    jx_table_find(c->tb.org_suffixes, c->t + q, te - q);
			if (r >= 0)
				stem = q;
			if (q <= ts || te - q >= 4 * 4)
				break;
		}
	} else {
		uint32_t l1 = char_len(c, s);
		const char *sk1 = org_suffix_row(c, s, s + l1);
		if (!(l1 < e - s && sk1 && !strcmp(sk1, "org") &&
		      head_tail(c, s + l1, e)))
			return 0;
		/* a word of two characters that the lexicon knows before
		 * it (農業|部長; not 官為|團長, 副|科長) */
		if (jx_utf8_count(c->t + ts, te - ts) < 2 ||
		    (t->flags & JX_TOK_OOV) || tok_tag(c, t)[0] == 'x')
			return 0;
		/* a body's name before the title of its head is whole
		 * already (律政司|司長, not 律政司司) */
		if (sk && !strcmp(sk, "org"))
			return 0;
		/* a person's name before the title (李振成|局長, not the
		 * bureau 李振成局) */
		if (!strncmp(tok_tag(c, t), "nr", 2) ||
		    (jx_utf8_count(c->t + ts, te - ts) == 3 &&
		     name_shaped_word(c, ts, te)))
			return 0;
		oe = s + l1; /* 部|長 */
		stem = s;
	}
	uint32_t b = ts;
	for (int k = 1; ti - k >= 0 && k < 3; k++) {
		const jx_token *u = &d->tokens[ti - k];
		uint32_t us = tok_ns(c, u), ue = tok_ne(c, u);
		if (ue != b)
			break;
		if (!org_word(c, u, us, ue)) {
			/* a verb that may begin the name (聯合|民主同盟):
			 * where the name starts is not clear */
			if (tok_tag(c, u)[0] == 'v' &&
			    jx_utf8_count(c->t + us, ue - us) >= 2)
				return 0;
			break;
		}
		b = us;
	}
	if (stem <= b || jx_utf8_count(c->t + b, stem - b) < 2)
		return 0;
	*start = b;
	return oe;
}

/* An office that begins with an organisation names that organisation:
 * 國務院 in 國務院副總理, 外交部 in 外交部長; with a country or place right
 * before it, the organisation is theirs (美國財政部長 → 美國財政部). The
 * title keeps its whole span and role. */
static void office_orgs(ctx *c)
{
	uint32_t nm = c->nm;
	for (uint32_t i = 0; i < nm; i++) {
		if (c->m[i].kind != K_OFFICE)
			continue;
		int64_t orow;
		uint32_t s = c->m[i].s,
		         q = office_org_end(c, s, c->m[i].e, &orow);
		if (q == s) {
			q = words_org_start(c, s, c->m[i].e, &s);
			if (q == 0)
				continue;
		}
		const char *ctry = NULL;
		match *h = i > 0 ? &c->m[i - 1] : NULL;
		if (h && h->e == s && h->ent < 0 &&
		    (h->kind == K_COUNTRY || h->kind == K_PLACE) &&
		    !is_abbr(c, h)) {
			ctry = place_country(c, h);
			s = h->s;
			h->kind = K_NONE;
			orow = -1;
		}
		match *x = add_match(c, s, q, orow >= 0 ? K_ORG : K_LEXORG,
		                     orow >= 0 ? (uint32_t)orow : 0);
		if (x == NULL)
			return;
		x->ctry = ctry;
		c->covered[c->m[i].s] = 2; /* the title still starts there */
		entity_of_match(c, x);
	}
	/* role words of names/person_cues: 科利華集團|總裁, 村委會|主任 */
	const jishi_doc *d = c->doc;
	for (uint32_t ti = 0; d->tokens && c->tb.cues && ti < d->ntokens;
	     ti++) {
		uint32_t ts = tok_ns(c, &d->tokens[ti]),
		         te = tok_ne(c, &d->tokens[ti]), s;
		const char *side = cue_side(c, ts, te);
		if (side == NULL || !strcmp(side, "after") ||
		    !uncovered(c, ts, te))
			continue;
		/* the title of a head (總裁, 主任, 所|長), not 作家 */
		if (!head_tail(c, ts, te) &&
		    !(te - ts > char_len(c, ts) &&
		      head_tail(c, ts + char_len(c, ts), te)))
			continue;
		uint32_t q = words_org_start(c, ts, te, &s);
		if (q == 0 || !uncovered(c, s, q))
			continue;
		match *x = add_match(c, s, q, K_LEXORG, 0);
		if (x == NULL)
			return;
		entity_of_match(c, x);
	}
}

/* ---- names next to a cue word ---------------------------------------- */

/* Does a token start or end at norm offset p? */
static bool tok_edge(const ctx *c, uint32_t p)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || p == 0 || p >= c->n)
		return true;
	int64_t i = tok_containing(c, p);
	return i < 0 || d->tokens[i].start == jx_doc_orig(d, p);
}

/* The side of the person cue that is the norm bytes [s, e), or NULL. */
static const char *cue_side(const ctx *c, uint32_t s, uint32_t e)
{
	int64_t r = jx_table_find(c->tb.cues, c->t + s, e - s);
	return r < 0 ? NULL
	             : jx_table_str(c->tb.cues, (uint32_t)r, c->tb.pc_side);
}

/* Does a cue word of side before/both end at p (总裁|宋朝弟)? */
static bool cue_word_before(const ctx *c, uint32_t p)
{
	uint32_t b = p;
	for (int k = 0; k < 5 && b > 0; k++) {
		b = prev_off(c, b);
		if (!is_han(c, b))
			break;
		const char *side = cue_side(c, b, p);
		if (side && (!strcmp(side, "before") || !strcmp(side, "both")))
			return true;
	}
	return false;
}

/* Does a cue word of side before/both end at p, or a person's name and a
 * list comma (張孝華、|張友香)? */
static bool cue_before(const ctx *c, uint32_t p, const uint8_t *pe)
{
	if (cue_word_before(c, p))
		return true;
	/* 、 (U+3001) after a person's name (pe: person_edges) */
	return p >= 3 && !memcmp(c->t + p - 3, "\xE3\x80\x81", 3) &&
	       (pe[p - 3] & 1);
}

/* Does a cue word of side after/both start at e (柳萍|表示)? */
static bool cue_after(const ctx *c, uint32_t e)
{
	uint32_t p = e;
	for (int k = 0; k < 4 && p < c->n && is_han(c, p); k++) {
		p += char_len(c, p);
		const char *side = cue_side(c, e, p);
		if (side && (!strcmp(side, "after") || !strcmp(side, "both")))
			return true;
	}
	return false;
}

/* Does the word holding the character at p have a verb, adverb or
 * function-word tag (全部|撤/v)? */
static bool verb_at(const ctx *c, uint32_t p)
{
	if (c->doc->tokens == NULL)
		return false;
	int64_t i = tok_containing(c, p);
	if (i < 0)
		return false;
	const char *tag = tok_tag(c, &c->doc->tokens[i]);
	return strchr("vdcpuy", tag[0]) != NULL;
}

/* A name next to a cue: a surname at least CUE_SURNAME_MIN common (or a
 * Japanese one) and one or two given-name characters, on word edges. With
 * only a cue after it (before false), that cue must follow the name. */
static uint32_t cue_name(const ctx *c, uint32_t p, uint32_t limit, bool before)
{
	if (!is_han(c, p) || !tok_edge(c, p))
		return p;
	uint32_t l1 = char_len(c, p), p2 = p + l1;
	uint32_t l2 = is_han(c, p2) ? char_len(c, p2) : 0;
	uint32_t sur = 0;
	int64_t r;
	if (l2 && jx_table_find(c->tb.jp_surnames, c->t + p, l1 + l2) >= 0)
		sur = p2 + l2;
	else if (l2 &&
	         (r = jx_table_find(c->tb.surnames, c->t + p, l1 + l2)) >= 0)
		sur = p2 + l2;
	else if (surname_freq(c, jx_table_find(c->tb.surnames, c->t + p, l1)) >=
	         CUE_SURNAME_MIN)
		sur = p2;
	if (sur == 0 || sur >= limit || match_at(c, sur))
		return p;
	if (sur == p2 && jx_table_find(c->tb.nonname, c->t + p, l1) >= 0)
		return p; /* 上, 和: a function word first */
	/* the surname does not start a word of the lexicon that is the
	 * whole name or runs past it (同志, 時任, 高水平); a person's name
	 * is fine, and so is a word that ends inside a name of three after
	 * a cue before it (主教練|馬躍|南, 總裁|宋朝|弟) */
	uint32_t wend = sur;
	if (c->doc->tokens) {
		const jx_token *t = &c->doc->tokens[tok_containing(c, p)];
		const char *tag = tok_tag(c, t);
		if (!(t->flags & JX_TOK_OOV) && tok_ne(c, t) > sur &&
		    strncmp(tag, "nr", 2) != 0)
			/* only a noun or time word may end inside (not
			 * 全部|撤, 步行|籌) */
			wend = tag[0] == 'n' || tag[0] == 't' ? tok_ne(c, t)
			                                      : UINT32_MAX;
	}
	uint32_t g1 = sur, g2 = g1 + char_len(c, g1);
	uint32_t g3 = g2 < limit ? g2 + char_len(c, g2) : g2;
	if (!given_ok(c, g1, false, c->tb.g_first) &&
	    !given_ok(c, g1, false, c->tb.g_single))
		return p;
	if (g2 < limit && g3 <= limit && !match_at(c, g2) &&
	    (wend == sur || (before && wend < g3 && !verb_at(c, g2))) &&
	    given_ok(c, g1, false, c->tb.g_first) &&
	    given_ok(c, g2, false, c->tb.g_last) && tok_edge(c, g3) &&
	    (before || cue_after(c, g3)))
		return g3;
	if (wend == sur && given_ok(c, g1, false, c->tb.g_single) &&
	    tok_edge(c, g2) && (before || cue_after(c, g2)))
		return g2;
	return p;
}

/* Names with no title or byline next to them: strict mode of the name
 * model at every character not inside a known name. */
static uint8_t *person_edges(ctx *c);

/* Is [s, e) the suffix of a facility (宮, 館, 寺; not 軍, which ends
 * bodies and given names)? */
static bool facility_end(const ctx *c, uint32_t s, uint32_t e)
{
	const char *k = suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, s, e);
	return k && !strcmp(k, "facility");
}

static bool unlikely_name(const ctx *c, uint32_t s, uint32_t e, bool cued);

static void free_names(ctx *c)
{
	uint8_t *pe = person_edges(c);
	if (pe == NULL)
		return;
	uint32_t p = 0;
	while (p < c->n) {
		if (c->covered[p] || !is_han(c, p)) {
			p++;
			continue;
		}
		size_t q0 = p;
		if (!jx_table_may_start(c->tb.surnames,
		                        jx_utf8_next(c->t, c->n, &q0))) {
			p = (uint32_t)q0; /* no surname starts here */
			continue;
		}
		uint32_t limit = p;
		while (limit < c->n && !c->covered[limit] && limit - p < 4 * 4)
			limit++;
		uint32_t e =
		    after_numeral(c, p) ? p : read_name(c, p, limit, true);
		/* a name of three the model finds less likely than text
		 * needs a cue (農家樂 is no name, 金人慶|強調 is) */
		if (e > p && jx_utf8_count(c->t + p, e - p) == 3 &&
		    unlikely_name(c, p, e, false))
			e = p;
		if (e == p && c->tb.cues && !function_word_at(c, p, false))
			e = cue_name(c, p, limit, cue_before(c, p, pe));
		/* no name ends with a facility's suffix (黎明|宮) */
		if (e > p && facility_end(c, prev_off(c, e), e))
			e = p;
		if (e > p) {
			match *x = add_match(c, p, e, K_NAME, 0);
			if (x == NULL)
				return;
			entity_of_match(c, x);
			pe[e] |= 1;
			pe[p] |= 2;
			p = e;
			continue;
		}
		p += char_len(c, p);
	}
}

/* Is the character at p one of transliterated names (and not one that
 * stops a name)? */
static bool translit_at(const ctx *c, uint32_t p)
{
	return p < c->n && !c->covered[p] && translit_char(c, p);
}

static bool is_dot(const ctx *c, uint32_t p, uint32_t *len)
{
	if (c->t[p] != 0xC2 && c->t[p] != 0xE3 && c->t[p] != 0xE2)
		return false;
	/* · U+00B7, ・ U+30FB, ‧ U+2027, • U+2022 */
	static const char *const dots[] = {"\xC2\xB7", "\xE3\x83\xBB",
	                                   "\xE2\x80\xA7", "\xE2\x80\xA2"};
	for (int i = 0; i < 4; i++) {
		uint32_t l = (uint32_t)strlen(dots[i]);
		if (p + l <= c->n && memcmp(c->t + p, dots[i], l) == 0) {
			*len = l;
			return true;
		}
	}
	/* a lone dash — U+2014 after two transliteration characters and
	 * before one, as older mainland text writes 約翰—格倫 (not a run
	 * ———, not 1998—1999, not 道—瓊斯) */
	static const uint8_t dash[] = {0xE2, 0x80, 0x94};
	if (p >= 6 && p + 6 <= c->n && !memcmp(c->t + p, dash, 3) &&
	    memcmp(c->t + p + 3, dash, 3) && memcmp(c->t + p - 3, dash, 3) &&
	    translit_char(c, prev_off(c, p)) &&
	    translit_char(c, prev_off(c, prev_off(c, p))) &&
	    translit_char(c, p + 3)) {
		*len = 3;
		return true;
	}
	return false;
}

/* Transliterated names joined by a middle dot: 卡洛斯·阿馬特,
 * 鮑里斯·貝克爾 — runs of transliteration characters of at least two
 * characters on each side of every dot. */
/* A character of a dotted name: a free transliteration character, or
 * one of a known person's name not yet tied to an entity (安南 in
 * 科菲·安南). */
static bool dot_char(const ctx *c, uint32_t p)
{
	if (translit_at(c, p))
		return true;
	if (p >= c->n || !c->covered[p] || !is_han(c, p) ||
	    jx_table_find(c->tb.translit, c->t + p, char_len(c, p)) < 0)
		return false;
	for (uint32_t j = 0; j < c->nm; j++)
		if (c->m[j].s <= p && p < c->m[j].e)
			return (c->m[j].kind == K_PERSON ||
			        c->m[j].kind == K_NAME) &&
			       c->m[j].ent < 0;
	return false;
}

/* The end of the free word tagged as a person's name that starts at
 * norm p, or p. */
static uint32_t name_word_at(const ctx *c, uint32_t p)
{
	const jx_token *t = word_at(c, p);
	uint32_t e = t ? tok_ne(c, t) : p;
	return t && e <= c->n && !strncmp(tok_tag(c, t), "nr", 2) &&
	               uncovered(c, p, e)
	           ? e
	           : p;
}

/* The kind of a dotted run that ends at *e, last the start of its last
 * part: a place when the segmenter glued a division's suffix to the
 * part (伯爾切斯|庫鎮/x: *e moves past it), a body when the run took in
 * a word that is a body's suffix (葛蘭素·威康|公司; not 德米特里|延科/x,
 * which only ends with one); a name otherwise. */
static int dotted_suffix(const ctx *c, uint32_t last, uint32_t *e)
{
	if (c->doc->tokens == NULL || *e <= last || *e > c->n)
		return K_NAME;
	int64_t ti = tok_containing(c, prev_off(c, *e));
	if (ti < 0)
		return K_NAME;
	const jx_token *t = &c->doc->tokens[ti];
	uint32_t ts = tok_ns(c, t), te = tok_ne(c, t);
	if (te > *e && te <= c->n && c->tb.place_suffixes &&
	    ((t->flags & JX_TOK_OOV) || tok_tag(c, t)[0] == 'x') &&
	    jx_table_find(c->tb.place_suffixes, c->t + *e, te - *e) >= 0) {
		*e = te;
		return K_LEXPLACE;
	}
	const char *k = te == *e ? org_suffix_row(c, ts, te) : NULL;
	if (k && ts > last && jx_utf8_count(c->t + last, ts - last) >= 2 &&
	    (!strcmp(k, "org") || !strcmp(k, "facility")))
		return K_LEXORG;
	return K_NAME;
}

static void dotted_names(ctx *c)
{
	if (c->tb.translit == NULL)
		return;
	for (uint32_t p = 0; p < c->n; p++) {
		uint32_t dl;
		if (!is_dot(c, p, &dl))
			continue;
		/* the run before the dot */
		uint32_t s = p, k = 0;
		while (s > 0 && k < 8) {
			size_t q = s;
			jx_utf8_prev(c->t, &q);
			if (!dot_char(c, (uint32_t)q))
				break;
			s = (uint32_t)q;
			k++;
		}
		/* a free word tagged as a name right before the dot is
		 * taken whole (彼得/nrt·皮奧: 得 stops names elsewhere) */
		if (k < 2 && p > 0) {
			int64_t ti = tok_containing(c, prev_off(c, p));
			const jx_token *t =
			    ti >= 0 ? &c->doc->tokens[ti] : NULL;
			if (t && tok_ne(c, t) == p &&
			    name_word_at(c, tok_ns(c, t)) == p &&
			    foreign_tag(tok_tag(c, t))) {
				s = tok_ns(c, t);
				k = (uint32_t)jx_utf8_count(c->t + s, p - s);
			}
		}
		/* on a word edge (荷蘭人|維姆), after a role word (專家|希拉)
		 */
		/* an initial: 塞·威廉姆斯, 拉·甘地 (a word of its own) */
		if (k == 1 &&
		    !(tok_edge(c, s) &&
		      (s == 0 || !is_han(c, prev_off(c, s)) || tok_edge(c, p))))
			continue;
		if (k >= 2 && !tok_edge(c, s)) {
			int64_t ti = tok_containing(c, s);
			s = tok_ne(c, &c->doc->tokens[ti]);
		}
		for (uint32_t b = s; k >= 2 && b < p && c->tb.cues;) {
			b += char_len(c, b);
			const char *side = cue_side(c, s, b);
			if (side && strcmp(side, "after") != 0) {
				s = b;
				break;
			}
		}
		/* a word of one character first that is not common in
		 * transliterations goes (發行|人|漢斯: 人) */
		while (k > 2 && tok_edge(c, s) &&
		       tok_edge(c, s + char_len(c, s)) &&
		       translit_freq(c, s) < TRANSLIT_MIN / 2) {
			s += char_len(c, s);
			k--;
		}
		if (s >= p || (jx_utf8_count(c->t + s, p - s) < 2 && k != 1))
			continue;
		/* the parts after it */
		uint32_t e = p, last = p;
		for (;;) {
			uint32_t dl2, q = e, m = 0;
			if (!is_dot(c, q, &dl2))
				break;
			q += dl2;
			while (q < c->n && m < 8) {
				/* a free word tagged as a name is taken whole
				 * (彼得/nrt: 得 stops names elsewhere) */
				uint32_t w = name_word_at(c, q);
				if (w > q) {
					m += jx_utf8_count(c->t + q, w - q);
					q = w;
					continue;
				}
				if (!dot_char(c, q) ||
				    (m >= 2 && plain_word_at(c, q)))
					break;
				q += char_len(c, q);
				m++;
			}
			/* and a rare one last (哈努|家|住) */
			while (m > 2 && translit_freq(c, prev_off(c, q)) <
			                    DOT_EDGE_MIN) {
				q = prev_off(c, q);
				m--;
			}
			if (m < 2)
				break;
			last = e + dl2;
			e = q;
		}
		if (e == p)
			continue;
		/* a run that ends inside a known word goes back to its start
		 * (伯爾切斯庫鎮/ns, 梅森|大學 cut at 學) */
		int64_t ti = tok_edge(c, e) ? -1 : tok_containing(c, e);
		if (ti >= 0 && !(c->doc->tokens[ti].flags & JX_TOK_OOV)) {
			uint32_t ts = tok_ns(c, &c->doc->tokens[ti]);
			if (ts <= last ||
			    jx_utf8_count(c->t + last, ts - last) < 2)
				continue;
			e = ts;
		}
		/* a body named after the person: 喬治·梅森|大學 */
		int kind = K_NAME;
		if (e < c->n && suffix_word_at(c, e)) {
			ti = tok_containing(c, e);
			e = tok_ne(c, &c->doc->tokens[ti]);
			kind = K_LEXORG;
		} else {
			kind = dotted_suffix(c, last, &e);
		}
		/* a dictionary person written out whole is that person
		 * (西里爾·拉馬福薩 in actors/people) */
		bool whole = false;
		for (uint32_t j = 0; j < c->nm && !whole; j++)
			whole = c->m[j].kind == K_PERSON && c->m[j].s == s &&
			        c->m[j].e == e;
		if (whole) {
			p = e;
			continue;
		}
		/* known names inside go: 科菲·安南, 比爾·蓋茨 */
		for (uint32_t j = 0; j < c->nm; j++)
			if (c->m[j].s >= s && c->m[j].e <= e &&
			    (c->m[j].kind == K_PERSON ||
			     c->m[j].kind == K_NAME) &&
			    c->m[j].ent < 0)
				c->m[j].kind = K_NONE;
		match *x = add_match(c, s, e, kind, 0);
		if (x == NULL)
			return;
		entity_of_match(c, x);
		p = e;
	}
}

/* Does [s, e) end with an outlet's ending (報, 日報, 週刊, 電視台; not
 * 公報, 預報: kind "no" of layout/media_suffixes), with more before it? */
static bool media_ending(const ctx *c, uint32_t s, uint32_t e)
{
	const jx_table *t = c->tb.media_sfx;
	if (t == NULL || c->tb.ms_kind < 0)
		return false;
	size_t best = 0;
	uint32_t row = 0;
	for (uint32_t r = 0; r < t->nrows; r++) {
		jx_str x = jx_table_cell(t, r, 0);
		if (x.len > best && x.len < e - s &&
		    memcmp(c->t + e - x.len, x.s, x.len) == 0) {
			best = x.len;
			row = r;
		}
	}
	return best && !strcmp(jx_table_str(t, row, c->tb.ms_kind), "media");
}

/* Does a title in 《》 open at p and close within max bytes, with no
 * other 《 inside? Its content in *a, *b. */
static bool book_title(const ctx *c, uint32_t p, uint32_t max, uint32_t *a,
                       uint32_t *b)
{
	static const char open_[] = "\xE3\x80\x8A", close_[] = "\xE3\x80\x8B";
	if (p + 3 > c->n || memcmp(c->t + p, open_, 3) != 0)
		return false;
	uint32_t x = p + 3, y = x;
	while (y + 3 <= c->n && y - x < max && memcmp(c->t + y, close_, 3) &&
	       memcmp(c->t + y, open_, 3))
		y += char_len(c, y);
	if (y + 3 > c->n || memcmp(c->t + y, close_, 3))
		return false;
	*a = x;
	*b = y;
	return true;
}

/* A name in 《》 that ends as an outlet's does (《渥太華公民報》,
 * 《經濟週刊》) is an outlet, when no name but a place or country is in
 * it; the place is part of the name and gives the outlet its country. */
static uint32_t media_word_at(const ctx *c, uint32_t p);

static void titled_media(ctx *c)
{
	for (uint32_t p = 0; p + 3 <= c->n; p++) {
		uint32_t a, b, w = 0;
		if (!book_title(c, p, 64, &a, &b) || !all_han(c, a, b) ||
		    (!media_ending(c, a, b) && !(w = media_word_at(c, b + 3))))
			continue;
		/* a phrase is a column or a book (《過去的新聞》) */
		bool phrase = false;
		for (uint32_t q = a; q + 3 <= b && !phrase; q += char_len(c, q))
			phrase = !memcmp(c->t + q, "\xE7\x9A\x84", 3); /* 的 */
		if (phrase)
			continue;
		const char *ctry = NULL;
		bool ok = true;
		for (uint32_t k = 0; k < c->nm && ok; k++) {
			const match *y = &c->m[k];
			if (y->kind == K_NONE || y->e <= a || y->s >= b)
				continue;
			ok = y->s >= a && y->e <= b && y->ent < 0 &&
			     (y->kind == K_COUNTRY || y->kind == K_PLACE ||
			      y->kind == K_LEXPLACE);
			if (ok && !ctry)
				ctry = place_country(c, y);
		}
		if (!ok)
			continue;
		for (uint32_t k = 0; k < c->nm; k++)
			if (c->m[k].kind != K_NONE && c->m[k].s >= a &&
			    c->m[k].e <= b)
				c->m[k].kind = K_NONE;
		memset(c->covered + a, 0, b - a);
		/* the outlet's word after the title is its name's end, with
		 * 《》 (《時代》週刊, 《科學》雜誌), and a country or place
		 * right before the title is then part of the name (美國《時代》
		 * 週刊); before any outlet's title it gives the country */
		uint32_t s = w ? p : a, e = w ? w : b;
		for (uint32_t k = 0; k < c->nm; k++) {
			match *y = &c->m[k];
			if (y->e == p && y->ent < 0 && !is_abbr(c, y) &&
			    (y->kind == K_COUNTRY || y->kind == K_PLACE)) {
				if (!ctry)
					ctry = place_country(c, y);
				if (!w)
					continue; /* 美國|《新聞週刊》 */
				s = y->s;
				y->kind = K_NONE;
				memset(c->covered + y->s, 0, y->e - y->s);
			}
		}
		match *x = add_match(c, s, e, K_TITLED, w ? p - s : 0);
		if (x == NULL)
			return;
		x->ctry = ctry;
		entity_of_match(c, x);
		p = e - 1;
	}
}

/* The end of an outlet's word of two characters or more that is a word
 * of its own at p (週刊, 雜誌, 日報: layout/media_suffixes, kind media),
 * or 0. */
static uint32_t media_word_at(const ctx *c, uint32_t p)
{
	const jx_token *t = p < c->n ? word_at(c, p) : NULL;
	if (t == NULL || c->tb.media_sfx == NULL || c->tb.ms_kind < 0)
		return 0;
	uint32_t e = tok_ne(c, t);
	if (e > c->n || jx_utf8_count(c->t + p, e - p) < 2)
		return 0;
	int64_t r = jx_table_find(c->tb.media_sfx, c->t + p, e - p);
	return r >= 0 && !strcmp(jx_table_str(c->tb.media_sfx, (uint32_t)r,
	                                      c->tb.ms_kind),
	                         "media")
	           ? e
	           : 0;
}

/* A city in the name of a treaty in 《》 is where it was signed, not a
 * place the text is about: 《維也納外交關係公約》, 《巴黎協定》,
 * 《京都議定書》. Countries stay (《中英聯合聲明》 binds them). */
static void treaty_titles(ctx *c)
{
	if (c->tb.treaty_ends == NULL)
		return;
	uint32_t k = 0;
	for (uint32_t p = 0; p + 3 <= c->n; p++) {
		uint32_t a, b;
		if (!book_title(c, p, 96, &a, &b))
			continue;
		/* the title's last one to three characters (entity/
		 * treaty_ends) */
		bool treaty = false;
		uint32_t q = b;
		for (int n = 0; n < 3 && q > a && !treaty; n++) {
			q = prev_off(c, q);
			treaty = q > a && jx_table_find(c->tb.treaty_ends,
			                                c->t + q, b - q) >= 0;
		}
		/* the matches are sorted by start: walk them along */
		while (k < c->nm && c->m[k].s < a)
			k++;
		for (uint32_t j = k; treaty && j < c->nm && c->m[j].s < b; j++)
			if (c->m[j].kind == K_PLACE && c->m[j].e <= b &&
			    c->m[j].ent < 0)
				c->m[j].kind = K_VOID;
		p = b;
	}
}

/* Does [s, e) end with an organisation suffix of two characters or more
 * (kind org) after a stem of two characters or more? */
static bool org_tail(const ctx *c, uint32_t s, uint32_t e)
{
	uint32_t q = s;
	for (int k = 0; k < 2 && q < e; k++)
		q += char_len(c, q);
	for (; q < e; q += char_len(c, q)) {
		if (e - q < 2 * char_len(c, q))
			break;
		const char *k = org_suffix_row(c, q, e);
		if (k)
			return !strcmp(k, "org");
	}
	return false;
}

/* Organisation (nt) and place (ns) words of the lexicon: 北京大学,
 * 美国国务院, 中国男队, 温州市. A word wins over the known names inside it
 * (北京 in 北京大学), and gives the organisation their country; a word
 * that only partly overlaps a known name is left alone. */
static void lexicon_orgs_places(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL)
		return;
	uint32_t j = 0; /* first match that may overlap (matches sorted) */
	/* the words added here go after the scan's sorted matches: only
	 * those are searched */
	uint32_t nm = c->nm;
	for (uint32_t i = 0; i < d->ntokens; i++) {
		const jx_token *t = &d->tokens[i];
		if (t->flags & JX_TOK_OOV)
			continue;
		const char *tag = jx_lex_tag_name(&d->model->lex, t->tag);
		bool org = tag && strcmp(tag, "nt") == 0;
		bool place = tag && strcmp(tag, "ns") == 0;
		uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
		/* a body named after a person is one the lexicon tags a
		 * name (李嘉誠基金會/nr) */
		if (tag && !strncmp(tag, "nr", 2) && e <= c->n &&
		    org_tail(c, s, e))
			org = true;
		if (!org && !place)
			continue;
		if (jx_utf8_count(d->src + t->start, t->end - t->start) < 2)
			continue;
		while (j < nm && c->m[j].e <= s)
			j++;
		bool ok = true, inside = false;
		uint32_t tiled = 0; /* bytes of the word in known names */
		const char *ctry = NULL;
		for (uint32_t k = j; k < nm && c->m[k].s < e; k++) {
			match *y = &c->m[k];
			if (y->kind == K_NONE)
				continue;
			if (y->s < s || y->e > e || (y->s == s && y->e == e)) {
				ok = false; /* crosses it, or is it */
				break;
			}
			inside = true;
			tiled += y->e - y->s;
			if ((y->kind == K_COUNTRY || y->kind == K_PLACE) &&
			    ctry == NULL)
				ctry = place_country(c, y);
			else if (y->kind != K_COUNTRY && y->kind != K_PLACE &&
			         place)
				ok = false; /* a place word keeps other names */
		}
		/* a relation between names is no body whatever the names
		 * (中巴關係: 巴 is not read alone) */
		const char *rk =
		    suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, s, e);
		if (rk && !strcmp(rk, "relation"))
			continue;
		/* known names and a word that only qualifies them: 中國政府,
		 * 東北地區 */
		if (ok && inside && tiled < e - s) {
			uint32_t last = s;
			for (uint32_t k = j; k < nm && c->m[k].s < e; k++)
				if (c->m[k].kind != K_NONE && c->m[k].s == last)
					last = c->m[k].e;
			const char *lk =
			    last > s ? org_suffix_row(c, last, e) : NULL;
			if (lk && !strcmp(lk, "split"))
				continue;
		}
		/* a place word of two characters only around a known name:
		 * the lexicon tags generic place nouns (城市) ns too */
		if (!ok || tiled == e - s || /* 美日韓: the known names stay */
		    (place && !inside &&
		     jx_utf8_count(d->src + t->start, t->end - t->start) < 3))
			continue;
		for (uint32_t k = j; k < nm && c->m[k].s < e; k++)
			if (c->m[k].kind != K_NONE) {
				c->m[k].kind = K_NONE;
				memset(c->covered + c->m[k].s, 0,
				       c->m[k].e - c->m[k].s);
			}
		/* an organisation word that names a building is a site
		 * (人民大会堂, 北京图书大厦); one that ends like a word that
		 * is no organisation is none (中西部) */
		int kind = !org ? K_LEXPLACE : K_LEXORG;
		const char *sk = org ? rk : NULL;
		/* a place word that ends with an organisation's suffix of two
		 * characters after a stem of two is one (北京|飯店/ns,
		 * 香格里拉|酒店/ns) */
		if (place && org_tail(c, s, e))
			kind = K_LEXORG;
		if (sk && !strcmp(sk, "facility"))
			kind = K_SITE;
		else if (sk && !strcmp(sk, "no") && !inside)
			continue; /* 中西部, not 联合国总部 */
		match *x = add_match(c, s, e, kind, 0);
		if (x == NULL)
			return;
		x->ctry = ctry;
	}
}

/* ---- names built from a name and a suffix ---------------------------- */

/* Can a word tagged tag stand inside an organisation's or a place's name
 * (nouns, proper nouns, abbreviations, distinguishing words, unknown
 * words)? */
static bool name_part_tag(const char *tag)
{
	if (tag[0] == 'n')
		return strcmp(tag, "nr") != 0 && !foreign_tag(tag);
	return !strcmp(tag, "vn") || !strcmp(tag, "j") || !strcmp(tag, "b") ||
	       !strcmp(tag, "an") || !strcmp(tag, "x") || !strcmp(tag, "eng");
}

/* Do the norm bytes [s, e) end with a suffix of table t? The kind of the
 * longest one (NULL: none). */
static const char *suffix_kind(const ctx *c, const jx_table *t, int col,
                               uint32_t s, uint32_t e)
{
	if (t == NULL || col < 0)
		return NULL;
	const char *kind = NULL;
	uint32_t b = e;
	for (int k = 0; k < 4 && b > s; k++) {
		size_t q = b;
		jx_utf8_prev(c->t, &q);
		b = (uint32_t)q;
		int64_t r = jx_table_find(t, c->t + b, e - b);
		if (r >= 0)
			kind = jx_table_str(t, (uint32_t)r, col);
	}
	return kind;
}

static bool all_han(const ctx *c, uint32_t s, uint32_t e)
{
	for (uint32_t p = s; p < e; p += char_len(c, p))
		if (!is_han(c, p))
			return false;
	return true;
}

/* The match covering norm offset p among the first n of c->m (sorted),
 * or -1. */
static int64_t match_covering(const ctx *c, uint32_t p, uint32_t n)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (c->m[mid].e <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (uint32_t i = lo; i < n && c->m[i].s <= p; i++)
		if (c->m[i].kind != K_NONE && c->m[i].s <= p && p < c->m[i].e)
			return i;
	return -1;
}

static bool is_zhu(const ctx *c, uint32_t s, uint32_t e)
{
	return e - s == 3 && (!memcmp(c->t + s, "\xE9\xA9\xBB", 3) || /* 驻 */
	                      !memcmp(c->t + s, "\xE9\xA7\x90", 3));  /* 駐 */
}

/* Can organisation y, right after a country or place, be that country's
 * or place's own body (俄罗斯|国家杜马, 天津市|中华民族文化促进会)? A
 * word of the lexicon or a national body of the gazetteer (gov, party,
 * edu, ngo, court, company, team), not an international one (美国|联合国 are
 * two). */
static bool org_of_place(const ctx *c, const match *y)
{
	if (y->kind == K_LEXORG)
		return true;
	if (y->kind != K_ORG || c->tb.orgs == NULL)
		return false;
	int col = jx_table_col(c->tb.orgs, "kind");
	const char *kind =
	    col >= 0 ? jx_table_str(c->tb.orgs, y->row, col) : "";
	return !strcmp(kind, "gov") || !strcmp(kind, "party") ||
	       !strcmp(kind, "edu") || !strcmp(kind, "ngo") ||
	       !strcmp(kind, "court") || !strcmp(kind, "company") ||
	       !strcmp(kind, "team");
}

/* Do the norm bytes [s, e) end with an organisation suffix of two
 * characters or more (委员会, not 部)? */
static bool suffix2(const ctx *c, uint32_t s, uint32_t e)
{
	uint32_t b = prev_off(c, e);
	for (int k = 1; k < 4 && b > s; k++) {
		b = prev_off(c, b);
		const char *k2 = org_suffix_row(c, b, e);
		if (k2 && !strcmp(k2, "org"))
			return true;
	}
	return false;
}

/* A country's short name and a state form after it are the country's
 * full name (薩摩亞|獨立國, 斐濟|共和國, 俄羅斯|聯邦): the country match
 * takes the form when it ends on a word edge and nothing else holds it.
 * Full names that name another state are in the gazetteer and won the
 * scan (剛果民主共和國 is COD, not 剛果). */
static void state_forms(ctx *c)
{
	if (c->tb.state_forms == NULL)
		return;
	for (uint32_t i = 0; i < c->nm; i++) {
		match *y = &c->m[i];
		if (y->kind != K_COUNTRY || y->e >= c->n || !is_han(c, y->e))
			continue;
		uint32_t row, best = y->e + jx_table_longest(c->tb.state_forms,
		                                             c->t + y->e,
		                                             c->n - y->e, &row);
		if (best == y->e || !tok_edge(c, best) ||
		    !uncovered(c, y->e, best))
			continue;
		memset(c->covered + y->e, 1, best - y->e);
		y->e = best;
	}
}

/* Is [s, e) a number that names a unit inside an organisation's name:
 * numeral characters only, perhaps after 第 (北京|九十|中學,
 * 東豐縣|第五|中學, 鄭州市|二七|…學校; not 三大, 兩家, 幾個)? */
static bool ordinal_word(const ctx *c, uint32_t s, uint32_t e)
{
	uint32_t p = s;
	if (e - p > 3 && !memcmp(c->t + p, "第", 3))
		p += 3;
	if (p >= e)
		return false;
	for (; p < e; p += char_len(c, p))
		if (!numeral_at(c, p, false))
			return false;
	return true;
}

static bool quantity_at(const ctx *c, uint32_t s);
static bool head_role(const char *role);

/* Is the character at p 隊 (队), a team's? */
static bool dui_at(const ctx *c, uint32_t p)
{
	return p + 3 <= c->n && (!memcmp(c->t + p, "\xE9\x98\x9F", 3) ||
	                         !memcmp(c->t + p, "\xE9\x9A\x8A", 3));
}

/* A country, place or organisation (two characters or more) followed by
 * nouns the last of which ends with an organisation suffix: 北京市委,
 * 美國財政部, 國務院辦公廳, 中國駐英大使館. The longest such name wins;
 * the names inside it go. Runs on matches sorted by start. */
static void compose_orgs(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.org_suffixes == NULL)
		return;
	uint32_t nm = c->nm;
	for (uint32_t i = 0; i < nm; i++) {
		match *h = &c->m[i];
		int k = h->kind;
		if (k != K_COUNTRY && k != K_PLACE && k != K_ORG &&
		    k != K_LEXORG && k != K_LEXPLACE && k != K_MEDIA)
			continue;
		/* a head of one character only after another country's
		 * (法|中|委員會, 美|中|經貿促進會: the two countries' body) */
		uint32_t hs = h->s;
		/* or before 駐 (美|駐華使館) */
		bool zhu = k == K_COUNTRY && h->e + 3 <= c->n &&
		           is_zhu(c, h->e, h->e + 3);
		if (jx_utf8_count(c->t + h->s, h->e - h->s) < 2 && !zhu) {
			const match *g = i > 0 ? &c->m[i - 1] : NULL;
			if (k != K_COUNTRY || g == NULL ||
			    g->kind != K_COUNTRY || g->e != h->s ||
			    g->s + char_len(c, g->s) != g->e)
				continue;
			hs = g->s;
		}
		/* the token holding the head's end: a word of its own after
		 * it, or the word the head begins (古巴隊) */
		int64_t ti = tok_containing(c, h->e);
		if (ti >= 0 && d->tokens[ti].start < jx_doc_orig(d, hs))
			continue;
		uint32_t p = h->s, best = 0, nchar = 0;
		bool orghead = k == K_ORG || k == K_LEXORG || k == K_MEDIA;
		bool region =
		    k == K_PLACE &&
		    !strcmp(jx_table_str(c->tb.places, h->row, c->tb.p_kind),
		            "region");
		const char *bkind = NULL;
		int64_t brow = -1; /* a known organisation ends the name */
		bool verb = false; /* a verb stands in the name */
		for (int nt = 0; ti >= 0 && (uint32_t)ti < d->ntokens && nt < 6;
		     nt++, ti++) {
			const jx_token *t = &d->tokens[ti];
			uint32_t ts = tok_ns(c, t), te = tok_ne(c, t);
			if ((ts != p && nt > 0) || !all_han(c, ts, te))
				break;
			int64_t mi =
			    ts >= h->e ? match_covering(c, ts, nm) : -1;
			if (mi >= 0 && c->m[mi].kind == K_MOD)
				mi = -1; /* 前 in 前線 is no modifier there */
			if (ts < h->e && te > h->e) {
				/* the word the head begins ends with its body:
				 * 俄罗斯国家杜马/ns */
				int64_t yi = match_covering(c, h->e, nm);
				if (yi >= 0 && c->m[yi].s == h->e &&
				    c->m[yi].e == te &&
				    org_of_place(c, &c->m[yi]))
					mi = yi;
			}
			if (mi >= 0 && c->m[mi].kind == K_OFFICE &&
			    c->m[mi].s == ts && c->m[mi].e < te)
				mi = -1; /* 大使 in the word 大使館 */
			/* a known organisation right after the head (one of
			 * the lexicon: anywhere after it) ends the name */
			bool whole = false;
			if (mi >= 0) {
				/* a known name inside: an organisation is taken
				 * whole (长沙市芙蓉区人民法院) */
				match *y = &c->m[mi];
				/* a head of state's or government's office
				 * right after a country is the body's owner
				 * when a suffix of two characters ends the name
				 * (菲律賓|總統|廉政委員會) */
				if (y->kind == K_OFFICE && nt == 0 &&
				    k == K_COUNTRY && y->s == ts &&
				    y->e == te &&
				    head_role(jx_table_str(
				        c->tb.offices, y->row, c->tb.f_role))) {
					verb = true;
					p = te;
					nchar += (uint32_t)jx_utf8_count(
					    c->t + ts, te - ts);
					continue;
				}
				if (y->kind != K_ORG && y->kind != K_LEXORG)
					break;
				whole = (y->s == h->e || y->kind == K_LEXORG) &&
				        org_of_place(c, y);
				if (y->e > te) {
					while ((uint32_t)ti + 1 < d->ntokens &&
					       tok_ne(c, &d->tokens[ti]) < y->e)
						ti++;
					te = tok_ne(c, &d->tokens[ti]);
					if (te != y->e)
						break;
				}
				whole = whole && te == y->e;
			}
			nchar += (uint32_t)jx_utf8_count(c->t + ts, te - ts);
			if (nchar > 16)
				break;
			const char *tag = tok_tag(c, t);
			const char *sk = suffix_kind(c, c->tb.org_suffixes,
			                             c->tb.os_kind, ts, te);
			/* a continent's or region's teams in a word of their
			 * own are its teams in general (南美|球隊, 非洲|球隊;
			 * 歐洲隊 is one) */
			bool team =
			    ts >= h->e && te - ts >= 6 && dui_at(c, te - 3);
			/* a one-character suffix is a word of its own or ends
			 * a noun (財政部, 局/m); 所 after 印度 is a particle */
			bool single = sk && te - ts == char_len(c, ts);
			/* a verb of three characters ending with a suffix is
			 * a name too (禁毒署/v) */
			bool long_ = tag[0] == 'v' && tag[1] == '\0' &&
			             jx_utf8_count(c->t + ts, te - ts) >= 3;
			/* and so is an unknown word of three characters or
			 * more (延邊|敖東隊/x) */
			bool unknown3 =
			    ((t->flags & JX_TOK_OOV) || !strcmp(tag, "x")) &&
			    jx_utf8_count(c->t + ts, te - ts) >= 3;
			/* after a verb, only a suffix of two characters or
			 * more ends the name (扶贫|委员会; not 抵制|中国共产党,
			 * 代表|阿部) */
			if (verb && mi >= 0)
				break;
			bool ok_end = !verb || suffix2(c, ts, te);
			if (te > h->e && whole && !verb) {
				/* 俄罗斯|国家杜马, 天津市|中华…促进会 */
				best = te;
				bkind = "org";
				/* one of the gazetteer that is a country's own
				 * (白宮) keeps its key; a generic one (商務部)
				 * is the head's */
				const match *y = &c->m[mi];
				brow =
				    y->kind == K_ORG &&
				            opt(jx_table_str(c->tb.orgs, y->row,
				                             c->tb.o_country))
				        ? (int64_t)y->row
				        : -1;
			} else if (te > h->e && sk && ok_end &&
			           !(region && team) &&
			           (!strcmp(sk, "org") ||
			            !strcmp(sk, "facility")) &&
			           (tag[0] == 'n' || tag[0] == 'j' || single ||
			            long_ || unknown3) &&
			           !(single &&
			             (tag[0] == 'u' || tag[0] == 'c' ||
			              tag[0] == 'p' || tag[0] == 'r' ||
			              tag[0] == 'd' || tag[0] == 'v'))) {
				best = te;
				bkind = sk;
				brow = -1;
			} else if (ts >= h->e && mi < 0 &&
			           is_zhu(c, ts, ts + char_len(c, ts))) {
				/* 駐 + a country: 中國駐英大使館 (駐|英 or
				 * 駐英) */
				uint32_t z = ts + char_len(c, ts);
				int64_t nx = match_covering(c, z, nm);
				if (nx < 0 || c->m[nx].s != z ||
				    (c->m[nx].kind != K_COUNTRY &&
				     c->m[nx].kind != K_PLACE))
					break;
				if (te == z) {
					ti++; /* the country, a word of its own
					       */
					if ((uint32_t)ti >= d->ntokens)
						break;
					te = tok_ne(c, &d->tokens[ti]);
				}
				if (te != c->m[nx].e)
					break;
			} else if (ts >= h->e && mi < 0 &&
			           ((t->flags & JX_TOK_OOV) || tag[0] == 'x') &&
			           quantity_at(c, ts)) {
				break; /* 曼谷|一家/x|報社 */
			} else if (ts >= h->e && mi < 0 &&
			           !name_part_tag(tag) &&
			           !(orghead &&
			             (tag[0] == 'a' || tag[0] == 'i')) &&
			           !(tag[0] == 'm' &&
			             ordinal_word(c, ts, te)) &&
			           !(nt > 0 && !strcmp(tag, "v") &&
			             te - ts == 2 * char_len(c, ts))) {
				/* a verb of two characters not right after the
				 * head stands in the name:
				 * 中国|文化|扶贫|委员会 */
				break;
			}
			/* after a body, an adjective or idiom stands in a
			 * unit's name as a verb does (耶魯大學|公共|衛生學院,
			 * 中央電視台|心連心|藝術團) */
			if (ts >= h->e && mi < 0 &&
			    (!strcmp(tag, "v") ||
			     (orghead && (tag[0] == 'a' || tag[0] == 'i')))) {
				/* not after a name that has ended: 林草局|成立
				 */
				if (best)
					break;
				verb = true;
			}
			p = te;
		}
		if (best == 0)
			continue;
		const char *ctry = h->ctry;
		if (k == K_COUNTRY || k == K_PLACE)
			ctry = place_country(c, h);
		else if (k == K_ORG)
			ctry = opt(
			    jx_table_str(c->tb.orgs, h->row, c->tb.o_country));
		else if (k == K_MEDIA)
			ctry = opt(
			    jx_table_str(c->tb.media, h->row, c->tb.m_country));
		if (hs < h->s)
			ctry = NULL; /* two countries' */
		uint32_t s = hs;
		for (uint32_t j = hs < h->s ? i - 1 : i;
		     j < nm && c->m[j].s < best; j++)
			if (c->m[j].kind != K_NONE && c->m[j].kind != K_MOD) {
				match *y = &c->m[j];
				memset(c->covered + y->s, 0, y->e - y->s);
				/* an office that runs past the name keeps what
				 * is an office of its own (國務院|發言人 after
				 * 美國國務院), and the role of the whole
				 * (government_spokesperson) */
				int64_t r = y->kind == K_OFFICE && y->e > best
				                ? jx_table_find(c->tb.offices,
				                                c->t + best,
				                                y->e - best)
				                : -1;
				if (r >= 0) {
					y->s = best;
					memset(c->covered + best, 1,
					       y->e - best);
					c->covered[best] = 2;
				} else {
					y->kind = K_NONE;
				}
			}
		/* a known organisation at the end keeps its key and codes
		 * (美國|白宮) */
		/* an outlet's own body stays an outlet (彭博|通訊社) */
		int kind = brow >= 0                   ? K_ORG
		           : strcmp(bkind, "facility") ? K_LEXORG
		                                       : K_SITE;
		if (k == K_MEDIA && kind == K_LEXORG) {
			kind = K_MEDIA;
			brow = h->row;
		}
		match *x =
		    add_match(c, s, best, kind, brow >= 0 ? (uint32_t)brow : 0);
		if (x == NULL)
			return;
		x->ctry = ctry;
		while (i + 1 < nm && c->m[i + 1].s < best)
			i++;
	}
}

/* Does the character at s count or point (一, 兩, 幾, 每, 該, 這, 某):
 * a word it begins names no body (兩家, 許多, 該所)? */
static bool quantity_at(const ctx *c, uint32_t s)
{
	static const char *const quantity[] = {
	    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两",
	    "兩", "几", "幾", "数", "數", "多", "许", "許", "每", "各", "该",
	    "該", "这", "這", "那", "本", "此", "某", "其", "全", "诸", "諸"};
	uint32_t l1 = char_len(c, s);
	for (size_t k = 0; k < sizeof(quantity) / sizeof(quantity[0]); k++)
		if (strlen(quantity[k]) == l1 &&
		    !memcmp(c->t + s, quantity[k], l1))
			return true;
	return false;
}

/* Can token t (norm [s, e), free of known names) begin the name of an
 * organisation that holds no known name? 2: a proper noun (nz, an
 * abbreviation, a place or organisation word), a Latin word, a word of
 * scope (国际, 全国: entity/org_prefixes, kind scope); 1: a word the segmenter
 * did not know, a name (宝马/nr, 休斯/nrt) or a word of transliteration
 * characters (劳拉, 罗威) -- these need a suffix of two characters or more
 * (劳拉|公司, not 潘维|军); 0: no (外国|公司: org_prefixes, kind no). Two
 * characters or more, and not a numeral or a determiner first (两家, 一级,
 * 许多). A Chinese person's name (nr) is not the start of an organisation. */
static int org_name_word(const ctx *c, const jx_token *t, uint32_t s,
                         uint32_t e)
{
	if (e <= s || !uncovered(c, s, e))
		return 0;
	int64_t pr = c->tb.org_prefixes
	                 ? jx_table_find(c->tb.org_prefixes, c->t + s, e - s)
	                 : -1;
	if (pr >= 0) /* 国际 (scope), not 外国 (no) */
		return strcmp(jx_table_str(c->tb.org_prefixes, (uint32_t)pr,
		                           c->tb.op_kind),
		              "scope")
		           ? 0
		           : 2;
	bool latin = true;
	for (uint32_t p = s; p < e && latin; p++)
		latin =
		    ascii_alnum(c->t[p]) && !(c->t[p] >= '0' && c->t[p] <= '9');
	if (latin)
		return e - s >= 2 ? 2 : 0;
	if (!all_han(c, s, e) || jx_utf8_count(c->t + s, e - s) < 2 ||
	    quantity_at(c, s))
		return 0;
	const char *tag = tok_tag(c, t);
	if (t->flags & JX_TOK_OOV || !strcmp(tag, "x"))
		return 1;
	static const char *const proper[] = {"nz", "j", "nt", "eng"};
	for (size_t k = 0; k < sizeof(proper) / sizeof(proper[0]); k++)
		if (!strcmp(tag, proper[k]))
			return 2;
	/* transliterated names and the lexicon's places; not a Chinese
	 * person's name: 刘延宇|办公室 is his office */
	if (foreign_tag(tag) || !strcmp(tag, "ns"))
		return 1;
	if (!strncmp(tag, "nr", 2))
		return 0;
	/* a word of characters common in transliterations (劳拉, not 文化) */
	return translit_common(c, s, e) ? 1 : 0;
}

/* Is the word right before token u one of scope (国际|游泳)? */
static bool scope_before(const ctx *c, const jx_token *u)
{
	const jishi_doc *d = c->doc;
	uint32_t us = tok_ns(c, u);
	if (us == 0 || u == d->tokens || c->tb.org_prefixes == NULL)
		return false;
	const jx_token *v = u - 1;
	uint32_t vs = tok_ns(c, v), ve = tok_ne(c, v);
	int64_t r = ve == us
	                ? jx_table_find(c->tb.org_prefixes, c->t + vs, ve - vs)
	                : -1;
	return r >= 0 && !strcmp(jx_table_str(c->tb.org_prefixes, (uint32_t)r,
	                                      c->tb.op_kind),
	                         "scope");
}

/* Organisations made of words only, with no known name at the front:
 * 休斯公司, 罗威汽车公司, 国际游泳联合会, 泰山队. A word that can begin a
 * name (org_name_word), then up to four nouns (org_word), the last word
 * ending with an organisation suffix, the name before the suffix two
 * characters or more. The first such word from the left begins the
 * organisation (汽车|劳拉|公司 → 劳拉公司). A one-character suffix is
 * a word of its own or ends a noun of three characters or more that the
 * segmenter knows (松日|队, 泰山队/nz), not a name (基里延科, 袁正军) nor
 * a word of two (变局, 共处). A word of scope needs a word between it and a
 * suffix that is a word of its own (国家|中心 is no name). */
/* Are tokens [lo, i) nouns that may name a body by what it does (農業|
 * 保險公司), with no numeral, pronoun or classifier before them? */
static bool generic_body(const ctx *c, uint32_t lo, uint32_t i)
{
	const jishi_doc *d = c->doc;
	if (lo > 0 && d->tokens[lo - 1].end == d->tokens[lo].start) {
		const jx_token *v = &d->tokens[lo - 1];
		uint32_t vs = tok_ns(c, v), ve = tok_ne(c, v);
		/* a word before it that may begin the name (約翰遜|太空中心,
		 * 中等|美術學校), a numeral, pronoun or classifier */
		if (ve > c->n ||
		    (is_han(c, vs) && (!uncovered(c, vs, ve) ||
		                       strchr("nabjxmrq", tok_tag(c, v)[0]))))
			return false;
	}
	for (uint32_t k = lo; k < i; k++) {
		const jx_token *u = &d->tokens[k];
		uint32_t us = tok_ns(c, u), ue = tok_ne(c, u);
		const char *tag = tok_tag(c, u);
		/* nouns of two characters or more that are no body
		 * themselves (銀行|國民銀行) */
		if (strcmp(tag, "n") || jx_utf8_count(c->t + us, ue - us) < 2 ||
		    !uncovered(c, us, ue))
			return false;
		const char *uk =
		    suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, us, ue);
		if (uk && (!strcmp(uk, "org") || !strcmp(uk, "facility")))
			return false;
		/* no role word or name (創辦人|黎智英|銀行) */
		if ((c->tb.cues && cue_side(c, us, ue)) ||
		    (jx_utf8_count(c->t + us, ue - us) == 3 &&
		     name_shaped_word(c, us, ue)))
			return false;
		/* not a word of scope first (國家|中心) */
		if (k == lo && c->tb.org_prefixes &&
		    jx_table_find(c->tb.org_prefixes, c->t + us, ue - us) >= 0)
			return false;
	}
	return true;
}

static void free_orgs(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.org_suffixes == NULL)
		return;
	uint32_t nm = c->nm; /* the matches added here are not sorted */
	for (uint32_t i = 0; i < d->ntokens; i++) {
		const jx_token *t = &d->tokens[i];
		uint32_t ts = tok_ns(c, t), te = tok_ne(c, t);
		if (!all_han(c, ts, te))
			continue;
		/* the suffix word may be an organisation word of the lexicon
		 * or a generic body of the gazetteer (no country) that a name
		 * before it makes longer (国际|游泳|联合会, 栾城|县委) */
		int64_t lex = -1;
		if (!uncovered(c, ts, te)) {
			lex = match_covering(c, ts, nm);
			if (lex < 0 || c->m[lex].s != ts || c->m[lex].e != te ||
			    !(c->m[lex].kind == K_LEXORG ||
			      (c->m[lex].kind == K_ORG &&
			       !opt(jx_table_str(c->tb.orgs, c->m[lex].row,
			                         c->tb.o_country)))))
				continue;
		}
		const char *sk =
		    suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, ts, te);
		if (sk == NULL || strcmp(sk, "org"))
			continue;
		/* nor when the character before the word makes it one that
		 * ends like a body and is none (中率|部: 率部, led his men) */
		if (ts > 0 && is_han(c, prev_off(c, ts)) &&
		    no_body_word(c, prev_off(c, ts), te))
			continue;
		/* where the longest suffix begins */
		uint32_t sb = te;
		for (uint32_t q = prev_off(c, te);; q = prev_off(c, q)) {
			int64_t r =
			    jx_table_find(c->tb.org_suffixes, c->t + q, te - q);
			if (r >= 0)
				sb = q;
			if (q <= ts || te - q >= 4 * 4)
				break;
		}
		size_t sn = jx_utf8_count(c->t + sb, te - sb),
		       tn = jx_utf8_count(c->t + ts, te - ts);
		/* the suffix word: a noun, or a word of three characters or
		 * more that ends with a suffix of two (禁毒署/v is one too) */
		const char *tag = tok_tag(c, t);
		bool oov = (t->flags & JX_TOK_OOV) || !strcmp(tag, "x");
		if (sn == 1
		        ? !(tag[0] == 'n' || tag[0] == 'j') ||
		              !strncmp(tag, "nr", 2) || oov || tn == 2
		        : !(tag[0] == 'n' || tag[0] == 'j' || oov || tn >= 3))
			continue;
		/* the words before it, and the first that can begin a name */
		uint32_t lo = i;
		for (uint32_t k = 1; k <= 4 && i >= k; k++) {
			const jx_token *u = &d->tokens[i - k];
			uint32_t us = tok_ns(c, u), ue = tok_ne(c, u);
			if (ue != tok_ns(c, &d->tokens[i - k + 1]))
				break;
			if (!(org_word(c, u, us, ue) ||
			      org_name_word(c, u, us, ue))) {
				/* a verb after a word of scope:
				 * 国际|游泳|联合会 */
				if (strcmp(tok_tag(c, u), "v") ||
				    jx_utf8_count(c->t + us, ue - us) != 2 ||
				    !uncovered(c, us, ue) ||
				    !scope_before(c, u))
					break;
			}
			lo = i - k;
		}
		uint32_t b = UINT32_MAX;
		for (uint32_t k = lo; k <= i && b == UINT32_MAX; k++) {
			const jx_token *u = &d->tokens[k];
			uint32_t us = tok_ns(c, u), ue = tok_ne(c, u);
			int w = org_name_word(c, u, us, ue);
			if (w == 0 || (w == 1 && sn < 2))
				continue;
			if (w == 2 && k + 1 == i && ts == sb &&
			    c->tb.org_prefixes &&
			    jx_table_find(c->tb.org_prefixes, c->t + us,
			                  ue - us) >= 0)
				continue; /* 国家|中心 */
			/* a generic body of the gazetteer is a place's own
			 * (栾城|县委), not a person's (施毅|陸軍) */
			if (lex >= 0 && c->m[lex].kind == K_ORG &&
			    strcmp(tok_tag(c, u), "ns"))
				continue;
			b = us;
		}
		/* no word that begins a name: a body named by what it does,
		 * nouns before a suffix that is a word of its own (警察|工會,
		 * 機場|管理局), not after a numeral or a pronoun (一家|公司) */
		if (b == UINT32_MAX && lo < i && ts == sb && sn >= 2 &&
		    generic_body(c, lo, i))
			b = tok_ns(c, &d->tokens[lo]);
		if (b == UINT32_MAX || sb <= b ||
		    jx_utf8_count(c->t + b, sb - b) < 2 ||
		    (lex >= 0 && b >= ts))
			continue;
		/* after a numeral the name's start is not clear: 二十一|世纪|
		 * 演艺中心 */
		int64_t pi = b > 0 ? tok_containing(c, prev_off(c, b)) : -1;
		if (pi >= 0 && tok_tag(c, &d->tokens[pi])[0] == 'm')
			continue;
		/* countries and places right before it are its own, as in
		 * compose_orgs: 美国|休斯公司, 衡阳|有色冶金机械总厂 */
		const char *ctry = NULL;
		for (int64_t mi; b > 0 && (mi = match_covering(
		                               c, prev_off(c, b), nm)) >= 0;) {
			match *h = &c->m[mi];
			if (h->e != b || h->ent >= 0 || is_abbr(c, h) ||
			    (h->kind != K_COUNTRY && h->kind != K_PLACE))
				break;
			ctry = place_country(c, h);
			b = h->s;
			h->kind = K_NONE;
			memset(c->covered + h->s, 0, h->e - h->s);
		}
		if (lex >= 0) {
			c->m[lex].kind = K_NONE;
			memset(c->covered + ts, 0, te - ts);
		}
		match *x = add_match(c, b, te, K_LEXORG, 0);
		if (x == NULL)
			return;
		x->ctry = ctry;
	}
}

/* An organisation built from its parts right after another one, a known
 * one or an outlet is a unit of it, and the two are one name (加拿大海軍|
 * 太平洋艦隊, 美國國會|非洲裔議員團, 加州大學|聖迭戈分校, 歐盟|港澳辦事處):
 * the later one takes the whole span and the parent's country (美國在台
 * 協會|台北辦事處 is American) and a known parent's actor code (歐盟's
 * IGOEUREEC). A known unit keeps its own name and codes (聯合國|安理會:
 * only a unit built from parts is joined). */
static void chain_orgs(ctx *c)
{
	/* the organisations built from parts, by start */
	uint32_t nx;
	startix *ix = match_index(c, 1u << K_LEXORG, false, &nx);
	if (ix == NULL)
		return;
	for (uint32_t i = 0; i < c->nm; i++) {
		match *a = &c->m[i];
		if ((a->kind != K_LEXORG && a->kind != K_ORG &&
		     a->kind != K_MEDIA) ||
		    a->ent >= 0 || !tok_edge(c, a->s) || !tok_edge(c, a->e))
			continue;
		int64_t bi = index_at(ix, nx, a->e);
		if (bi < 0)
			continue;
		match *b = &c->m[bi];
		if (b->kind != K_LEXORG || b->s != a->e || b->ent >= 0 ||
		    jx_utf8_count(c->t + b->s, b->e - b->s) < 2)
			continue;
		if (a->kind == K_ORG) {
			/* a unit of a known body: the body's country and
			 * actor code (國際特赦組織|香港分會, 歐盟|港澳辦事處)
			 */
			const char *oc = opt(
			    jx_table_str(c->tb.orgs, a->row, c->tb.o_country));
			if (oc)
				b->ctry = oc;
			b->actor = opt(
			    jx_table_str(c->tb.orgs, a->row, c->tb.o_cameo));
		} else if (a->kind == K_LEXORG) {
			if (a->ctry)
				b->ctry = a->ctry;
			b->actor = a->actor;
		}
		b->s = a->s;
		a->kind = K_NONE;
	}
}

/* A word the lexicon tags as a name or does not know that ends with an
 * administrative suffix is a place of its own (薛埠鎮/nr), so that
 * organisations can be built on it (薛埠鎮|黨委). Returns 1 when token a
 * was taken, 0 when not, -1 when out of memory. */
static int word_place(ctx *c, const jx_token *a)
{
	uint32_t s = tok_ns(c, a), e = tok_ne(c, a);
	if (e > c->n || !all_han(c, s, e) || !uncovered(c, s, e))
		return 0;
	size_t nc = jx_utf8_count(c->t + s, e - s);
	const char *tag = tok_tag(c, a);
	if (nc < 3 || nc > 5 ||
	    !((a->flags & JX_TOK_OOV) || tag[0] == 'x' ||
	      (tag[0] == 'n' && tag[1] == 'r')))
		return 0;
	uint32_t last = prev_off(c, e);
	int64_t r = jx_table_find(c->tb.place_suffixes, c->t + last, e - last);
	if (r < 0 || strcmp(jx_table_str(c->tb.place_suffixes, (uint32_t)r,
	                                 c->tb.ps_kind),
	                    "division"))
		return 0;
	return add_match(c, s, e, K_LEXPLACE, 0) ? 1 : -1;
}

/* A name of two characters or more not in the gazetteer followed by a
 * place suffix: 宜興市, 公明镇, 书房村. The name's words must be able to
 * stand in a name and cover no known name; [name][suffix] must not be one
 * common word. */
static void compose_places(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.place_suffixes == NULL)
		return;
	for (uint32_t i = 0; i < d->ntokens; i++) {
		const jx_token *a = &d->tokens[i];
		uint32_t s = tok_ns(c, a);
		int ws = word_place(c, a);
		if (ws < 0)
			return;
		if (ws > 0)
			continue;
		/* a transliterated name of three characters or more names
		 * places too (巴達赫尚/nrt|省, 卡爾特/nrt|河) */
		const char *at = tok_tag(c, a);
		bool foreign = foreign_tag(at) &&
		               jx_utf8_count(c->t + s, tok_ne(c, a) - s) >= 3;
		if (c->covered[s] || ((a->flags & JX_TOK_OOV) == 0 &&
		                      !name_part_tag(at) && !foreign))
			continue;
		if (!strcmp(tok_tag(c, a), "ns"))
			continue; /* the lexicon's own places stay */
		/* the name: this token (two characters or more), or two
		 * one-character tokens */
		uint32_t e = tok_ne(c, a);
		if (!all_han(c, s, e))
			continue;
		size_t nc = jx_utf8_count(c->t + s, e - s);
		if (nc < 2 || nc > 4)
			continue;
		bool free_ = true;
		for (uint32_t b = s; b < e && free_; b++)
			free_ = c->covered[b] == 0;
		for (uint32_t b = s; b < e && free_; b += char_len(c, b))
			free_ = jx_table_find(c->tb.nonname, c->t + b,
			                      char_len(c, b)) < 0;
		if (!free_)
			continue;
		/* the suffix: the next token, a suffix itself */
		if (i + 1 >= d->ntokens)
			break;
		const jx_token *b = &d->tokens[i + 1];
		uint32_t bs = tok_ns(c, b), be = tok_ne(c, b);
		if (bs != e || c->covered[bs])
			continue;
		int64_t r =
		    jx_table_find(c->tb.place_suffixes, c->t + bs, be - bs);
		if (r < 0)
			continue;
		const char *kind = jx_table_str(c->tb.place_suffixes,
		                                (uint32_t)r, c->tb.ps_kind);
		match *x = add_match(
		    c, s, be, strcmp(kind, "natural") ? K_LEXPLACE : K_SITE, 0);
		if (x == NULL)
			return;
		i++;
	}
}

/* A word that is a surname and a form of address or an office (李先生,
 * 王小姐, 胡老, 郑某, 毛主席): the person is named by the surname alone,
 * the whole word is a form of the name. One entity per surname in the
 * document (key "S:"; later bare occurrences of the surname are not
 * read as the person). */
/* The office match that starts at g, or -1 (the last one; matches are
 * not sorted here). */
static int64_t office_at(const ctx *c, uint32_t g)
{
	int64_t mi = -1;
	for (uint32_t k = 0; c->covered[g] == 2 && k < c->nm; k++)
		if (c->m[k].s == g && c->m[k].kind == K_OFFICE)
			mi = k;
	return mi;
}

/* Is the word [g, e) a form of address (先生, 老師, 教授: a cue of any
 * side but before) or an office (市長) that may follow a surname? */
static bool address_after(const ctx *c, uint32_t g, uint32_t e)
{
	const char *sd = cue_side(c, g, e);
	if (sd && strcmp(sd, "before") != 0)
		return true;
	int64_t k = office_at(c, g);
	return k >= 0 && c->m[k].e == e;
}

/* Does a Han word that is no verb or function word end right where token
 * i starts (李曉|林先生: the surname may end a name before it)? */
static bool glued_before(const ctx *c, uint32_t i)
{
	const jishi_doc *d = c->doc;
	if (i == 0 || d->tokens[i - 1].end != d->tokens[i].start)
		return false;
	uint32_t us = tok_ns(c, &d->tokens[i - 1]);
	return is_han(c, us) && !verb_at(c, us);
}

/* The surname [s, g) named alone in the form [fs, fe): its match, and
 * the entity of that surname with the mention and the form. Returns the
 * entity, -1 when none, -2 when out of memory. */
static int32_t surname_person(ctx *c, uint32_t s, uint32_t g, uint32_t fs,
                              uint32_t fe)
{
	match *x = add_match(c, s, g, K_NAME, 0);
	if (x == NULL)
		return -2;
	int32_t ei =
	    entity_for(c, JX_ENT_PERSON, arena_key(c, "S:", c->t + s, g - s),
	               jx_doc_span(c->doc, s, g));
	x->ent = ei;
	if (ei < 0)
		return -1;
	add_mention(c, ei, s, g);
	add_span(c, &ent_at(c, ei)->forms, jx_doc_span(c->doc, fs, fe));
	return ei;
}

/* Is the word [s, e) a one-character form of address and a common
 * surname the lexicon does not know or tags a name (老|于/x, 老王/nr),
 * the surname naming the person? One that is also a function word will
 * do: the segmenter glued it to the form of address (于). */
static bool address_surname(const ctx *c, const jx_token *t, uint32_t s,
                            uint32_t e)
{
	uint32_t g = s + char_len(c, s);
	const char *tag = tok_tag(c, t), *sd = cue_side(c, s, g);
	return sd && !strcmp(sd, "address") && g < e &&
	       g + char_len(c, g) == e && is_han(c, g) &&
	       ((t->flags & JX_TOK_OOV) || tag[0] == 'x' ||
	        !strncmp(tag, "nr", 2)) &&
	       common_surname(c,
	                      jx_table_find(c->tb.surnames, c->t + g, e - g));
}

static void surname_words(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.cues == NULL)
		return;
	for (uint32_t i = 0; i < d->ntokens; i++) {
		const jx_token *t = &d->tokens[i];
		uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
		if (e > c->n || !is_han(c, s) || c->covered[s])
			continue;
		uint32_t g = s + char_len(c, s);
		const char *tag = tok_tag(c, t);
		if (address_surname(c, t, s, e)) {
			if (surname_person(c, g, e, s, e) == -2)
				return;
			continue;
		}
		if (g == e) {
			/* 李/nr|老師/n: a surname the lexicon tags as a name
			 * and a noun (not a speech verb: 真|指出) */
			if (i + 1 >= d->ntokens ||
			    d->tokens[i + 1].start != t->end)
				continue;
			const char *nt = tok_tag(c, &d->tokens[i + 1]);
			if (nt[0] != 'n')
				continue;
			e = tok_ne(c, &d->tokens[i + 1]);
			/* a noun's, adjective's or numeral's tag too when a
			 * form of address or an office follows and the
			 * surname is common (陳/n|老師, 黃/a|老師, 項/m|市長,
			 * 常/d|副局長; not 任/r|警官),
			 * not after a noun it may end (隊|長) */
			if (strcmp(tag, "nr") != 0 &&
			    !(strchr("nmqxad", tag[0]) && e <= c->n &&
			      address_after(c, g, e) &&
			      common_surname(c,
			                     jx_table_find(c->tb.surnames,
			                                   c->t + s, g - s)) &&
			      !(i > 0 && d->tokens[i - 1].end == t->start &&
			        tok_tag(c, &d->tokens[i - 1])[0] == 'n')))
				continue;
		} else {
			const char *sd = cue_side(c, g, e);
			bool unknown = (t->flags & JX_TOK_OOV) || tag[0] == 'x';
			/* 李先生/nr, 毛主席/n, 鄭某/n, 鄭先生/n (a noun of
			 * address after the surname); a one-character form
			 * of address (老) only in an unknown word: 胡老/x,
			 * not 古老/nr, 養老/nr; not 學說/n */
			int gt = -1;
			bool noun_after =
			    sd &&
			    (!strcmp(sd, "after") || !strcmp(sd, "both")) &&
			    word_cost(c, g, e, &gt) >= 0 &&
			    jx_lex_tag_name(&d->model->lex, (uint32_t)gt)[0] ==
			        'n';
			/* a family's word tagged a name or unknown (劉家/nrfg,
			 * 阮家/x; not 國家/n), with a common surname */
			bool family =
			    sd && !strcmp(sd, "family") &&
			    (unknown || !strncmp(tag, "nr", 2)) &&
			    g + char_len(c, g) == e &&
			    common_surname(c, jx_table_find(c->tb.surnames,
			                                    c->t + s, g - s));
			/* not the start of a name the segmenter cut (李家|超,
			 * 邵家|臻) */
			const jx_token *nw = next_word(c, t);
			if (family && nw && one_han_word(c, nw))
				family = false;
			if (sd && !strcmp(sd, "family") && !family)
				continue;
			bool ok = unknown || family ||
			          (c->covered[g] == 2 && tag[0] == 'n') ||
			          (sd &&
			           (!strcmp(sd, "surname") ||
			            !strcmp(sd, "address")) &&
			           !strcmp(tag, "n")) ||
			          (noun_after && !strcmp(tag, "n") &&
			           !glued_before(c, i)) ||
			          (!strcmp(tag, "nr") &&
			           jx_utf8_count(c->t + g, e - g) >= 2);
			if (!ok)
				continue;
		}
		/* not the given name of a name before it: 吳|宓|先生 */
		if (i > 0 && d->tokens[i - 1].end == t->start &&
		    !strncmp(tok_tag(c, &d->tokens[i - 1]), "nr", 2))
			continue;
		if (g >= e || e > c->n || !all_han(c, s, e))
			continue;
		int64_t r = jx_table_find(c->tb.surnames, c->t + s, g - s);
		if (jx_table_find(c->tb.nonname, c->t + s, g - s) >= 0 ||
		    surname_freq(c, r) < CUE_SURNAME_MIN)
			continue;
		/* the rest: a form of address after a name, or an office */
		const char *side = cue_side(c, g, e);
		int64_t mi = office_at(c, g);
		bool office = mi >= 0 && c->m[mi].e == e;
		if (!office && (side == NULL || strcmp(side, "before") == 0 ||
		                !uncovered(c, g, e)))
			continue;
		int32_t ei = surname_person(c, s, g, s, e);
		if (ei == -2)
			return;
		if (ei >= 0 && office)
			add_title(c, ei, &c->m[mi], (title_of){0});
	}
}

/* Person-tagged words of the lexicon (邓小平, 周恩来): three characters
 * or more, starting with a surname, not inside a known name. */
static unsigned long given_count(const ctx *c, uint32_t p, int col_);

/* The place or country match inside [s, e), not at s, that covers b
 * (index), or -1. */
static int64_t inner_place(const ctx *c, uint32_t s, uint32_t e, uint32_t b)
{
	for (uint32_t k = 0; k < c->nm; k++) {
		const match *y = &c->m[k];
		if (y->s <= b && b < y->e)
			return (y->kind == K_PLACE || y->kind == K_COUNTRY) &&
			               y->s > s && y->e <= e && y->ent < 0
			           ? (int64_t)k
			           : -1;
	}
	return -1;
}

/* The lexicon's cost of the word at norm [s, e) as -ln p x 1000 (the
 * trie's cost less the length_cost it adds per character), with its tag
 * in *tag; -1 when the lexicon has no such word. */
static int64_t word_cost(const ctx *c, uint32_t s, uint32_t e, int *tag)
{
	const jx_lexicon *lx = &c->doc->model->lex;
	uint32_t cost = 0;
	int t = jx_lex_word_tag(lx, c->t + s, e - s, &cost);
	if (tag)
		*tag = t;
	if (t < 0)
		return -1;
	int64_t v = (int64_t)cost -
	            (int64_t)(c->tb.len_cost *
	                      (double)(jx_utf8_count(c->t + s, e - s) - 1));
	return v < 0 ? 0 : v;
}

/* Is the lexicon word tagged no name at norm [s, e) (three characters)
 * a person's name all the same (嚴義塤/n, 辛業江/nz: the lexicon holds
 * many names with a noun's tag)? A common surname and two characters
 * that names often have first and last, which are not a word, and no
 * word with the surname either (宋朝, 高水平) unless the lexicon tags it
 * as a name; no place or organisation suffix at the end. */
static bool name_shaped_given(const ctx *c, uint32_t s, uint32_t e,
                              bool strict);

static bool name_shaped_word(const ctx *c, uint32_t s, uint32_t e)
{
	return name_shaped_given(c, s, e, true);
}

/* name_shaped_word, with given-name characters seen at least
 * FREE_GIVEN_MIN times there (strict) or at all (李柱銘 next to a cue:
 * 柱 begins 14 given names). */
static bool name_shaped_given(const ctx *c, uint32_t s, uint32_t e, bool strict)
{
	const jx_lexicon *lx = &c->doc->model->lex;
	uint32_t g1 = s + char_len(c, s), g2 = g1 + char_len(c, g1);
	if (!all_han(c, s, e) ||
	    !common_surname(c,
	                    jx_table_find(c->tb.surnames, c->t + s, g1 - s)) ||
	    jx_table_find(c->tb.nonname, c->t + s, g1 - s) >= 0 ||
	    !given_ok(c, g1, strict, c->tb.g_first) ||
	    !given_ok(c, g2, strict, c->tb.g_last))
		return false;
	/* a common word is a word (穆斯林, 成員國) */
	int tw, tg, ts;
	int64_t cw = word_cost(c, s, e, &tw);
	if (cw >= 0 && cw < COMMON_WORD_COST)
		return false;
	int64_t cg = word_cost(c, g1, e, &tg), cs = word_cost(c, s, g2, &ts);
	/* rare words of the lexicon (雅茹/N, 李振/N: pieces of names in
	 * the Taiwan list) do not count */
	if ((cg >= 0 && cg < NAME_WORD_COST &&
	     strncmp(jx_lex_tag_name(lx, (uint32_t)tg), "nr", 2)) ||
	    (cs >= 0 && cs < NAME_WORD_COST &&
	     strncmp(jx_lex_tag_name(lx, (uint32_t)ts), "nr", 2)))
		return false;
	return !suffix_kind(c, c->tb.place_suffixes, c->tb.ps_kind, g2, e) &&
	       !suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, g2, e);
}

/* A word of two characters the lexicon has as a rare noun, a common
 * surname and a character names often have second (何永/n, 李憲/n: the
 * Taiwan list holds many pieces of names with the noun's tag), and a
 * following word of one character that names often end with, is a name
 * of three characters (何永|炎, 李憲|立). Returns its norm end, or 0.
 * (The word alone is a name as often as not: 王芳, 李昕 but 樓群, 岳陽.) */
static uint32_t rare_name_word(const ctx *c, uint32_t i)
{
	const jishi_doc *d = c->doc;
	const jx_token *t = &d->tokens[i];
	uint32_t s = tok_ns(c, t), e = tok_ne(c, t), g = s + char_len(c, s);
	if (strcmp(tok_tag(c, t), "n") != 0 || e > c->n || g >= e ||
	    e != g + char_len(c, g) || !uncovered(c, s, e) ||
	    !common_surname(c,
	                    jx_table_find(c->tb.surnames, c->t + s, g - s)) ||
	    jx_table_find(c->tb.nonname, c->t + s, g - s) >= 0 ||
	    word_cost(c, s, e, NULL) < RARE_NAME_COST ||
	    !given_ok(c, g, true, c->tb.g_first))
		return 0;
	const jx_token *u = i + 1 < d->ntokens ? &d->tokens[i + 1] : NULL;
	const char *ut = u ? tok_tag(c, u) : "";
	if (u && tok_ns(c, u) == e && tok_ne(c, u) <= c->n &&
	    tok_ne(c, u) == e + char_len(c, e) && is_han(c, e) &&
	    uncovered(c, e, tok_ne(c, u)) && strchr("vnasz", ut[0]) &&
	    given_ok(c, e, true, c->tb.g_last))
		return tok_ne(c, u);
	return 0;
}

/* The place match that is exactly [s, e) and not yet an entity's
 * mention, or -1. */
static int64_t place_at(const ctx *c, uint32_t s, uint32_t e)
{
	if (s >= c->n || c->covered[s] != 2) /* no match starts there */
		return -1;
	for (uint32_t k = 0; k < c->nm; k++)
		if (c->m[k].s == s && c->m[k].e == e && c->m[k].ent < 0 &&
		    (c->m[k].kind == K_PLACE || c->m[k].kind == K_LEXPLACE))
			return (int64_t)k;
	return -1;
}

/* A city's name that is a given name after a surname: a common surname
 * that is a word of its own (tagged as a name, noun or classifier)
 * before a city or county of two characters that are both given-name
 * characters (毛|大慶|昨天, 張|大慶|表示); not before a place's or
 * body's word (張|長春|市委 is none). */
static void surname_places(ctx *c)
{
	const jishi_doc *d = c->doc;
	for (uint32_t i = 0; d->tokens && i + 1 < d->ntokens; i++) {
		const jx_token *t = &d->tokens[i], *u = &d->tokens[i + 1];
		uint32_t s = tok_ns(c, t), m = tok_ne(c, t), e = tok_ne(c, u);
		if (tok_ns(c, u) != m || e > c->n ||
		    jx_utf8_count(c->t + s, e - s) != 3 || !all_han(c, s, e))
			continue;
		uint32_t g = s + char_len(c, s);
		if (!common_surname(
		        c, jx_table_find(c->tb.surnames, c->t + s, g - s)) ||
		    jx_table_find(c->tb.nonname, c->t + s, g - s) >= 0 ||
		    (e < c->n && suffix_word_at(c, e)))
			continue;
		const char *st = tok_tag(c, t), *pk;
		int64_t k;
		if (m != g || c->covered[s] || (k = place_at(c, m, e)) < 0 ||
		    c->m[k].kind != K_PLACE ||
		    (pk = jx_table_str(c->tb.places, c->m[k].row, c->tb.p_kind),
		     strcmp(pk, "city") && strcmp(pk, "county")) ||
		    !(!strcmp(st, "nr") || !strcmp(st, "n") ||
		      !strcmp(st, "q")) ||
		    !given_ok(c, m, false, c->tb.g_first) ||
		    !given_ok(c, m + char_len(c, m), false, c->tb.g_last))
			continue;
		c->m[k].kind = K_NONE;
		memset(c->covered + s, 0, e - s);
		match *x = add_match(c, s, e, K_NAME, 0);
		if (x == NULL)
			return;
		entity_of_match(c, x);
		i++;
	}
}

/* Is the lexicon word [s, e) of a common surname and a city's name of
 * two characters at g a person's name (劉遵義/n)? The city's characters
 * are given-name characters, and the word is no common one. */
static bool city_given(const ctx *c, uint32_t s, uint32_t g, uint32_t e)
{
	int64_t cw = word_cost(c, s, e, NULL);
	return common_surname(c,
	                      jx_table_find(c->tb.surnames, c->t + s, g - s)) &&
	       jx_table_find(c->tb.nonname, c->t + s, g - s) < 0 &&
	       given_ok(c, g, false, c->tb.g_first) &&
	       given_ok(c, g + char_len(c, g), false, c->tb.g_last) &&
	       cw >= COMMON_WORD_COST;
}

static int32_t name_odds(const ctx *c, uint32_t p, int col);

/* The name model's score of [s, e), a one-character surname and one or
 * two given characters: the sum of their odds (a character with no odds
 * at its place counts 0: 路甬祥, where 甬 is too rare to be counted); 0
 * for a compound or Japanese surname. */
static int64_t name_score(const ctx *c, uint32_t s, uint32_t e)
{
	uint32_t g = s + char_len(c, s);
	bool one = g + char_len(c, g) == e;
	int cols[3] = {0, one ? 3 : 1, 2};
	uint32_t l2 = g < e ? char_len(c, g) : 0;
	if (jx_table_find(c->tb.surnames, c->t + s, g - s + l2) >= 0 ||
	    jx_table_find(c->tb.jp_surnames, c->t + s, g - s + l2) >= 0)
		return 0; /* 歐陽|震, 橋本: the model has no odds for these */
	int64_t sum = 0;
	for (int k = 0; k < 3 && s < e; k++) {
		int32_t v = name_odds(c, s, cols[k]);
		sum += v == INT32_MIN ? 0 : v;
		s += char_len(c, s);
	}
	return sum;
}

/* Does the name model find [s, e) less likely a name than text
 * (name_score below 0), with no cue beside it when cued asks? Words of
 * transliteration characters (all but one common) are not judged. */
static bool unlikely_name(const ctx *c, uint32_t s, uint32_t e, bool cued)
{
	return !translit_mostly(c, s, e) && name_score(c, s, e) < 0 &&
	       !(cued && (cue_word_before(c, s) || cue_after(c, e)));
}

static void lexicon_names(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL)
		return;
	for (uint32_t i = 0; i < d->ntokens; i++) {
		const jx_token *t = &d->tokens[i];
		if (t->flags & JX_TOK_OOV)
			continue;
		const char *tag = jx_lex_tag_name(&d->model->lex, t->tag);
		size_t nc = jx_utf8_count(d->src + t->start, t->end - t->start);
		uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
		uint32_t re_ = nc == 2 ? rare_name_word(c, i) : 0;
		if (re_) {
			match *x = add_match(c, s, re_, K_NAME, 0);
			if (x == NULL)
				return;
			entity_of_match(c, x);
			continue;
		}
		uint32_t g1 = s + char_len(c, s);
		int64_t ck =
		    nc == 3 && e <= c->n && !c->covered[s] && c->covered[g1]
		        ? place_at(c, g1, e)
		        : -1;
		if (tag && strcmp(tag, "nr") != 0 && nc == 3 && e <= c->n &&
		    (ck >= 0
		         ? city_given(c, s, g1, e)
		         : uncovered(c, s, e) && name_shaped_word(c, s, e))) {
			/* a city as the given name goes (劉|遵義/n) */
			if (ck >= 0) {
				c->m[ck].kind = K_NONE;
				memset(c->covered + g1, 0, e - g1);
			}
			match *x = add_match(c, s, e, K_NAME, 0);
			if (x == NULL)
				return;
			entity_of_match(c, x);
			continue;
		}
		if (!tag || strcmp(tag, "nr") != 0)
			continue;
		if (nc < 3 || nc > 4 || after_numeral(c, s))
			continue; /* not 那|張小巧: a classifier */
		bool free_ = e <= c->n;
		for (uint32_t b = s; b < e && free_; b++)
			free_ =
			    c->covered[b] == 0 || inner_place(c, s, e, b) >= 0;
		if (!free_)
			continue;
		uint32_t l1 = char_len(c, s), l2 = char_len(c, s + l1);
		bool one = jx_table_find(c->tb.surnames, c->t + s, l1) >= 0;
		bool compound =
		    jx_table_find(c->tb.surnames, c->t + s, l1 + l2) >= 0;
		bool jp =
		    jx_table_find(c->tb.jp_surnames, c->t + s, l1 + l2) >= 0;
		bool two = compound || jp;
		/* four characters: a compound surname, or a Japanese one
		 * with no repeated character (金光|燦燦, 相生|相剋 are idioms:
		 * Japanese given names do not double a character) */
		if (nc == 4 && jp && !compound) {
			uint32_t c3 = s + l1 + l2, c4 = c3 + char_len(c, c3);
			if ((e - c4 == c4 - c3 &&
			     !memcmp(c->t + c3, c->t + c4, e - c4)) ||
			    (l1 == c4 - c3 && !memcmp(c->t + s, c->t + c3, l1)))
				continue;
		}
		if (!(nc == 4 ? two : one || two))
			continue;
		/* a one-character surname must be a common one (农家乐,
		 * 红富士, 双刃剑 are tagged nr too) */
		if (!two && !common_surname(
		                c, jx_table_find(c->tb.surnames, c->t + s, l1)))
			continue;
		/* the lexicon tags idioms nr too (任重道远): the given name
		 * must look like one, and be no common word (高|水平/nr), nor
		 * the surname and its first character (安全|觀/nr) */
		uint32_t g = two ? s + l1 + l2 : s + l1;
		bool ok = !common_given(c, g, e) &&
		          !(!two && surname_word(c, s, g + char_len(c, g)));
		/* a character that stops names elsewhere is fine when names
		 * have it there often (龔育之, 張之洞) */
		for (uint32_t q = g; ok && q < e; q += char_len(c, q)) {
			int col_ = q + char_len(c, q) == e ? c->tb.g_last
			                                   : c->tb.g_first;
			ok = given_ok(c, q, false, col_) ||
			     given_count(c, q, col_) >= FREE_GIVEN_MIN;
		}
		if (!ok)
			continue;
		/* nor a building's (盧浮宮/nr) */
		if (facility_end(c, prev_off(c, e), e))
			continue;
		/* the lexicon tags common words nr too (吉普車, 冷不丁,
		 * 農家樂): a word of three that the name model finds less
		 * likely a name than text needs a cue beside it (金人慶|強調)
		 */
		if (nc == 3 && unlikely_name(c, s, e, true))
			continue;
		/* a place after the surname goes: 許銀川 (銀川); not one
		 * the word begins with (江西籍) */
		for (uint32_t b = s; b < e; b++) {
			int64_t k =
			    c->covered[b] ? inner_place(c, s, e, b) : -1;
			if (k >= 0) {
				c->m[k].kind = K_NONE;
				memset(c->covered + c->m[k].s, 0,
				       c->m[k].e - c->m[k].s);
			}
		}
		/* 公明镇 is tagged nr too: a place suffix makes it a place */
		uint32_t last = e - char_len(c, prev_off(c, e));
		int64_t pr = c->tb.place_suffixes
		                 ? jx_table_find(c->tb.place_suffixes,
		                                 c->t + last, e - last)
		                 : -1;
		match *x = add_match(c, s, e, pr >= 0 ? K_LEXPLACE : K_NAME, 0);
		if (x == NULL)
			return;
		entity_of_match(c, x);
	}
}

/* Is [s, e) free of known names? */
static bool uncovered(const ctx *c, uint32_t s, uint32_t e)
{
	for (uint32_t b = s; b < e; b++)
		if (c->covered[b])
			return false;
	return true;
}

/* The count of names with the character at p in column col_ (0 when
 * none). */
static unsigned long given_count(const ctx *c, uint32_t p, int col_)
{
	int64_t r = jx_table_find(c->tb.given, c->t + p, char_len(c, p));
	return r < 0 ? 0
	             : strtoul(jx_table_str(c->tb.given, (uint32_t)r, col_),
	                       NULL, 10);
}

/* An unknown word of two or three characters (token i, norm [s, e)) that
 * is a common surname and a given name by the counts of given_chars:
 * a one-character given name is counted as a single name or as the
 * last character of a two-character one (the sources list few
 * one-character given names: 劉杰, 柳萍, 薛原); the middle character of
 * a three-character name may be one that stops names elsewhere (陳和生,
 * 張之路); the last one must not be a place suffix (武村, 耿鎮). A
 * two-character word followed by a one-character word that ends given
 * names is a name of three (張友|香). Returns the name's end, or s. */
static uint32_t unknown_word_name(const ctx *c, uint32_t i, uint32_t s,
                                  uint32_t e)
{
	const jishi_doc *d = c->doc;
	uint32_t g = s + char_len(c, s);
	int64_t r = jx_table_find(c->tb.surnames, c->t + s, g - s);
	if (!common_surname(c, r) ||
	    jx_table_find(c->tb.nonname, c->t + s, g - s) >= 0 ||
	    !tok_edge(c, s))
		return s;
	uint32_t last = prev_off(c, e);
	if (jx_table_find(c->tb.nonname, c->t + last, e - last) >= 0 ||
	    (c->tb.place_suffixes &&
	     jx_table_find(c->tb.place_suffixes, c->t + last, e - last) >= 0))
		return s;
	if (last > g) { /* three characters */
		return given_count(c, g, c->tb.g_first) >= WORD_GIVEN_MIN &&
		               given_count(c, last, c->tb.g_last) >=
		                   WORD_GIVEN_MIN
		           ? e
		           : s;
	}
	unsigned long single = given_count(c, g, c->tb.g_single),
	              lastn = given_count(c, g, c->tb.g_last);
	if ((single > lastn ? single : lastn) < FREE_GIVEN_MIN)
		return s;
	/* 張友|香: a one-character word after it that ends given names */
	if (i + 1 < d->ntokens && d->tokens[i + 1].start == d->tokens[i].end) {
		const jx_token *u = &d->tokens[i + 1];
		uint32_t us = tok_ns(c, u), ue = tok_ne(c, u);
		/* 尤爾|科夫: a transliteration goes on */
		if (ue <= c->n && ue - us > char_len(c, us) &&
		    translit_at(c, g) && translit_common(c, us, ue))
			return s; /* not 尹莉|明白 */
		if (ue <= c->n && ue - us == char_len(c, us) && is_han(c, us) &&
		    !c->covered[us] &&
		    jx_table_find(c->tb.nonname, c->t + us, ue - us) < 0) {
			/* 黃政|鍀: a rare character after it, the name is
			 * not clear */
			return given_count(c, g, c->tb.g_first) >=
			                   FREE_GIVEN_MIN &&
			               given_count(c, us, c->tb.g_last) >=
			                   FREE_GIVEN_MIN
			           ? ue
			           : s;
		}
	}
	return e;
}

/* Is the token t a relative time word (今天, 今年: time/relative), which
 * the lexicon may tag a noun? */
static bool relative_at(const ctx *c, const jx_token *t)
{
	uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
	return c->tb.relative && e <= c->n &&
	       jx_table_find(c->tb.relative, c->t + s, e - s) >= 0;
}

/* Is token i a common noun right at e that a name before it would name a
 * kind of (厄爾尼諾|現象, 阿爾法|磁譜儀): not an office or other cue
 * (拉特納亞克|議長), nor a time word the lexicon tags a noun
 * (羅納爾多|今天: time/relative)? */
static bool kind_noun_after(const ctx *c, uint32_t i, uint32_t e)
{
	const jishi_doc *d = c->doc;
	if (i >= d->ntokens || tok_ns(c, &d->tokens[i]) != e ||
	    tok_ne(c, &d->tokens[i]) > c->n ||
	    strcmp(tok_tag(c, &d->tokens[i]), "n") != 0)
		return false;
	return !(c->tb.cues && cue_after(c, e)) && office_at(c, e) < 0 &&
	       !relative_at(c, &d->tokens[i]);
}

/* Names the segmenter could not find in its lexicon (it builds such words
 * with its unknown-word model) or tags as transliterated names:
 * - an unknown word of two to four characters that is a surname and a
 *   given name (柳萍, 周榆瑞, 歐陽震華);
 * - a run of three or more transliteration characters on word edges made
 *   of unknown words and words tagged as names or nouns (阿维兰热,
 *   涅姆佐夫, 普里馬科夫), or a word the lexicon tags nrt. */
static bool particle_last(const ctx *c, uint32_t q, uint32_t e);

static void unknown_names(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL)
		return;
	for (uint32_t i = 0; i < d->ntokens; i++) {
		const jx_token *t = &d->tokens[i];
		uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
		if (e > c->n || !is_han(c, s) || !uncovered(c, s, e))
			continue;
		size_t nc = jx_utf8_count(c->t + s, e - s);
		const char *tag = tok_tag(c, t);
		bool oov = (t->flags & JX_TOK_OOV) != 0 || !strcmp(tag, "x");
		/* a rank glued after the name is not in it (王磊|六段,
		 * 常昊|九段: go and chess players) */
		uint32_t dan = nc >= 4 ? prev_off(c, e) : s;
		bool ranked = false; /* the rank is a cue: the looser model */
		if (oov && dan > s && e - dan == 3 &&
		    !memcmp(c->t + dan, "\xE6\xAE\xB5", 3) && /* 段 */
		    numeral_at(c, prev_off(c, dan), false)) {
			e = prev_off(c, dan);
			nc -= 2;
			ranked = true;
		}
		if (oov && nc >= 2 && nc <= 4 && all_han(c, s, e) &&
		    !after_numeral(c, s)) {
			/* a two-character word needs the strict model (明季
			 * is no name), a longer one likely given characters */
			uint32_t ne =
			    nc == 2
			        ? read_name(c, s, ranked ? e : e + 1, !ranked)
			        : cue_name(c, s, e, true);
			if (ne == e && nc > 2) {
				uint32_t g = s + char_len(c, s);
				if (jx_table_find(c->tb.surnames, c->t + s,
				                  e - g + (g - s)) < 0 &&
				    nc == 4)
					ne = s;
				for (uint32_t q = e; ne == e && q > g;) {
					size_t pq = q;
					jx_utf8_prev(c->t, &pq);
					q = (uint32_t)pq;
					if (q >= g &&
					    !given_ok(c, q, true,
					              q + char_len(c, q) == e
					                  ? c->tb.g_last
					                  : c->tb.g_first))
						ne = s;
				}
			}
			if (ne != e && nc <= 3)
				ne = unknown_word_name(c, i, s, e);
			/* 周定/x|之|同志: the particle ends the name */
			const jx_token *pw = next_word(c, t);
			if (ne == e && nc == 2 && pw && one_han_word(c, pw) &&
			    particle_last(c, e, tok_ne(c, pw)))
				ne = tok_ne(c, pw);
			/* the model must find it likelier a name than text
			 * (武聯, 成風, 高發 are no names) unless a cue is next
			 * to it */
			if (ne >= e && !ranked && unlikely_name(c, s, ne, true))
				ne = s;
			if (ne >= e) {
				match *x = add_match(c, s, ne, K_NAME, 0);
				if (x == NULL)
					return;
				entity_of_match(c, x);
				if (ne > e)
					i++;
				continue;
			}
		}
		/* a name the segmenter cut after its second character:
		 * 劉友/n|明/a, 張孝/n|華/ns */
		if (nc == 2 && tag[0] == 'n' && strncmp(tag, "nr", 2) != 0 &&
		    strcmp(tag, "ns") != 0 && all_han(c, s, e) &&
		    !after_numeral(c, s) && i + 1 < d->ntokens &&
		    d->tokens[i + 1].start == t->end) {
			const jx_token *u = &d->tokens[i + 1];
			uint32_t us = tok_ns(c, u), ue = tok_ne(c, u);
			uint32_t g = s + char_len(c, s);
			const char *ut = tok_tag(c, u);
			int64_t sr =
			    jx_table_find(c->tb.surnames, c->t + s, g - s);
			if (ue <= c->n && ue - us == char_len(c, us) &&
			    is_han(c, us) && uncovered(c, us, ue) &&
			    strchr("natz", ut[0]) && common_surname(c, sr) &&
			    jx_table_find(c->tb.nonname, c->t + s, g - s) < 0 &&
			    jx_table_find(c->tb.nonname, c->t + g, e - g) < 0 &&
			    jx_table_find(c->tb.nonname, c->t + us, ue - us) <
			        0 &&
			    given_count(c, g, c->tb.g_first) >=
			        FREE_GIVEN_MIN &&
			    given_count(c, us, c->tb.g_last) >=
			        FREE_GIVEN_MIN) {
				match *x = add_match(c, s, ue, K_NAME, 0);
				if (x == NULL)
					return;
				entity_of_match(c, x);
				i++;
				continue;
			}
		}
		/* a word the lexicon tags as a transliterated name */
		if (nc >= 3 && nc <= 8 && all_han(c, s, e) &&
		    foreign_tag(tag) && !kind_noun_after(c, i + 1, e)) {
			match *x = add_match(c, s, e, K_NAME, 0);
			if (x == NULL)
				return;
			entity_of_match(c, x);
			continue;
		}
		/* not a count first (一部/x|桑塔納: a car) */
		if (!translit_at(c, s) || numeral_at(c, s, false))
			continue;
		/* a run of transliteration characters over whole words; one
		 * other character in a run of five or more, not first and not
		 * one that stops names (赫里斯|堅科/x: 堅) */
		uint32_t j = i, re = s, odd = 0;
		bool name_tag = false;
		while (j < d->ntokens) {
			const jx_token *u = &d->tokens[j];
			uint32_t us = tok_ns(c, u), ue = tok_ne(c, u);
			if (us != re)
				break;
			const char *ut = tok_tag(c, u);
			bool ok = (u->flags & JX_TOK_OOV) || ut[0] == 'x' ||
			          (ut[0] == 'n' && ut[1] == 'r');
			for (uint32_t q = us; ok && q < ue;
			     q += char_len(c, q)) {
				ok = translit_at(c, q);
				if (!ok && q > s && !odd && !c->covered[q] &&
				    is_han(c, q) && !numeral_at(c, q, false) &&
				    jx_table_find(c->tb.nonname, c->t + q,
				                  char_len(c, q)) < 0) {
					odd = q;
					ok = true;
				}
			}
			if (!ok)
				break;
			name_tag = name_tag || foreign_tag(ut) ||
			           (u->flags & JX_TOK_OOV) || ut[0] == 'x';
			re = ue;
			j++;
		}
		size_t rc = jx_utf8_count(c->t + s, re - s);
		if (rc >= (odd ? 5 : 3) && rc <= 8 && name_tag &&
		    !(odd && odd == prev_off(c, re)) &&
		    !suffix_kind(c, c->tb.place_suffixes, c->tb.ps_kind, s,
		                 re) &&
		    !kind_noun_after(c, j, re)) {
			match *x = add_match(c, s, re, K_NAME, 0);
			if (x == NULL)
				return;
			entity_of_match(c, x);
			i = j - 1;
		}
	}
}

/* Is [s, e) a married woman's name as Hong Kong writes it: husband's
 * surname, her own, two given characters (林鄭月娥, 葉劉淑儀, 范徐麗泰)?
 * 月 stops names elsewhere (a date's), not here. */
static bool married_name(const ctx *c, uint32_t s, uint32_t e)
{
	uint32_t g1 = s + char_len(c, s), g2 = g1 + char_len(c, g1);
	uint32_t g3 = g2 < e ? g2 + char_len(c, g2) : e;
	return jx_utf8_count(c->t + s, e - s) == 4 && all_han(c, s, e) &&
	       common_surname(
	           c, jx_table_find(c->tb.surnames, c->t + s, g1 - s)) &&
	       common_surname(
	           c, jx_table_find(c->tb.surnames, c->t + g1, g2 - g1)) &&
	       given_count(c, g2, c->tb.g_first) >= FREE_GIVEN_MIN &&
	       given_count(c, g3, c->tb.g_last) >= FREE_GIVEN_MIN;
}

/* Is the whole word [s, e) shaped like a person's name: a surname (at
 * least CUE_SURNAME_MIN common, or Japanese) and one or two given-name
 * characters, a Japanese surname alone (橋本), a Hong Kong married name
 * (林鄭月娥), or two to six transliteration characters (布拉特, 魯賓)? */
static bool name_shaped(const ctx *c, uint32_t s, uint32_t e, bool loose)
{
	size_t nc = jx_utf8_count(c->t + s, e - s);
	if (nc < 2 || nc > 6 || !all_han(c, s, e) ||
	    after_numeral(c, s + char_len(c, s)))
		return false; /* not 一人, 五任 */
	/* an administrative suffix ends no name (任鄉); 江 山 do (張德江) */
	const char *pk =
	    suffix_kind(c, c->tb.place_suffixes, c->tb.ps_kind, s, e);
	if (pk && !strcmp(pk, "division"))
		return false;
	if (loose && translit_chars(c, s, e))
		return true;
	uint32_t g1 = s + char_len(c, s);
	uint32_t g2 = g1 + char_len(c, g1);
	if (married_name(c, s, e))
		return true;
	if (!loose)
		return nc == 3 && name_shaped_word(c, s, e); /* not 科學家 */
	if (nc == 2 && jx_table_find(c->tb.jp_surnames, c->t + s, e - s) >= 0)
		return true;
	if (nc > 3)
		return false;
	int64_t r = jx_table_find(c->tb.surnames, c->t + s, g1 - s);
	uint32_t g = g1;
	if (nc == 3 && jx_table_find(c->tb.surnames, c->t + s, g2 - s) >= 0)
		g = g2; /* 歐陽|震 */
	else if (surname_freq(c, r) < CUE_SURNAME_MIN ||
	         jx_table_find(c->tb.nonname, c->t + s, g1 - s) >= 0)
		return false;
	if (e == g + char_len(c, g)) /* one given character */
		return given_ok(c, g, false, c->tb.g_single) ||
		       given_ok(c, g, false, c->tb.g_last);
	return given_ok(c, g, false, c->tb.g_first) &&
	       given_ok(c, g + char_len(c, g), false, c->tb.g_last);
}

/* Does a country's name start inside [s, e): one of two characters or
 * more anywhere, an abbreviation of one first? */
static bool has_country(const ctx *c, uint32_t s, uint32_t e)
{
	for (uint32_t p = s; p < e; p += char_len(c, p)) {
		uint32_t row;
		uint32_t l =
		    jx_table_longest(c->tb.countries, c->t + p, e - p, &row);
		/* one character only first (土方, not 嚴義塤) */
		if (l > char_len(c, p) || (l && p == s))
			return true;
	}
	return false;
}

/* Is token t one Han character? */
static bool one_han_word(const ctx *c, const jx_token *t)
{
	uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
	return e <= c->n && is_han(c, s) && s + char_len(c, s) == e;
}

/* Does the unknown word t end on a clear edge: the text's end or a gap,
 * punctuation, a function word (等, 和) or a speech verb (差瓦立|、,
 * 倫差|等; not 康得瑞先|接過, where the segmenter glued an adverb to the
 * name)? */
static bool oov_end(const ctx *c, const jx_token *t)
{
	const jx_token *w = next_word(c, t);
	if (w == NULL)
		return true;
	uint32_t ws = tok_ns(c, w), we = tok_ne(c, w);
	if (we > c->n)
		return false;
	const char *tag = tok_tag(c, w), *sd = cue_side(c, ws, we);
	if (sd && !strcmp(sd, "after"))
		return true;
	return (tag[0] == 'w' || (one_han_word(c, w) && strchr("cpu", tag[0])));
}

/* Is the word [s, e) a speaker's label: alone at the start of the text
 * or of a line, and a colon right after it (奧田：主要是…, as in an
 * interview's transcript)? */
static bool speaker_label(const ctx *c, uint32_t s, uint32_t e)
{
	if ((s > 0 && c->t[s - 1] != '\n') || e >= c->n)
		return false;
	size_t q = e;
	uint32_t cp = jx_utf8_next(c->t, c->n, &q);
	return cp == ':' || cp == 0xFF1A;
}

/* Whole words next to a strong cue are names when they are shaped like
 * one (name_shaped): after an office title or a role word of
 * names/person_cues (司令|巴克, 發言人|魯賓), or before an office title,
 * a form of address or a speech verb (橋本|首相, 拉埃|女士, 羅幹|說). The
 * word must be a noun, a name or unknown to the lexicon, and known names
 * must not cover it. */
static void cue_words(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.cues == NULL)
		return;
	/* bit 1: an office ends here; 2: one starts here; 4: a title
	 * modifier starts here */
	uint8_t *edge = jx_arena_zalloc(&c->doc->arena, (size_t)c->n + 1);
	if (edge == NULL) {
		c->doc->oom = JISHI_ENOMEM;
		return;
	}
	/* the lexicon's place words, by start (one not yet an entity's
	 * may give way to a name next to a cue) */
	uint32_t nlex;
	startix *lex = match_index(c, 1u << K_LEXPLACE, false, &nlex);
	if (c->doc->oom)
		return;
	for (uint32_t k = 0; k < c->nm; k++) {
		if (c->m[k].kind == K_OFFICE) {
			edge[c->m[k].e] |= 1;
			edge[c->m[k].s] |= 2;
		} else if (c->m[k].kind == K_MOD) {
			edge[c->m[k].s] |= 4;
		}
	}
	for (uint32_t i = 0; i < d->ntokens; i++) {
		const jx_token *t = &d->tokens[i];
		uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
		const char *tag = tok_tag(c, t);
		if (e > c->n || !all_han(c, s, e) || after_numeral(c, s))
			continue;
		int64_t lp = -1;    /* a lexicon place word that is the word */
		bool inner = false; /* a place inside, after the surname */
		if (!uncovered(c, s, e) && c->covered[s] == 0) {
			inner = true;
			for (uint32_t b = s; b < e && inner; b++)
				inner = c->covered[b] == 0 ||
				        inner_place(c, s, e, b) >= 0;
			if (!inner)
				continue;
		} else if (!uncovered(c, s, e)) {
			if (c->covered[s] != 2 || strcmp(tag, "ns") != 0)
				continue;
			for (uint32_t lo = index_from(lex, nlex, s);
			     lo < nlex && lex[lo].s == s && lp < 0; lo++)
				if (c->m[lex[lo].k].e == e &&
				    c->m[lex[lo].k].ent < 0)
					lp = lex[lo].k;
			if (lp < 0)
				continue;
		}
		/* the cue: 2 an office or a noun (司令, 先生, 女士), 1 a verb
		 * (說, 表示) */
		int cue = edge[s] & 1 || edge[e] & 2 ? 2 : 0;
		const jx_token *u = i > 0 && d->tokens[i - 1].end == t->start
		                        ? &d->tokens[i - 1]
		                        : NULL;
		/* the word before, or its end (委書記: 書記) */
		const char *sd = NULL;
		bool shirt = false;
		for (uint32_t b = u && !cue ? tok_ns(c, u) : s; b < s && !sd;
		     b += char_len(c, b)) {
			sd = cue_side(c, b, s);
			/* a shirt number: 7號|穆勒 (a noun's cue) */
			if (sd && !strcmp(sd, "number") && b > 0 &&
			    c->t[b - 1] >= '0' && c->t[b - 1] <= '9') {
				sd = "before";
				shirt = true;
			}
			if (sd && strcmp(sd, "before") && strcmp(sd, "both"))
				sd = NULL;
		}
		bool cue_before_word = sd != NULL; /* u is the cue */
		if (sd)
			cue = shirt || tok_tag(c, u)[0] == 'n' ? 2 : 1;
		const jx_token *w = next_word(c, t);
		uint32_t we = w ? tok_ne(c, w) : 0;
		sd = w && !cue && we <= c->n ? cue_side(c, e, we) : NULL;
		if (sd && (!strcmp(sd, "after") || !strcmp(sd, "both")))
			cue = tok_tag(c, w)[0] == 'n' ? 2 : 1;
		/* a speech verb after an adverb (橋本|還|表示) */
		bool via_adverb = false;
		if (!cue && w && tok_tag(c, w)[0] == 'd' &&
		    i + 2 < d->ntokens && d->tokens[i + 2].start == w->end &&
		    tok_tag(c, &d->tokens[i + 2])[0] == 'v' &&
		    tok_ne(c, &d->tokens[i + 2]) <= c->n) {
			sd = cue_side(c, we, tok_ne(c, &d->tokens[i + 2]));
			via_adverb = sd && !strcmp(sd, "after");
			cue = via_adverb ? 1 : 0;
		}
		/* a speaker's label (奧田：, at a line's start) */
		if (!cue && speaker_label(c, s, e))
			cue = 1;
		if (cue == 0)
			continue;
		/* a lexicon noun is a noun first (大家, 農民, 科學家說)
		 * unless an office or a noun of address is next to it
		 * (布拉特先生); a name-tagged or unknown word is not */
		size_t nc = jx_utf8_count(c->t + s, e - s);
		bool unknown = (t->flags & JX_TOK_OOV) || tag[0] == 'x' ||
		               (tag[0] == 'n' && tag[1] == 'r');
		/* a rare noun next to an office or a noun of address:
		 * 巴克, 橋本, 布拉特 (not 政府, 雙方, 穆斯林) */
		bool rare =
		    !unknown && cue == 2 && tag[0] == 'n' &&
		    ((word_cost(c, s, e, NULL) >= RARE_NOUN_COST &&
		      (nc >= 3 || shirt || edge[s] & 1 || edge[e] & 2)) ||
		     (nc >= 3 && translit_mostly(c, s, e)));
		/* a lexicon noun of a surname and given-name characters
		 * names have at all (李柱銘|說) */
		bool lexname =
		    !unknown && !strcmp(tag, "n") &&
		    ((nc == 3 && name_shaped_given(c, s, e, false)) ||
		     married_name(c, s, e));
		/* a transliteration or a Japanese surname the lexicon holds
		 * as a noun, before a speech verb (瓊斯|說, 橋本|還|表示) */
		bool speaker =
		    !unknown && cue == 1 && !cue_before_word && tag[0] == 'n' &&
		    nc >= 2 && !(u && one_han_word(c, u)) &&
		    word_cost(c, s, e, NULL) >= RARE_NOUN_COST &&
		    (translit_mostly(c, s, e) ||
		     jx_table_find(c->tb.jp_surnames, c->t + s, e - s) >= 0);
		if (!(unknown || rare || lexname || speaker ||
		      (cue == 2 && nc >= 3 && tag[0] == 'n')))
			continue;
		/* a word the lexicon does not know right after an office
		 * title is its holder, whatever its characters (總理|差瓦立
		 * with no transliteration character 差) */
		bool oov_holder =
		    (edge[s] & 1) && !(edge[e] & 2) && nc >= 2 && nc <= 4 &&
		    ((t->flags & JX_TOK_OOV) || tag[0] == 'x') &&
		    !after_numeral(c, s + char_len(c, s)) && oov_end(c, t);
		if (!lexname && !oov_holder &&
		    !name_shaped(c, s, e, unknown || rare || speaker))
			continue;
		/* a noun with a country's name in it is about the country
		 * (土方, 南北韓 before 領導人) */
		if (!unknown && has_country(c, s, e))
			continue;
		/* a noun before an office is often its department or a
		 * modifier (保安局|局長, 國務|大臣): only a transliteration
		 * or a Japanese surname there */
		if (!unknown && !(edge[s] & 1) &&
		    !(cue == 2 && !(edge[e] & 2)) && !translit_chars(c, s, e) &&
		    jx_table_find(c->tb.jp_surnames, c->t + s, e - s) < 0 &&
		    !(nc == 3 && name_shaped_word(c, s, e)) && !lexname)
			continue;
		/* not a title modifier (候任, 常任 before an office) */
		if (edge[s] & 4)
			continue;
		uint32_t dl;
		if (is_dot(c, e, &dl) ||
		    (e + 3 <= c->n && (!memcmp(c->t + e, "\xE2\x80\x94", 3) ||
		                       !memcmp(c->t + e, "\xEF\xBC\x8E", 3))))
			continue; /* 約翰—格倫, 約翰．柯寧: part of a longer
			             name */
		/* a transliteration glued to one before it is the end of a
		 * longer name (奧爾|曼松: the whole is read elsewhere) */
		if (u && tok_ne(c, u) == s && translit_chars(c, s, e) &&
		    translit_common(c, tok_ns(c, u), s) &&
		    uncovered(c, tok_ns(c, u), s) &&
		    !(tok_tag(c, u)[0] == 'n' && tok_tag(c, u)[1] == '\0' &&
		      cue_before_word))
			continue;
		/* no character of a name glued on either side (戚|西洋,
		 * 馬躍|南); a function word or verb is no such (張德江|為) */
		if (u && one_han_word(c, u) && !(edge[s] & 1) &&
		    !cue_before_word && !verb_at(c, tok_ns(c, u)))
			continue;
		if (w && one_han_word(c, w) && !(edge[e] & 2) &&
		    !cue_side(c, e, we) && !verb_at(c, e))
			continue;
		/* a place word of the lexicon next to a cue is a name
		 * there (教練|扎加洛/ns, 記者|江建國/ns) */
		if (lp >= 0) {
			c->m[lp].kind = K_NONE;
			memset(c->covered + s, 0, e - s);
		}
		/* a place after the surname goes (張|德江) */
		for (uint32_t b = s; inner && b < e; b++) {
			int64_t k =
			    c->covered[b] ? inner_place(c, s, e, b) : -1;
			if (k >= 0) {
				c->m[k].kind = K_NONE;
				memset(c->covered + c->m[k].s, 0,
				       c->m[k].e - c->m[k].s);
			}
		}
		match *x = add_match(c, s, e, K_NAME, 0);
		if (x == NULL)
			return;
		entity_of_match(c, x);
	}
}

/* Scored names: a common surname and one or two given-name characters
 * that no cue points at (周|榆瑞 去世, 張|作璽 主持, 胥慧霞/nr 與), read
 * when the characters are much likelier in a name than in running
 * text.  The score is the sum of names/name_odds for the surname and
 * each given character's position (a log likelihood ratio, x 1000),
 * less the strength of any common word the name would hold or cut
 * (清算 in 張潔|清算, 許久, 荣幸): SCORED_WORD_COST less the word's cost.
 * A name begins a word; it ends one, or inside a word the segmenter
 * built from unknown characters (郑咏是/x). */
#define SCORED_SURNAME_MIN 100  /* per million people */
#define SCORED_NAME_MIN    3000 /* the score a name needs */
#define SCORED_WORD_COST   17000

/* The odds column col (0 surname, 1 first, 2 last, 3 single) of the
 * character at p, or INT32_MIN when it has none. */
static int32_t name_odds(const ctx *c, uint32_t p, int col)
{
	int64_t r = jx_table_find(c->tb.odds, c->t + p, char_len(c, p));
	if (r < 0)
		return INT32_MIN;
	const char *v =
	    jx_table_str(c->tb.odds, (uint32_t)r, c->tb.od_col[col]);
	return *v ? (int32_t)strtol(v, NULL, 10) : INT32_MIN;
}

/* How strongly the words over [s, e) hold it to other readings: the
 * largest SCORED_WORD_COST - cost of the candidate as one word and of the
 * words of two characters or more that overlap it; -1 when a common
 * word lies inside it (高水平 is no 高 and 水平). */
static int64_t scored_words(const ctx *c, uint32_t s, uint32_t e)
{
	const jishi_doc *d = c->doc;
	int tag = -1;
	int64_t pen = 0, wc = word_cost(c, s, e, &tag);
	if (wc >= 0) {
		const char *tn = jx_lex_tag_name(&d->model->lex, (uint16_t)tag);
		if (wc < COMMON_WORD_COST && !(tn && !strncmp(tn, "nr", 2)))
			return -1;
		pen = SCORED_WORD_COST - wc;
	}
	int64_t i = tok_containing(c, s);
	for (; i >= 0 && i < (int64_t)d->ntokens; i++) {
		const jx_token *t = &d->tokens[i];
		uint32_t ts = tok_ns(c, t), te = tok_ne(c, t);
		if (ts >= e)
			break;
		if (te > c->n || jx_utf8_count(c->t + ts, te - ts) < 2 ||
		    (ts == s && te == e))
			continue;
		int64_t k = word_cost(c, ts, te, NULL);
		if (k < 0)
			continue;
		bool oov = (t->flags & JX_TOK_OOV) || tok_tag(c, t)[0] == 'x';
		if (ts >= s && te <= e && !oov && k < RARE_NOUN_COST)
			return -1;
		if (SCORED_WORD_COST - k > pen)
			pen = SCORED_WORD_COST - k;
	}
	return pen < 0 ? 0 : pen;
}

/* Does a word that ends with a street's or a camp's name begin at p (街,
 * 道, 軍營)? */
static bool street_at(const ctx *c, uint32_t p)
{
	const jx_token *t = word_at(c, p);
	if (t == NULL || tok_ne(c, t) > c->n || c->tb.street_ends == NULL)
		return false;
	uint32_t e = tok_ne(c, t), last = prev_off(c, e);
	return jx_table_find(c->tb.street_ends, c->t + last, e - last) >= 0;
}

/* May the stop character at q, a name's last, end it all the same? A
 * particle that names often end with (之: 李培之, 侯禦之) is no particle
 * when a verb, an adverb or a cue follows it (李培|之|同志, 侯禦|之|不能):
 * the particle joins two nouns. An adverb that ends names as often (也,
 * 則) is no such case: 王磊也說 is 王磊. */
static bool particle_last(const ctx *c, uint32_t q, uint32_t e)
{
	const jx_token *t = word_at(c, q), *w;
	if (t == NULL || tok_ne(c, t) != e || tok_tag(c, t)[0] != 'u' ||
	    name_odds(c, q, 2) <= 0 || (w = next_word(c, t)) == NULL ||
	    tok_ne(c, w) > c->n)
		return false;
	const char *sd = cue_side(c, tok_ns(c, w), tok_ne(c, w));
	return strchr("vd", tok_tag(c, w)[0]) != NULL ||
	       (sd && strcmp(sd, "before") != 0);
}

/* The end of a scored name of three or two characters at norm offset s
 * (a word's start), or s. */
static uint32_t scored_name(const ctx *c, uint32_t s)
{
	int64_t r = jx_table_find(c->tb.surnames, c->t + s, char_len(c, s));
	int32_t so = name_odds(c, s, 0);
	if (surname_freq(c, r) < SCORED_SURNAME_MIN || so == INT32_MIN ||
	    after_numeral(c, s))
		return s;
	/* a single character glued before it is a name's (庫|許納) */
	const jx_token *u = word_at(c, s);
	if (u && u > c->doc->tokens && (u - 1)->end == u->start &&
	    one_han_word(c, u - 1) && !verb_at(c, tok_ns(c, u - 1)))
		return s;
	uint32_t g1 = s + char_len(c, s);
	for (int len = 3; len >= 2; len--) {
		uint32_t g2 = g1, e = g1;
		if (e >= c->n || !is_han(c, e))
			return s;
		e += char_len(c, e);
		if (len == 3) {
			if (e >= c->n || !is_han(c, e))
				continue;
			g2 = e;
			e += char_len(c, e);
		}
		if (!uncovered(c, s, e))
			continue;
		bool stop = false;
		for (uint32_t q = g1; q < e && !stop; q += char_len(c, q))
			stop = jx_table_find(c->tb.nonname, c->t + q,
			                     char_len(c, q)) >= 0 &&
			       !(len == 3 && q == g2 && particle_last(c, q, e));
		/* no division's suffix at the end (耿鎮, 陳溝村; 江 山 end
		 * names) */
		uint32_t last = prev_off(c, e);
		const char *k = suffix_kind(c, c->tb.place_suffixes,
		                            c->tb.ps_kind, last, e);
		if (stop || (k && !strcmp(k, "division")))
			continue;
		/* it ends a word, or a word of unknown characters goes on
		 * with one that stops names (鄭詠|是; not 黃政|鍀) */
		if (!tok_edge(c, e)) {
			int64_t ti = tok_containing(c, prev_off(c, e));
			const jx_token *t = ti < 0 ? NULL : &c->doc->tokens[ti];
			if (t == NULL ||
			    !((t->flags & JX_TOK_OOV) ||
			      tok_tag(c, t)[0] == 'x') ||
			    jx_table_find(c->tb.nonname, c->t + e,
			                  char_len(c, e)) < 0 ||
			    suffix_kind(c, c->tb.org_suffixes, c->tb.os_kind, e,
			                e + char_len(c, e)) ||
			    after_numeral(c, e)) /* 王磊六|段 */
				continue;
		} else {
			/* nor is a single character glued after it (黃政|鍀) */
			const jx_token *w = word_at(c, e);
			if (w && one_han_word(c, w) && !verb_at(c, e) &&
			    jx_table_find(c->tb.nonname, c->t + e,
			                  char_len(c, e)) < 0)
				continue;
		}
		int32_t a = name_odds(c, g1, len == 3 ? 1 : 3),
		        b = len == 3 ? name_odds(c, g2, 2) : 0;
		if (a == INT32_MIN || b == INT32_MIN)
			continue;
		/* not the name of a street, firm or camp (敬誠|街, 李寧|公司,
		 * 石崗|軍營) nor a whole title (《阿里郎》) */
		if (suffix_word_at(c, e) || street_at(c, e) ||
		    (s >= 3 && e + 3 <= c->n &&
		     !memcmp(c->t + s - 3, "\xE3\x80\x8A", 3) &&
		     !memcmp(c->t + e, "\xE3\x80\x8B", 3)))
			continue;
		int64_t pen = scored_words(c, s, e);
		if (pen < 0)
			continue;
		if ((int64_t)so + a + b - pen >= SCORED_NAME_MIN)
			return e;
	}
	return s;
}

static void scored_names(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.odds == NULL)
		return;
	for (uint32_t i = 0; i < d->ntokens; i++) {
		uint32_t s = tok_ns(c, &d->tokens[i]);
		if (s >= c->n || !is_han(c, s) || c->covered[s])
			continue;
		uint32_t e = scored_name(c, s);
		if (e == s)
			continue;
		match *x = add_match(c, s, e, K_NAME, 0);
		if (x == NULL)
			return;
		entity_of_match(c, x);
		while (i + 1 < d->ntokens && tok_ns(c, &d->tokens[i + 1]) < e)
			i++;
	}
}

/* A transliterated name with no cue beside it (阿巴查|從, 布拉特|當選,
 * 伯奇|費爾|鄭重): words of characters common in transliterations
 * (translit_common), three characters or more, that the lexicon tags a
 * name, does not know, or has as a rare noun, with nothing of a
 * transliteration glued before them and a verb, adverb, preposition,
 * conjunction, time word, count in words, punctuation or a title after
 * them. Not before a noun, 的 or 等 (阿爾法|磁譜儀, 帕塔亞|的: things and
 * places are named so too) unless the lexicon tags the one word a name
 * (基里延科/nr|的), nor a common word, nor in quotes (“卡西尼” 號). A rare
 * noun of this shape is read all the same (尼古丁). A word of two
 * characters only when the lexicon tags it a transliterated person's
 * name and a verb, adverb, preposition, time word or 的 follows
 * (瓊斯/nrt|堪稱, 瓊斯|今年/n). */
static void bare_translits(ctx *c)
{
	const jishi_doc *d = c->doc;
	for (uint32_t i = 0; d->tokens && i < d->ntokens; i++) {
		uint32_t j = i, s = tok_ns(c, &d->tokens[i]), e = s;
		/* a word of the lexicon that is no name inside */
		bool lexical = false;
		for (; j < d->ntokens; j++) {
			const jx_token *t = &d->tokens[j];
			uint32_t ts = tok_ns(c, t), te = tok_ne(c, t);
			const char *tag = tok_tag(c, t);
			bool oov = (t->flags & JX_TOK_OOV) || tag[0] == 'x';
			if (ts != e || te > c->n || !uncovered(c, ts, te) ||
			    !translit_chars(c, ts, te) ||
			    !(oov || !strncmp(tag, "nr", 2) ||
			      !strcmp(tag, "n")))
				break;
			if (!oov && strncmp(tag, "nr", 2) != 0 &&
			    jx_utf8_count(c->t + ts, te - ts) >= 2) {
				int64_t k = word_cost(c, ts, te, NULL);
				if (k >= 0 && k < RARE_NOUN_COST)
					lexical = true;
			}
			e = te;
		}
		if (j == i)
			continue;
		uint32_t next = j;
		/* one word the lexicon tags as a transliterated name (穆薩/nrt,
		 * 基里延科/nr) */
		const char *wt = j == i + 1 ? tok_tag(c, &d->tokens[i]) : "";
		i = j - 1;
		bool named = !strncmp(wt, "nr", 2);
		bool foreign = foreign_tag(wt);
		/* one rare character of transliterations in four or more
		 * (基里延科: 延) */
		size_t n = jx_utf8_count(c->t + s, e - s);
		if (lexical || (n < 3 && !(n == 2 && foreign)) ||
		    after_numeral(c, s) || /* 1|盧比/nrt */
		    !(translit_common(c, s, e) ||
		      ((n >= 4 || foreign) && translit_mostly(c, s, e))))
			continue;
		/* nor a place's or a site's name (普拉蘭|島, 斯坦福|橋) */
		uint32_t last = prev_off(c, e);
		if (suffix_kind(c, c->tb.place_suffixes, c->tb.ps_kind, last,
		                e) ||
		    facility_end(c, last, e))
			continue;
		/* the edge before: no transliteration's character glued */
		if (s > 0 && is_han(c, prev_off(c, s)) &&
		    translit_char(c, prev_off(c, s)) &&
		    !verb_at(c, prev_off(c, s)))
			continue;
		/* the edge after; a name of two characters only before a
		 * verb, adverb, preposition, time word or 的 (瓊斯|堪稱,
		 * 穆薩|敦促; not 講聲|多謝/nrt|，) */
		if (n == 2 &&
		    (next >= d->ntokens ||
		     !(strchr("vdpyut", tok_tag(c, &d->tokens[next])[0]) ||
		       relative_at(c, &d->tokens[next]))))
			continue;
		if (next < d->ntokens) {
			const jx_token *u = &d->tokens[next];
			const char *ut = tok_tag(c, u);
			uint32_t us = tok_ns(c, u);
			/* a closing quote or title mark: ” ’ 」 』 》 */
			size_t q = us;
			uint32_t cp =
			    us < c->n ? jx_utf8_next(c->t, c->n, &q) : 0;
			bool quote = cp == 0x201D || cp == 0x2019 ||
			             cp == 0x300D || cp == 0x300F ||
			             cp == 0x300B;
			/* a title after it, a count in words (兩|兄弟) or a
			 * time word the lexicon tags a noun (哈拉齊|今天/n) */
			bool cue =
			    (c->tb.cues && cue_after(c, e)) ||
			    (ut[0] == 'm' && us < c->n && is_han(c, us)) ||
			    relative_at(c, u);
			if (us < c->n && !cue &&
			    (quote || c->covered[us] ||
			     !(strchr("vpcdtw", ut[0]) ||
			       (named && strchr("yu", ut[0]))) ||
			     suffix_word_at(c, us) || /* 布魯金斯|學會/v */
			     (ut[0] == 'w' && !tok_edge(c, us))))
				continue;
		}
		match *x = add_match(c, s, e, K_NAME, 0);
		if (x == NULL)
			return;
		entity_of_match(c, x);
	}
}

/* A name read after the title chains (by a cue or a list, or scored)
 * that an office follows holds that office, and the two are a form of
 * the person (魯托|總統, 穆罕默德|總統, 圖伊馬萊阿利法諾|國家元首), as
 * the chains give a dictionary person's (李在明|總統). An office with a
 * name right after it is that name's (主席|習近平). */
static void titles_after(ctx *c)
{
	uint32_t nm = c->nm, ne, nb;
	/* the names by end and by start */
	uint32_t mask = 1u << K_NAME | 1u << K_PERSON;
	startix *ends = match_index(c, mask, true, &ne);
	startix *begins = match_index(c, mask, false, &nb);
	if (ends == NULL)
		return;
	for (uint32_t i = 0; i < nm; i++) {
		const match *t = &c->m[i];
		if (t->kind != K_OFFICE)
			continue;
		/* a name read after the chains right after the office:
		 * 肯尼亞總統|魯托 (the chains could not read 魯托) */
		int64_t bi = index_at(begins, nb, t->e);
		if (bi >= 0 && c->m[bi].kind == K_NAME) {
			title_of to = title_org(c, i);
			add_title(c, entity_of_match(c, &c->m[bi]), &c->m[i],
			          to);
			continue;
		}
		int64_t pi = index_at(ends, ne, t->s);
		if (pi < 0 || bi >= 0)
			continue;
		const match *p = &c->m[pi];
		if (p->kind != K_NAME)
			continue; /* a dictionary person's: chains */
		int32_t ei = entity_of_match(c, &c->m[pi]);
		if (ei < 0)
			continue;
		title_of to = title_org(c, i);
		t = &c->m[i];
		p = &c->m[pi];
		add_title(c, ei, t, to);
		add_span(c, &ent_at(c, ei)->forms,
		         jx_doc_span(c->doc, p->s, t->e));
	}
}

/* The kind of list mark token t is ("list", "conj"), or NULL. */
static const char *list_mark(const ctx *c, const jx_token *t)
{
	if (c->tb.list_marks == NULL || c->tb.lm_kind < 0)
		return NULL;
	uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
	int64_t r =
	    e <= c->n ? jx_table_find(c->tb.list_marks, c->t + s, e - s) : -1;
	return r < 0
	           ? NULL
	           : jx_table_str(c->tb.list_marks, (uint32_t)r, c->tb.lm_kind);
}

/* Person edges for list_names, per norm byte: 1 a person's name ends
 * there, 2 one starts there. */
static uint8_t *person_edges(ctx *c)
{
	uint8_t *pe = jx_arena_zalloc(&c->doc->arena, (size_t)c->n + 1);
	if (pe == NULL) {
		c->doc->oom = JISHI_ENOMEM;
		return NULL;
	}
	for (uint32_t k = 0; k < c->nm; k++)
		if (c->m[k].kind == K_PERSON || c->m[k].kind == K_NAME) {
			pe[c->m[k].e] |= 1;
			pe[c->m[k].s] |= 2;
		}
	return pe;
}

/* A list member [s, e) is a person's name: its match, entity and edges
 * (list_names, list_items). False when out of memory. */
static bool list_person(ctx *c, uint8_t *pe, uint32_t s, uint32_t e)
{
	match *x = add_match(c, s, e, K_NAME, 0);
	if (x == NULL)
		return false;
	entity_of_match(c, x);
	pe[s] |= 2;
	pe[e] |= 1;
	return true;
}

/* Is the word [s, e) shaped like a name in a list (list_names)? A
 * lexicon noun (not unknown, rare or nr) must pass the strict model of
 * name_shaped_word, and a rare one of three Han characters a given name
 * that is no common word
 * (高質量 is no name: 質量 is too common a word for a given name); a
 * transliteration must be of common characters
 * unless the lexicon tags it as a name; an unknown word of three
 * characters may start with a common surname that is also a function
 * word (曾秀君, 和萬春). */
static bool list_shaped(const ctx *c, uint32_t s, uint32_t e, bool unknown,
                        bool rare, bool nr)
{
	size_t nc = jx_utf8_count(c->t + s, e - s);
	if (!unknown && !rare)
		return nc == 3 && name_shaped_word(c, s, e);
	if (translit_chars(c, s, e))
		return (nr || translit_common(c, s, e) ||
		        (nc == 3 && name_shaped_word(c, s, e))) &&
		       name_shaped(c, s, e, true);
	if (rare && nc == 3)
		return name_shaped(c, s, e, true) &&
		       !common_given(c, s + char_len(c, s), e);
	if (name_shaped(c, s, e, true))
		return true;
	if (!unknown || nc != 3 || !all_han(c, s, e))
		return false;
	uint32_t g1 = s + char_len(c, s), g2 = g1 + char_len(c, g1);
	return common_surname(
	           c, jx_table_find(c->tb.surnames, c->t + s, g1 - s)) &&
	       given_ok(c, g1, false, c->tb.g_first) &&
	       given_ok(c, g2, false, c->tb.g_last) &&
	       !suffix_kind(c, c->tb.place_suffixes, c->tb.ps_kind, g2, e);
}

/* Members of a list of people: a whole word on the other side of a list
 * mark (names/list_marks) from a person's name is a name too when it is
 * shaped like one (李亞莉、曾秀君, 涅姆佐夫和赫里斯堅科). Across a
 * conjunction (和, 與) the word must be unknown to the lexicon or tagged
 * as a name; across a list mark a rare lexicon noun shaped like a name
 * will do (柳青、李昕). Runs until no name is added, so that a list is
 * read from either end. */
static void list_names(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.list_marks == NULL)
		return;
	uint8_t *pe = person_edges(c);
	/* which tokens are list marks, found once (the rounds only look
	 * next to them) */
	uint8_t *mk = jx_arena_zalloc(&c->doc->arena, d->ntokens + 1);
	if (pe == NULL || mk == NULL) {
		c->doc->oom = JISHI_ENOMEM;
		return;
	}
	for (uint32_t i = 0; i < d->ntokens; i++)
		mk[i] = list_mark(c, &d->tokens[i]) != NULL;
	for (int round = 0, added = 1; added && round < 4; round++) {
		added = 0;
		for (uint32_t i = 0; i < d->ntokens; i++) {
			if (!(i > 0 && mk[i - 1]) && !mk[i + 1])
				continue;
			const jx_token *t = &d->tokens[i];
			uint32_t s = tok_ns(c, t), e = tok_ne(c, t);
			if (e > c->n || !all_han(c, s, e) ||
			    !uncovered(c, s, e) || after_numeral(c, s))
				continue;
			const jx_token *u = i > 0 ? &d->tokens[i - 1] : NULL,
			               *w = i + 1 < d->ntokens
			                        ? &d->tokens[i + 1]
			                        : NULL;
			if (u && u->end != t->start)
				u = NULL;
			if (w && w->start != t->end)
				w = NULL;
			const char *lk = u ? list_mark(c, u) : NULL;
			const char *rk = w ? list_mark(c, w) : NULL;
			if (lk && !(pe[tok_ns(c, u)] & 1))
				lk = NULL;
			if (rk && !(pe[tok_ne(c, w)] & 2))
				rk = NULL;
			if (!lk && !rk)
				continue;
			bool strong = (lk && !strcmp(lk, "list")) ||
			              (rk && !strcmp(rk, "list"));
			const char *tag = tok_tag(c, t);
			size_t nc = jx_utf8_count(c->t + s, e - s);
			bool unknown = (t->flags & JX_TOK_OOV) ||
			               tag[0] == 'x' ||
			               (tag[0] == 'n' && tag[1] == 'r');
			/* a rare noun: across a list mark, or a
			 * transliteration of three characters or more (涅姆佐夫
			 * /n) */
			bool rare =
			    !unknown && tag[0] == 'n' &&
			    (strong || (nc >= 3 && translit_chars(c, s, e))) &&
			    word_cost(c, s, e, NULL) >= RARE_NOUN_COST;
			if (!(unknown || rare ||
			      (strong && nc == 3 && tag[0] == 'n')))
				continue;
			if (!unknown && has_country(c, s, e))
				continue;
			const jx_token *far = lk ? w : u;
			uint32_t fs = far ? tok_ns(c, far) : 0,
			         fe = far ? tok_ne(c, far) : 0;
			bool nr = tag[0] == 'n' && tag[1] == 'r';
			/* a surname the segmenter cut off on the left:
			 * 、曾/d|國衞/x、李家超 */
			if (!lk && far && nc == 2 && one_han_word(c, far) &&
			    uncovered(c, fs, fe) && unknown &&
			    list_shaped(c, fs, e, true, false, false)) {
				s = fs;
				far = i > 1 && d->tokens[i - 2].end == u->start
				          ? &d->tokens[i - 2]
				          : NULL;
				fs = far ? tok_ns(c, far) : 0;
				fe = far ? tok_ne(c, far) : 0;
			} else if (!list_shaped(c, s, e, unknown, rare, nr)) {
				continue;
			}
			/* the word on the far side is not glued to it (張|德
			 * 江, 約翰—格倫), nor goes on with a transliteration
			 * (奧利|塞赫), nor is a noun after a rare word of two
			 * (行署|專員) */
			if (far && fe <= c->n &&
			    ((one_han_word(c, far) && !verb_at(c, fs) &&
			      !list_mark(c, far)) ||
			     (all_han(c, fs, fe) &&
			      ((far->flags & JX_TOK_OOV) ||
			       tok_tag(c, far)[0] == 'x' ||
			       (translit_chars(c, s, e) &&
			        translit_chars(c, fs, fe)))) ||
			     (rare && nc == 2 && tok_tag(c, far)[0] == 'n')))
				continue;
			uint32_t dl;
			if (is_dot(c, e, &dl))
				continue;
			if (!list_person(c, pe, s, e))
				return;
			added = 1;
		}
	}
}

/* The item of a list that sits on one side of the list mark token i
 * (side 0: after it, 1: before it) and reaches the next punctuation or
 * the text's edge: one to three words, no verb or function word after
 * the first. Its norm bytes in *s, *e. */
static bool list_item(const ctx *c, uint32_t i, int side, uint32_t *s,
                      uint32_t *e)
{
	const jishi_doc *d = c->doc;
	const jx_token *t = &d->tokens[i];
	int step = side == 0 ? 1 : -1;
	uint32_t nw = 0, edge = side == 0 ? t->end : t->start;
	for (int64_t j = (int64_t)i + step; nw <= 3; j += step) {
		bool out = j < 0 || j >= (int64_t)d->ntokens;
		const jx_token *u = out ? NULL : &d->tokens[j];
		if (u && (side == 0 ? u->start != edge : u->end != edge))
			u = NULL; /* a gap ends the item */
		if (u == NULL || tok_tag(c, u)[0] == 'w') {
			if (nw == 0 || (u == NULL && !out))
				return false;
			*s =
			    side == 0 ? tok_ns(c, t + 1) : tok_ne(c, u ? u : t);
			*e = side == 0 ? (u ? tok_ns(c, u) : tok_ne(c, t + nw))
			               : tok_ns(c, t);
			if (side == 1 && u == NULL)
				*s = tok_ns(c, t - nw);
			return *e <= c->n && *s < *e;
		}
		/* the first word is the surname's (it is the last walked
		 * before the mark's side 1) */
		bool first = side == 0
		                 ? nw == 0
		                 : (j == 0 || tok_tag(c, u - 1)[0] == 'w');
		if (!first && strchr("vpcudy", tok_tag(c, u)[0]) &&
		    !(u->flags & JX_TOK_OOV))
			return false;
		nw++;
		edge = side == 0 ? u->end : u->start;
	}
	return false;
}

/* Items of a list of people that the words cut: on the other side of a
 * list mark (、 ／) from a person's name, an item of three Han characters
 * up to the next punctuation that is shaped like a name is one, in
 * place of a shorter reading inside it (、沈求|我，, 、鈕|小明、,
 * 何泰權/x／姜京珍). A dictionary person inside stays. */
static void list_items(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.list_marks == NULL)
		return;
	uint8_t *pe = person_edges(c);
	if (pe == NULL)
		return;
	for (uint32_t i = 0; i < d->ntokens; i++) {
		const char *k = list_mark(c, &d->tokens[i]);
		if (k == NULL || strcmp(k, "list"))
			continue;
		uint32_t ms = tok_ns(c, &d->tokens[i]),
		         me = tok_ne(c, &d->tokens[i]);
		for (int side = 0; side < 2; side++) {
			uint32_t s, e;
			if (!(side == 0 ? pe[ms] & 1 : pe[me] & 2) ||
			    !list_item(c, i, side, &s, &e) ||
			    jx_utf8_count(c->t + s, e - s) != 3 ||
			    ((pe[s] & 2) && (pe[e] & 1)) ||
			    !name_shaped(c, s, e, true) || has_country(c, s, e))
				continue;
			/* nothing but names the model read inside */
			bool free = true;
			for (uint32_t k2 = 0; k2 < c->nm && free; k2++) {
				const match *x = &c->m[k2];
				if (x->s < e && x->e > s && x->kind != K_NONE &&
				    (x->kind != K_NAME || x->s < s || x->e > e))
					free = false;
			}
			if (!free)
				continue;
			if (!list_person(c, pe, s, e))
				return;
		}
	}
}

/* Name match i read too short ends at e instead. An entity that has it
 * as its only mention grows with it and keeps its titles; otherwise the
 * longer name is an entity of its own and drop_nested removes the
 * shorter mention. */
static void grow_name(ctx *c, uint32_t i, uint32_t e)
{
	match *x = &c->m[i];
	jx_entity *en = x->ent >= 0 ? ent_at(c, x->ent) : NULL;
	jx_span old = jx_doc_span(c->doc, x->s, x->e);
	if (en && en->mentions.n == 1 && !strncmp(en->key, "N:", 2)) {
		const char *key = arena_key(c, "N:", c->t + x->s, e - x->s);
		if (entity_find(c, JX_ENT_PERSON, key) < 0) {
			jx_span nw = jx_doc_span(c->doc, x->s, e);
			JX_VEC_AT(&en->mentions, jx_span, 0) = nw;
			if (en->name.start == old.start &&
			    en->name.end == old.end)
				en->name = nw;
			en->key = key;
			memset(c->covered + x->e, 1, e - x->e);
			x->e = e;
			return;
		}
	}
	if (x->ent < 0) {
		memset(c->covered + x->e, 1, e - x->e);
		x->e = e;
		return;
	}
	match *y = add_match(c, x->s, e, K_NAME, 0);
	if (y != NULL)
		entity_of_match(c, y);
}

/* The end of a Japanese given name's tail in 郎 after the name x of a
 * Japanese surname and one character (谷口清|太郎, 小澤一|郎), or 0. */
static uint32_t jp_tail(const ctx *c, const match *x)
{
	uint32_t l1 = char_len(c, x->s), l2 = char_len(c, x->s + l1);
	if (jx_utf8_count(c->t + x->s, x->e - x->s) != 3 ||
	    jx_table_find(c->tb.jp_surnames, c->t + x->s, l1 + l2) < 0 ||
	    !tok_edge(c, x->e) || c->covered[x->e])
		return 0;
	const jx_token *t = word_at(c, x->e);
	uint32_t te = t ? tok_ne(c, t) : 0;
	return t && te <= c->n && jx_utf8_count(c->t + x->e, te - x->e) <= 2 &&
	               te - x->e >= 3 &&
	               !memcmp(c->t + te - 3, "\xE9\x83\x8E", 3) /* 郎 */
	           ? te
	           : 0;
}

/* A transliterated name the segmenter cut before its last character
 * (安德雷/nr|斯/nr|和, 伊梅爾|達/v|得到): a transliteration character
 * that is a word of its own right after it ends the name when a verb
 * or function word follows, or, tagged as a name or unknown, a clear
 * edge (oov_end). */
static void translit_tails(ctx *c)
{
	uint32_t nm = c->nm;
	for (uint32_t i = 0; i < nm; i++) {
		const match *x = &c->m[i];
		uint32_t je = x->kind == K_NAME ? jp_tail(c, x) : 0;
		if (je) {
			grow_name(c, i, je);
			if (c->doc->oom)
				return;
			continue;
		}
		if (x->kind != K_NAME || !translit_chars(c, x->s, x->e) ||
		    jx_utf8_count(c->t + x->s, x->e - x->s) < 2 ||
		    !tok_edge(c, x->s) || !tok_edge(c, x->e))
			continue;
		const jx_token *t = word_at(c, x->e);
		if (t == NULL || !one_han_word(c, t) ||
		    !translit_char(c, x->e) || c->covered[x->e])
			continue;
		const char *tag = tok_tag(c, t);
		bool named = (t->flags & JX_TOK_OOV) || tag[0] == 'x' ||
		             !strncmp(tag, "nr", 2) || !strcmp(tag, "nz");
		if (!(named && oov_end(c, t)) && !verb_at(c, tok_ne(c, t)))
			continue;
		grow_name(c, i, tok_ne(c, t));
		if (c->doc->oom)
			return;
	}
}

/* An organisation right after a one-character word of an administrative
 * level (鄉|衛生院, 縣|人大內司委, 市|青年志願者協會) is that level's:
 * the word joins its name, unless a word it may end comes right before
 * it. */
static void level_prefix(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL || c->tb.place_suffixes == NULL)
		return;
	for (uint32_t k = 0; k < c->nm; k++) {
		match *x = &c->m[k];
		if ((x->kind != K_ORG && x->kind != K_LEXORG) || x->ent >= 0 ||
		    x->s == 0)
			continue;
		int64_t i = tok_containing(c, prev_off(c, x->s));
		if (i < 0 || tok_ne(c, &d->tokens[i]) != x->s)
			continue;
		const jx_token *t = &d->tokens[i];
		uint32_t ts = tok_ns(c, t);
		if (!one_han_word(c, t) || c->covered[ts])
			continue;
		int64_t r =
		    jx_table_find(c->tb.place_suffixes, c->t + ts, x->s - ts);
		if (r < 0 || strcmp(jx_table_str(c->tb.place_suffixes,
		                                 (uint32_t)r, c->tb.ps_kind),
		                    "division"))
			continue;
		if (i > 0 && d->tokens[i - 1].end == t->start &&
		    is_han(c, tok_ns(c, &d->tokens[i - 1])) &&
		    !verb_at(c, tok_ns(c, &d->tokens[i - 1])))
			continue;
		c->covered[ts] = 2;
		c->covered[x->s] = 1;
		for (uint32_t b = ts + 1; b < x->s; b++)
			c->covered[b] = 1;
		x->s = ts;
	}
}

/* A team named by a rare or unknown word and the word 隊 (松日|隊,
 * 寰島|隊, 健力寶|隊): a club's name, not a common noun (種子|隊, 機防|隊),
 * and not counted by a measure word (一支|農運車|隊). */
static void teams(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL)
		return;
	for (uint32_t i = 1; i < d->ntokens; i++) {
		const jx_token *t = &d->tokens[i], *u = t - 1;
		uint32_t s = tok_ns(c, u), e = tok_ne(c, t);
		if (u->end != t->start || e > c->n ||
		    !dui_at(c, tok_ns(c, t)) || tok_ns(c, t) + 3 != e ||
		    !all_han(c, s, tok_ns(c, t)) ||
		    jx_utf8_count(c->t + s, tok_ns(c, t) - s) < 2 ||
		    !uncovered(c, s, e) || after_numeral(c, s))
			continue;
		const char *tag = tok_tag(c, u);
		bool unknown = (u->flags & JX_TOK_OOV) || tag[0] == 'x' ||
		               !strcmp(tag, "nz");
		if (!unknown &&
		    !(tag[0] == 'n' && tag[1] == '\0' &&
		      word_cost(c, s, tok_ns(c, t), NULL) >= RARE_NOUN_COST))
			continue;
		/* a measure word or numeral before: 一支|農運車|隊 */
		if (i >= 2 && d->tokens[i - 2].end == u->start &&
		    strchr("mq", tok_tag(c, &d->tokens[i - 2])[0]))
			continue;
		match *x = add_match(c, s, e, K_LEXORG, 0);
		if (x == NULL)
			return;
		memset(c->covered + s, 1, e - s);
		c->covered[s] = 2;
	}
}

/* A newspaper's name and the 社 after it are its publishing house, the
 * body whose head a 社長 is: 經濟日報|社社長, 澳門日報|社長, 經濟日報|社
 * (not 社會, 社論: the rest of the word after 社 is nothing or ends with a
 * head's word, org_suffixes kind head). The outlet's match takes 社 in. */
static void press_houses(ctx *c)
{
	static const char she[] = "\xE7\xA4\xBE"; /* 社 */
	for (uint32_t k = 0; k < c->nm; k++) {
		match *x = &c->m[k];
		if ((x->kind != K_MEDIA && x->kind != K_ORG &&
		     x->kind != K_LEXORG) ||
		    x->ent >= 0 || x->e + 3 > c->n ||
		    memcmp(c->t + x->e, she, 3) != 0 || x->e < x->s + 6)
			continue;
		uint32_t last = prev_off(c, x->e);
		if (memcmp(c->t + last, "\xE6\x8A\xA5", 3) && /* 报 */
		    memcmp(c->t + last, "\xE5\xA0\xB1", 3))   /* 報 */
			continue;
		/* 社 is no other name's */
		const jx_token *t = word_at(c, x->e);
		if (t == NULL || tok_ne(c, t) > c->n || c->covered[x->e])
			continue;
		uint32_t te = tok_ne(c, t), q = x->e + 3;
		const char *hk = q < te ? suffix_kind(c, c->tb.org_suffixes,
		                                      c->tb.os_kind, q, te)
		                        : "head";
		if (hk == NULL || strcmp(hk, "head"))
			continue;
		x->e = q;
		c->covered[q - 3] = 1;
	}
}

/* The term of a body is part of its name: 第六屆|全國人大|第二次會議,
 * 十四届|全国人大常委会 name one body each (the sixth National People's
 * Congress), unless the term is the following noun's or office's. */
static void session_prefix(ctx *c)
{
	for (uint32_t k = 0; k < c->nm; k++) {
		match *x = &c->m[k];
		if ((x->kind != K_ORG && x->kind != K_LEXORG) || x->ent >= 0 ||
		    x->s < 6)
			continue;
		uint32_t p = prev_off(c, x->s);
		if (c->covered[p] ||
		    (memcmp(c->t + p, "\xE5\xB1\x86", 3) && /* 屆 */
		     memcmp(c->t + p, "\xE5\xB1\x8A", 3)))  /* 届 */
			continue;
		uint32_t s = p, q = p;
		bool di = false; /* 第: an ordinal, not a count of terms */
		/* numerals (一 … 十, 百, 〇) or digits, perhaps after 第 */
		while (q > 0 && !c->covered[prev_off(c, q)] &&
		       (numeral_at(c, prev_off(c, q), false) ||
		        (c->t[q - 1] >= '0' && c->t[q - 1] <= '9')))
			q = prev_off(c, q);
		if (q < s) {
			s = q;
			if (s > 0 && !memcmp(c->t + prev_off(c, s),
			                     "\xE7\xAC\xAC", 3)) { /* 第 */
				s = prev_off(c, s);
				di = true;
			}
		} else if (p >= 3 && !memcmp(c->t + p - 3, "\xE9\xA6\x96", 3)) {
			s = p - 3; /* 首 */
		}
		/* the term is the next word's when a noun follows, or an
		 * office after a count of terms: 第十六屆|英聯邦|運動會,
		 * 六屆|縣委|書記 (not 第77屆|聯合國大會|主席) */
		const jx_token *w = word_at(c, x->e);
		bool office = k + 1 < c->nm && c->m[k + 1].s == x->e &&
		              c->m[k + 1].kind == K_OFFICE;
		if (s == p || c->covered[s] || (office && !di) ||
		    (!office && w &&
		     (tok_tag(c, w)[0] == 'n' || !strcmp(tok_tag(c, w), "vn"))))
			continue;
		c->covered[s] = 2;
		for (uint32_t b = s + 1; b <= x->s; b++)
			c->covered[b] = 1;
		x->s = s;
	}
}

/* ---- pass over every entity name -------------------------------------- */

/* Matches not yet tied to an entity (countries, places, …) and every later
 * occurrence of a person's name. */
static void rest(ctx *c)
{
	for (uint32_t i = 0; i < c->nm; i++)
		if (c->m[i].ent < 0 && c->m[i].kind != K_OFFICE &&
		    c->m[i].kind != K_MOD)
			entity_of_match(c, &c->m[i]);
}

/* Are all the names that overlap [s, e) names read with the name model
 * that lie inside it and are shorter? No match may run into it or out
 * of it (covered), so those overlapping it start inside it: ix holds all
 * matches by start. */
static bool names_inside(const ctx *c, const startix *ix, uint32_t n,
                         uint32_t s, uint32_t e)
{
	if (c->covered[s] == 1 || (e < c->n && c->covered[e] == 1))
		return false;
	bool any = false;
	for (uint32_t k = index_from(ix, n, s); k < n && ix[k].s < e; k++) {
		const match *y = &c->m[ix[k].k];
		if (y->kind == K_NONE)
			continue;
		if (y->kind != K_NAME || y->e > e || y->e - y->s >= e - s)
			return false;
		any = true;
	}
	return any;
}

/* Every occurrence of a K_NAME person's name (read once after a title). */
static void repeat_names(ctx *c)
{
	jx_vec *v = &c->doc->entities;
	/* the offices and the names by start, for 魯托|總統 at a repeat */
	uint32_t no, nn;
	startix *offices = match_index(c, 1u << K_OFFICE, false, &no);
	startix *names =
	    match_index(c, 1u << K_NAME | 1u << K_PERSON, false, &nn);
	uint32_t na;
	startix *all = match_index(c, ~(1u << K_NONE), false, &na);
	if (c->doc->oom)
		return;
	for (uint32_t i = 0; i < v->n; i++) {
		jx_entity *e = ent_at(c, (int32_t)i);
		if (e->type != JX_ENT_PERSON || strncmp(e->key, "N:", 2))
			continue;
		const uint8_t *nm = (const uint8_t *)e->key + 2;
		uint32_t len = (uint32_t)strlen(e->key + 2);
		if (len == 0)
			continue;
		for (uint32_t p = 0; p + len <= c->n; p++) {
			/* memmem jumps to the next occurrence: one pass over
			 * the text a name, not a comparison a byte */
			const uint8_t *hit =
			    memmem(c->t + p, c->n - p, nm, len);
			if (hit == NULL)
				break;
			p = (uint32_t)(hit - c->t);
			/* not inside another known name; the name itself is
			 * fine (a match starting here and ending with it) */
			bool inside = false;
			bool self =
			    c->covered[p] == 2 &&
			    (p + len >= c->n || c->covered[p + len] != 1);
			for (uint32_t b = p; b < p + len && !self && !inside;
			     b++)
				inside = c->covered[b] != 0;
			/* a shorter name read inside it is a misreading of it
			 * (同|圖伊馬萊阿利法諾 gave 伊馬萊): the repeat wins
			 * and drop_nested removes the shorter one */
			if (inside && !self)
				inside = !names_inside(c, all, na, p, p + len);
			/* not the start of a longer person's name: 羅哲 in
			 * 羅哲斯 */
			for (uint32_t k = 0; k < v->n && !inside; k++) {
				jx_entity *o = ent_at(c, (int32_t)k);
				size_t ol = o->type == JX_ENT_PERSON &&
				                    !strncmp(o->key, "N:", 2)
				                ? strlen(o->key + 2)
				                : 0;
				inside = ol > len && p + ol <= c->n &&
				         memcmp(c->t + p, o->key + 2, ol) == 0;
			}
			if (inside)
				continue;
			add_mention(c, (int32_t)i, p, p + len);
			/* an office after it with no name of its own */
			int64_t oi = index_at(offices, no, p + len);
			if (oi >= 0 && index_at(names, nn, c->m[oi].e) < 0) {
				title_of to = title_org(c, (uint32_t)oi);
				e = ent_at(c, (int32_t)i);
				add_title(c, (int32_t)i, &c->m[oi], to);
				add_span(c, &e->forms,
				         jx_doc_span(c->doc, p, c->m[oi].e));
			}
		}
	}
}

/* Surname + title (石破總理): the one person of the document with that
 * surname whose office has the title's role. */
static void surname_titles(ctx *c)
{
	for (uint32_t i = 0; i < c->nm; i++) {
		match *t = &c->m[i];
		if (t->kind != K_OFFICE)
			continue;
		if (i > 0 && c->m[i - 1].e == t->s)
			continue; /* a name or country right before it */
		const char *role =
		    jx_table_str(c->tb.offices, t->row, c->tb.f_role);
		for (uint32_t sl = 1; sl <= 2; sl++) {
			/* sl characters before the title */
			uint32_t s = t->s;
			for (uint32_t k = 0; k < sl && s > 0; k++) {
				size_t q = s;
				jx_utf8_prev(c->t, &q);
				s = (uint32_t)q;
			}
			if (s == t->s || !is_han(c, s))
				continue;
			int32_t hit = -1;
			int nhit = 0;
			for (uint32_t k = 0; k < c->doc->entities.n; k++) {
				jx_entity *e = ent_at(c, (int32_t)k);
				if (e->type != JX_ENT_PERSON)
					continue;
				jx_span nm = e->name;
				if (nm.end - nm.start <= t->s - s ||
				    memcmp(c->doc->src + nm.start, c->t + s,
				           t->s - s) != 0)
					continue;
				bool fits = e->titles.n == 0;
				for (uint32_t x = 0; x < e->titles.n; x++)
					if (!strcmp(JX_VEC_AT(&e->titles,
					                      jx_title, x)
					                .role,
					            role))
						fits = true;
				if (fits) {
					hit = (int32_t)k;
					nhit++;
				}
			}
			if (nhit == 1) {
				/* the mention is the name's part (石破, as
				 * 李在明 in 李在明總統); the whole a form */
				add_mention(c, hit, s, t->s);
				add_span(c, &ent_at(c, hit)->forms,
				         jx_doc_span(c->doc, s, t->e));
				break;
			}
		}
	}
}

/* A parenthesis after a person naming another form: 金惠景（前譯金惠慶）. */
/* Are the n bytes at s a person's name in Latin letters: words that
 * begin with a capital, of letters, apostrophes, hyphens and dots, one
 * to five of them, separated by single spaces (Benedict Rogers, J.K.
 * Rowling, Jean-Luc Mélenchon is not: ASCII only)? */
static bool latin_name(const uint8_t *s, uint32_t n)
{
	if (n < 2 || n > 38)
		return false;
	int words = 0;
	uint32_t ws = 0; /* the current word's start */
	for (uint32_t i = 0; i <= n; i++) {
		if (i == n || s[i] == ' ') {
			/* a word has a small letter or is an initial (J.);
			 * CEO, UN are no names */
			uint32_t wl = i - ws;
			bool small = false;
			for (uint32_t k = ws; k < i; k++)
				small = small || (s[k] >= 'a' && s[k] <= 'z');
			if (wl == 0 ||
			    !(small || (wl == 2 && s[ws + 1] == '.')))
				return false;
			words++;
			ws = i + 1;
			continue;
		}
		uint8_t ch = s[i];
		if (i == ws ? !(ch >= 'A' && ch <= 'Z')
		            : !((ch >= 'a' && ch <= 'z') ||
		                (ch >= 'A' && ch <= 'Z') || ch == '\'' ||
		                ch == '-' || ch == '.'))
			return false;
	}
	return words <= 5;
}

static void paren_aliases(ctx *c)
{
	jx_vec *v = &c->doc->entities;
	for (uint32_t i = 0; i < v->n; i++) {
		jx_entity *e = ent_at(c, (int32_t)i);
		if (e->type != JX_ENT_PERSON)
			continue;
		uint32_t nmen = e->mentions.n;
		for (uint32_t k = 0; k < nmen; k++) {
			jx_span m = JX_VEC_AT(&e->mentions, jx_span, k);
			/* work in src: the text right after the mention */
			const uint8_t *s = c->doc->src;
			uint32_t p = m.end, n = c->doc->len;
			uint32_t open = 0;
			if (p + 3 <= n && memcmp(s + p, "\xEF\xBC\x88", 3) == 0)
				open = 3;
			else if (p < n && s[p] == '(')
				open = 1;
			if (!open)
				continue;
			p += open;
			uint32_t close = p;
			while (close < n && close - p < 40 && s[close] != ')' &&
			       !(close + 3 <= n &&
			         memcmp(s + close, "\xEF\xBC\x89", 3) == 0))
				close++;
			if (close >= n || close - p >= 40)
				continue;
			/* a name in Latin letters: 羅哲斯（Benedict Rogers） */
			if (latin_name(s + p, close - p)) {
				add_span(c, &e->mentions, (jx_span){p, close});
				continue;
			}
			/* a cue (前譯, 又譯 …) then the other form */
			const jx_table *cues = c->tb.alias_cues;
			for (uint32_t cl = 3; cues && cl <= 9 && p + cl < close;
			     cl += 3) {
				if (jx_table_find(cues, s + p, cl) < 0)
					continue;
				uint32_t fs = p + cl;
				if (close - fs >= 3 && close - fs <= 15)
					add_span(c, &e->mentions,
					         (jx_span){fs, close});
				break;
			}
		}
	}
}

/* ---- codes ------------------------------------------------------------ */

static const char *actor_type(const ctx *c, const char *role)
{
	const jx_table *f = c->tb.offices;
	for (uint32_t r = 0; f && r < f->nrows; r++)
		if (strcmp(jx_table_str(f, r, c->tb.f_role), role) == 0)
			return opt(jx_table_str(f, r, c->tb.f_actor));
	return NULL;
}

static const char *make_actor(ctx *c, const char *country, const char *type)
{
	if (country == NULL || type == NULL || strlen(country) != 3)
		return NULL;
	char *a = jx_arena_alloc(&c->doc->arena, 8);
	if (a == NULL)
		return NULL;
	memcpy(a, country, 3);
	size_t tl = strlen(type);
	if (tl > 4)
		tl = 4;
	memcpy(a + 3, type, tl);
	a[3 + tl] = '\0';
	return a;
}

/* Is date d (YYYY-MM-DD) within [from, to] (to "-": open)? Partial dates
 * compare by their prefix. */
static bool in_term(const char *d, const char *from, const char *to)
{
	if (d == NULL || d[0] == '\0')
		return false;
	if (strncmp(from, d, strlen(from)) > 0)
		return false;
	if (opt(to) && strncmp(to, d, strlen(to)) < 0)
		return false;
	return true;
}

/* The one country that the titles of role carry in the document, or NULL
 * when none does or they differ. A list of 聯邦參議員 after one
 * 美國參議員 are the same country's. */
static const char *role_country(const ctx *c, const char *role)
{
	const char *one = NULL;
	for (uint32_t i = 0; i < c->doc->entities.n; i++) {
		const jx_entity *e =
		    &JX_VEC_AT(&c->doc->entities, jx_entity, i);
		for (uint32_t k = 0; k < e->titles.n; k++) {
			const jx_title *t = &JX_VEC_AT(&e->titles, jx_title, k);
			if (t->country == NULL || strcmp(t->role, role) != 0)
				continue;
			if (one && strcmp(one, t->country) != 0)
				return NULL;
			one = t->country;
		}
	}
	return one;
}

/* The row after the last of actors/people that has the name of row r (a
 * person's rows: one per form and term, sorted by name). */
static uint32_t people_rows_end(const tables *tb, uint32_t r)
{
	jx_str nm = jx_table_cell(tb->people, r, 0);
	while (++r < tb->people->nrows) {
		jx_str s = jx_table_cell(tb->people, r, 0);
		if (s.len != nm.len || memcmp(s.s, nm.s, s.len))
			break;
	}
	return r;
}

/* A body named bare after the text named it with its country or place
 * in front (英國下議院 … 下議院) is that body: the bare one's mentions join
 * the longer one's, when the longer one is the only such body in the text
 * and the bare one has no country of its own. The longer bodies are
 * sorted by the rest of their name after the country or place, so that
 * each bare one is looked up by binary search. */
typedef struct {
	const uint8_t *p; /* the rest of the name (norm) */
	uint32_t len;
	int32_t ent;
} tail_of;

static int cmp_bytes(const uint8_t *a, uint32_t al, const uint8_t *b,
                     uint32_t bl)
{
	int r = memcmp(a, b, al < bl ? al : bl);
	return r ? r : (al > bl) - (al < bl);
}

static int cmp_tail(const void *pa, const void *pb)
{
	const tail_of *a = pa, *b = pb;
	int r = cmp_bytes(a->p, a->len, b->p, b->len);
	return r ? r : (a->ent > b->ent) - (a->ent < b->ent);
}

static void bare_bodies(ctx *c)
{
	jx_vec *v = &c->doc->entities;
	if (v->n == 0)
		return;
	c->gone = jx_arena_zalloc(&c->doc->arena, v->n);
	tail_of *tl = jx_arena_alloc(&c->doc->arena,
	                             (size_t)(c->nm + 1) * sizeof(tail_of));
	if (c->gone == NULL || tl == NULL) {
		c->doc->oom = JISHI_ENOMEM;
		return;
	}
	uint32_t nt = 0;
	for (uint32_t j = 0; j < c->nm; j++) {
		const match *y = &c->m[j];
		if (y->kind != K_LEXORG || y->ent < 0 ||
		    ent_at(c, y->ent)->country == NULL)
			continue;
		/* the front is a country's or place's name, the rest two
		 * characters or more */
		uint32_t row, cl = 0, pl = 0;
		if (c->tb.countries)
			cl = (uint32_t)jx_table_longest(
			    c->tb.countries, c->t + y->s, y->e - y->s, &row);
		if (c->tb.places)
			pl = (uint32_t)jx_table_longest(
			    c->tb.places, c->t + y->s, y->e - y->s, &row);
		uint32_t h = cl > pl ? cl : pl;
		/* 中國駐|休斯頓總領事館: the mission is named after 駐 */
		if (h && y->s + h + 3 < y->e &&
		    is_zhu(c, y->s + h, y->s + h + 3))
			h += 3;
		if (h == 0 || y->e - y->s - h < 2 * char_len(c, y->s + h))
			continue;
		tl[nt++] = (tail_of){c->t + y->s + h, y->e - y->s - h, y->ent};
	}
	if (nt == 0)
		return;
	qsort(tl, nt, sizeof(tail_of), cmp_tail);
	for (uint32_t i = 0; i < c->nm; i++) {
		const match *x = &c->m[i];
		/* a mission after 駐 has its host's country for now
		 * (關閉駐|休斯頓總領事館) */
		bool zhu = x->s >= 3 && is_zhu(c, x->s - 3, x->s);
		if ((x->kind != K_LEXORG && x->kind != K_ORG) || x->ent < 0 ||
		    c->gone[x->ent] || (ent_at(c, x->ent)->country && !zhu))
			continue;
		uint32_t lo = 0, hi = nt;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;
			if (cmp_bytes(tl[mid].p, tl[mid].len, c->t + x->s,
			              x->e - x->s) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		int32_t into = -1;
		bool two = false;
		for (uint32_t k = lo;
		     k < nt && !two &&
		     !cmp_bytes(tl[k].p, tl[k].len, c->t + x->s, x->e - x->s);
		     k++) {
			if (tl[k].ent == x->ent || tl[k].ent == into)
				continue;
			two = into >= 0;
			into = tl[k].ent;
		}
		if (into < 0 || two)
			continue;
		jx_entity *a = ent_at(c, x->ent), *b = ent_at(c, into);
		for (uint32_t k = 0; k < a->mentions.n; k++)
			add_span(c, &b->mentions,
			         JX_VEC_AT(&a->mentions, jx_span, k));
		add_span(c, &b->forms, a->name);
		a->mentions.n = 0;
		c->gone[x->ent] = 1;
	}
}

/* A generic body of the gazetteer (key GEN_: 財政部, 國防部, 國會) named
 * right after a list mark or conjunction that follows a body with a
 * country is that country's (美國國務院和財政部: the US Treasury). */
static const char *list_mark(const ctx *c, const jx_token *t);

static void conjoined_bodies(ctx *c)
{
	const jishi_doc *d = c->doc;
	if (d->tokens == NULL)
		return;
	for (uint32_t i = 1; i < c->nm; i++) {
		const match *x = &c->m[i];
		if (x->kind != K_ORG || x->ent < 0 ||
		    (c->gone && c->gone[x->ent]) ||
		    ent_at(c, x->ent)->country ||
		    strncmp(jx_table_str(c->tb.orgs, x->row, c->tb.o_key),
		            "GEN_", 4) != 0)
			continue;
		const match *y = NULL;
		for (uint32_t j = i; j-- > 0 && y == NULL;)
			if (c->m[j].kind != K_NONE && c->m[j].kind != K_MOD)
				y = &c->m[j];
		if (y == NULL || (y->kind != K_ORG && y->kind != K_LEXORG) ||
		    y->ent < 0 || ent_at(c, y->ent)->country == NULL)
			continue;
		const jx_token *m = word_at(c, y->e);
		if (m == NULL || tok_ne(c, m) != x->s || !list_mark(c, m))
			continue;
		ent_at(c, x->ent)->country = ent_at(c, y->ent)->country;
	}
}

/* A head of state or government the text names with no country
 * (習近平主席和穆罕默德總統) is the one country of the text that has no
 * other holder of that office: a report on a meeting names both sides'
 * heads and only one side's country is left. The offices held in the
 * text (by a current title and the person's country, or by the actor
 * dictionary on the anchor date) are gathered once. */
typedef struct {
	const char *role, *ctry;
} held_office;

static bool head_role(const char *role)
{
	return !strcmp(role, "head_of_state") ||
	       !strcmp(role, "head_of_government");
}

static void counterpart_heads(ctx *c)
{
	const tables *tb = &c->tb;
	const jx_vec *ents = &c->doc->entities;
	const char *anchor = c->doc->anchor[0] ? c->doc->anchor : NULL;
	held_office *held = NULL;
	uint32_t nh = 0;
	for (uint32_t i = 0; i < ents->n; i++) {
		jx_entity *e = ent_at(c, (int32_t)i);
		if (e->type != JX_ENT_PERSON || e->country || e->prow >= 0)
			continue;
		const jx_title *t = NULL;
		for (uint32_t k = 0; k < e->titles.n && t == NULL; k++) {
			const jx_title *x = &JX_VEC_AT(&e->titles, jx_title, k);
			if (!x->then && x->org == NULL && head_role(x->role))
				t = x;
		}
		if (t == NULL)
			continue;
		if (held == NULL) {
			/* at most one title and one dictionary row a role */
			size_t cap = 1;
			for (uint32_t q = 0; q < ents->n; q++) {
				const jx_entity *z =
				    &JX_VEC_AT(ents, jx_entity, q);
				cap += z->titles.n;
				if (z->prow >= 0)
					cap += people_rows_end(
					           tb, (uint32_t)z->prow) -
					       (uint32_t)z->prow;
			}
			held = jx_arena_alloc(&c->doc->arena,
			                      cap * sizeof(held_office));
			if (held == NULL) {
				c->doc->oom = JISHI_ENOMEM;
				return;
			}
			for (uint32_t q = 0; q < ents->n; q++) {
				const jx_entity *z =
				    &JX_VEC_AT(ents, jx_entity, q);
				if (z->type != JX_ENT_PERSON)
					continue;
				for (uint32_t k = 0;
				     z->country && k < z->titles.n; k++) {
					const jx_title *x =
					    &JX_VEC_AT(&z->titles, jx_title, k);
					if (!x->then && head_role(x->role))
						held[nh++] = (held_office){
						    x->role, z->country};
				}
				if (z->prow < 0)
					continue;
				uint32_t r0 = (uint32_t)z->prow,
				         r1 = people_rows_end(tb, r0);
				for (uint32_t r = r0; r < r1; r++) {
					const char *role = jx_table_str(
					    tb->people, r, tb->a_role);
					if (head_role(role) &&
					    in_term(anchor,
					            jx_table_str(tb->people, r,
					                         tb->a_from),
					            jx_table_str(tb->people, r,
					                         tb->a_to)))
						held[nh++] = (held_office){
						    role, jx_table_str(
						              tb->people, r,
						              tb->a_country)};
				}
			}
		}
		const char *one = NULL;
		bool many = false;
		for (uint32_t g = 0; g < ents->n && !many; g++) {
			const jx_entity *y = &JX_VEC_AT(ents, jx_entity, g);
			if (y->type != JX_ENT_GPE || y->country == NULL ||
			    strlen(y->country) != 3 ||
			    (one && !strcmp(one, y->country)))
				continue;
			bool taken = false;
			for (uint32_t h = 0; h < nh && !taken; h++)
				taken = !strcmp(held[h].role, t->role) &&
				        !strcmp(held[h].ctry, y->country);
			if (taken)
				continue;
			many = one != NULL;
			one = y->country;
		}
		if (one == NULL || many)
			continue;
		e->country = one;
		e->actor = make_actor(c, one, actor_type(c, t->role));
		/* now a holder too (room: its title is counted in cap) */
		held[nh++] = (held_office){t->role, one};
	}
}

/* A title whose office begins with a body's name that the chains could
 * not tie to a body (下議院|議長: office_orgs reads 下議院 after them)
 * takes that body, and its country when the text gives it one
 * (英國下議院 … 下議院議長 John Bercow: GBR, via bare_bodies). Not a
 * person of the actor dictionary, whose rows say whose office it is. */
static void title_bodies(ctx *c)
{
	jx_vec *v = &c->doc->entities;
	for (uint32_t i = 0; i < v->n; i++) {
		const jx_entity *o = ent_at(c, (int32_t)i);
		if (o->type != JX_ENT_ORG || o->country == NULL)
			continue;
		for (uint32_t m = 0; m < o->mentions.n; m++) {
			jx_span sp = JX_VEC_AT(&o->mentions, jx_span, m);
			for (uint32_t k = 0; k < v->n; k++) {
				jx_entity *e = ent_at(c, (int32_t)k);
				if (e->type != JX_ENT_PERSON || e->country ||
				    e->prow >= 0)
					continue;
				for (uint32_t j = 0; j < e->titles.n; j++) {
					jx_title *t =
					    &JX_VEC_AT(&e->titles, jx_title, j);
					if (t->org ||
					    t->span.start != sp.start ||
					    t->span.end <= sp.end)
						continue;
					t->org = o->key;
					t->country = o->country;
					t->org_actor = o->actor;
				}
			}
		}
	}
}

static void codes(ctx *c)
{
	const tables *tb = &c->tb;
	const char *anchor = c->doc->anchor[0] ? c->doc->anchor : NULL;
	for (uint32_t i = 0; i < c->doc->entities.n; i++) {
		jx_entity *e = ent_at(c, (int32_t)i);
		if (e->type != JX_ENT_PERSON)
			continue;
		/* the actor dictionary: every row of the name */
		const char *dcountry = NULL, *dactor = NULL;
		if (e->prow >= 0) {
			uint32_t r1 = people_rows_end(tb, (uint32_t)e->prow);
			for (uint32_t r = (uint32_t)e->prow; r < r1; r++) {
				const char *ctry = opt(
				    jx_table_str(tb->people, r, tb->a_country));
				if (dcountry == NULL)
					dcountry = ctry;
				if (in_term(
				        anchor,
				        jx_table_str(tb->people, r, tb->a_from),
				        jx_table_str(tb->people, r,
				                     tb->a_to))) {
					dcountry = ctry;
					dactor = make_actor(
					    c,
					    opt(jx_table_str(tb->people, r,
					                     tb->a_org)),
					    actor_type(
					        c, jx_table_str(tb->people, r,
					                        tb->a_role)));
				}
			}
		}
		/* titles: the first current title with a country (an
		 * organisation's: 聯邦調查局|局長 is USA) */
		const char *tcountry = NULL, *tactor = NULL, *anyorg = NULL;
		for (uint32_t k = 0; k < e->titles.n; k++) {
			jx_title *t = &JX_VEC_AT(&e->titles, jx_title, k);
			const char *oc = t->country;
			if (oc && anyorg == NULL)
				anyorg = oc;
			if (t->then || oc == NULL)
				continue;
			if (tcountry == NULL) {
				tcountry = oc;
				/* a title that gives no type takes the
				 * organisation's code (白宮發言人: USAGOV) */
				const char *ty = actor_type(c, t->role);
				tactor =
				    ty ? make_actor(c, oc, ty) : t->org_actor;
			}
		}
		/* the dictionary's office on the anchor date first (阮富仲
		 * stays VNM whatever a title's organisation says) */
		e->country = dactor     ? dcountry
		             : tcountry ? tcountry
		             : dcountry ? dcountry
		                        : anyorg;
		e->actor = dactor ? dactor : tactor;
		/* none: the country the same role has elsewhere in the text,
		 * for a government, legislature or military role (參議員; not
		 * 主席, which any body has, nor 記者 or 律師, whom a report
		 * quotes from many countries) */
		for (uint32_t k = 0; e->country == NULL && k < e->titles.n;
		     k++) {
			jx_title *t = &JX_VEC_AT(&e->titles, jx_title, k);
			const char *ty = actor_type(c, t->role);
			if (ty == NULL ||
			    !(strcmp(ty, "GOV") == 0 ||
			      strcmp(ty, "LEG") == 0 || strcmp(ty, "MIL") == 0))
				continue;
			e->country = role_country(c, t->role);
			if (e->country && !t->then)
				e->actor = make_actor(c, e->country, ty);
		}
	}
}

/* ---- sources ---------------------------------------------------------- */

static void link_sources(ctx *c)
{
	jishi_doc *d = c->doc;
	for (uint32_t i = 0; i < d->sources.n; i++) {
		jx_source *s = &JX_VEC_AT(&d->sources, jx_source, i);
		for (uint32_t k = 0; k < d->entities.n && s->entity < 0; k++) {
			jx_entity *e = ent_at(c, (int32_t)k);
			for (uint32_t m = 0; m < e->mentions.n; m++) {
				jx_span x = JX_VEC_AT(&e->mentions, jx_span, m);
				if (x.start == s->name.start &&
				    x.end == s->name.end) {
					s->entity = (int32_t)k;
					break;
				}
			}
		}
	}
}

/* Byline reporters are people. */
static void reporters(ctx *c)
{
	jishi_doc *d = c->doc;
	for (uint32_t i = 0; i < d->byline.reporters.n; i++) {
		jx_span r = JX_VEC_AT(&d->byline.reporters, jx_span, i);
		if (r.start == JX_NOSPAN || r.end <= r.start)
			continue;
		const char *key =
		    arena_key(c, "N:", d->src + r.start, r.end - r.start);
		int32_t ei = entity_for(c, JX_ENT_PERSON, key, r);
		if (ei >= 0)
			add_span(c, &ent_at(c, ei)->mentions, r);
	}
}

typedef struct ment {
	uint32_t s, e, ent, k;
} ment;

static int cmp_ment(const void *a, const void *b)
{
	const ment *x = a, *y = b;
	if (x->s != y->s)
		return (x->s > y->s) - (x->s < y->s);
	return (x->e < y->e) - (x->e > y->e); /* longer first */
}

/* A person's mention inside a longer mention of another person is not a
 * mention (羅哲 inside 羅哲斯); a person left with none is dropped, and so
 * is a body merged into another (bare_bodies: it has two mentions or more
 * then, so the early return never keeps one). */
static void drop_nested(ctx *c)
{
	jx_vec *v = &c->doc->entities;
	size_t n = 0;
	for (uint32_t i = 0; i < v->n; i++)
		n += ent_at(c, (int32_t)i)->mentions.n;
	if (n < 2)
		return;
	ment *all = jx_arena_alloc(&c->doc->arena, n * sizeof(ment));
	if (all == NULL)
		return;
	size_t k = 0;
	for (uint32_t i = 0; i < v->n; i++) {
		jx_entity *e = ent_at(c, (int32_t)i);
		for (uint32_t j = 0; j < e->mentions.n; j++) {
			jx_span s = JX_VEC_AT(&e->mentions, jx_span, j);
			all[k++] = (ment){s.start, s.end, i, j};
		}
	}
	qsort(all, n, sizeof(ment), cmp_ment);
	uint32_t reach = 0, owner = UINT32_MAX;
	for (size_t i = 0; i < n; i++) {
		jx_entity *e = ent_at(c, (int32_t)all[i].ent);
		if (all[i].e <= reach && owner != all[i].ent &&
		    e->type == JX_ENT_PERSON &&
		    ent_at(c, (int32_t)owner)->type == JX_ENT_PERSON) {
			/* mark: an empty span */
			JX_VEC_AT(&e->mentions, jx_span, all[i].k).end =
			    JX_VEC_AT(&e->mentions, jx_span, all[i].k).start;
			continue;
		}
		if (all[i].e > reach) {
			reach = all[i].e;
			owner = all[i].ent;
		}
	}
	uint32_t w = 0;
	for (uint32_t i = 0; i < v->n; i++) {
		jx_entity *e = ent_at(c, (int32_t)i);
		uint32_t m = 0;
		for (uint32_t j = 0; j < e->mentions.n; j++) {
			jx_span s = JX_VEC_AT(&e->mentions, jx_span, j);
			if (s.end > s.start)
				JX_VEC_AT(&e->mentions, jx_span, m++) = s;
		}
		e->mentions.n = m;
		if (m || (e->type != JX_ENT_PERSON && !(c->gone && c->gone[i])))
			*ent_at(c, (int32_t)w++) = *e;
	}
	v->n = w;
}

static int cmp_match(const void *a, const void *b)
{
	const match *x = a, *y = b;
	return (x->s > y->s) - (x->s < y->s);
}

static int cmp_span(const void *a, const void *b)
{
	const jx_span *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

static int cmp_first(const void *a, const void *b)
{
	const jx_entity *x = a, *y = b;
	uint32_t sx = x->mentions.n ? ((jx_span *)x->mentions.items)[0].start
	                            : UINT32_MAX;
	uint32_t sy = y->mentions.n ? ((jx_span *)y->mentions.items)[0].start
	                            : UINT32_MAX;
	return (sx > sy) - (sx < sy);
}

void jx_ent_run(jishi_doc *doc)
{
	ctx c = {.doc = doc, .t = doc->norm, .n = doc->norm_len};
	tables_init(doc, &c.tb);
	if (c.tb.ix == NULL)
		return;
	c.covered = jx_arena_zalloc(&doc->arena, (size_t)c.n + 1);
	c.tn = doc->tokens
	           ? jx_arena_alloc(&doc->arena,
	                            2 * sizeof(uint32_t) * doc->ntokens + 1)
	           : NULL;
	if (c.covered == NULL || (doc->tokens && c.tn == NULL)) {
		doc->oom = JISHI_ENOMEM;
		return;
	}
	for (uint32_t i = 0; doc->tokens && i < doc->ntokens; i++) {
		c.tn[2 * (size_t)i] = jx_doc_norm(doc, doc->tokens[i].start);
		c.tn[2 * (size_t)i + 1] = jx_doc_norm(doc, doc->tokens[i].end);
	}
	scan(&c);
	treaty_titles(&c);
	state_forms(&c);
	if (doc->oom)
		return;
	widen_names(&c);
	side_abbrs(&c);
	/* dictionary people and titled names first, so that their later
	 * mentions and the surname+title forms can be tied to them */
	reporters(&c);
	lexicon_orgs_places(&c);
	teams(&c);
	compose_places(&c);
	titled_media(&c);
	dotted_names(&c);
	if (c.nm > 1)
		qsort(c.m, c.nm, sizeof(match), cmp_match);
	compose_orgs(&c);
	if (c.nm > 1)
		qsort(c.m, c.nm, sizeof(match), cmp_match);
	free_orgs(&c);
	chain_orgs(&c);
	if (c.nm > 1)
		qsort(c.m, c.nm, sizeof(match), cmp_match);
	latin_names(&c);
	chains(&c);
	office_orgs(&c);
	surname_words(&c);
	surname_places(&c);
	lexicon_names(&c);
	unknown_names(&c);
	cue_words(&c);
	free_names(&c);
	list_names(&c);
	scored_names(&c);
	list_items(&c);
	translit_tails(&c);
	bare_translits(&c);
	titles_after(&c);
	level_prefix(&c);
	session_prefix(&c);
	press_houses(&c);
	rest(&c);
	repeat_names(&c);
	surname_titles(&c);
	paren_aliases(&c);
	bare_bodies(&c);
	conjoined_bodies(&c);
	title_bodies(&c);
	codes(&c);
	counterpart_heads(&c);
	drop_nested(&c);
	/* document order: mentions, then entities by first mention */
	for (uint32_t i = 0; i < doc->entities.n; i++) {
		jx_entity *e = ent_at(&c, (int32_t)i);
		if (e->mentions.n > 1)
			qsort(e->mentions.items, e->mentions.n, sizeof(jx_span),
			      cmp_span);
		if (e->mentions.n && e->type != JX_ENT_PERSON)
			e->name = JX_VEC_AT(&e->mentions, jx_span, 0);
	}
	if (doc->entities.n > 1)
		qsort(doc->entities.items, doc->entities.n, sizeof(jx_entity),
		      cmp_first);
	link_sources(&c);
}
