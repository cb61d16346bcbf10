/*
 * layout.c -- read a report's layout: dateline, byline, photo captions with
 * their credits, body paragraphs, cited media and the script.
 *
 * Works on the normalised view (full-width ASCII folded, CRLF -> LF), so
 * （圖／達志影像） and (圖/達志影像) read alike, and stores every span as
 * original byte offsets. All vocabulary comes from the model's layout,
 * gazetteer and script tables (data/README.md); the rules are in
 * docs/internals/layout.md. Nothing here fails: a dateline it cannot
 * complete becomes a diagnostic.
 */
#include <string.h>

#include "layout.h"

/* ---- vocabulary ------------------------------------------------------- */

/* A list of strings: the first column of a model table (its rows are
 * sorted by it, and the table carries a first-character filter built at
 * load, so most positions are rejected at once). */
typedef struct wordlist {
	const jx_table *t;
	int col;
	int kind; /* the "kind" column, or -1 */
} wordlist;

static void list_init(const jishi_doc *doc, wordlist *w, const char *table,
                      const char *col)
{
	memset(w, 0, sizeof(*w));
	w->t = jx_model_table(doc->model, table);
	w->col = w->t ? jx_table_col(w->t, col) : -1;
	if (w->col != 0) { /* lists are searched by their first column */
		w->t = NULL;
		w->kind = -1;
		return;
	}
	w->kind = jx_table_col(w->t, "kind");
}

/* Length of the longest entry of w that starts at p (p < e), or 0. When
 * row is not NULL it gets the entry's row. */
static size_t list_match(const wordlist *w, const uint8_t *p, const uint8_t *e,
                         uint32_t *row)
{
	uint32_t r;
	if (w->t == NULL || p >= e)
		return 0;
	size_t len = jx_table_longest(w->t, p, (size_t)(e - p), &r);
	if (len && row)
		*row = r;
	return len;
}

/* Does the text [p, e) end with an entry of w? Returns its length. */
static size_t list_suffix(const wordlist *w, const uint8_t *p, const uint8_t *e)
{
	if (w->t == NULL)
		return 0;
	size_t best = 0;
	uint32_t row = 0;
	for (uint32_t r = 0; r < w->t->nrows; r++) {
		jx_str s = jx_table_cell(w->t, r, (uint32_t)w->col);
		if (s.len > best && s.len <= (size_t)(e - p) &&
		    memcmp(e - s.len, s.s, s.len) == 0) {
			best = s.len;
			row = r;
		}
	}
	/* a kind "no" ending is none (《聯合公報》 ends with 報) */
	if (best && w->kind >= 0) {
		jx_str k = jx_table_cell(w->t, row, (uint32_t)w->kind);
		if (k.len == 2 && memcmp(k.s, "no", 2) == 0)
			return 0;
	}
	return best;
}

/* The kind column of a matched row ("" when the table has none). */
static jx_str list_kind(const wordlist *w, uint32_t row)
{
	if (w->kind < 0)
		return (jx_str){"", 0};
	return jx_table_cell(w->t, row, (uint32_t)w->kind);
}

typedef struct vocab {
	wordlist openers;        /* caption marks and prefixes */
	wordlist credit_keys;    /* 圖, 照片, 攝影 ... in (圖/...) */
	wordlist credit_tails;   /* 攝, 截圖, 提供, 取自 ... */
	wordlist credit_generic; /* 網上, 資料 ... */
	wordlist date_keys;      /* date, 日期, 發布時間 ... */
	wordlist roles;          /* 記者, 編譯, 文 ... */
	wordlist desks;          /* 報導, 專電, 電 ... (suffixes) */
	wordlist media;          /* gazetteer/media name */
	wordlist media_sfx;      /* 社, 日報, 電視台 ... */
	wordlist cues;           /* 根據, 據, 報導, 指出 ... */
	wordlist places;         /* gazetteer/places name */
} vocab;

static void vocab_init(const jishi_doc *doc, vocab *v)
{
	list_init(doc, &v->openers, "layout/caption_openers", "opener");
	list_init(doc, &v->credit_keys, "layout/credit_keys", "key");
	list_init(doc, &v->credit_tails, "layout/credit_tails", "pattern");
	list_init(doc, &v->credit_generic, "layout/credit_generic", "word");
	list_init(doc, &v->date_keys, "layout/dateline_keys", "key");
	list_init(doc, &v->roles, "layout/byline_roles", "role");
	list_init(doc, &v->desks, "layout/byline_desks", "suffix");
	list_init(doc, &v->media, "gazetteer/media", "name");
	list_init(doc, &v->media_sfx, "layout/media_suffixes", "suffix");
	list_init(doc, &v->cues, "layout/source_cues", "cue");
	list_init(doc, &v->places, "gazetteer/places", "name");
}

/* ---- text helpers ----------------------------------------------------- */

typedef struct line {
	uint32_t s, e; /* trimmed content, norm offsets */
} line;

static bool is_space_at(const uint8_t *p, const uint8_t *e, size_t *n)
{
	if (p < e && (*p == ' ' || *p == '\t' || *p == '\v' || *p == '\f')) {
		*n = 1;
		return true;
	}
	/* U+200B zero width space, U+FEFF inside text */
	if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x8B) {
		*n = 3;
		return true;
	}
	if (e - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		*n = 3;
		return true;
	}
	return false;
}

static uint32_t skip_space(const jishi_doc *doc, uint32_t p, uint32_t e)
{
	size_t n;
	while (p < e && is_space_at(doc->norm + p, doc->norm + e, &n))
		p += (uint32_t)n;
	return p;
}

static uint32_t trim_end(const jishi_doc *doc, uint32_t s, uint32_t e)
{
	while (e > s) {
		size_t i = e;
		uint32_t cp = jx_utf8_prev(doc->norm, &i);
		if (cp == ' ' || cp == '\t' || cp == 0x200B || cp == 0xFEFF ||
		    cp == '\v' || cp == '\f')
			e = (uint32_t)i;
		else
			break;
	}
	return e;
}

static bool has(const jishi_doc *doc, uint32_t p, uint32_t e, const char *lit)
{
	size_t n = strlen(lit);
	return e - p >= n && memcmp(doc->norm + p, lit, n) == 0;
}

static bool ends_with(const jishi_doc *doc, uint32_t s, uint32_t e,
                      const char *lit)
{
	size_t n = strlen(lit);
	return e - s >= n && memcmp(doc->norm + e - n, lit, n) == 0;
}

static uint32_t cp_at(const jishi_doc *doc, uint32_t p, uint32_t e,
                      uint32_t *next)
{
	size_t i = p;
	uint32_t cp = jx_utf8_next(doc->norm, e, &i);
	if (next)
		*next = (uint32_t)i;
	return cp;
}

static uint32_t ncp(const jishi_doc *doc, uint32_t s, uint32_t e)
{
	return (uint32_t)jx_utf8_count(doc->norm + s, e - s);
}

static bool is_digit(uint8_t c)
{
	return c >= '0' && c <= '9';
}

/* Sentence or clause punctuation that a name, byline or dateline line
 * does not contain. */
static bool is_sentence_punct(uint32_t cp)
{
	return cp == 0x3002 /* 。 */ || cp == ',' || cp == '!' || cp == '?' ||
	       cp == ';' || cp == 0xFF61 /* ｡ */ || cp == 0x2026 /* … */;
}

static bool has_punct(const jishi_doc *doc, uint32_t s, uint32_t e)
{
	uint32_t p = s;
	while (p < e) {
		uint32_t cp = cp_at(doc, p, e, &p);
		if (is_sentence_punct(cp) || cp == 0x300C /* 「 */)
			return true;
	}
	return false;
}

static void push_span(jishi_doc *doc, jx_vec *v, uint32_t s, uint32_t e)
{
	jx_span *sp = jx_vec_push(doc, v, sizeof(*sp));
	if (sp)
		*sp = jx_doc_span(doc, s, e);
}

/* ---- dates ------------------------------------------------------------ */

static uint32_t read_int(const jishi_doc *doc, uint32_t p, uint32_t e, int *v,
                         int maxdigits)
{
	int n = 0, val = 0;
	while (p < e && is_digit(doc->norm[p]) && n < maxdigits) {
		val = val * 10 + (doc->norm[p] - '0');
		p++;
		n++;
	}
	*v = n ? val : -1;
	return p;
}

/* A calendar date at p: 2025-08-24, 2025/8/24, 2025.08.24 or
 * 2025年8月24日, optionally followed by a weekday in brackets and a clock
 * time. Returns the end of what was read, or p when there is no date. */
static uint32_t read_date(const jishi_doc *doc, uint32_t p, uint32_t e, int *y,
                          int *m, int *d)
{
	uint32_t q = read_int(doc, p, e, y, 4);
	if (*y < 1000 || q - p != 4 || q >= e)
		return p;
	uint8_t sep = doc->norm[q];
	bool cjk = has(doc, q, e, "年");
	if (cjk)
		q += 3;
	else if (sep == '-' || sep == '/' || sep == '.')
		q++;
	else
		return p;
	q = read_int(doc, q, e, m, 2);
	if (*m < 1)
		return p;
	if (cjk ? !has(doc, q, e, "月") : (q >= e || doc->norm[q] != sep))
		return p;
	q += cjk ? 3 : 1;
	q = read_int(doc, q, e, d, 2);
	if (*d < 1 || !jx_date_valid(*y, *m, *d))
		return p;
	if (cjk && has(doc, q, e, "日"))
		q += 3;
	else if (cjk && has(doc, q, e, "號"))
		q += 3;
	else if (cjk && has(doc, q, e, "号"))
		q += 3;
	else if (cjk)
		return p;
	/* optional weekday "(星期日)" / "(週日)" */
	uint32_t r = skip_space(doc, q, e);
	if (r < e && doc->norm[r] == '(') {
		uint32_t c = r + 1;
		while (c < e && doc->norm[c] != ')' && c - r < 16)
			c++;
		if (c < e && doc->norm[c] == ')' &&
		    (has(doc, r + 1, e, "星期") || has(doc, r + 1, e, "週") ||
		     has(doc, r + 1, e, "周") || has(doc, r + 1, e, "禮拜")))
			q = c + 1;
	}
	/* optional clock time "14:30" or "14:30:05" */
	r = skip_space(doc, q, e);
	int hh, mm;
	uint32_t t = read_int(doc, r, e, &hh, 2);
	if (hh >= 0 && hh < 24 && t < e && doc->norm[t] == ':') {
		uint32_t u = read_int(doc, t + 1, e, &mm, 2);
		if (mm >= 0 && mm < 60 && u - t == 3) {
			q = u;
			if (u < e && doc->norm[u] == ':') {
				int ss;
				uint32_t w = read_int(doc, u + 1, e, &ss, 2);
				if (ss >= 0 && ss < 61 && w - u == 3)
					q = w;
			}
		}
	}
	return q;
}

static void set_dateline(jishi_doc *doc, int y, int m, int d, uint32_t s,
                         uint32_t e)
{
	static const char digits[] = "0123456789";
	char *o = doc->dateline;
	o[0] = digits[y / 1000 % 10];
	o[1] = digits[y / 100 % 10];
	o[2] = digits[y / 10 % 10];
	o[3] = digits[y % 10];
	o[4] = '-';
	o[5] = digits[m / 10];
	o[6] = digits[m % 10];
	o[7] = '-';
	o[8] = digits[d / 10];
	o[9] = digits[d % 10];
	o[10] = '\0';
	doc->dateline_span = jx_doc_span(doc, s, e);
}

/* ---- the stage -------------------------------------------------------- */

typedef struct state {
	jishi_doc *doc;
	vocab v;
	const char *opt_date; /* --date, for a day-only dateline */
	line *lines;
	uint32_t nlines;
	uint8_t *kind;        /* per line: what it is */
	uint32_t *body_start; /* per line: where its paragraph starts */
} state;

enum { L_BODY, L_EMPTY, L_DATELINE, L_CAPTION, L_BYLINE };

/* The credited party in [*a, *b): without a photo word that
 * layout/credit_tails marks strip=yes (區倩怡攝 -> 區倩怡), unless what is
 * left is empty or generic (網上圖片 stays). */
static void strip_credit(state *st, uint32_t *a, uint32_t *b)
{
	jishi_doc *doc = st->doc;
	const wordlist *w = &st->v.credit_tails;
	int scol = w->t ? jx_table_col(w->t, "strip") : -1;
	uint32_t best = 0, na = *a, nb = *b;
	bool keep = false;
	for (uint32_t r = 0; scol >= 0 && r < w->t->nrows; r++) {
		jx_str pat = jx_table_cell(w->t, r, (uint32_t)w->col);
		jx_str strip = jx_table_cell(w->t, r, (uint32_t)scol);
		if (pat.len <= best || pat.len >= *b - *a)
			continue;
		bool prefix = strcmp(list_kind(w, r).s, "prefix") == 0;
		if (prefix && memcmp(doc->norm + *a, pat.s, pat.len) == 0) {
			best = pat.len;
			na = *a + pat.len;
			nb = *b;
		} else if (!prefix && memcmp(doc->norm + *b - pat.len, pat.s,
		                             pat.len) == 0) {
			best = pat.len;
			na = *a;
			nb = *b - pat.len;
		} else {
			continue;
		}
		keep = strcmp(strip.s, "yes") != 0; /* the longest decides */
	}
	if (keep)
		return;
	while (na < nb && (doc->norm[na] == ':' || doc->norm[na] == '/'))
		na++;
	na = skip_space(doc, na, nb);
	nb = trim_end(doc, na, nb);
	if (best == 0 || nb <= na ||
	    list_match(&st->v.credit_generic, doc->norm + na, doc->norm + nb,
	               NULL) == nb - na)
		return;
	*a = na;
	*b = nb;
}

/* Credits split out of [s, e) at / 、 , and |. */
static void split_credits(state *st, jx_caption *c, uint32_t s, uint32_t e)
{
	jishi_doc *doc = st->doc;
	uint32_t p = s, start = s;
	while (p <= e) {
		uint32_t next = p + 1, cp = p < e ? cp_at(doc, p, e, &next) : 0;
		if (p == e || cp == '/' || cp == 0x3001 || cp == ',' ||
		    cp == '|') {
			uint32_t a = skip_space(doc, start, p);
			uint32_t b = trim_end(doc, a, p);
			if (b > a) {
				strip_credit(st, &a, &b);
				push_span(doc, &c->credits, a, b);
			}
			start = next;
		}
		if (p == e)
			break;
		p = next;
	}
}

/* A caption occupying [s, e): find its credit. Returns false (and adds
 * nothing) when [s, e) is not a caption. `marked` says whether it opened
 * with a caption mark or prefix. */
static void add_caption(state *st, uint32_t s, uint32_t e)
{
	jishi_doc *doc = st->doc;
	jx_caption *c = jx_vec_push(doc, &doc->captions, sizeof(*c));
	if (c == NULL)
		return;
	c->span = jx_doc_span(doc, s, e);
	c->credit.start = JX_NOSPAN;
	/* a trailing (KEY/credit/credit) group */
	if (e > s && doc->norm[e - 1] == ')') {
		uint32_t o = e - 1;
		int depth = 0;
		while (o > s) {
			o--;
			if (doc->norm[o] == ')')
				depth++;
			else if (doc->norm[o] == '(' && depth-- == 0)
				break;
		}
		if (doc->norm[o] == '(') {
			uint32_t k = skip_space(doc, o + 1, e - 1);
			size_t kl =
			    list_match(&st->v.credit_keys, doc->norm + k,
			               doc->norm + e - 1, NULL);
			uint32_t after =
			    skip_space(doc, k + (uint32_t)kl, e - 1);
			if (kl && after < e - 1 &&
			    (doc->norm[after] == '/' ||
			     doc->norm[after] == ':')) {
				c->credit = jx_doc_span(doc, o, e);
				split_credits(st, c, after + 1, e - 1);
				return;
			}
		}
	}
	/* a caption that is only "圖/credit" */
	size_t ol =
	    list_match(&st->v.openers, doc->norm + s, doc->norm + e, NULL);
	if (ol && s + ol < e &&
	    (doc->norm[s + ol - 1] == '/' || doc->norm[s + ol - 1] == ':') &&
	    !has_punct(doc, (uint32_t)(s + ol), e) &&
	    ncp(doc, (uint32_t)(s + ol), e) <= 24) {
		c->credit = jx_doc_span(doc, (uint32_t)(s + ol), e);
		split_credits(st, c, (uint32_t)(s + ol), e);
		return;
	}
}

/* Does a caption open at p? (a mark such as ▲, or a prefix such as 圖:) */
static bool caption_opens(state *st, uint32_t p, uint32_t e)
{
	uint32_t row;
	size_t n = list_match(&st->v.openers, st->doc->norm + p,
	                      st->doc->norm + e, &row);
	return n > 0 && p + n < e;
}

/* An unmarked caption: a line whose last segment, after the final
 * sentence punctuation, is a photo credit (。美聯社, 。區倩怡攝, 。網上圖片).
 * Returns the start of the credit tail, or 0. */
static uint32_t credit_tail(state *st, uint32_t s, uint32_t e)
{
	jishi_doc *doc = st->doc;
	uint32_t p = e, tail = 0;
	while (p > s) {
		size_t i = p;
		uint32_t cp = jx_utf8_prev(doc->norm, &i);
		/* a space between two Latin words (Wilson Global) is no
		 * boundary */
		bool latin_space = false;
		if (cp == ' ' && i > s) {
			size_t k = i;
			uint32_t before = jx_utf8_prev(doc->norm, &k);
			latin_space = before < 0x80 && before != ' ';
		}
		if (cp == 0x3002 || cp == '!' || cp == '?' || cp == ')' ||
		    (cp == ' ' && !latin_space) || cp == 0x300D) {
			tail = p;
			break;
		}
		p = (uint32_t)i;
	}
	if (tail == 0 || tail >= e || ncp(doc, tail, e) > 24 ||
	    ncp(doc, s, e) > 300)
		return 0;
	/* the tail is a known outlet, or matches a credit pattern */
	const uint8_t *a = doc->norm + tail, *b = doc->norm + e;
	if (list_match(&st->v.media, a, b, NULL) == (size_t)(b - a))
		return tail;
	for (uint32_t r = 0;
	     st->v.credit_tails.t && r < st->v.credit_tails.t->nrows; r++) {
		jx_str pat = jx_table_cell(st->v.credit_tails.t, r,
		                           (uint32_t)st->v.credit_tails.col);
		jx_str kind = list_kind(&st->v.credit_tails, r);
		if (pat.len == 0 || pat.len > (size_t)(b - a))
			continue;
		bool prefix = kind.len && strcmp(kind.s, "prefix") == 0;
		if (prefix ? memcmp(a, pat.s, pat.len) == 0
		           : memcmp(b - pat.len, pat.s, pat.len) == 0)
			return tail;
	}
	return 0;
}

/* Try to read [s, e) as a byline; [outer_s, outer_e) is its extent with any
 * brackets around it. On success store it and return true. */
static bool read_byline(state *st, uint32_t s, uint32_t e, uint32_t outer_s,
                        uint32_t outer_e)
{
	jishi_doc *doc = st->doc;
	jx_byline *by = &doc->byline;
	uint32_t p = s;
	jx_span agency = {JX_NOSPAN, 0}, desk = {JX_NOSPAN, 0};

	if (by->span.start != JX_NOSPAN || e <= s)
		return false;
	if (ncp(doc, s, e) > 48)
		return false;
	size_t al =
	    list_match(&st->v.media, doc->norm + p, doc->norm + e, NULL);
	if (al) {
		agency = jx_doc_span(doc, p, p + (uint32_t)al);
		p += (uint32_t)al;
	}
	uint32_t row;
	size_t rl =
	    list_match(&st->v.roles, doc->norm + p, doc->norm + e, &row);
	if (rl == 0) {
		/* a place or 駐X before the role: 台灣特派員, 駐美記者 */
		size_t pl = list_match(&st->v.places, doc->norm + p,
		                       doc->norm + e, NULL);
		uint32_t q = p + (uint32_t)pl;
		if (pl == 0 && (has(doc, p, e, "駐") || has(doc, p, e, "驻"))) {
			q = p + 3;
			for (int k = 0; k < 3 && q < e &&
			                !list_match(&st->v.roles, doc->norm + q,
			                            doc->norm + e, NULL);
			     k++)
				cp_at(doc, q, e, &q);
		}
		if (q > p) {
			rl = list_match(&st->v.roles, doc->norm + q,
			                doc->norm + e, &row);
			if (rl)
				p = q;
		}
	}
	if (rl == 0) {
		/* a desk alone: 【綜合報導】 */
		if (al == 0 &&
		    list_suffix(&st->v.desks, doc->norm + s, doc->norm + e) &&
		    ncp(doc, s, e) <= 12 && !has_punct(doc, s, e) &&
		    !memchr(doc->norm + s, '/', e - s)) {
			by->span = jx_doc_span(doc, outer_s, outer_e);
			by->desk = jx_doc_span(doc, s, e);
			by->agency.start = JX_NOSPAN;
			return true;
		}
		return false;
	}
	jx_str kind = list_kind(&st->v.roles, row);
	p += (uint32_t)rl;
	uint32_t q = skip_space(doc, p, e);
	if (q < e && (doc->norm[q] == '/' || doc->norm[q] == ':'))
		q = skip_space(doc, q + 1, e);
	else if (kind.len && strcmp(kind.s, "needs_sep") == 0)
		return false;
	/* names up to '/' */
	uint32_t slash = q;
	while (slash < e && doc->norm[slash] != '/')
		slash++;
	uint32_t names_end = slash;
	if (slash < e) {
		uint32_t ds = skip_space(doc, slash + 1, e);
		uint32_t de = trim_end(doc, ds, e);
		if (de > ds) {
			if (!list_suffix(&st->v.desks, doc->norm + ds,
			                 doc->norm + de) ||
			    has_punct(doc, ds, de))
				return false;
			desk = jx_doc_span(doc, ds, de);
		}
	} else {
		/* CNA: names + place + DD日(專)電 */
		size_t dl =
		    list_suffix(&st->v.desks, doc->norm + q, doc->norm + e);
		uint32_t de = e - (uint32_t)dl;
		if (dl && ends_with(doc, q, de, "日")) {
			uint32_t dd = de - 3;
			while (dd > q && is_digit(doc->norm[dd - 1]))
				dd--;
			if (dd < de - 3) {
				int day;
				read_int(doc, dd, de - 3, &day, 2);
				/* the place: a known one ending at dd */
				uint32_t ps = dd;
				for (uint32_t c = q; c < dd;) {
					size_t n = list_match(
					    &st->v.places, doc->norm + c,
					    doc->norm + dd, NULL);
					if (n && c + n == dd && c > q) {
						ps = c;
						break;
					}
					cp_at(doc, c, dd, &c);
				}
				if (ps == dd) { /* unknown place: 3-char name */
					uint32_t c = q;
					for (int k = 0; k < 3 && c < dd; k++)
						cp_at(doc, c, dd, &c);
					ps = c;
				}
				names_end = ps;
				desk = jx_doc_span(doc, ps, e);
				if (!doc->dateline[0] && day >= 1 &&
				    day <= 31) {
					int y, m, d;
					if (st->opt_date &&
					    jx_date_parse(st->opt_date, 10, &y,
					                  &m, &d)) {
						if (day > d && --m == 0)
							m = 12, y--;
						if (jx_date_valid(y, m, day))
							set_dateline(doc, y, m,
							             day, dd,
							             de);
					}
					if (!doc->dateline[0])
						jx_doc_diag(
						    doc, "layout",
						    "dateline_day_only",
						    jx_doc_span(doc, dd, e));
				}
			}
		}
	}
	names_end = trim_end(doc, q, names_end);
	if (names_end <= q || has_punct(doc, q, names_end) ||
	    ncp(doc, q, names_end) > 40)
		return false;
	/* split the names at 、 , and spaces */
	jx_vec names = {0};
	uint32_t a = q, c = q;
	while (c <= names_end) {
		uint32_t next = c + 1;
		uint32_t cp =
		    c < names_end ? cp_at(doc, c, names_end, &next) : 0;
		if (c == names_end || cp == 0x3001 || cp == ',' || cp == ' ' ||
		    cp == 0x53CA /* 及 */ || cp == 0x8207 /* 與 */ ||
		    cp == 0x4E0E /* 与 */ || cp == 0x548C /* 和 */) {
			uint32_t b = trim_end(doc, a, c);
			if (b > a) {
				if (ncp(doc, a, b) > 16)
					return false;
				push_span(doc, &names, a, b);
			}
			a = next;
		}
		if (c == names_end)
			break;
		c = next;
	}
	if (names.n == 0)
		return false;
	by->span = jx_doc_span(doc, outer_s, outer_e);
	by->reporters = names;
	by->desk = desk;
	by->agency = agency;
	return true;
}

/* The dateline at the start of line l: "date 2025-08-24", "日期:…" or a
 * bare date. Returns where the rest of the line starts, or 0. */
static uint32_t read_dateline(state *st, const line *l)
{
	jishi_doc *doc = st->doc;
	uint32_t p = l->s;
	size_t kl =
	    list_match(&st->v.date_keys, doc->norm + p, doc->norm + l->e, NULL);
	if (kl) {
		uint32_t q = p + (uint32_t)kl;
		/* a key must end at a boundary: "date 2025", "日期:2025" */
		if (q < l->e && doc->norm[q] == ':')
			q++;
		uint32_t r = skip_space(doc, q, l->e);
		if (r == p + kl && doc->norm[p] < 0x80)
			return 0; /* "dated2025" is no key */
		p = r;
	}
	int y, m, d;
	uint32_t q = read_date(doc, p, l->e, &y, &m, &d);
	if (q == p)
		return 0;
	uint32_t rest = skip_space(doc, q, l->e);
	if (!kl && rest < l->e && !caption_opens(st, rest, l->e)) {
		/* "2025年8月24日，南韓…" is a sentence, not a dateline */
		if (has_punct(doc, rest, l->e) || ncp(doc, rest, l->e) > 24)
			return 0;
		rest = l->e;
	}
	if (!doc->dateline[0])
		set_dateline(doc, y, m, d, p, q);
	return rest;
}

enum { CUE_NONE, CUE_BEFORE, CUE_AFTER, CUE_BOTH, CUE_ADVERB };

/* The kind of citing cue (layout/source_cues) at p, its length in *n. */
static int cue_at(state *st, uint32_t p, uint32_t e, size_t *n)
{
	uint32_t row;
	*n =
	    list_match(&st->v.cues, st->doc->norm + p, st->doc->norm + e, &row);
	if (*n == 0)
		return CUE_NONE;
	const char *k = list_kind(&st->v.cues, row).s;
	return strcmp(k, "before") == 0   ? CUE_BEFORE
	       : strcmp(k, "after") == 0  ? CUE_AFTER
	       : strcmp(k, "adverb") == 0 ? CUE_ADVERB
	                                  : CUE_BOTH;
}

static void add_source(jishi_doc *doc, uint32_t s, uint32_t e, uint32_t ns,
                       uint32_t ne)
{
	jx_source *src = jx_vec_push(doc, &doc->sources, sizeof(*src));
	if (src) {
		src->span = jx_doc_span(doc, s, e);
		src->name = jx_doc_span(doc, ns, ne);
		src->entity = -1;
	}
}

/* Cited media in a body paragraph [s, e): see docs/internals/layout.md. */
static void read_sources(state *st, uint32_t s, uint32_t e)
{
	jishi_doc *doc = st->doc;
	uint32_t p = s;
	bool cue_before = false; /* a before-cue ended right at p */
	bool clause = true;      /* p starts a clause (subject position) */
	while (p < e) {
		size_t n;
		int kind;
		if (has(doc, p, e, "《")) {
			uint32_t a = p + 3, b = a;
			while (b < e && !has(doc, b, e, "》") &&
			       !has(doc, b, e, "《") && b - a < 64)
				b++;
			if (b < e && has(doc, b, e, "》") && b > a) {
				uint32_t after = b + 3;
				bool known =
				    list_match(&st->v.media, doc->norm + a,
				               doc->norm + b, NULL) == b - a;
				bool media =
				    known ||
				    list_suffix(&st->v.media_sfx, doc->norm + a,
				                doc->norm + b);
				/* a cue after: 》報導, 》也在報導, 》分析 */
				bool cue_after = false;
				for (uint32_t c = after, k = 0; k < 3 && c < e;
				     k++) {
					kind = cue_at(st, c, e, &n);
					if (kind == CUE_AFTER ||
					    kind == CUE_BOTH) {
						cue_after = true;
						break;
					}
					cp_at(doc, c, e, &c);
				}
				p = after;
				clause = false;
				if (known ||
				    (media && (cue_before || cue_after))) {
					add_source(doc, a - 3, after, a, b);
					/* a chain carries the cue */
					if (has(doc, p, e, "、")) {
						cue_before = true;
						p += 3;
						continue;
					}
				}
				cue_before = false;
				continue;
			}
		}
		kind = cue_at(st, p, e, &n);
		if (kind != CUE_NONE) {
			p += (uint32_t)n;
			cue_before = kind == CUE_BEFORE || kind == CUE_BOTH;
			clause = false;
			continue;
		}
		n = list_match(&st->v.media, doc->norm + p, doc->norm + e,
		               NULL);
		if (n) {
			uint32_t b = p + (uint32_t)n;
			size_t cn;
			int next = cue_at(st, b, e, &cn);
			if (cue_before || next == CUE_AFTER ||
			    next == CUE_BOTH || (clause && next == CUE_ADVERB))
				add_source(doc, p, b, p, b);
			p = b;
			cue_before = false;
			clause = false;
			continue;
		}
		uint32_t cp = cp_at(doc, p, e, &p);
		cue_before = false;
		clause = cp == 0x3002 || cp == ',' || cp == ';' || cp == ':' ||
		         cp == '!' || cp == '?' || cp == 0x300C ||
		         cp == 0x300D || cp == ')' || cp == ' ';
	}
}

static void detect_script(jishi_doc *doc)
{
	uint32_t hant = 0, hans = 0;
	uint32_t p = 0;
	while (p < doc->norm_len) {
		uint32_t cp = cp_at(doc, p, doc->norm_len, &p);
		if (cp < 0x3400)
			continue;
		int k = jx_model_script_of(doc->model, cp);
		hant += k == 1;
		hans += k == 2;
	}
	uint32_t total = hant + hans;
	if (total < 2)
		doc->script = JISHI_SCRIPT_UNKNOWN;
	else if (hans * 10 <= total)
		doc->script = JISHI_SCRIPT_HANT;
	else if (hant * 10 <= total)
		doc->script = JISHI_SCRIPT_HANS;
	else
		doc->script = JISHI_SCRIPT_MIXED;
}

void jx_layout_run(jishi_doc *doc)
{
	state st;
	memset(&st, 0, sizeof(st));
	st.doc = doc;
	vocab_init(doc, &st.v);
	st.opt_date = doc->opt_date;
	detect_script(doc);

	/* lines */
	uint32_t n = 1;
	for (uint32_t i = 0; i < doc->norm_len; i++)
		n += doc->norm[i] == '\n';
	st.lines = jx_arena_alloc(&doc->arena, (size_t)n * sizeof(line));
	st.kind = jx_arena_zalloc(&doc->arena, n);
	st.body_start = jx_arena_alloc(&doc->arena, (size_t)n * 4);
	if (!st.lines || !st.kind || !st.body_start) {
		doc->oom = JISHI_ENOMEM;
		return;
	}
	uint32_t s = 0;
	for (uint32_t i = 0; i <= doc->norm_len; i++) {
		if (i == doc->norm_len || doc->norm[i] == '\n') {
			line *l = &st.lines[st.nlines++];
			l->s = skip_space(doc, s, i);
			l->e = trim_end(doc, l->s, i);
			s = i + 1;
		}
	}

	/* header: the dateline in the first three non-empty lines */
	for (uint32_t i = 0; i < st.nlines; i++)
		st.body_start[i] = st.lines[i].s;
	uint32_t seen = 0;
	for (uint32_t i = 0; i < st.nlines && seen < 3; i++) {
		line *l = &st.lines[i];
		if (l->s == l->e)
			continue;
		seen++;
		if (doc->dateline[0])
			continue;
		uint32_t rest = read_dateline(&st, l);
		if (rest == 0)
			continue;
		if (rest >= l->e)
			st.kind[i] = L_DATELINE;
		else
			st.body_start[i] = rest; /* the line goes on */
	}

	/* every line: caption, byline or body */
	uint32_t nonempty = 0;
	for (uint32_t i = 0; i < st.nlines; i++) {
		line *l = &st.lines[i];
		if (l->s == l->e) {
			st.kind[i] = L_EMPTY;
			continue;
		}
		if (st.kind[i] == L_DATELINE)
			continue;
		nonempty++;
		uint32_t b = st.body_start[i];
		if (caption_opens(&st, b, l->e)) {
			st.kind[i] = L_CAPTION;
			add_caption(&st, b, l->e);
			continue;
		}
		/* a byline line near the top, or in 【】 at a line start */
		if (nonempty <= 4 && b == l->s) {
			uint32_t in_s = b, in_e = l->e;
			bool bracket = has(doc, b, l->e, "【") &&
			               ends_with(doc, b, l->e, "】");
			if (bracket)
				in_s += 3, in_e -= 3;
			if (read_byline(&st, in_s, in_e, b, l->e)) {
				st.kind[i] = L_BYLINE;
				continue;
			}
		}
		/* a lead opening the first paragraphs: (中央社記者X台北24日電)
		 * or 【記者X/台北報導】 */
		if (nonempty <= 4 && doc->byline.span.start == JX_NOSPAN &&
		    (doc->norm[b] == '(' || has(doc, b, l->e, "【"))) {
			bool paren = doc->norm[b] == '(';
			const char *close = paren ? ")" : "】";
			uint32_t o = b + (paren ? 1 : 3), c = o;
			while (c < l->e && !has(doc, c, l->e, close) &&
			       c - o < 120)
				c++;
			uint32_t after = c + (uint32_t)strlen(close);
			if (c < l->e && has(doc, c, l->e, close) &&
			    read_byline(&st, o, c, b, after)) {
				b = skip_space(doc, after, l->e);
				st.body_start[i] = b;
				if (b >= l->e) {
					st.kind[i] = L_BYLINE;
					continue;
				}
			}
		}
		if (credit_tail(&st, b, l->e)) {
			st.kind[i] = L_CAPTION;
			jx_caption *c =
			    jx_vec_push(doc, &doc->captions, sizeof(*c));
			if (c) {
				uint32_t t = credit_tail(&st, b, l->e);
				c->span = jx_doc_span(doc, b, l->e);
				c->credit = jx_doc_span(doc, t, l->e);
				split_credits(&st, c, t, l->e);
			}
			continue;
		}
		st.kind[i] = L_BODY;
		push_span(doc, &doc->paragraphs, b, l->e);
		read_sources(&st, b, l->e);
	}
}
