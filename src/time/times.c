/*
 * times.c -- time expressions found and normalised (docs/internals/time.md).
 *
 * A hand-written scanner over the normalised text reads, at each position,
 * the longest chain of time parts (year, month, day, part of the day,
 * clock, zone), a relative word (昨天, 上週, 今年) with the parts that may
 * follow it, a duration, a set or a vague reference. The chain is then
 * resolved against its anchor: the speech day inside a quote, an earlier
 * date of the same passage for a clock time without a day, else the
 * document's anchor. All words come from the model's time/ tables and
 * lexicon/numerals. Nothing here reads the machine's clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "times.h"

enum { T_DATE, T_TIME, T_DURATION, T_SET, T_ANNIV, T_VAGUE };
enum { TENSE_NONE, TENSE_PAST, TENSE_FUTURE };
enum { R_NONE, R_DAY, R_WEEK, R_MONTH, R_YEAR };

typedef struct tables {
	const jx_table *numerals, *relative, *units, *dayparts, *zones, *mods,
	    *tense, *vague, *sets, *holidays, *spans, *lunar, *hebrew, *islamic,
	    *yearparts, *calendars, *windows, *fold, *eras;
	int bare_first, bare_digits; /* time/eras' bare era, or 0 */
	int f_fold, e_first, e_bc, n_kind, n_value, r_unit, r_offset, r_daypart,
	    r_mod, r_base, u_kind, u_iso, d_shift, d_timex, sp_dir, sp_base,
	    yp_kind, yp_val, z_offset, m_mod, m_side, t_tense, v_value, s_value,
	    h_rule, h_a, h_b;
} tables;

/* One expression as read, before it is resolved. */
typedef struct expr {
	uint32_t s, e;
	int kind;                /* T_* */
	int y, m, d, hh, mi, ss; /* -1: not said */
	bool y_abs;              /* the year was written out */
	bool bc;                 /* y counts years before the common era */
	bool text_base;          /* 同年, 隔天: the passage's last date */
	long n_off;              /* 3天前: -3 (with n_unit), else 0 */
	char n_unit;             /* Y M W D H N(minute) S, or 0 */
	int rel, rel_off;        /* R_*: a relative word, its offset */
	int bday;                /* 昨（23）日: the bracketed day, or -1 */
	int wday;                /* 1 (Monday) .. 7, or -1 */
	bool weekend;            /* 下週末 */
	int y2, m2, d2;          /* the end of a range, or -1 */
	int hh2, mi2, ss2;       /* the end of a clock range, or -1 */
	const char *shift;       /* part of the day: am, pm, noon, night */
	const char *part;        /* a part of the day alone: MO AF EV NI MI */
	const char *mod, *tz;
	char dur[40];      /* DURATION / SET / ANNIV / VAGUE value */
	int32_t hol;       /* time/holidays row, or -1 */
	bool orth;         /* 東正教: the Orthodox Easter */
	bool within;       /* 三天之內: the point, at day precision */
	bool since;        /* 一天半以來: from the point to the anchor */
	bool m_rel, d_rel; /* 去年本月(十日), 去年今日: the anchor's */
	int md_a, md_b; /* days of the month (negative: from its end), or 0 */
	bool lunar; /* 農曆八月十五: month and day on the lunar calendar */
	bool lleap; /* 閏四月 */
	/* a part of the year: 'H' half, 'Q' quarter, 'S' season (part), or
	 * 'R' units yp_a .. yp_b (1-based, negative: from the end) of yp_u */
	int yp;
	int yp_u, yp_a, yp_b;
	const char *part_s;
	/* a week of the month: the mwd-th weekday (0: the week) number mn */
	int mn, mwd;
	int decade;    /* 70年代: 7 (its century from the anchor), or -1 */
	bool cent_rel; /* 上世紀: the anchor's century + cent_off */
	bool q_rel;    /* 上季度: the anchor's quarter + q_off */
	int q_off;
	int cent_off;
	int span_dir;  /* 上兩個月 -1, 下三年 +1, else 0 */
	bool span_now; /* 過去5分鐘: from the anchor's instant */
	int span_u;    /* DU_* */
	long span_n;
} expr;

typedef struct ctx {
	jishi_doc *doc;
	const uint8_t *t;
	uint32_t n;
	tables tb;
	const uint8_t *f; /* t with time/fold applied (same offsets), or NULL */
	jx_span *quotes;  /* norm spans inside 「」 “” */
	uint32_t nquotes;
} ctx;

static void tables_init(const jishi_doc *doc, tables *tb)
{
	const jishi_model *m = doc->model;
	tb->numerals = jx_model_table(m, "lexicon/numerals");
	tb->relative = jx_model_table(m, "time/relative");
	tb->units = jx_model_table(m, "time/units");
	tb->dayparts = jx_model_table(m, "time/dayparts");
	tb->zones = jx_model_table(m, "time/zones");
	tb->mods = jx_model_table(m, "time/mods");
	tb->tense = jx_model_table(m, "time/tense");
	tb->vague = jx_model_table(m, "time/vague");
	tb->sets = jx_model_table(m, "time/sets");
	tb->spans = jx_model_table(m, "time/spans");
	tb->yearparts = jx_model_table(m, "time/yearparts");
	tb->calendars = jx_model_table(m, "time/calendars");
	tb->windows = jx_model_table(m, "time/windows");
	tb->yp_kind = jx_table_col(tb->yearparts, "kind");
	tb->yp_val = jx_table_col(tb->yearparts, "value");
	tb->sp_dir = jx_table_col(tb->spans, "dir");
	tb->sp_base = jx_table_col(tb->spans, "base");
	tb->holidays = jx_model_table(m, "time/holidays");
	tb->h_rule = jx_table_col(tb->holidays, "rule");
	tb->lunar = jx_model_table(m, "time/lunar");
	tb->hebrew = jx_model_table(m, "time/hebrew");
	tb->islamic = jx_model_table(m, "time/islamic");
	tb->h_a = jx_table_col(tb->holidays, "a");
	tb->h_b = jx_table_col(tb->holidays, "b");
	tb->n_kind = jx_table_col(tb->numerals, "kind");
	tb->n_value = jx_table_col(tb->numerals, "value");
	tb->r_unit = jx_table_col(tb->relative, "unit");
	tb->r_offset = jx_table_col(tb->relative, "offset");
	tb->r_daypart = jx_table_col(tb->relative, "daypart");
	tb->r_mod = jx_table_col(tb->relative, "mod");
	tb->r_base = jx_table_col(tb->relative, "base");
	tb->u_kind = jx_table_col(tb->units, "kind");
	tb->u_iso = jx_table_col(tb->units, "iso");
	tb->d_shift = jx_table_col(tb->dayparts, "shift");
	tb->d_timex = jx_table_col(tb->dayparts, "timex");
	tb->z_offset = jx_table_col(tb->zones, "offset");
	tb->m_mod = jx_table_col(tb->mods, "mod");
	tb->m_side = jx_table_col(tb->mods, "side");
	tb->t_tense = jx_table_col(tb->tense, "tense");
	tb->v_value = jx_table_col(tb->vague, "value");
	tb->s_value = jx_table_col(tb->sets, "value");
	tb->eras = jx_model_table(m, "time/eras");
	tb->e_first = jx_table_col(tb->eras, "first");
	tb->e_bc = jx_table_col(tb->eras, "bc");
	/* the era whose years are written without its name (民國 in
	 * Taiwan: 114年1月), if the table names one */
	int bare = jx_table_col(tb->eras, "bare");
	tb->bare_first = tb->bare_digits = 0;
	for (uint32_t r = 0; tb->eras && bare >= 0 && r < tb->eras->nrows;
	     r++) {
		int d = (int)strtol(jx_table_str(tb->eras, r, bare), NULL, 10);
		if (d > 0) {
			tb->bare_digits = d;
			tb->bare_first = (int)strtol(
			    jx_table_str(tb->eras, r, tb->e_first), NULL, 10);
			break;
		}
	}
	tb->fold = jx_model_table(m, "time/fold");
	tb->f_fold = jx_table_col(tb->fold, "fold");
}

/* Longest entry of t at p: its byte length, 0 when none. */
static uint32_t at(const ctx *c, const jx_table *t, uint32_t p, uint32_t *row)
{
	if (t == NULL || p >= c->n)
		return 0;
	uint32_t n = c->n - p, frow;
	uint32_t len = jx_table_longest(t, c->t + p, n > 64 ? 64 : n, row);
	if (c->f) { /* a word in mixed scripts: 欧南節 */
		uint32_t flen =
		    jx_table_longest(t, c->f + p, n > 64 ? 64 : n, &frow);
		if (flen > len) {
			len = flen;
			*row = frow;
		}
	}
	return len;
}

/* The text with each character of time/fold replaced by its fold, or NULL
 * when none changes. Both are one three-byte character, so offsets hold. */
static const uint8_t *fold_text(const ctx *c)
{
	uint8_t *f = NULL;
	for (uint32_t p = 0; p + 3 <= c->n; p++) {
		if ((c->t[p] & 0xF0) != 0xE0)
			continue;
		int64_t r = jx_table_find(c->tb.fold, c->t + p, 3);
		if (r < 0)
			continue;
		const char *to =
		    jx_table_str(c->tb.fold, (uint32_t)r, c->tb.f_fold);
		if (strlen(to) != 3)
			continue;
		if (f == NULL) {
			f = jx_arena_alloc(&c->doc->arena, c->n + 1);
			if (f == NULL)
				return NULL;
			memcpy(f, c->t, c->n + 1);
		}
		memcpy(f + p, to, 3);
		p += 2;
	}
	return f;
}

static bool lit(const ctx *c, uint32_t p, const char *s)
{
	size_t l = strlen(s);
	return p + l <= c->n && memcmp(c->t + p, s, l) == 0;
}

static bool is_digit_at(const ctx *c, uint32_t q)
{
	return q < c->n && c->t[q] >= '0' && c->t[q] <= '9';
}

/* ---- numbers ---------------------------------------------------------- */

typedef struct num {
	uint32_t e;   /* end (exclusive), or the start when no number */
	long v;       /* value */
	int ndig;     /* digits written (Arabic or 〇-九 one by one) */
	bool chinese; /* written in Chinese numerals */
	bool plain;   /* digits only, no 十 百 千 */
} num;

static uint32_t skip_spaces(const ctx *c, uint32_t q)
{
	while (q < c->n && c->t[q] == ' ')
		q++;
	return q;
}

/* A number at p (spaces around it are part of it: 1 小時, 17日 20點). */
static num read_num(const ctx *c, uint32_t p)
{
	num r = {p, 0, 0, false, true};
	uint32_t q = skip_spaces(c, p);
	while (q < c->n && c->t[q] >= '0' && c->t[q] <= '9' && r.ndig < 9) {
		r.v = r.v * 10 + (c->t[q] - '0');
		r.ndig++;
		q++;
	}
	if (r.ndig) {
		uint32_t row, len = at(c, c->tb.numerals, q, &row);
		if (len &&
		    !strcmp(jx_table_str(c->tb.numerals, row, c->tb.n_kind),
		            "unit") &&
		    !strcmp(jx_table_str(c->tb.numerals, row, c->tb.n_value),
		            "4")) {
			r.v *= 10000; /* 2000萬小時 */
			r.plain = false;
			q += len;
		}
		r.e = skip_spaces(c, q);
		return r;
	}
	/* Chinese numerals: 二十三, 廿三, 一九九八, 兩 */
	long total = 0, cur = 0;
	bool any = false;
	while (q < c->n) {
		uint32_t row, len = at(c, c->tb.numerals, q, &row);
		if (len == 0)
			break;
		const char *k = jx_table_str(c->tb.numerals, row, c->tb.n_kind);
		long v = strtol(
		    jx_table_str(c->tb.numerals, row, c->tb.n_value), NULL, 10);
		if (strcmp(k, "digit") == 0) {
			cur = r.plain && any ? cur * 10 + v : v;
			r.ndig++;
		} else if (strcmp(k, "unit") == 0) {
			long scale = 1;
			for (long i = 0; i < v && i < 8; i++)
				scale *= 10;
			if (scale > 10000 || (scale == 10000 && !any))
				break; /* 億; 萬 opening a word (萬聖節) */
			if (scale == 10000) /* 兩萬四千: the section so far */
				total = (total + cur) * scale;
			else
				total += (cur ? cur : 1) * scale;
			cur = 0;
			r.plain = false;
		} else if (strcmp(k, "other") == 0) { /* 兩 廿 卅 */
			if (v >= 20) {
				total += v;
				r.plain = false;
			} else { /* 兩 as the digit 2: 兩三天, 一兩年 */
				cur = r.plain && any ? cur * 10 + v : v;
				r.ndig++;
			}
		} else {
			break;
		}
		any = true;
		q += len;
	}
	if (!any)
		return r;
	r.e = skip_spaces(c, q);
	r.v = total + cur;
	r.chinese = true;
	return r;
}

/* ---- dates ------------------------------------------------------------ */

static int64_t days(int y, int m, int d)
{
	return jx_days_from_civil(y, m, d);
}

static void add_days(int *y, int *m, int *d, int64_t n)
{
	jx_civil_from_days(days(*y, *m, *d) + n, y, m, d);
}

static void add_months(int *y, int *m, int n)
{
	int k = *y * 12 + (*m - 1) + n;
	*y = k / 12;
	*m = k % 12 + 1;
}

/* ISO weekday, 1 = Monday. */
static int weekday(int y, int m, int d)
{
	int64_t z = days(y, m, d); /* 1970-01-01 was a Thursday */
	int w = (int)(((z % 7) + 7 + 3) % 7);
	return w + 1;
}

static void iso_week(int y, int m, int d, int *wy, int *wk)
{
	int wd = weekday(y, m, d);
	int ty = y, tm = m, td = d; /* the Thursday of this week */
	add_days(&ty, &tm, &td, 4 - wd);
	*wy = ty;
	*wk = (int)((days(ty, tm, td) - days(ty, 1, 1)) / 7) + 1;
}

/* ---- scanning --------------------------------------------------------- */

static const char *mod_after(ctx *c, uint32_t *p)
{
	uint32_t s = *p;
	while (s < c->n && c->t[s] == ' ')
		s++; /* 12:00 之前 */
	uint32_t row, len = at(c, c->tb.mods, s, &row);
	if (len &&
	    strcmp(jx_table_str(c->tb.mods, row, c->tb.m_side), "after") == 0) {
		const char *m = jx_table_str(c->tb.mods, row, c->tb.m_mod);
		*p = s + len;
		return strcmp(m, "-") ? m : NULL;
	}
	return NULL;
}

/* A weekday after 週 / 周 / 星期 / 禮拜: 週三, 星期日. */
/* The day of a week word at p (一 .. 六, 日 / 天): its end, or p. */
static uint32_t read_day_of_week(const ctx *c, uint32_t p, int *wd)
{
	static const char *const days_[] = {"一", "二", "三", "四",
	                                    "五", "六", "日", "天"};
	for (int k = 0; k < 8; k++)
		if (lit(c, p, days_[k])) {
			*wd = k < 6 ? k + 1 : 7;
			return p + 3;
		}
	return p;
}

static uint32_t read_weekday(const ctx *c, uint32_t p, int *wd)
{
	static const char *const pre[] = {"星期", "禮拜", "礼拜", "週", "周"};
	for (int i = 0; i < 5; i++) {
		if (!lit(c, p, pre[i]))
			continue;
		uint32_t q = p + (uint32_t)strlen(pre[i]);
		uint32_t r = read_day_of_week(c, q, wd);
		if (r > q)
			return r;
	}
	return p;
}

/* An hour as said after a part of the day (下午4時 -> 16). */
static int shifted(int hh, const char *shift)
{
	if (shift == NULL)
		return hh;
	if (!strcmp(shift, "pm") && hh >= 1 && hh < 12)
		return hh + 12;
	if (!strcmp(shift, "night") && hh >= 5 && hh < 12)
		return hh + 12;
	if (!strcmp(shift, "night") && hh == 12)
		return 0;
	if (!strcmp(shift, "noon") && hh >= 1 && hh <= 3)
		return hh + 12;
	if (!strcmp(shift, "am") && hh == 12)
		return 0;
	return hh;
}

/* read_clock flags: a bare 3點 is a clock time (after a day), a part of
 * the day alone is a time (明天上午, 9日晚) */
enum { CL_BARE = 1, CL_PART = 2 };

/* am / pm written after a clock time: 3:30pm, 8:00 a.m., 4 PM. */
static uint32_t ampm_after(const ctx *c, uint32_t r, int *hh)
{
	uint32_t q = r;
	if (q < c->n && c->t[q] == ' ')
		q++;
	if (q >= c->n)
		return r;
	uint8_t a = c->t[q] | 0x20;
	if (a != 'a' && a != 'p')
		return r;
	uint32_t e = q + 1;
	if (e < c->n && c->t[e] == '.')
		e++;
	if (e < c->n && (c->t[e] | 0x20) == 'm') {
		e++;
		if (e < c->n && c->t[e] == '.')
			e++;
	}
	if (e < c->n && ((c->t[e] | 0x20) >= 'a' && (c->t[e] | 0x20) <= 'z'))
		return r; /* a word */
	if (*hh >= 1 && *hh <= 12) {
		if (a == 'p' && *hh < 12)
			*hh += 12;
		else if (a == 'a' && *hh == 12)
			*hh = 0;
	}
	return e;
}

/* Minutes said after 點 without 分: 三點十五, 九點零九, 9點一刻. */
static uint32_t bare_minutes(ctx *c, uint32_t r, int *mi)
{
	num m = read_num(c, r);
	if (m.e == r)
		return r;
	if (lit(c, m.e, "刻") && m.v >= 1 && m.v <= 3) {
		*mi = (int)m.v * 15;
		return m.e + 3;
	}
	if (m.v >= 60)
		return r;
	uint32_t row;
	if (at(c, c->tb.units, m.e, &row))
		return r; /* 3點10分 is read elsewhere; 8點5個 is no time */
	if (!m.chinese && m.ndig == 2) {
		*mi = (int)m.v; /* 20點15 */
		return m.e;
	}
	if (m.chinese && (m.v >= 10 || lit(c, r, "零") || lit(c, r, "〇"))) {
		*mi = (int)m.v; /* 三點十五, 九點零九 */
		return m.e;
	}
	return r;
}

static uint32_t range_word(const ctx *c, uint32_t q);

/* Part of the day and clock time at p: 下午4時55分, 晚間6時, 8點半. */
static uint32_t read_clock(ctx *c, uint32_t p, expr *x, int flags)
{
	uint32_t q = p, row, len;
	const char *shift = NULL, *part = NULL;
	if ((len = at(c, c->tb.dayparts, q, &row)) != 0) {
		shift = jx_table_str(c->tb.dayparts, row, c->tb.d_shift);
		part = jx_table_str(c->tb.dayparts, row, c->tb.d_timex);
		q += len;
	}
	num h = read_num(c, q);
	if (h.e == q || h.v > 24) {
		size_t b0 = p;
		uint32_t pc = p > 0 ? jx_utf8_prev(c->t, &b0) : 0;
		if (!(flags & CL_BARE) && part && !strcmp(part, "00-24") &&
		    pc >= 0x3400 && pc <= 0x9FFF)
			return p; /* 全天 alone, not inside 安全天堂 */
		if (shift && (flags & CL_PART) && part && strcmp(part, "-")) {
			x->part = part; /* 明天上午 */
			x->shift = shift;
			return q;
		}
		return p;
	}
	uint32_t r = h.e;
	int mi = -1, ss = -1;
	/* 10:30, 下午3:05:20 (two-digit minutes: 3:1 is a score) */
	if (!h.chinese && h.ndig <= 2 && r + 2 < c->n && c->t[r] == ':' &&
	    c->t[r + 1] >= '0' && c->t[r + 1] <= '5' && c->t[r + 2] >= '0' &&
	    c->t[r + 2] <= '9' &&
	    !(r + 3 < c->n && c->t[r + 3] >= '0' && c->t[r + 3] <= '9')) {
		mi = (c->t[r + 1] - '0') * 10 + (c->t[r + 2] - '0');
		r += 3;
		if (r + 2 < c->n && c->t[r] == ':' && c->t[r + 1] >= '0' &&
		    c->t[r + 1] <= '5' && c->t[r + 2] >= '0' &&
		    c->t[r + 2] <= '9') {
			ss = (c->t[r + 1] - '0') * 10 + (c->t[r + 2] - '0');
			r += 3;
		}
		int hh = shifted((int)h.v, shift);
		if (shift == NULL)
			r = ampm_after(c, r, &hh);
		/* 08:15:30-05:30, 10:00Z: an ISO 8601 offset */
		if (ss >= 0 && r + 5 < c->n &&
		    (c->t[r] == '+' || c->t[r] == '-') &&
		    is_digit_at(c, r + 1) && is_digit_at(c, r + 2) &&
		    c->t[r + 3] == ':' && is_digit_at(c, r + 4) &&
		    is_digit_at(c, r + 5)) {
			x->tz = jx_arena_strndup(&c->doc->arena,
			                         (const char *)c->t + r, 6);
			r += 6;
		} else if (ss >= 0 && r < c->n && c->t[r] == 'Z') {
			x->tz = "+00:00";
			r++;
		}
		/* 12:00時: a 時 after the clock says nothing more */
		if (lit(c, r, "時") || lit(c, r, "时"))
			r += 3;
		x->hh = hh % 24;
		x->mi = mi;
		x->ss = ss;
		x->shift = shift;
		return r;
	}
	if (!(len = at(c, c->tb.units, r, &row)) ||
	    strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind), "hour") != 0) {
		/* 4pm, 1點pm: a number with am / pm */
		int hh = (int)h.v;
		uint32_t e =
		    (!h.chinese && h.v <= 12) ? ampm_after(c, r, &hh) : r;
		if (e == r || shift)
			return p;
		x->hh = hh % 24;
		x->mi = 0;
		x->ss = -1;
		x->shift = NULL;
		return e;
	}
	r += len;
	if (lit(c, r, "差")) { /* 三點差五分, 三點差一刻: minutes to the hour */
		uint32_t r1 = r + 3, lu;
		long before = 0;
		num b = read_num(c, r1);
		if (b.e > r1 && b.v == 1 && lit(c, b.e, "刻")) {
			before = 15;
			r1 = b.e + 3;
		} else if (b.e > r1 && b.v >= 1 && b.v < 60) {
			before = b.v;
			r1 = b.e;
			if ((lu = at(c, c->tb.units, r1, &row)) &&
			    (!strcmp(
			         jx_table_str(c->tb.units, row, c->tb.u_kind),
			         "minute") ||
			     !strcmp(
			         jx_table_str(c->tb.units, row, c->tb.u_iso),
			         "MIN")))
				r1 += lu;
		}
		if (before > 0 && h.v >= 1) {
			h.v -= 1;
			mi = 60 - (int)before;
			r = r1;
		}
	}
	/* Cantonese five-minute marks: 三點踏一 (3:05), 踏半, 三點三個字
	 * (3:15): the minute hand on a numeral of the dial */
	uint32_t l5 = mi < 0 ? at(c, c->tb.units, r, &row) : 0;
	if (l5 &&
	    !strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind), "dial")) {
		num f = read_num(c, r + l5);
		if (f.e > r + l5 && f.v >= 1 && f.v <= 11) {
			mi = (int)f.v * 5;
			r = f.e;
		} else if (lit(c, r + l5, "半")) {
			mi = 30;
			r += l5 + 3;
		}
	}
	num m = read_num(c, r);
	uint32_t l2;
	if (mi < 0 && m.e > r && m.v >= 1 && m.v <= 11 &&
	    (l2 = at(c, c->tb.units, m.e, &row)) &&
	    !strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind), "dial5")) {
		mi = (int)m.v * 5;
		r = m.e + l2;
	} else if (mi < 0 && m.e > r && m.v < 60 &&
	           (l2 = at(c, c->tb.units, m.e, &row)) &&
	           strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind),
	                  "minute") == 0) {
		mi = (int)m.v;
		r = m.e + l2;
		num s = read_num(c, r);
		uint32_t l3;
		if (s.e > r && s.v < 60 &&
		    (l3 = at(c, c->tb.units, s.e, &row)) &&
		    strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind),
		           "second") == 0) {
			ss = (int)s.v;
			r = s.e + l3;
		}
	} else if (mi >= 0) {
		/* 差: read above */
	} else if (lit(c, r, "整")) {
		mi = 0; /* 十點整: on the hour */
		r += 3;
	} else if (lit(c, r, "半")) {
		mi = 30;
		r += 3;
	} else {
		r = bare_minutes(c, r, &mi);
	}
	/* a bare "3點" with no part of the day or minutes is too often a
	 * count (三點建議): only Arabic digits with 時, 零點, a number
	 * that ends the clause, or one that is the clause (三點。) */
	int hh = shifted((int)h.v, shift);
	uint32_t r0 = r;
	if (shift == NULL)
		r = ampm_after(c, r, &hh);
	bool ends = r >= c->n || c->t[r] == ',' || c->t[r] == '.' ||
	            lit(c, r, "，") || lit(c, r, "。") || lit(c, r, "、") ||
	            c->t[r] == '\n';
	bool hour_range = false;
	if (!ends && mi < 0) { /* 7點到8點, 七點到八點: a range of hours */
		uint32_t rl = range_word(c, r), urow;
		num h2 = rl ? read_num(c, r + rl) : (num){0};
		hour_range =
		    rl && h2.e > r + rl && h2.v <= 24 && h2.v > h.v &&
		    h2.chinese == h.chinese &&
		    at(c, c->tb.units, h2.e, &urow) &&
		    !strcmp(jx_table_str(c->tb.units, urow, c->tb.u_kind),
		            "hour");
	}
	/* 三點 as a clause of its own (「三點。」) is no count of things */
	size_t b0 = p;
	uint32_t pc = p > 0 ? jx_utf8_prev(c->t, &b0) : 0;
	bool alone = ends && !(pc >= 0x3400 && pc <= 0x9FFF) &&
	             !(pc < 0x80 && (pc | 0x20) >= 'a' && (pc | 0x20) <= 'z');
	if (!(flags & CL_BARE) && shift == NULL && mi < 0 && r == r0 &&
	    !(h.v == 0 && h.chinese) && !(!h.chinese && ends) && !alone &&
	    len < 6 /* 五點鐘 is a clock time */ && !hour_range &&
	    (h.chinese || !(lit(c, h.e, "時") || lit(c, h.e, "时"))))
		return p;
	x->hh = hh % 24;
	x->mi = mi < 0 ? 0 : mi;
	x->ss = ss;
	x->shift = shift;
	return r;
}

/* A zone before a clock time: 台灣時間下午3時55分, UTC+9. */
static uint32_t read_zone(ctx *c, uint32_t p, const char **tz)
{
	uint32_t row, len = at(c, c->tb.zones, p, &row);
	if (len) {
		const char *o = jx_table_str(c->tb.zones, row, c->tb.z_offset);
		*tz = o;
		return p + len;
	}
	if (lit(c, p, "UTC") || lit(c, p, "GMT")) {
		uint32_t q = p + 3;
		if (q < c->n && (c->t[q] == '+' || c->t[q] == '-')) {
			num h = read_num(c, q + 1);
			if (h.e > q + 1 && !h.chinese && h.v <= 14) {
				char b[8];
				snprintf(b, sizeof(b), "%c%02d:00", c->t[q],
				         (int)(h.v % 15));
				*tz = jx_arena_strndup(&c->doc->arena, b, 6);
				return *tz ? h.e : p;
			}
		}
	}
	return p;
}

/* A year written with two digits (ye: the end of its 年): 07年, 零七年,
 * 五八年, 98年4月, 20年第52周; not 24年 alone (a duration) nor 三四年
 * (three or four years: two neighbouring digits are an estimate). */
static bool two_digit_year(ctx *c, uint32_t s, num a, uint32_t ye)
{
	if (a.ndig != 2 || !a.plain)
		return false;
	uint32_t q = skip_spaces(c, s);
	if (a.chinese) {
		long hi = a.v / 10, lo = a.v % 10;
		return lo != hi + 1;
	}
	if (q < c->n && c->t[q] == '0')
		return true; /* 07年 */
	num b = read_num(c, ye);
	uint32_t row;
	if (b.e > ye && b.v >= 1 && b.v <= 12 && !b.chinese &&
	    at(c, c->tb.units, b.e, &row) &&
	    !strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind), "month"))
		return true;
	return lit(c, ye, "第");
}

/* The century of a two-digit year: 50-99 the 1900s, 00-49 the 2000s. */
static int full_year(long v)
{
	return (int)(v < 50 ? 2000 + v : 1900 + v);
}

/* Dates in figures: 2025-08-24, 2025/8/24, 1999.08, 10/31/1974 (month
 * first with /), 13.5.2015 and 3-7-2017 (day first with . or - before a
 * four-digit year), 27-7-3 (a two-digit year first), 20240307, 6·30, 2/15
 * (month / day). */
static uint32_t read_figures(ctx *c, uint32_t p, num a, expr *x)
{
	uint32_t e = a.e;
	if (a.chinese)
		return p;
	if (a.ndig == 8 && !is_digit_at(c, e)) { /* 20240307 */
		int y = (int)(a.v / 10000), m = (int)(a.v / 100 % 100),
		    d = (int)(a.v % 100);
		if (y >= 1900 && y <= 2099 && jx_date_valid(y, m, d)) {
			x->y = y, x->m = m, x->d = d;
			x->y_abs = true;
			return e;
		}
		return p;
	}
	if (lit(c, e, "·") && a.ndig <= 2) { /* 6·30, 9·11 */
		num b = read_num(c, e + 2);
		if (b.e > e + 2 && !b.chinese && b.ndig <= 2 && a.v >= 1 &&
		    a.v <= 12 && jx_date_valid(2000, (int)a.v, (int)b.v) &&
		    !is_digit_at(c, b.e)) {
			x->m = (int)a.v, x->d = (int)b.v;
			return b.e;
		}
		return p;
	}
	if (e >= c->n)
		return p;
	char sep = (char)c->t[e];
	if (sep != '-' && sep != '/' && sep != '.')
		return p;
	num b = read_num(c, e + 1);
	if (b.e == e + 1 || b.chinese || b.ndig > 2)
		return p;
	if (b.e < c->n && c->t[b.e] == sep) {
		num d = read_num(c, b.e + 1);
		uint32_t glued = 0;
		if (a.ndig == 4 && d.ndig == 4 && !d.chinese && d.e < c->n &&
		    c->t[d.e] == ':' && c->t[d.e - 1] != ' ') {
			/* 2021-09-0910:09: the day, then the clock unspaced */
			glued = d.e - 2;
			d.v /= 100;
			d.ndig = 2;
			d.e = glued;
		}
		if (d.e == b.e + 1 || d.chinese ||
		    (!glued && c->t[d.e - 1] != ' ' && is_digit_at(c, d.e)))
			return p;
		int y = -1, m = -1, dd = -1;
		if (a.ndig == 4) { /* 2025-08-24 */
			y = (int)a.v, m = (int)b.v, dd = (int)d.v;
		} else if (a.ndig <= 2 && sep == '/' &&
		           (d.ndig == 4 || d.ndig == 2)) { /* 10/31/1974 */
			y = d.ndig == 4 ? (int)d.v : full_year(d.v);
			m = (int)a.v, dd = (int)b.v;
		} else if (a.ndig <= 2 && d.ndig == 4) { /* 13.5.2015 */
			y = (int)d.v, m = (int)b.v, dd = (int)a.v;
		} else if (a.ndig == 2 && sep == '-' && d.ndig <= 2) {
			y = full_year(a.v), m = (int)b.v, dd = (int)d.v;
		}
		if (y < 0 || !jx_date_valid(y, m, dd))
			return p;
		x->y = y, x->m = m, x->d = dd;
		x->y_abs = true;
		/* 2021-09-12-11:23: a clock after a dash */
		uint32_t r = d.e;
		if (r + 2 < c->n && (c->t[r] == '-' || c->t[r] == 'T') &&
		    is_digit_at(c, r + 1) &&
		    (c->t[r + 2] == ':' ||
		     (is_digit_at(c, r + 2) && r + 3 < c->n &&
		      c->t[r + 3] == ':')))
			r++;
		return r;
	}
	/* 2/15, 10/31: a month and a day with /, not a fraction (1/3, 2/5:
	 * a smaller figure over one up to 10) */
	if (sep == '/' && a.ndig <= 2 && a.v >= 1 && a.v <= 12 && b.v >= 1 &&
	    jx_date_valid(2000, (int)a.v, (int)b.v) &&
	    !(a.v < b.v && b.v <= 10) && !is_digit_at(c, b.e) &&
	    !(b.e < c->n && (c->t[b.e] == '.' || c->t[b.e] == '%'))) {
		x->m = (int)a.v, x->d = (int)b.v;
		return b.e;
	}
	/* 1999.08, 2002/02: a year and a month */
	if (a.ndig == 4 && a.v >= 1900 && a.v <= 2099 && sep != '-' &&
	    b.ndig == 2 && b.v >= 1 && b.v <= 12 && !is_digit_at(c, b.e)) {
		x->y = (int)a.v, x->m = (int)b.v;
		x->y_abs = true;
		return b.e;
	}
	return p;
}

/* A range word at q (至 到 - – — ~ ～ 〜): its length, or 0. */
static uint32_t range_word(const ctx *c, uint32_t q)
{
	static const char *const w[] = {"至", "到", "～", "〜",
	                                "–",  "—",  "-",  "~"};
	for (int i = 0; i < 8; i++)
		if (lit(c, q, w[i]))
			return (uint32_t)strlen(w[i]) +
			       (q + strlen(w[i]) < c->n &&
			                c->t[q + strlen(w[i])] == ' '
			            ? 1
			            : 0);
	return 0;
}

/* Does a bare number end at q (the end, white space, punctuation)? */
static bool bare_end(const ctx *c, uint32_t q)
{
	if (q >= c->n || c->t[q] == ' ' || c->t[q] == '\n' || c->t[q] == ',' ||
	    c->t[q] == '.' || c->t[q] == ')')
		return q >= c->n || c->t[q] != '.' ||
		       !(q + 1 < c->n && c->t[q + 1] >= '0' &&
		         c->t[q + 1] <= '9');
	return lit(c, q, "，") || lit(c, q, "。") || lit(c, q, "、") ||
	       lit(c, q, "；") || lit(c, q, "）") || lit(c, q, "」");
}

/* A day said after a month without 日 / 號: 初十 and Chinese numerals
 * (九月廿二, 八月十五) are lunar days, as lunar dates are written;
 * figures are the Gregorian day (十月31, 1月3至2月10). */
static uint32_t month_day(ctx *c, uint32_t q, expr *x)
{
	if (lit(c, q, "初")) {
		num b = read_num(c, q + 3);
		if (b.e > q + 3 && b.chinese && b.v >= 1 && b.v <= 10) {
			x->d = (int)b.v;
			x->lunar = true;
			return b.e;
		}
		return q;
	}
	num b = read_num(c, q);
	uint32_t row;
	if (b.e == q || b.v < 1 || at(c, c->tb.units, b.e, &row))
		return q;
	if (b.chinese && b.v <= 30 && !b.plain) {
		x->d = (int)b.v; /* 廿二, 十五 (not 三: 三月三 is rare) */
		x->lunar = true;
		return b.e;
	}
	if (!b.chinese && b.ndig <= 2 && b.v <= 31 &&
	    (bare_end(c, b.e) || range_word(c, b.e))) {
		x->d = (int)b.v;
		return b.e;
	}
	return q;
}

/* A year of the bare era (time/eras): Arabic figures of its digits
 * before 年 and a month (114年1月), or before a longer year unit
 * (114年度), where no duration stands; the Gregorian year, or -1. */
static int bare_era_year(const ctx *c, num a, uint32_t ulen)
{
	if (c->tb.bare_digits == 0 || a.chinese || !a.plain ||
	    (int)a.ndig != c->tb.bare_digits || a.v < 1)
		return -1;
	uint32_t row, l2, q = a.e + ulen;
	num b = read_num(c, q);
	bool month =
	    b.e > q && !b.chinese && b.v >= 1 && b.v <= 12 &&
	    (l2 = at(c, c->tb.units, b.e, &row)) &&
	    !strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind), "month");
	if (!month && ulen <= 3)
		return -1; /* 114年 alone: maybe a duration */
	return c->tb.bare_first + (int)a.v - 1;
}

/* The date parts from p: [year] [month] [day], then a clock. */
static uint32_t read_date(ctx *c, uint32_t p, expr *x)
{
	uint32_t q = p, row, len;
	num a = read_num(c, q);
	if (a.e == q)
		return p;
	if (!a.chinese &&
	    ((a.e < c->n && (c->t[a.e] == '-' || c->t[a.e] == '/' ||
	                     c->t[a.e] == '.' || lit(c, a.e, "·"))) ||
	     a.ndig == 8)) {
		uint32_t r = read_figures(c, p, a, x);
		if (r > p || a.ndig != 4 || lit(c, a.e, "·"))
			return r;
	}
	if (!(len = at(c, c->tb.units, a.e, &row)))
		return p;
	const char *k = jx_table_str(c->tb.units, row, c->tb.u_kind);
	if (!strcmp(k, "year")) {
		bool two = two_digit_year(c, q, a, a.e + len);
		int bare = bare_era_year(c, a, len);
		if (!two && bare < 0 &&
		    (!(a.ndig == 4 && (a.plain || !a.chinese)) || a.v < 1000))
			return p; /* 17年: a duration */
		x->y = bare >= 0 ? bare : two ? full_year(a.v) : (int)a.v;
		x->y_abs = true;
		q = a.e + len;
		num b = read_num(c, q);
		uint32_t l2;
		if (b.e > q && b.v >= 1 && b.v <= 12 &&
		    (l2 = at(c, c->tb.units, b.e, &row)) &&
		    !strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind),
		            "month")) {
			a = b;
			len = l2;
			k = "month";
		} else {
			return q;
		}
	}
	if (!strcmp(k, "month")) {
		if (a.v < 1 || a.v > 12)
			return p;
		x->m = (int)a.v;
		q = a.e + len;
		num b = read_num(c, q);
		uint32_t l2;
		if (b.e > q && b.v >= 1 && b.v <= 31 &&
		    (l2 = at(c, c->tb.units, b.e, &row)) &&
		    !strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind),
		            "day")) {
			a = b;
			len = l2;
			k = "day";
		} else {
			return month_day(c, q, x);
		}
	}
	if (!strcmp(k, "day")) {
		if (a.v < 1 || a.v > 31)
			return p;
		/* a lone 一日 / 十日 is more often "one day" than a date */
		if (x->m < 0 && a.chinese && a.e - p <= 3)
			return p;
		x->d = (int)a.v;
		return a.e + len;
	}
	return p;
}

/* A duration at p: 113分鐘, 兩個半小時, 17年, 一年多, 半年, and chains of
 * them (8天20小時, 一年又一個月21天, 兩小時十分). */
enum { DU_Y, DU_M, DU_W, DU_D, DU_H, DU_MIN, DU_S, DU_N, DU_QH };

typedef struct dpart {
	int u;          /* DU_* */
	double v[DU_N]; /* the amount, a half spread to smaller units */
	long n;         /* the whole number said */
	bool num, half, more;
	num a;
} dpart;

static int du_of(const char *iso)
{
	static const char *const n[] = {"Y", "M", "W", "D", "H", "MIN", "S"};
	for (int i = 0; i < DU_N; i++)
		if (!strcmp(iso, n[i]))
			return i;
	if (!strcmp(iso, "QH"))
		return DU_QH; /* a quarter of an hour: 15 minutes */
	return !strcmp(iso, "Q") ? DU_N : -1; /* a quarter: 3 months */
}

static void du_half(double *v, int u)
{
	switch (u) {
	case DU_Y:
		v[DU_M] += 6;
		break;
	case DU_M:
		v[DU_M] += 0.5;
		break;
	case DU_W:
		v[DU_D] += 3;
		v[DU_H] += 12;
		break;
	case DU_D:
		v[DU_H] += 12;
		break;
	case DU_H:
		v[DU_MIN] += 30;
		break;
	case DU_MIN:
		v[DU_S] += 30;
		break;
	default:
		v[DU_S] += 0.5;
	}
}

static void du_format(char *o, size_t cap, const double *v)
{
	static const char L[] = "YMWDHMS";
	size_t l = 1;
	bool t = false;
	o[0] = 'P';
	o[1] = '\0';
	for (int i = 0; i < DU_N && l < cap; i++) {
		if (v[i] == 0)
			continue;
		if (i >= DU_H && !t) {
			o[l++] = 'T';
			t = true;
		}
		int k =
		    v[i] == (double)(long)v[i]
		        ? snprintf(o + l, cap - l, "%ld%c", (long)v[i], L[i])
		        : snprintf(o + l, cap - l, "%g%c", v[i], L[i]);
		if (k < 0 || (size_t)k >= cap - l)
			break;
		l += (size_t)k;
	}
	if (l == 1)
		snprintf(o + 1, cap - 1, "T0S");
}

static bool is_more(const ctx *c, uint32_t q)
{
	return lit(c, q, "多") || lit(c, q, "餘") || lit(c, q, "余");
}

/* One part at p: a number (or 半, 個半) and a unit, 半 / 多 after it.
 * prev: the unit of the part before (a bare 十分 after 兩小時 is minutes),
 * or -1. Returns its end, or p. */
static uint32_t read_dur_part(ctx *c, uint32_t p, int prev, dpart *o)
{
	uint32_t q = p, row, len;
	bool after_ge = false; /* 個 was read: 個多月, 個半月 */
	memset(o, 0, sizeof(*o));
	num a = read_num(c, q);
	o->a = a;
	long v = a.v;
	if (a.e == q) {
		if (lit(c, q, "半")) {
			q += 3;
		} else if (lit(c, q, "個半") || lit(c, q, "个半")) {
			v = 1; /* 個半小時: one and a half */
			q += 6;
		} else {
			return p;
		}
		o->half = true;
		v = v ? v : 0;
	} else {
		o->num = true;
		q = a.e;
		if (is_more(c, q)) {
			o->more = true;
			q += 3;
		}
		if (lit(c, q, "個半") || lit(c, q, "个半")) {
			o->half = true;
			q += 6;
			after_ge = true; /* 一個半月 */
		}
	}
	/* a decimal: 1.5小時, 五點五分鐘 */
	double frac = 0;
	if (o->num && !o->more && !o->half) {
		uint32_t r = q;
		if (r < c->n && c->t[r] == '.' && !a.chinese)
			r++;
		else if (a.chinese && (lit(c, r, "點") || lit(c, r, "点")))
			r += 3;
		if (r > q) {
			double scale = 0.1;
			uint32_t r2 = r;
			for (;;) {
				num dg = read_num(c, r2);
				if (dg.e == r2 || dg.ndig != 1 || !dg.plain ||
				    dg.chinese != a.chinese)
					break;
				frac += scale * (double)dg.v;
				scale /= 10;
				r2 = dg.e;
			}
			uint32_t urow;
			if (r2 > r && at(c, c->tb.units, r2, &urow) &&
			    strcmp(
			        jx_table_str(c->tb.units, urow, c->tb.u_kind),
			        "hour") != 0)
				q = r2;
			else
				frac = 0;
		}
	}
	if (o->num && !o->half && (lit(c, q, "個多") || lit(c, q, "个多"))) {
		o->more = true; /* 十個多月 */
		q += 6;
		after_ge = true;
	}
	if (!(len = at(c, c->tb.units, q, &row)))
		return p;
	const char *k = jx_table_str(c->tb.units, row, c->tb.u_kind);
	const char *iso = jx_table_str(c->tb.units, row, c->tb.u_iso);
	int u = du_of(iso);
	if (after_ge && !strcmp(k, "month"))
		u = DU_M; /* 個多月 */
	bool ok = !strcmp(k, "dur") || !strcmp(k, "year") ||
	          !strcmp(k, "second") || (after_ge && u == DU_M);
	if (!strcmp(k, "day") && u == DU_D)
		/* 日 is a date unless: 半日, 兩日, 五日內, or after another
		 * part */
		ok = (o->half && !o->num) || prev >= 0 || lit(c, p, "兩") ||
		     lit(c, p, "两") || lit(c, q + len, "內") ||
		     lit(c, q + len, "内") || lit(c, q + len, "之內") ||
		     lit(c, q + len, "之内") || lit(c, q + len, "以內") ||
		     lit(c, q + len, "以内");
	if (!strcmp(k, "minute") && o->num &&
	    (prev == DU_H || (prev < 0 && lit(c, q + len, "半")))) {
		ok = true; /* 兩小時十分, 一分半 */
		u = DU_MIN;
	}
	if (!ok || u < 0)
		return p;
	if (!strcmp(k, "year") && o->num &&
	    ((a.ndig == 4 && a.plain) || a.v >= 1000 ||
	     two_digit_year(c, p, a, q + len) || bare_era_year(c, a, len) >= 0))
		return p; /* 1998年, 98年4月, 114年1月: a year */
	q += len;
	if (!o->half && lit(c, q, "半")) {
		o->half = true;
		q += 3;
	}
	if (!o->more && is_more(c, q)) {
		o->more = true;
		q += 3;
	}
	if (u == DU_N) { /* quarters */
		u = DU_M;
		v *= 3;
		frac *= 3;
		if (o->half) { /* a half quarter */
			o->half = false;
			o->v[DU_M] += 1.5;
		}
	}
	if (u == DU_QH) { /* 一刻鐘: quarters of an hour */
		u = DU_MIN;
		v *= 15;
		frac *= 15;
		if (o->half) {
			o->half = false;
			o->v[DU_S] += 450;
		}
	}
	o->u = u;
	o->n = v;
	o->v[u] += (double)v + frac;
	if (o->half)
		du_half(o->v, u);
	return q;
}

/* N年代 after a century (19世紀70年代): the decade's digit; returns its
 * end, or p. */
static uint32_t read_decade(ctx *c, uint32_t p, int *dec /* OUT */)
{
	uint32_t row, len;
	num a = read_num(c, p);
	if (a.e > p && a.v < 100 && a.v % 10 == 0 &&
	    (len = at(c, c->tb.units, a.e, &row)) != 0 &&
	    !strcmp(jx_table_str(c->tb.units, row, c->tb.u_kind), "decade")) {
		*dec = (int)(a.v / 10);
		return a.e + len;
	}
	return p;
}

static uint32_t read_duration(ctx *c, uint32_t p, expr *x)
{
	uint32_t row, len;
	num a = read_num(c, p);
	if (a.e > p && (len = at(c, c->tb.units, a.e, &row)) != 0) {
		const char *k = jx_table_str(c->tb.units, row, c->tb.u_kind);
		if (!strcmp(k, "century") && a.v >= 1 && a.v <= 99) {
			x->kind = T_DATE;
			snprintf(x->dur, sizeof(x->dur), "%02ld", a.v - 1);
			int dec;
			uint32_t r = read_decade(c, a.e + len, &dec);
			if (r > a.e + len) { /* 19世紀70年代 */
				snprintf(x->dur, sizeof(x->dur), "%02ld%d",
				         a.v - 1, dec);
				return r;
			}
			return a.e + len;
		}
		if (!strcmp(k, "decade") && a.v % 10 == 0) {
			x->kind = T_DATE;
			if (a.v >= 1000 && a.v <= 9990) { /* 1970年代 */
				snprintf(x->dur, sizeof(x->dur), "%03ld",
				         a.v / 10);
				return a.e + len;
			}
			if (a.v < 100) { /* 70年代: its century from the
				            anchor */
				x->decade = (int)(a.v / 10);
				return a.e + len;
			}
		}
		if (!strcmp(k, "anniv")) {
			x->kind = T_ANNIV;
			snprintf(x->dur, sizeof(x->dur), "P%ldY", a.v);
			return a.e + len;
		}
	}
	dpart d;
	uint32_t q = read_dur_part(c, p, -1, &d);
	if (q == p)
		return p;
	double v[DU_N];
	memcpy(v, d.v, sizeof(v));
	bool more = d.more, used[DU_N] = {false};
	int last = d.u, nparts = 1;
	used[d.u] = true;
	for (;;) { /* 8天20小時, 一年又一個月21天 */
		uint32_t r = q;
		bool and_ = false;
		if (lit(c, r, "又") || lit(c, r, "零")) { /* 1個月零3天 */
			r += 3;
			and_ = true;
		}
		dpart e;
		uint32_t r2 = read_dur_part(c, r, last, &e);
		if (r2 == r || used[e.u] || (!and_ && e.u <= last) || more)
			break;
		for (int i = 0; i < DU_N; i++)
			v[i] += e.v[i];
		used[e.u] = true;
		last = e.u;
		more = e.more;
		q = r2;
		nparts++;
	}
	du_format(x->dur, sizeof(x->dur), v);
	x->kind = T_DURATION;
	if (nparts == 1 && d.a.chinese && d.a.plain && d.a.ndig == 2 &&
	    d.a.v % 10 == d.a.v / 10 + 1 && !d.half) {
		/* 三四年, 七八個月: two neighbouring digits are an estimate,
		 * a range of durations */
		double lo[DU_N] = {0}, hi[DU_N] = {0};
		lo[d.u] = (double)(d.a.v / 10);
		hi[d.u] = (double)(d.a.v % 10);
		char a1[20], a2[20];
		du_format(a1, sizeof(a1), lo);
		du_format(a2, sizeof(a2), hi);
		snprintf(x->dur, sizeof(x->dur), "%s/%s", a1, a2);
		return q;
	}
	if (more)
		x->mod = "MORE_THAN";
	/* 3天前, 兩年後, 一年半後: a point that far from the anchor */
	static const char *const ago[] = {"以前", "之前", "前"};
	static const char *const later[] = {"以後", "以后", "之後",
	                                    "之后", "後",   "后"};
	/* the whole as a count of one unit: 一年半 18 months, 一天半 36
	 * hours, 十三分半 810 seconds */
	long n = d.n;
	int u = d.u;
	if (d.half || nparts > 1) {
		double mo = v[DU_Y] * 12 + v[DU_M];
		double sec = v[DU_W] * 604800 + v[DU_D] * 86400 +
		             v[DU_H] * 3600 + v[DU_MIN] * 60 + v[DU_S];
		if (mo > 0 && sec == 0 && mo == (double)(long)mo) {
			n = (long)mo, u = DU_M;
		} else if (mo == 0 && sec > 0) {
			static const long step[] = {604800, 86400, 3600, 60, 1};
			u = -1;
			for (int i = 0; i < 5 && u < 0; i++)
				if (sec == (double)((long)sec / step[i] *
				                    step[i]) &&
				    sec >= (double)step[i] &&
				    (i < 1 ? v[DU_W] > 0 : true))
					n = (long)sec / step[i], u = DU_W + i;
		} else {
			u = -1;
		}
	}
	if (!d.num && !d.half)
		u = -1;
	/* 三天之內, 半小時以內: by that point */
	static const char *const within[] = {"之內", "之内", "以內",
	                                     "以内", "內",   "内"};
	for (int i = 0; u >= 0 && i < 6; i++)
		if (lit(c, q, within[i])) {
			uint32_t wrow, w = q + (uint32_t)strlen(within[i]);
			if (at(c, c->tb.windows, w, &wrow))
				return w; /* 一個月內第二次: a window, P1M */
			x->n_off = n;
			x->within = true;
			q += (uint32_t)strlen(within[i]);
			static const char U0[] = "YMWDHNS";
			x->n_unit = U0[u];
			x->kind = u >= DU_H ? T_TIME : T_DATE;
			x->mod = "BEFORE";
			x->dur[0] = '\0';
			return q;
		}
	if (u >= 0) {
		static const char *const since[] = {"以來", "以来"};
		for (int i = 0; i < 2 && !x->n_unit; i++)
			if (lit(c, q, since[i])) { /* 一天半以來 */
				x->n_off = -n;
				q += (uint32_t)strlen(since[i]);
				x->n_unit = 1;
				x->since = true;
			}
		for (int i = 0; i < 3 && !x->n_unit; i++)
			if (lit(c, q, ago[i])) {
				x->n_off = -n;
				q += (uint32_t)strlen(ago[i]);
				x->n_unit = 1;
			}
		for (int i = 0; i < 6 && !x->n_unit; i++)
			if (lit(c, q, later[i])) {
				x->n_off = n;
				q += (uint32_t)strlen(later[i]);
				x->n_unit = 1;
			}
		if (x->n_unit) {
			static const char U[] = "YMWDHNS";
			x->n_unit = U[u];
			x->kind = u >= DU_H ? T_TIME : T_DATE;
			x->mod = NULL;
			/* 3年半以前, 半小時以後: from that point on / up to it
			 */
			if (x->since)
				x->mod = NULL;
			else if (lit(c, q - 6, "以前"))
				x->mod = "BEFORE";
			else if (lit(c, q - 6, "以後") || lit(c, q - 6, "以后"))
				x->mod = "AFTER";
			x->dur[0] = '\0';
			return q;
		}
	}
	uint32_t e = q;
	const char *m = mod_after(c, &e); /* 三個月左右 */
	if (m && (!strcmp(m, "APPROX") || !strcmp(m, "MORE_THAN"))) {
		x->mod = m;
		q = e;
	}
	return q;
}

/* A mod written before s: 約3小時, 超過10年, 不到一週. */
static const char *mod_before(ctx *c, uint32_t s,
                              uint32_t *from /* OUT: where the word starts */)
{
	uint32_t q = s;
	const char *best = NULL;
	bool found = false;
	for (int k = 0; k < 4 && q > 0; k++) { /* the longest: 大約, not 約 */
		size_t r = q;
		jx_utf8_prev(c->t, &r);
		q = (uint32_t)r;
		uint32_t row, len = at(c, c->tb.mods, q, &row);
		if (len == s - q &&
		    !strcmp(jx_table_str(c->tb.mods, row, c->tb.m_side),
		            "before")) {
			const char *m =
			    jx_table_str(c->tb.mods, row, c->tb.m_mod);
			*from = q;
			best = strcmp(m, "-") ? m : NULL;
			found = true;
		}
	}
	return found ? best : NULL;
}

/* A zone alone in brackets right after a time: 晚間8時（UTC+9）. */
static const char *zone_after(ctx *c, uint32_t e)
{
	if (e >= c->n || c->t[e] != '(')
		return NULL;
	const char *tz = NULL;
	uint32_t z = read_zone(c, e + 1, &tz);
	return z > e + 1 && z < c->n && c->t[z] == ')' ? tz : NULL;
}

/* The clause's tense before p: a cue in the same clause. */
static int tense_before(ctx *c, uint32_t p)
{
	uint32_t q = p, k = 0;
	while (q > 0 && k < 12) {
		size_t r = q;
		uint32_t cp = jx_utf8_prev(c->t, &r);
		if (cp == 0xFF0C || cp == ',' || cp == 0x3002 || cp == 0xFF1B ||
		    cp == ';' || cp == '\n' || cp == 0x3001 || cp == 0xFF1A ||
		    cp == ':')
			break;
		q = (uint32_t)r;
		k++;
		uint32_t row, len = at(c, c->tb.tense, q, &row);
		if (len && q + len <= p)
			return strcmp(jx_table_str(c->tb.tense, row,
			                           c->tb.t_tense),
			              "future") == 0
			           ? TENSE_FUTURE
			           : TENSE_PAST;
	}
	return TENSE_NONE;
}

/* The tense of an expression [s, e): a cue before it in its clause, else
 * one right after it (9月上旬將舉行). */
static int tense_of(ctx *c, uint32_t s, uint32_t e)
{
	int t = tense_before(c, s);
	for (uint32_t q = e, k = 0; t == TENSE_NONE && q < c->n && k < 3; k++) {
		uint32_t row, len = at(c, c->tb.tense, q, &row);
		if (len)
			return strcmp(jx_table_str(c->tb.tense, row,
			                           c->tb.t_tense),
			              "future") == 0
			           ? TENSE_FUTURE
			           : TENSE_PAST;
		size_t r = q;
		uint32_t cp = jx_utf8_next(c->t, c->n, &r);
		if (cp < 0x3400) /* punctuation ends the clause */
			break;
		q = (uint32_t)r;
	}
	return t;
}

/* "第" or a count word, a number, then a unit: 第3個, 前十一個月. */
static uint32_t read_count_unit(ctx *c, uint32_t q, long *n, int *u)
{
	uint32_t row, len;
	num a = read_num(c, q);
	if (a.e == q || a.v < 1 || a.v > 400)
		return q;
	uint32_t r = a.e;
	if (lit(c, r, "個") || lit(c, r, "个"))
		r += 3;
	*n = a.v;
	if (lit(c, r, "季度") || lit(c, r, "季")) {
		*u = DU_N; /* quarters */
		return r + (lit(c, r, "季度") ? 6 : 3);
	}
	if (lit(c, r, "月份")) {
		*u = DU_M;
		return r + 6;
	}
	if (lit(c, r, "月")) {
		*u = DU_M;
		return r + 3;
	}
	if (lit(c, r, "天") || lit(c, r, "日")) {
		*u = DU_D;
		return r + 3;
	}
	if ((len = at(c, c->tb.units, r, &row)) &&
	    !strcmp(jx_table_str(c->tb.units, row, c->tb.u_iso), "W")) {
		*u = DU_W;
		return r + len;
	}
	return q;
}

/* A part of a year after it: 上半年, 夏天, 第三季度, 第3個月, 第52週,
 * 前三季度, 前10天, 最後4個月, 後三月. */
static uint32_t read_in_year(ctx *c, uint32_t p, expr *x)
{
	uint32_t q = p, row, len;
	if (lit(c, q, "的"))
		q += 3;
	if ((len = at(c, c->tb.yearparts, q, &row)) != 0) {
		const char *k =
		    jx_table_str(c->tb.yearparts, row, c->tb.yp_kind);
		const char *v =
		    jx_table_str(c->tb.yearparts, row, c->tb.yp_val);
		x->yp = !strcmp(k, "half")      ? 'H'
		        : !strcmp(k, "quarter") ? 'Q'
		                                : 'S';
		x->yp_a = (int)strtol(v, NULL, 10);
		x->part_s = v;
		return q + len;
	}
	static const char *const first[] = {"前", "頭", "头"};
	static const char *const last[] = {"最後", "最后", "後", "后", "末"};
	int side = 0;
	uint32_t r = q;
	if (lit(c, q, "第")) {
		side = 1;
		r += 3;
	}
	for (int i = 0; !side && i < 3; i++)
		if (lit(c, q, first[i]))
			side = 2, r = q + (uint32_t)strlen(first[i]);
	for (int i = 0; !side && i < 5; i++)
		if (lit(c, q, last[i]))
			side = 3, r = q + (uint32_t)strlen(last[i]);
	if (!side)
		return p;
	r = skip_spaces(c, r);
	long n = 0;
	int u = -1;
	uint32_t e = read_count_unit(c, r, &n, &u);
	if (e == r)
		return p;
	if (u == DU_N) { /* quarters: 第三季度, 前三季度 as months */
		if (n > 4)
			return p;
		if (side == 1) {
			x->yp = 'Q';
			x->yp_a = (int)n;
			return e;
		}
		u = DU_M;
		n *= 3;
	}
	int max = u == DU_M ? 12 : u == DU_W ? 53 : 366;
	if (n > max)
		return p;
	x->yp = 'R';
	x->yp_u = u;
	if (side == 1)
		x->yp_a = x->yp_b = (int)n;
	else if (side == 2)
		x->yp_a = 1, x->yp_b = (int)n;
	else
		x->yp_a = -(int)n, x->yp_b = -1;
	return e;
}

/* A week of a month after it: 第一個星期一, 第3個星期日, 第一週. */
static uint32_t read_in_month(ctx *c, uint32_t p, expr *x)
{
	uint32_t q = p;
	if (lit(c, q, "的"))
		q += 3;
	/* 上月最後五天, 3月前10天, 本月第一天: days of the month */
	static const char *const side[] = {"前",   "頭",   "头",
	                                   "最後", "最后", "第"};
	for (int i = 0; i < 6; i++) {
		if (!lit(c, q, side[i]))
			continue;
		uint32_t r = skip_spaces(c, q + (uint32_t)strlen(side[i]));
		long n = 0;
		int u = -1;
		uint32_t e = read_count_unit(c, r, &n, &u);
		if (e == r || u != DU_D || n > 31)
			break;
		if (i == 5)
			x->md_a = x->md_b = (int)n;
		else if (i < 3)
			x->md_a = 1, x->md_b = (int)n;
		else
			x->md_a = -(int)n, x->md_b = -1;
		return e;
	}
	if (!lit(c, q, "第"))
		return p;
	num a = read_num(c, q + 3);
	if (a.e == q + 3 || a.v < 1 || a.v > 5)
		return p;
	uint32_t r = a.e;
	if (lit(c, r, "個") || lit(c, r, "个"))
		r += 3;
	int wd = -1;
	uint32_t r2 = read_weekday(c, r, &wd);
	if (r2 > r) {
		x->mn = (int)a.v, x->mwd = wd;
		return r2;
	}
	static const char *const wk[] = {"星期", "禮拜", "礼拜", "週", "周"};
	for (int i = 0; i < 5; i++)
		if (lit(c, r, wk[i])) {
			x->mn = (int)a.v, x->mwd = 0;
			return r + (uint32_t)strlen(wk[i]);
		}
	return p;
}

/* The time a set recurs at, said after it: 每週六上午9點, 每個星期天,
 * 每年秋天, 每年母親節. Only its extent: a SET's value is its period. */
static uint32_t set_when(ctx *c, uint32_t q)
{
	expr y;
	memset(&y, 0, sizeof(y));
	y.hh = y.mi = y.ss = y.wday = -1;
	uint32_t row, len, r = read_day_of_week(c, q, &y.wday);
	if (r == q)
		r = read_weekday(c, q, &y.wday);
	if (r == q && (len = at(c, c->tb.holidays, q, &row)) != 0)
		r = q + len;
	if (r == q && (len = at(c, c->tb.yearparts, q, &row)) != 0)
		r = q + len;
	uint32_t r2 = read_clock(c, r, &y, CL_BARE | CL_PART);
	return r2 > r ? r2 : r;
}

/* One expression at p, or x->e == p. */
static void read_expr(ctx *c, uint32_t p, expr *x)
{
	memset(x, 0, sizeof(*x));
	x->s = x->e = p;
	x->y = x->m = x->d = x->hh = x->mi = x->ss = -1;
	x->bday = x->wday = x->y2 = x->m2 = x->d2 = -1;
	x->hol = -1;
	x->decade = -1;
	x->hh2 = x->mi2 = x->ss2 = -1;
	x->kind = T_DATE;
	uint32_t row, len, q = p;
	/* spans: 上兩個月, 下三年, 過去5分鐘, 近三個月 */
	if ((len = at(c, c->tb.spans, p, &row)) != 0) {
		dpart d;
		uint32_t r = read_dur_part(c, p + len, -1, &d);
		if (r == p + len) { /* 前兩月: months without 個 */
			long n = 0;
			int u = -1;
			uint32_t r2 = read_count_unit(c, p + len, &n, &u);
			if (r2 > p + len && u == DU_M &&
			    !lit(c, p + len, "第")) {
				memset(&d, 0, sizeof(d));
				d.num = true, d.n = n, d.u = DU_M;
				r = r2;
			}
		}
		int wd;
		if (r > p + len && d.u == DU_W && d.n == 1 &&
		    read_day_of_week(c, r, &wd) > r)
			r = p + len; /* 上一週三: a day of that week */
		const char *base =
		    jx_table_str(c->tb.spans, row, c->tb.sp_base);
		if (!strcmp(base, "point")) {
			/* 過兩天: the point that far on, and from then on;
			 * only as a word of its own (not 超過, 度過, 不過) */
			size_t b = p;
			uint32_t pc = p > 0 ? jx_utf8_prev(c->t, &b) : 0;
			if (r > p + len && d.num && !d.half && !d.more &&
			    d.n >= 1 && d.n < 1000 &&
			    !(pc >= 0x3400 && pc <= 0x9FFF)) {
				static const char U[] = "YMWDHNS";
				x->kind = d.u >= DU_H ? T_TIME : T_DATE;
				x->n_off = strcmp(jx_table_str(c->tb.spans, row,
				                               c->tb.sp_dir),
				                  "past")
				               ? d.n
				               : -d.n;
				x->n_unit = U[d.u];
				x->mod = "AFTER";
				x->e = r;
				return;
			}
			r = p + len;
		}
		if (r > p + len && d.num && !d.half && !d.more && d.n >= 1 &&
		    d.n < 1000) {
			x->kind = d.u >= DU_H ? T_TIME : T_DATE;
			x->span_dir =
			    strcmp(jx_table_str(c->tb.spans, row, c->tb.sp_dir),
			           "past")
			        ? 1
			        : -1;
			x->span_now = !strcmp(
			    jx_table_str(c->tb.spans, row, c->tb.sp_base),
			    "now");
			x->span_u = d.u;
			x->span_n = d.n;
			x->e = r;
			return;
		}
	}
	/* vague references and sets: whole words */
	if ((len = at(c, c->tb.vague, p, &row)) != 0) {
		x->kind = T_VAGUE;
		snprintf(x->dur, sizeof(x->dur), "%s",
		         jx_table_str(c->tb.vague, row, c->tb.v_value));
		x->e = p + len;
		return;
	}
	if (lit(c, p, "每")) { /* 每兩年, 每3個月, 每隔3天 */
		expr d = *x;
		uint32_t b = p + 3;
		if (lit(c, b, "隔"))
			b += 3;
		uint32_t r = read_duration(c, b, &d);
		if (r > b && d.kind == T_DURATION && !d.n_unit) {
			*x = d;
			x->kind = T_SET;
			x->s = p;
			x->e = set_when(c, r);
			return;
		}
	}
	if ((len = at(c, c->tb.sets, p, &row)) != 0) {
		x->kind = T_SET;
		snprintf(x->dur, sizeof(x->dur), "%s",
		         jx_table_str(c->tb.sets, row, c->tb.s_value));
		x->e = set_when(c, p + len);
		return;
	}
	/* a zone then a clock time */
	const char *tz = NULL;
	uint32_t z = read_zone(c, q, &tz);
	if (z > q) {
		uint32_t r = read_date(c, z, x);
		uint32_t r2 = read_clock(c, r, x, CL_BARE);
		if (r2 > r) {
			x->tz = tz;
			x->kind = T_TIME;
			x->e = r2;
		}
		return;
	}
	/* an era's years: 民國114年, 令和元年, 雍正二年十二月 */
	if ((len = at(c, c->tb.eras, q, &row)) != 0) {
		int first = (int)strtol(
		    jx_table_str(c->tb.eras, row, c->tb.e_first), NULL, 10);
		num a = read_num(c, q + len);
		if (a.e == q + len && lit(c, a.e, "元")) {
			a.v = 1; /* 元年 */
			a.e += 3;
		}
		uint32_t urow;
		/* 公元前221年: years before the common era (column bc) */
		bool bc =
		    !strcmp(jx_table_str(c->tb.eras, row, c->tb.e_bc), "yes");
		if (a.e > q + len && a.v >= 1 && a.v < (bc ? 10000 : 300) &&
		    at(c, c->tb.units, a.e, &urow) &&
		    !strcmp(jx_table_str(c->tb.units, urow, c->tb.u_kind),
		            "year")) {
			int y = bc ? (int)a.v : first + (int)a.v - 1;
			x->y = y;
			x->y_abs = true;
			x->bc = bc;
			q = a.e + 3;
			uint32_t r = read_date(c, q, x);
			x->y = y; /* the month and day read, the era's year */
			x->e = r;
			goto tail;
		}
	}
	/* the lunar calendar: 農曆八月十五, 農曆閏四月, 正月十五, 大年初十 */
	if ((len = at(c, c->tb.calendars, q, &row)) != 0) {
		const char *k = jx_table_str(c->tb.calendars, row, 1);
		uint32_t r = q + len;
		expr y = *x;
		if (!strcmp(k, "month")) {
			y.m = (int)strtol(jx_table_str(c->tb.calendars, row, 2),
			                  NULL, 10);
			r = month_day(c, r, &y);
		} else {
			/* a year (二〇二一年, 明年), 閏, a month, a day */
			uint32_t r0 = r, rl, rrow;
			if ((rl = at(c, c->tb.relative, r, &rrow)) &&
			    !strcmp(jx_table_str(c->tb.relative, rrow,
			                         c->tb.r_unit),
			            "year")) {
				y.rel = R_YEAR;
				y.rel_off = (int)strtol(
				    jx_table_str(c->tb.relative, rrow,
				                 c->tb.r_offset),
				    NULL, 10);
				r += rl;
			}
			if (lit(c, r, "閏") || lit(c, r, "闰")) {
				y.lleap = true;
				r += 3;
			}
			uint32_t rm, r2 = r;
			if ((rm = at(c, c->tb.calendars, r, &rrow)) &&
			    !strcmp(jx_table_str(c->tb.calendars, rrow, 1),
			            "month")) {
				y.m = (int)strtol(
				    jx_table_str(c->tb.calendars, rrow, 2),
				    NULL, 10);
				r2 = month_day(c, r + rm, &y);
			} else {
				r2 = read_date(c, r, &y);
			}
			if (r2 == r0 || (y.m < 0 && y.y < 0))
				r2 = q;
			r = r2;
		}
		if (r > q + len || (r > q && y.m > 0)) {
			*x = y;
			x->lunar = true;
			x->e = r;
			if (x->d > 0) {
				uint32_t r3 =
				    read_clock(c, r, x, CL_BARE | CL_PART);
				if (r3 > r) {
					x->kind = T_TIME;
					x->e = r3;
				}
			}
			return;
		}
	}
	/* holidays: 聖誕節, 2018年聖誕節 */
	{
		expr y = *x;
		uint32_t r = read_date(c, q, &y);
		if (r > q && y.m > 0)
			r = q; /* a month: not a holiday's year */
		size_t r0 = r;
		if (r > 0)
			jx_utf8_prev(c->t, &r0);
		uint32_t nrow;
		if (r > 0 && at(c, c->tb.numerals, (uint32_t)r0, &nrow) ==
		                 r - (uint32_t)r0)
			len = 0; /* no holiday inside a number: 七一 in 十七一百
			          */
		else if ((len = at(c, c->tb.holidays, r, &row)) != 0 &&
		         !strcmp(
		             jx_table_str(c->tb.holidays, row, c->tb.h_rule),
		             "prefix")) {
			/* 東正教復活節: a prefix that moves Easter's feasts to
			 * the Orthodox Easter */
			uint32_t r2 = r + len, row2, l2;
			l2 = at(c, c->tb.holidays, r2, &row2);
			if (l2 && !strcmp(jx_table_str(c->tb.holidays, row2,
			                               c->tb.h_rule),
			                  "easter")) {
				y.orth = true;
				r = r2;
				row = row2;
				len = l2;
			} else {
				len = 0;
			}
		}
		if (len != 0) {
			if (r > q || y.orth)
				*x = y;
			x->hol = (int32_t)row;
			x->e = r + len;
			uint32_t r2 = read_clock(c, x->e, x, CL_BARE | CL_PART);
			if (r2 > x->e) {
				x->kind = T_TIME;
				x->e = r2;
			}
			return;
		}
	}
	/* 上半年, 一季度 alone: of the passage's year, else the anchor's */
	if ((len = at(c, c->tb.yearparts, q, &row)) != 0 &&
	    strcmp(jx_table_str(c->tb.yearparts, row, c->tb.yp_kind),
	           "season")) {
		read_in_year(c, q, x);
		x->rel = R_YEAR;
		x->text_base = true;
		x->e = q + len;
		return;
	}
	/* relative words */
	if ((len = at(c, c->tb.relative, q, &row)) != 0) {
		const char *u = jx_table_str(c->tb.relative, row, c->tb.r_unit);
		int off = (int)strtol(
		    jx_table_str(c->tb.relative, row, c->tb.r_offset), NULL,
		    10);
		const char *dp =
		    jx_table_str(c->tb.relative, row, c->tb.r_daypart);
		if (!strcmp(u, "dayref")) {
			/* 昨（23）日: the day in brackets */
			uint32_t r = q + len;
			if (r < c->n && c->t[r] == '(') {
				num d = read_num(c, r + 1);
				if (d.e > r + 1 && d.e < c->n &&
				    c->t[d.e] == ')' && d.v >= 1 && d.v <= 31 &&
				    at(c, c->tb.units, d.e + 1, &row) &&
				    !strcmp(jx_table_str(c->tb.units, row,
				                         c->tb.u_kind),
				            "day")) {
					x->rel = R_DAY;
					x->rel_off = off;
					x->bday = (int)d.v;
					x->e = d.e + 1 + 3;
					uint32_t r2 = read_clock(
					    c, x->e, x, CL_BARE | CL_PART);
					if (r2 > x->e) {
						x->kind = T_TIME;
						x->e = r2;
					}
				}
			}
			return;
		}
		if (!strcmp(u, "quarter")) { /* 上季度, 本季度 */
			x->q_rel = true;
			x->q_off = off;
			x->e = q + len;
			goto tail;
		}
		if (!strcmp(u, "century")) { /* 上世紀, 上世紀80年代 */
			x->cent_rel = true;
			x->cent_off = off;
			int dec;
			x->e = read_decade(c, q + len, &dec);
			if (x->e > q + len)
				x->decade = dec;
			else
				x->e = q + len;
			goto tail; /* 上世紀80年代末 */
		}
		x->rel = !strcmp(u, "day")     ? R_DAY
		         : !strcmp(u, "week")  ? R_WEEK
		         : !strcmp(u, "month") ? R_MONTH
		                               : R_YEAR;
		x->rel_off = off;
		x->text_base = !strcmp(
		    jx_table_str(c->tb.relative, row, c->tb.r_base), "text");
		const char *rm = jx_table_str(c->tb.relative, row, c->tb.r_mod);
		if (strcmp(rm, "-") && rm[0])
			x->mod = rm; /* 年底 */
		q += len;
		if (x->rel == R_YEAR && x->mod == NULL) {
			/* 今年年末: a year word that only adds a mod */
			uint32_t r2, l3 = at(c, c->tb.relative, q, &r2);
			const char *m2 =
			    jx_table_str(c->tb.relative, r2, c->tb.r_mod);
			if (l3 && m2[0] && strcmp(m2, "-") &&
			    !strcmp(
			        jx_table_str(c->tb.relative, r2, c->tb.r_unit),
			        "year")) {
				x->mod = m2;
				q += l3;
			}
		}
		uint32_t hrow, hl;
		if (x->rel == R_YEAR && x->mod == NULL &&
		    (hl = at(c, c->tb.holidays, q, &hrow)) != 0 &&
		    strcmp(jx_table_str(c->tb.holidays, hrow, c->tb.h_rule),
		           "prefix")) {
			/* 去年春節, 明年中秋節 */
			x->hol = (int32_t)hrow;
			x->e = q + hl;
			uint32_t r2 = read_clock(c, x->e, x, CL_BARE | CL_PART);
			if (r2 > x->e) {
				x->kind = T_TIME;
				x->e = r2;
			}
			return;
		}
		if (x->rel == R_YEAR && x->mod == NULL) {
			/* 去年本月(十日), 去年(的)今天: the anchor's month, day
			 */
			uint32_t r3 = lit(c, q, "的") ? q + 3 : q, rr;
			uint32_t l4 = at(c, c->tb.relative, r3, &rr);
			const char *u4 =
			    l4 ? jx_table_str(c->tb.relative, rr, c->tb.r_unit)
			       : "";
			bool now4 = l4 &&
			            !strcmp(jx_table_str(c->tb.relative, rr,
			                                 c->tb.r_offset),
			                    "0") &&
			            !strcmp(jx_table_str(c->tb.relative, rr,
			                                 c->tb.r_base),
			                    "doc") &&
			            !strcmp(jx_table_str(c->tb.relative, rr,
			                                 c->tb.r_daypart),
			                    "-");
			if (now4 && !strcmp(u4, "month")) {
				x->m_rel = true;
				q = r3 + l4;
				num a = read_num(c, q);
				uint32_t l2;
				if (a.e > q && a.v >= 1 && a.v <= 31 &&
				    (l2 = at(c, c->tb.units, a.e, &row)) &&
				    !strcmp(jx_table_str(c->tb.units, row,
				                         c->tb.u_kind),
				            "day")) {
					x->d = (int)a.v;
					q = a.e + l2;
				}
			} else if (now4 && !strcmp(u4, "day")) {
				x->m_rel = x->d_rel = true;
				q = r3 + l4;
			}
		}
		if (x->rel == R_YEAR && !x->m_rel) {
			/* 今年6月(初), 去年10月23日 */
			expr y = *x;
			num a = read_num(c, q);
			uint32_t l2;
			if (a.e > q && a.v >= 1 && a.v <= 12 &&
			    (l2 = at(c, c->tb.units, a.e, &row)) &&
			    !strcmp(
			        jx_table_str(c->tb.units, row, c->tb.u_kind),
			        "month")) {
				uint32_t r = read_date(c, q, &y);
				if (r > q) {
					y.y = -1;
					*x = y;
					q = r;
				}
			} else if (a.e > q && a.v >= 1 && a.v <= 12 &&
			           (lit(c, a.e, "至") || lit(c, a.e, "到"))) {
				/* 今年1至6月 */
				uint32_t r = read_date(c, a.e + 3, &y);
				if (r > a.e + 3 && y.m > (int)a.v && y.d < 0) {
					x->m = (int)a.v;
					x->m2 = y.m;
					q = r;
				}
			}
		} else if (x->rel == R_MONTH) {
			num a = read_num(c, q);
			uint32_t l2;
			if (a.e > q && a.v >= 1 && a.v <= 31 &&
			    (l2 = at(c, c->tb.units, a.e, &row)) &&
			    !strcmp(
			        jx_table_str(c->tb.units, row, c->tb.u_kind),
			        "day")) {
				x->d = (int)a.v;
				q = a.e + l2;
			}
		} else if (x->rel == R_WEEK && len >= 3 &&
		           !memcmp(c->t + q - 3, "末", 3)) {
			x->weekend = true; /* 週末, 上個週末 */
		} else if (x->rel == R_WEEK) {
			/* 上週三: the word ends in a week word, its day
			 * follows; or 下週星期三 */
			uint32_t r = read_weekday(c, q, &x->wday);
			if (r == q)
				r = read_day_of_week(c, q, &x->wday);
			if (r == q && lit(c, q, "末")) {
				x->weekend = true; /* 下週末 */
				r += 3;
			}
			q = r;
		}
		x->e = q;
		/* after a day (明天, 上週三, 下個月9號) a bare 10點 is a
		 * clock time and a part of the day alone a time */
		bool day = x->rel == R_DAY || x->wday > 0 || x->d > 0;
		int clf = day || strcmp(dp, "-") ? CL_BARE : 0;
		if (day && strcmp(dp, "-") == 0)
			clf |= CL_PART;
		uint32_t drow = 0, dl = 0;
		if (strcmp(dp, "-"))
			dl = jx_table_longest(c->tb.dayparts,
			                      (const uint8_t *)dp, strlen(dp),
			                      &drow);
		uint32_t r = read_clock(c, q, x, clf);
		if (r > q) {
			/* 今晚8時: the word's own part of the day */
			if (dl && x->shift == NULL && x->hh >= 0)
				x->hh =
				    shifted(x->hh,
				            jx_table_str(c->tb.dayparts, drow,
				                         c->tb.d_shift)) %
				    24;
			x->kind = T_TIME;
			x->e = r;
		} else if (dl) {
			/* 今晚, 明早: the word's part of the day */
			const char *pt =
			    jx_table_str(c->tb.dayparts, drow, c->tb.d_timex);
			if (pt && strcmp(pt, "-") && pt[0]) {
				x->part = pt;
				x->kind = T_TIME;
			}
		}
		goto tail;
	}
	/* weekdays: 週三, 星期五 */
	{
		uint32_t r = read_weekday(c, q, &x->wday);
		if (r > q) {
			x->e = r;
			uint32_t r2 = read_clock(c, r, x, CL_BARE | CL_PART);
			if (r2 > r) {
				x->kind = T_TIME;
				x->e = r2;
				goto tail; /* 週一上午10點到12點 */
			}
			return;
		}
	}
	/* durations first: 113分鐘, 17年 */
	{
		expr d = *x;
		uint32_t r = read_duration(c, q, &d);
		if (r > q) {
			*x = d;
			x->e = r;
			if (x->kind == T_DATE)
				goto tail; /* a century, a decade: 90年代初 */
			return;
		}
	}
	/* dates and clock times */
	{
		uint32_t r = read_date(c, q, x);
		/* ranges: 23至25日, 8月23日到9月1日 */
		if (r == q) {
			num a = read_num(c, q);
			uint32_t rl = a.e > q ? range_word(c, a.e) : 0;
			if (rl && !a.chinese && a.ndig == 4 && a.v >= 1000 &&
			    a.v < 3000) {
				/* 1995–1997年, 2016-2018, 1985到89年9月 */
				uint32_t b = a.e + rl;
				expr y = *x;
				uint32_t r2 = read_date(c, b, &y);
				num n2 = read_num(c, b);
				if (r2 > b && y.y > a.v) {
					x->y = (int)a.v, x->y_abs = true;
					x->y2 = y.y, x->m2 = y.m, x->d2 = y.d;
					x->e = r2;
					goto tail;
				}
				if (n2.e > b && !n2.chinese && n2.ndig == 4 &&
				    n2.v > a.v && n2.v < 2100 && a.v >= 1900 &&
				    bare_end(c, n2.e)) {
					x->y = (int)a.v, x->y_abs = true;
					x->y2 = (int)n2.v;
					x->e = n2.e;
					goto tail;
				}
			}
			if (rl && a.v >= 1) { /* 13—18天, 3~6個月 */
				dpart e2;
				uint32_t b = a.e + rl;
				uint32_t r2 = read_dur_part(c, b, -1, &e2);
				if (r2 > b && e2.num && !e2.half && !e2.more &&
				    a.v < e2.n && e2.v[e2.u] == (double)e2.n) {
					double lo[DU_N] = {0};
					lo[e2.u] = (double)a.v;
					char a1[20], a2[20];
					du_format(a1, sizeof(a1), lo);
					du_format(a2, sizeof(a2), e2.v);
					snprintf(x->dur, sizeof(x->dur),
					         "%s/%s", a1, a2);
					x->kind = T_DURATION;
					x->e = r2;
					return;
				}
			}
			if (!a.chinese && a.ndig == 4 && a.v >= 1900 &&
			    a.v < 2100 &&
			    (bare_end(c, a.e) || c->t[a.e - 1] == ' ') &&
			    !(q > 0 &&
			      (is_digit_at(c, q - 1) || c->t[q - 1] == '.' ||
			       c->t[q - 1] == ','))) {
				/* 2018 alone: a year */
				x->y = (int)a.v, x->y_abs = true;
				x->e = a.e;
				goto tail;
			}
			if (a.e > q &&
			    (lit(c, a.e, "至") || lit(c, a.e, "到"))) {
				expr y = *x;
				uint32_t r2 = read_date(c, a.e + 3, &y);
				if (r2 > a.e + 3 && y.d > 0 && y.m < 0 &&
				    a.v >= 1 && a.v < y.d) {
					x->d = (int)a.v;
					x->d2 = y.d;
					x->e = r2;
					goto tail;
				}
				if (r2 > a.e + 3 && y.m > 0 && y.d < 0 &&
				    y.y < 0 && a.v >= 1 && a.v < y.m) {
					x->m = (int)a.v; /* 1至6月 */
					x->m2 = y.m;
					x->e = r2;
					goto tail;
				}
			}
			r = read_clock(c, q, x, CL_PART);
			if (r > q) {
				x->kind = T_TIME;
				x->e = r;
				goto tail; /* a clock range may follow */
			}
			return;
		}
		x->e = r;
		if (x->d > 0) {
			uint32_t r2 = read_clock(c, r, x, CL_BARE | CL_PART);
			if (r2 > r) {
				x->kind = T_TIME;
				x->e = r2;
			}
		}
	}
tail:
	/* 2018年上半年, 今年第一季度, 2021年的前2週, 五月第一週 */
	if (x->kind == T_DATE && x->m < 0 && x->d < 0 && x->wday < 0 &&
	    (x->y > 0 || x->rel == R_YEAR) && x->hol < 0 && !x->span_dir &&
	    x->mod == NULL && x->y2 < 0 && x->m2 < 0) {
		uint32_t e = read_in_year(c, x->e, x);
		if (e > x->e) {
			x->e = e;
			if (x->yp == 'R' && x->yp_u == DU_D && x->yp_a > 0 &&
			    x->yp_a == x->yp_b) {
				uint32_t r2 =
				    read_clock(c, e, x, CL_BARE | CL_PART);
				if (r2 > e) {
					x->kind = T_TIME;
					x->e = r2;
				}
			}
		}
	}
	if (x->kind == T_DATE && (x->m > 0 || x->rel == R_MONTH) && x->d < 0 &&
	    x->m2 < 0 && x->mod == NULL) {
		uint32_t e = read_in_month(c, x->e, x);
		if (e > x->e)
			x->e = e;
	}
	/* a zone after the clock: 4pm CET, 下午3時 北京時間 */
	if (x->kind == T_TIME && x->hh >= 0 && x->tz == NULL) {
		uint32_t b = x->e < c->n && c->t[x->e] == ' ' ? x->e + 1 : x->e;
		const char *ztz = NULL;
		uint32_t ze = read_zone(c, b, &ztz);
		if (ze > b && ztz) {
			x->tz = ztz;
			x->e = ze;
		}
	}
	/* clock ranges on one day: 上午9時至下午5時, 10點到11點半 */
	if (x->kind == T_TIME && x->hh >= 0 &&
	    (lit(c, x->e, "至") || lit(c, x->e, "到") || lit(c, x->e, "～") ||
	     lit(c, x->e, "~") || lit(c, x->e, "-"))) {
		uint32_t b = x->e + (c->t[x->e] < 0x80 ? 1 : 3);
		expr y;
		memset(&y, 0, sizeof(y));
		y.hh = y.mi = y.ss = -1;
		uint32_t r2 = read_clock(c, b, &y, CL_BARE);
		if (r2 > b) {
			/* 下午3點到5點: the first part of the day goes on */
			if (y.shift == NULL && x->shift && y.hh < 12 &&
			    y.hh + 12 > x->hh && x->hh >= 12)
				y.hh += 12;
			x->hh2 = y.hh;
			x->mi2 = y.mi < 0 ? 0 : y.mi;
			x->ss2 = y.ss;
			x->e = r2;
		}
	}
	/* ranges: 8月23日到9月1日, 2024年至2026年, 今年1月至6月 */
	if (x->kind == T_DATE && x->d2 < 0 && x->m2 < 0 && x->wday < 0 &&
	    (lit(c, x->e, "至") || lit(c, x->e, "到") || lit(c, x->e, "～") ||
	     lit(c, x->e, "~") || (lit(c, x->e, "-") && x->d > 0))) {
		uint32_t b = x->e + (c->t[x->e] < 0x80 ? 1 : 3);
		expr y;
		memset(&y, 0, sizeof(y));
		y.y = y.m = y.d = y.hh = -1;
		uint32_t r2 = read_date(c, b, &y);
		if (r2 == b && x->d > 0) { /* 十月一日到三日: the end's day */
			num n = read_num(c, b);
			uint32_t ul, urow;
			if (n.e > b && n.v >= 1 && n.v <= 31 &&
			    (ul = at(c, c->tb.units, n.e, &urow)) &&
			    !strcmp(
			        jx_table_str(c->tb.units, urow, c->tb.u_kind),
			        "day")) {
				y.d = (int)n.v;
				r2 = n.e + ul;
			}
		}
		bool ok =
		    r2 > b &&
		    ((x->d > 0 && y.d > 0) ||
		     (x->d < 0 && x->m > 0 && y.m > 0 && y.d < 0) ||
		     (x->d < 0 && x->m < 0 && (x->y > 0 || x->rel == R_YEAR) &&
		      y.y > 0 && y.m < 0));
		if (ok) {
			x->y2 = y.y;
			x->m2 = y.m;
			x->d2 = y.d;
			x->e = r2;
		}
	}
	/* 6月初, 年底; then before / after: 2015年前, 2019年4月4日或之前,
	 * 12:00之後, 自2018年以來 */
	for (int k = 0; k < 2 && (x->kind == T_DATE || x->kind == T_TIME);
	     k++) {
		uint32_t e = x->e;
		const char *m = mod_after(c, &e);
		if (m == NULL)
			break;
		bool side = !strcmp(m, "BEFORE") || !strcmp(m, "AFTER");
		/* 前 後 起 of one character: not before a number (2022年前
		 * 十一個月 is its first eleven months) */
		if (side && e - x->e == 3) {
			num n = read_num(c, e);
			if (n.e > e || lit(c, e, "半"))
				break;
		}
		if (side) {
			x->mod = m;
			x->e = e;
			break;
		}
		/* 初 中 底 narrow a year or a month; 左右 any point
		 * (晚間10時左右) */
		if (k > 0 || (strcmp(m, "APPROX") &&
		              (x->kind != T_DATE || x->d >= 0 || x->wday >= 0)))
			break;
		x->mod = m;
		x->e = e;
	}
}

/* ---- resolution ------------------------------------------------------- */

typedef struct anchor {
	int y, m, d, hh, mi, ss;
	const char *kind; /* dateline, option, speech, text */
	bool forward;     /* a bare day after a passage date lies ahead */
} anchor;

static void fmt_date(char *o, size_t cap, int y, int m, int d)
{
	if (y < 0)
		snprintf(o, cap, "XXXX");
	else
		snprintf(o, cap, "%04d", y);
	size_t l = strlen(o);
	if (m > 0 || d > 0) {
		if (m > 0)
			snprintf(o + l, cap - l, "-%02d", m);
		else
			snprintf(o + l, cap - l, "-XX");
		l = strlen(o);
	}
	if (d > 0)
		snprintf(o + l, cap - l, "-%02d", d);
}

/* Easter Sunday of year y (anonymous Gregorian computus). */
static void easter(int y, int *m, int *d)
{
	int a = y % 19, b = y / 100, c = y % 100, d1 = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d1 - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m1 = (a + 11 * h + 22 * l) / 451;
	*m = (h + l - 7 * m1 + 114) / 31;
	*d = (h + l - 7 * m1 + 114) % 31 + 1;
}

/* Orthodox Easter Sunday of year y on the Gregorian calendar (Julian
 * computus, then the 13 days the calendars differ by in 1900-2099). */
static void orthodox_easter(int y, int *m, int *d)
{
	int a = y % 4, b = y % 7, c = y % 19;
	int dd = (19 * c + 15) % 30, e = (2 * a + 4 * b - dd + 34) % 7;
	int mm = (dd + e + 114) / 31, day = (dd + e + 114) % 31 + 1;
	int oy = y;
	*m = mm;
	*d = day;
	add_days(&oy, m, d, 13);
}

/* The first day and length of month pos (0-based, in the year's order) of
 * calendar year ky in a time/lunar, time/hebrew or time/islamic table. */
static bool cal_month(const jx_table *t, int ky, int pos, int64_t *first,
                      int *len)
{
	char key[12];
	int kl = snprintf(key, sizeof(key), "%d", ky);
	int64_t row =
	    t ? jx_table_find(t, (const uint8_t *)key, (uint32_t)kl) : -1;
	int y, m, d;
	if (row < 0 ||
	    !jx_date_parse(jx_table_str(t, (uint32_t)row, 1), 10, &y, &m, &d))
		return false;
	const char *ms = jx_table_str(t, (uint32_t)row, 3);
	if (pos < 0 || (size_t)pos >= strlen(ms))
		return false;
	int64_t z = days(y, m, d);
	for (int i = 0; i < pos; i++)
		z += ms[i] == 'L' ? 30 : 29;
	*first = z;
	*len = ms[pos] == 'L' ? 30 : 29;
	return true;
}

/* Month mo of calendar year ky as a position in that year's months: the
 * Chinese leap month follows its month (leap: 閏 said), Adar (6) is Adar
 * II in a Hebrew leap year. */
static int cal_pos(const jx_table *t, const char *cal, int ky, int mo,
                   bool leap)
{
	char key[12];
	int kl = snprintf(key, sizeof(key), "%d", ky);
	int64_t row =
	    t ? jx_table_find(t, (const uint8_t *)key, (uint32_t)kl) : -1;
	if (row < 0)
		return -1;
	int lm = (int)strtol(jx_table_str(t, (uint32_t)row, 2), NULL, 10);
	if (!strcmp(cal, "lunar")) {
		if (leap)
			return lm == mo ? mo : -1;
		return mo - 1 + (lm && mo > lm ? 1 : 0);
	}
	if (!strcmp(cal, "hebrew"))
		return mo - 1 + (lm && mo >= 6 ? 1 : 0);
	return mo - 1;
}

/* Day day of month mo (leap: the leap month) of the calendar cal in the
 * calendar year that falls in Gregorian year y (*m -1: none); day 0 is the
 * whole month (*len its days). */
static void cal_date(const ctx *c, const char *cal, int mo, bool leap, int day,
                     int y, int *oy, int *m, int *d, int *len)
{
	const jx_table *t = !strcmp(cal, "lunar")    ? c->tb.lunar
	                    : !strcmp(cal, "hebrew") ? c->tb.hebrew
	                                             : c->tb.islamic;
	int k0 = !strcmp(cal, "lunar")    ? y
	         : !strcmp(cal, "hebrew") ? y + 3760
	                                  : (int)((y - 622) * 33 / 32);
	*m = -1;
	*len = 1;
	for (int k = k0 - 1; k <= k0 + 2; k++) {
		int pos = cal_pos(t, cal, k, mo, leap), ml;
		int64_t first;
		if (pos < 0 || !cal_month(t, k, pos, &first, &ml))
			continue;
		int64_t z = first + (day > 0 ? day - 1 : 0);
		int zy, zm, zd;
		jx_civil_from_days(z, &zy, &zm, &zd);
		if (!strcmp(cal, "lunar") ? k != y : zy != y)
			continue;
		*oy = zy, *m = zm, *d = zd;
		*len = day > 0 ? 1 : ml;
		return;
	}
}

/* The date of a holiday rule in year y (*m -1: none), and how many days
 * it lasts (*len). b: "day[:offset[:days]]" for the lunar, hebrew and
 * islamic rules, the days for easter and orthodox. */
static void holiday_date(const ctx *c, const char *rule, int a, const char *b,
                         int y, int *oy, int *m, int *d, int *len)
{
	*oy = y;
	*m = -1;
	*len = 1;
	long b0 = 0, b1 = 0, b2 = 0;
	char *e = NULL;
	b0 = strtol(b, &e, 10);
	if (e && *e == ':')
		b1 = strtol(e + 1, &e, 10);
	if (e && *e == ':')
		b2 = strtol(e + 1, &e, 10);
	if (!strcmp(rule, "fixed")) {
		*m = a;
		*d = (int)b0;
	} else if (!strcmp(rule, "easter") || !strcmp(rule, "orthodox")) {
		if (rule[0] == 'e')
			easter(y, m, d);
		else
			orthodox_easter(y, m, d);
		add_days(oy, m, d, a);
		*len = b0 > 1 ? (int)b0 : 1;
	} else if (!strcmp(rule, "nth")) {
		int n = (int)b0;
		const char *colon = strchr(b, ':');
		int wd = colon ? (int)strtol(colon + 1, NULL, 10) : 7;
		int first = weekday(y, a, 1);
		*m = a;
		*d = 1 + (wd - first + 7) % 7 + (n - 1) * 7;
		if (*d > jx_month_days(y, a))
			*m = -1;
	} else if (!strcmp(rule, "solar")) {
		/* a solar term (清明, 冬至) in 2000-2099: day [Y*0.2422 + C] -
		 * [L/4], Y the year's last two digits, C = b / 1000, L = Y, or
		 * Y - 1 in January and February; b "C:year:days" corrects
		 * the formula in the one year it misses */
		if (y >= 2000 && y <= 2099) {
			int yy = y % 100, l = a <= 2 ? yy - 1 : yy;
			*m = a;
			*d = (int)(yy * 0.2422 + (double)b0 / 1000.0) -
			     (l < 0 ? -1 : l / 4) + (y == b1 ? (int)b2 : 0);
		}
	} else if (!strcmp(rule, "lunar") || !strcmp(rule, "hebrew") ||
	           !strcmp(rule, "islamic")) {
		/* the offset may move the day into the year before or after:
		 * look the date up in the calendar year that lands in y */
		for (int yy = y - 1; yy <= y + 1; yy++) {
			int hy = y, hm = -1, hd = 1, hl = 1;
			cal_date(c, rule, a, false, (int)b0, yy, &hy, &hm, &hd,
			         &hl);
			if (hm < 0)
				continue;
			add_days(&hy, &hm, &hd, b1);
			if (hy != y)
				continue;
			*oy = hy, *m = hm, *d = hd;
			*len = b2 > 1 ? (int)b2 : hl;
			return;
		}
	}
}

/* A point t (seconds from 1970-01-01 on the anchor's clock) written at
 * precision prec: 0 the day, 1 the hour, 2 the minute, 3 the second. */
static void fmt_secs(char *o, size_t cap, int64_t t, int prec)
{
	int64_t dd = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int s = (int)(t - dd * 86400);
	int y, m, d;
	jx_civil_from_days(dd, &y, &m, &d);
	fmt_date(o, cap, y, m, d);
	size_t l = strlen(o);
	if (prec == 1)
		snprintf(o + l, cap - l, "T%02d:00", s / 3600);
	else if (prec == 2)
		snprintf(o + l, cap - l, "T%02d:%02d", s / 3600, s / 60 % 60);
	else if (prec == 3)
		snprintf(o + l, cap - l, "T%02d:%02d:%02d", s / 3600,
		         s / 60 % 60, s % 60);
}

/* A span of n units before or after the anchor: whole units next to the
 * anchor's own (上兩個月, 下三秒) or from its instant (近三個月, 未來48小時).
 */
static void resolve_span(const expr *x, const anchor *a, jx_time *out)
{
	int u = x->span_u, dir = x->span_dir;
	long n = x->span_n;
	char s1[24] = "", s2[24] = "";
	bool clock = a->hh >= 0;
	int64_t day = days(a->y, a->m, a->d);
	int64_t now = day * 86400;
	if (clock)
		now += (int64_t)a->hh * 3600 + a->mi * 60 +
		       (a->ss > 0 ? a->ss : 0);
	int64_t step = u == DU_H ? 3600 : u == DU_MIN ? 60 : 1;
	int prec = u == DU_H ? 1 : u == DU_MIN ? 2 : 3;
	out->anchor = a->kind;
	if (u >= DU_H && !clock) { /* no clock to count from: the day */
		fmt_date(out->value, sizeof(out->value), a->y, a->m, a->d);
		out->type = "DATE";
		return;
	}
	if (!x->span_now) {
		long lo = dir < 0 ? -n : 1, hi = dir < 0 ? -1 : n;
		for (int k = 0; k < 2; k++) {
			long off = k ? hi : lo;
			char *o = k ? s2 : s1;
			int y = a->y, m = a->m, d = a->d;
			if (u == DU_Y) {
				snprintf(o, 24, "%04d", y + (int)off);
			} else if (u == DU_M) {
				add_months(&y, &m, (int)off);
				snprintf(o, 24, "%04d-%02d", y, m);
			} else if (u == DU_W) {
				int wy, wk;
				add_days(&y, &m, &d,
				         1 - weekday(y, m, d) +
				             7 * (int64_t)off);
				iso_week(y, m, d, &wy, &wk);
				snprintf(o, 24, "%04d-W%02d", wy, wk);
			} else if (u == DU_D) {
				add_days(&y, &m, &d, off);
				fmt_date(o, 24, y, m, d);
			} else {
				int64_t cur =
				    now - ((now % step) + step) % step;
				fmt_secs(o, 24, cur + off * step, prec);
			}
		}
	} else if (u <= DU_D) {
		int y = a->y, m = a->m, d = a->d;
		if (u == DU_Y || u == DU_M) {
			add_months(&y, &m,
			           (int)(dir * n * (u == DU_Y ? 12 : 1)));
			if (d > jx_month_days(y, m))
				d = jx_month_days(y, m);
		} else {
			add_days(&y, &m, &d, dir * n * (u == DU_W ? 7 : 1));
		}
		char *far = dir < 0 ? s1 : s2, *near = dir < 0 ? s2 : s1;
		if (dir > 0) /* 未來兩個月: up to the day before that one */
			add_days(&y, &m, &d, -1);
		fmt_date(far, 24, y, m, d);
		if (clock)
			fmt_secs(near, 24, now, a->ss > 0 ? 3 : 2);
		else
			fmt_date(near, 24, a->y, a->m, a->d);
	} else {
		int p2 = u == DU_S || a->ss > 0 ? 3 : 2;
		int64_t far = now + dir * n * step;
		fmt_secs(dir < 0 ? s1 : s2, 24, far, p2);
		fmt_secs(dir < 0 ? s2 : s1, 24, now, p2);
	}
	if (strcmp(s1, s2) == 0)
		snprintf(out->value, sizeof(out->value), "%s", s1);
	else
		snprintf(out->value, sizeof(out->value), "%s/%s", s1, s2);
	out->type = strchr(out->value, 'T') ? "TIME" : "DATE";
}

/* A part of year y (read_in_year): written into out (true), or a single
 * month or day put into *m, *d for the caller to go on with (false). */
static bool resolve_in_year(const expr *x, int y, int *m, int *d, jx_time *out)
{
	char *o = out->value;
	size_t cap = sizeof(out->value);
	out->type = "DATE";
	if (x->yp == 'H') {
		snprintf(o, cap, "%04d-H%d", y, x->yp_a);
		return true;
	}
	if (x->yp == 'Q') {
		snprintf(o, cap, "%04d-Q%d", y, x->yp_a);
		return true;
	}
	if (x->yp == 'S') {
		snprintf(o, cap, "%04d-%s", y, x->part_s);
		return true;
	}
	int u = x->yp_u;
	int n =
	    u == DU_M ? 12
	    : u == DU_W
	        ? (weekday(y, 1, 1) == 4 || weekday(y, 12, 31) == 4 ? 53 : 52)
	        : (int)(days(y + 1, 1, 1) - days(y, 1, 1));
	int lo = x->yp_a < 0 ? n + 1 + x->yp_a : x->yp_a;
	int hi = x->yp_b < 0 ? n + 1 + x->yp_b : x->yp_b;
	if (lo < 1 || hi > n || lo > hi)
		return false;
	char s1[24], s2[24];
	for (int k = 0; k < 2; k++) {
		int v = k ? hi : lo;
		char *b = k ? s2 : s1;
		if (u == DU_M) {
			snprintf(b, 24, "%04d-%02d", y % 10000, v % 100);
		} else if (u == DU_W) {
			int wy = y, wm = 1, wd = 4; /* the Thursday of week 1 */
			add_days(&wy, &wm, &wd, (int64_t)(v - 1) * 7);
			int iy, iw;
			iso_week(wy, wm, wd, &iy, &iw);
			snprintf(b, 24, "%04d-W%02d", iy % 10000, iw % 100);
		} else {
			int dy = y, dm = 1, dd = 1;
			add_days(&dy, &dm, &dd, v - 1);
			fmt_date(b, 24, dy, dm, dd);
		}
	}
	if (lo == hi && u == DU_M) {
		*m = lo;
		return false;
	}
	if (lo == hi && u == DU_D) {
		int dy = y;
		*m = 1, *d = 1;
		add_days(&dy, m, d, lo - 1);
		return false;
	}
	if (lo == hi)
		snprintf(o, cap, "%s", s1);
	else
		snprintf(o, cap, "%s/%s", s1, s2);
	return true;
}

/* Resolve x into out against a (NULL: none). */
static void resolve(ctx *c, expr *x, const anchor *a, jx_time *out)
{
	int tense = tense_of(c, x->s, x->e);
	if (tense == TENSE_NONE && (c->doc->flags & JISHI_F_FUTURE))
		tense = TENSE_FUTURE;
	/* a weekday said ahead is not the anchor's own day; one that
	 * continues a passage date may be */
	bool strict = tense == TENSE_FUTURE;
	if (tense == TENSE_NONE && a && a->forward)
		tense = TENSE_FUTURE;
	int y = x->y, m = x->m, d = x->d;
	bool used = false;
	out->anchor = "none";
	if (x->kind == T_DURATION || x->kind == T_ANNIV || x->kind == T_SET ||
	    x->kind == T_VAGUE) {
		snprintf(out->value, sizeof(out->value), "%s", x->dur);
		out->type = x->kind == T_DURATION ? "DURATION"
		            : x->kind == T_ANNIV  ? "ANNIVERSARY"
		            : x->kind == T_SET    ? "SET"
		                                  : "DATE";
		out->mod = x->mod;
		return;
	}
	if (x->q_rel) { /* 上季度: the quarter next to the anchor's */
		out->type = "DATE";
		out->mod = x->mod;
		if (a == NULL) {
			snprintf(out->value, sizeof(out->value), "XXXX-QX");
			return;
		}
		int qn = a->y * 4 + (a->m - 1) / 3 + x->q_off;
		snprintf(out->value, sizeof(out->value), "%04d-Q%d", qn / 4,
		         qn % 4 + 1);
		out->anchor = a->kind;
		return;
	}
	if (x->cent_rel || (x->decade >= 0 && !x->dur[0])) {
		/* 上世紀(80年代), 70年代: the century from the anchor, a bare
		 * decade the latest one begun by the anchor's year */
		out->type = "DATE";
		out->mod = x->mod;
		if (a == NULL) {
			snprintf(out->value, sizeof(out->value), "XX%s",
			         x->decade >= 0 ? "X" : "");
			if (x->decade >= 0)
				out->value[2] = (char)('0' + x->decade);
			return;
		}
		int cy = a->y / 100 + (x->cent_rel ? x->cent_off : 0);
		if (!x->cent_rel && cy * 100 + x->decade * 10 > a->y)
			cy--;
		if (x->decade >= 0)
			snprintf(out->value, sizeof(out->value), "%02d%d", cy,
			         x->decade);
		else
			snprintf(out->value, sizeof(out->value), "%02d", cy);
		out->anchor = a->kind;
		return;
	}
	if (x->dur[0]) { /* a century */
		snprintf(out->value, sizeof(out->value), "%s", x->dur);
		out->type = "DATE";
		out->mod = x->mod; /* 19世紀末 */
		return;
	}
	if (x->hol >= 0) {
		bool explicit_year = x->y_abs;
		const jx_table *h = c->tb.holidays;
		const char *rule =
		    jx_table_str(h, (uint32_t)x->hol, c->tb.h_rule);
		if (x->orth && !strcmp(rule, "easter"))
			rule = "orthodox";
		/* 去年春節: the relative year says which */
		if (x->rel == R_YEAR && a && !x->y_abs) {
			x->y = a->y + x->rel_off;
			x->y_abs = true;
		}
		x->rel = R_NONE;
		int ha = (int)strtol(
		    jx_table_str(h, (uint32_t)x->hol, c->tb.h_a), NULL, 10);
		const char *hb = jx_table_str(h, (uint32_t)x->hol, c->tb.h_b);
		int bestd = -1, bestm = -1, besty = -1, bestl = 1;
		int y0 = x->y_abs ? x->y : a ? a->y : -1;
		if (y0 < 0) {
			if (!strcmp(rule, "fixed"))
				bestm = ha, bestd = (int)strtol(hb, NULL, 10);
		} else {
			int64_t at0 =
			    a && !x->y_abs ? days(a->y, a->m, a->d) : 0;
			for (int yy = y0 - (x->y_abs ? 0 : 1);
			     yy <= y0 + (x->y_abs ? 0 : 1); yy++) {
				int hy = yy, hm, hd, hl = 1;
				holiday_date(c, rule, ha, hb, yy, &hy, &hm, &hd,
				             &hl);
				if (hm < 0)
					continue;
				int64_t z = days(hy, hm, hd);
				bool ok =
				    x->y_abs ||
				    (tense == TENSE_PAST ? z <= at0 : z >= at0);
				bool better =
				    besty < 0 ||
				    (tense == TENSE_PAST
				         ? z > days(besty, bestm, bestd)
				         : z < days(besty, bestm, bestd));
				if (ok && better)
					besty = hy, bestm = hm, bestd = hd,
					bestl = hl;
			}
		}
		y = besty, m = bestm, d = bestd;
		x->hol = -1;
		if (bestl > 1 && besty > 0 && x->hh < 0 && !x->part) {
			/* 2018年住棚節: the days it lasts */
			int y2 = y, m2 = m, d2 = d;
			add_days(&y2, &m2, &d2, bestl - 1);
			x->y2 = y2, x->m2 = m2, x->d2 = d2;
		}
		x->y_abs = true; /* resolved: format below */
		x->y = y, x->m = m, x->d = d;
		resolve(c, x, NULL, out);
		out->anchor =
		    !explicit_year && a && besty > 0 ? a->kind : "none";
		return;
	}
	if (x->lunar && x->m > 0) {
		/* the lunar year: written, relative, else the anchor's */
		int ky = x->y_abs ? x->y
		         : a      ? a->y + (x->rel == R_YEAR ? x->rel_off : 0)
		                  : -1;
		int pos =
		    ky > 0 ? cal_pos(c->tb.lunar, "lunar", ky, x->m, x->lleap)
		           : -1;
		int64_t first;
		int ml;
		if (pos >= 0 && cal_month(c->tb.lunar, ky, pos, &first, &ml)) {
			int y1, m1, d1;
			out->anchor = x->y_abs || !a ? "none" : a->kind;
			x->lunar = false;
			x->rel = R_NONE;
			if (x->d > 0) {
				jx_civil_from_days(first + x->d - 1, &y1, &m1,
				                   &d1);
				x->y = y1, x->m = m1, x->d = d1;
				const char *ak = out->anchor;
				x->y_abs = true;
				resolve(c, x, NULL, out);
				out->anchor = ak;
				return;
			}
			int y2, m2, d2;
			jx_civil_from_days(first, &y1, &m1, &d1);
			jx_civil_from_days(first + ml - 1, &y2, &m2, &d2);
			char s1[24], s2[24];
			fmt_date(s1, sizeof(s1), y1, m1, d1);
			fmt_date(s2, sizeof(s2), y2, m2, d2);
			snprintf(out->value, sizeof(out->value), "%s/%s", s1,
			         s2);
			out->type = "DATE";
			return;
		}
	}
	if (x->span_dir) {
		if (a == NULL) {
			snprintf(out->value, sizeof(out->value), "XXXX-XX-XX");
			out->type = x->kind == T_TIME ? "TIME" : "DATE";
			return;
		}
		resolve_span(x, a, out);
		return;
	}
	if (x->n_unit) {
		if (a == NULL) {
			snprintf(out->value, sizeof(out->value), "XXXX-XX-XX");
			out->type = x->kind == T_TIME ? "TIME" : "DATE";
			return;
		}
		out->anchor = a->kind;
		y = a->y, m = a->m, d = a->d;
		char u = x->n_unit;
		out->mod = x->mod;
		if ((u == 'Y' || u == 'M') && x->within) {
			/* 一年之內: the day a year on */
			add_months(&y, &m, (int)x->n_off * (u == 'Y' ? 12 : 1));
			if (d > jx_month_days(y, m))
				d = jx_month_days(y, m);
			fmt_date(out->value, sizeof(out->value), y, m, d);
		} else if (u == 'Y') {
			snprintf(out->value, sizeof(out->value), "%04d",
			         y + (int)x->n_off);
		} else if (u == 'M') {
			add_months(&y, &m, (int)x->n_off);
			snprintf(out->value, sizeof(out->value), "%04d-%02d", y,
			         m);
		} else if (u == 'W' || u == 'D') {
			add_days(&y, &m, &d, x->n_off * (u == 'W' ? 7 : 1));
			fmt_date(out->value, sizeof(out->value), y, m, d);
		} else if (a->hh < 0) {
			/* hours ago with no clock in the anchor: its day */
			fmt_date(out->value, sizeof(out->value), y, m, d);
			out->type = "DATE";
			return;
		} else {
			int64_t mins = (int64_t)a->hh * 60 + a->mi;
			int64_t secs = mins * 60 + (a->ss > 0 ? a->ss : 0);
			secs += x->n_off * (u == 'H'   ? 3600
			                    : u == 'N' ? 60
			                               : 1);
			int64_t dd = secs >= 0 ? secs / 86400
			                       : -((-secs + 86399) / 86400);
			secs -= dd * 86400;
			add_days(&y, &m, &d, dd);
			fmt_date(out->value, sizeof(out->value), y, m, d);
			size_t l = strlen(out->value);
			snprintf(out->value + l, sizeof(out->value) - l,
			         "T%02d:%02d", (int)(secs / 3600),
			         (int)(secs / 60 % 60));
			if (u == 'S' || secs % 60) { /* 5秒鐘後 */
				l = strlen(out->value);
				snprintf(out->value + l, sizeof(out->value) - l,
				         ":%02d", (int)(secs % 60));
			}
			if (x->since) { /* 一天半以來: up to the anchor */
				l = strlen(out->value);
				snprintf(out->value + l, sizeof(out->value) - l,
				         "/%04d-%02d-%02dT%02d:%02d", a->y,
				         a->m, a->d, a->hh, a->mi);
			}
			out->type = "TIME";
			return;
		}
		if (x->since) { /* 三年以來: up to the anchor's year, month, day
			         */
			size_t l = strlen(out->value);
			char to[16];
			fmt_date(to, sizeof(to), a->y, u == 'Y' ? -1 : a->m,
			         u == 'Y' || u == 'M' ? -1 : a->d);
			snprintf(out->value + l, sizeof(out->value) - l, "/%s",
			         to);
		}
		out->type = "DATE";
		return;
	}
	if (x->rel != R_NONE) {
		if (a == NULL) {
			y = m = d = -1;
		} else if (x->rel == R_DAY) {
			y = a->y, m = a->m, d = a->d;
			add_days(&y, &m, &d, x->rel_off);
			if (x->bday > 0 && x->bday != d) {
				/* the bracketed day wins: the nearest such day
				 */
				int by = y, bm = m;
				if (x->bday > d + 15)
					add_months(&by, &bm, -1);
				else if (x->bday < d - 15)
					add_months(&by, &bm, 1);
				if (jx_date_valid(by, bm, x->bday))
					y = by, m = bm, d = x->bday;
			}
			used = true;
		} else if (x->rel == R_WEEK) {
			y = a->y, m = a->m, d = a->d;
			add_days(&y, &m, &d,
			         (int64_t)x->rel_off * 7 - weekday(y, m, d) +
			             1);
			if (x->wday > 0) {
				add_days(&y, &m, &d, x->wday - 1);
				/* 這個星期一 said ahead on a Tuesday: the next
				 * one, as a weekday alone */
				if (x->rel_off == 0 && strict &&
				    days(y, m, d) < days(a->y, a->m, a->d))
					add_days(&y, &m, &d, 7);
			} else {
				int wy, wk;
				iso_week(y, m, d, &wy, &wk);
				snprintf(out->value, sizeof(out->value),
				         "%04d-W%02d%s", wy, wk,
				         x->weekend ? "-WE" : "");
				out->type = "DATE";
				out->anchor = a->kind;
				out->mod = x->mod;
				return;
			}
			used = true;
		} else if (x->rel == R_MONTH) {
			y = a->y, m = a->m;
			add_months(&y, &m, x->rel_off);
			used = true;
		} else {
			y = a->y + x->rel_off;
			if (x->m_rel)
				m = a->m;
			if (x->d_rel)
				d = a->d;
			used = true;
		}
	} else if (x->wday > 0 && a) {
		/* a bare weekday: the nearest one in the tense's direction */
		y = a->y, m = a->m, d = a->d;
		int diff = x->wday - weekday(y, m, d);
		if (tense == TENSE_FUTURE &&
		    (diff < 0 || (diff == 0 && strict)))
			diff += 7; /* 將於週五 said on a Friday: the next one */
		else if (tense != TENSE_FUTURE && diff > 0)
			diff -= 7;
		add_days(&y, &m, &d, diff);
		used = true;
	} else if (!x->y_abs && a && (m > 0 || d > 0)) {
		/* a bare month, day or month-day: the one the tense allows
		 * that is nearest the anchor (a tie goes to the past) */
		int64_t at0 = days(a->y, a->m, a->d), best = INT64_MAX;
		int by = a->y, bm = m > 0 ? m : a->m;
		for (int k = -1; k <= 1; k++) {
			int cy = a->y, cm = m > 0 ? m : a->m,
			    cd = d > 0 ? d : 1;
			if (m > 0)
				cy += k;
			else
				add_months(&cy, &cm, k);
			if (d > 0 && !jx_date_valid(cy, cm, cd))
				continue;
			/* a bare month counts from its first to its last day */
			int64_t lo = days(cy, cm, cd);
			int64_t hi =
			    d > 0 ? lo : lo + jx_month_days(cy, cm) - 1;
			int64_t dist = at0 < lo   ? lo - at0
			               : at0 > hi ? at0 - hi
			                          : 0;
			if ((tense == TENSE_FUTURE && hi < at0) ||
			    (tense == TENSE_PAST && lo > at0))
				continue;
			if (dist < best || (dist == best && lo < at0)) {
				best = dist;
				by = cy;
				bm = cm;
			}
		}
		y = by;
		m = bm;
		used = true;
	} else if (!x->y_abs && (x->hh >= 0 || x->part) && a && m < 0 &&
	           d < 0) {
		/* a clock time alone: the anchor's day */
		y = a->y, m = a->m, d = a->d;
		used = true;
		/* said ahead without a part of the day (三點 at 04:30): the
		 * next time the clock shows it, read on 12 hours */
		int at_mi = a->hh * 60 + a->mi, mi = x->mi < 0 ? 0 : x->mi;
		if (strict && x->hh >= 0 && x->shift == NULL && a->hh >= 0 &&
		    x->hh2 < 0 && x->hh * 60 + mi <= at_mi) {
			if (x->hh >= 1 && x->hh < 12 &&
			    (x->hh + 12) * 60 + mi > at_mi)
				x->hh += 12;
			else
				add_days(&y, &m, &d, 1);
		}
	}
	if (d > 0 && m > 0 && y > 0 && !jx_date_valid(y, m, d))
		d = -1;
	if (used)
		out->anchor = a->kind;
	out->mod = x->mod;
	out->tz = x->tz;
	if (x->yp && y > 0) {
		if (resolve_in_year(x, y, &m, &d, out))
			return;
	}
	if (x->md_a && y > 0 && m > 0 && d < 0) {
		int n = jx_month_days(y, m);
		int lo = x->md_a < 0 ? n + 1 + x->md_a : x->md_a;
		int hi = x->md_b < 0 ? n + 1 + x->md_b : x->md_b;
		if (lo >= 1 && hi <= n && lo <= hi) {
			if (lo == hi) {
				d = lo;
			} else {
				char s1[16], s2[16];
				fmt_date(s1, sizeof(s1), y, m, lo);
				fmt_date(s2, sizeof(s2), y, m, hi);
				snprintf(out->value, sizeof(out->value),
				         "%s/%s", s1, s2);
				out->type = "DATE";
				return;
			}
		}
	}
	if (x->mn > 0 && y > 0 && m > 0) {
		int first = weekday(y, m, 1);
		if (x->mwd > 0) { /* 十月的第一個星期一 */
			d = 1 + (x->mwd - first + 7) % 7 + (x->mn - 1) * 7;
			if (d > jx_month_days(y, m))
				d = -1;
		} else { /* 五月第一週: the week of its n-th Monday */
			int wy, wk, dd = 1 + (8 - first) % 7 + (x->mn - 1) * 7;
			int yy = y, mm = m;
			if (dd > jx_month_days(y, m))
				add_days(&yy, &mm, &dd, 0);
			iso_week(yy, mm, dd, &wy, &wk);
			snprintf(out->value, sizeof(out->value), "%04d-W%02d",
			         wy, wk);
			out->type = "DATE";
			return;
		}
	}
	if (x->hh < 0 && x->part && d > 0) { /* 明天上午: 2025-08-25TMO */
		fmt_date(out->value, sizeof(out->value), y, m, d);
		size_t l = strlen(out->value);
		int h1, h2;
		char day[16];
		memcpy(day, out->value, l + 1);
		bool hours = sscanf(x->part, "%2d-%2d", &h1, &h2) == 2;
		if (hours && h1 == 0 && h2 == 24) {
			out->type = "DATE"; /* 今天全天: the whole day */
			return;
		}
		if (hours)
			/* 後天凌晨: a part TIMEX has no name for, its hours */
			snprintf(out->value + l, sizeof(out->value) - l,
			         "T%02d:00/%sT%02d:00", h1, day, h2);
		else
			snprintf(out->value + l, sizeof(out->value) - l, "T%s",
			         x->part);
		out->type = "TIME";
		return;
	}
	if (x->hh >= 0) {
		fmt_date(out->value, sizeof(out->value), y, m, d);
		size_t l = strlen(out->value);
		snprintf(out->value + l, sizeof(out->value) - l, "T%02d:%02d",
		         x->hh, x->mi < 0 ? 0 : x->mi);
		if (x->ss >= 0) {
			l = strlen(out->value);
			snprintf(out->value + l, sizeof(out->value) - l,
			         ":%02d", x->ss);
		}
		if (x->hh2 >= 0) { /* up to the second time, the same day
			            * or, when it is earlier, the next */
			char day[20];
			int y2 = y, m2 = m, d2 = d;
			if (x->hh2 * 60 + x->mi2 <
			        x->hh * 60 + (x->mi < 0 ? 0 : x->mi) &&
			    y > 0 && m > 0 && d > 0)
				add_days(&y2, &m2, &d2, 1);
			fmt_date(day, sizeof(day), y2, m2, d2);
			l = strlen(out->value);
			snprintf(out->value + l, sizeof(out->value) - l,
			         "/%sT%02d:%02d", day, x->hh2, x->mi2);
			if (x->ss2 >= 0) {
				l = strlen(out->value);
				snprintf(out->value + l, sizeof(out->value) - l,
				         ":%02d", x->ss2);
			}
		}
		out->type = "TIME";
		return;
	}
	out->type = "DATE";
	if (x->d2 > 0 || x->m2 > 0 || x->y2 > 0) {
		char a1[20], a2[20];
		fmt_date(a1, sizeof(a1), y, m, d);
		int y2 = x->y2 > 0 ? x->y2 : y, m2 = x->m2 > 0 ? x->m2 : m;
		if (x->y2 < 0 && x->m2 > 0 && m > 0 && x->m2 < m)
			y2 = y + 1;
		fmt_date(a2, sizeof(a2), y2,
		         x->m2 > 0 ? x->m2
		         : m < 0   ? -1
		                   : m2,
		         x->d2 > 0 ? x->d2
		         : d < 0   ? -1
		                   : x->d2);
		snprintf(out->value, sizeof(out->value), "%s/%s", a1, a2);
		return;
	}
	if (y < 0 && m < 0 && d < 0) {
		if (x->wday > 0 && x->rel == R_NONE) /* 星期四, no anchor */
			snprintf(out->value, sizeof(out->value), "XXXX-WXX-%d",
			         x->wday);
		else
			snprintf(out->value, sizeof(out->value), "XXXX-XX-XX");
		return;
	}
	fmt_date(out->value, sizeof(out->value), y, m, d);
}

/* ---- passages and quotes ---------------------------------------------- */

static void find_quotes(ctx *c)
{
	jx_vec v = {0};
	uint32_t open = UINT32_MAX;
	uint32_t close_cp = 0;
	for (uint32_t p = 0; p < c->n;) {
		size_t q = p;
		uint32_t cp = jx_utf8_next(c->t, c->n, &q);
		if (open == UINT32_MAX && (cp == 0x300C || cp == 0x201C)) {
			open = (uint32_t)q;
			close_cp = cp == 0x300C ? 0x300D : 0x201D;
		} else if (open != UINT32_MAX && cp == close_cp) {
			jx_span *s = jx_vec_push(c->doc, &v, sizeof(*s));
			if (s)
				*s = (jx_span){open, p};
			open = UINT32_MAX;
		} else if (cp == '\n' && open != UINT32_MAX) {
			open = UINT32_MAX; /* quotes do not cross paragraphs */
		}
		p = (uint32_t)q;
	}
	c->quotes = v.items;
	c->nquotes = v.n;
}

static const jx_span *quote_at(const ctx *c, uint32_t p)
{
	for (uint32_t i = 0; i < c->nquotes; i++)
		if (c->quotes[i].start <= p && p < c->quotes[i].end)
			return &c->quotes[i];
	return NULL;
}

/* Start of the line holding p (passages are lines of the text). */
static uint32_t line_start(const ctx *c, uint32_t p)
{
	while (p > 0 && c->t[p - 1] != '\n')
		p--;
	return p;
}

/* ---- the stage -------------------------------------------------------- */

/* Can a time expression start at p? Digits, numerals, and the first
 * characters of the words that open one; most positions are rejected
 * here by the tables' first-character filters. */
static bool may_start(const ctx *c, uint32_t p)
{
	uint8_t b = c->t[p];
	if (b >= '0' && b <= '9')
		return true;
	if (b < 0x80)
		return b == 'U' || b == 'G';
	size_t q = p;
	uint32_t cp = jx_utf8_next(c->t, c->n, &q);
	const tables *tb = &c->tb;
	return cp == 0x6BCF /* 每 */ || jx_table_may_start(tb->eras, cp) ||
	       cp == 0x500B /* 個 */ || cp == 0x4E2A /* 个 */ ||
	       cp == 0x661F /* 星 */ || cp == 0x9031 /* 週 */ ||
	       cp == 0x5468 /* 周 */ || cp == 0x79AE /* 禮 */ ||
	       cp == 0x793C /* 礼 */ || cp == 0x534A /* 半 */ ||
	       jx_table_may_start(tb->numerals, cp) ||
	       jx_table_may_start(tb->relative, cp) ||
	       jx_table_may_start(tb->vague, cp) ||
	       jx_table_may_start(tb->sets, cp) ||
	       jx_table_may_start(tb->zones, cp) ||
	       jx_table_may_start(tb->holidays, cp) ||
	       jx_table_may_start(tb->dayparts, cp) ||
	       jx_table_may_start(tb->spans, cp) ||
	       jx_table_may_start(tb->yearparts, cp) ||
	       jx_table_may_start(tb->calendars, cp);
}

typedef struct dayref {
	uint32_t at; /* norm offset of the expression */
	int y, m, d;
} dayref;

/* Only a comma, a bracket or white space between norm offsets s and e:
 * 8月23日（週六）, 星期天, 二月十號. */
static bool joined(const ctx *c, uint32_t s, uint32_t e)
{
	static const char *const j[] = {" ", ",",  "，", "、", "（",
	                                "(", "）", ")",  "的"};
	if (s > e || e - s > 4)
		return false;
	while (s < e) {
		size_t k = 0;
		for (; k < sizeof(j) / sizeof(j[0]); k++) {
			size_t l = strlen(j[k]);
			if (s + l <= e && !memcmp(c->t + s, j[k], l))
				break;
		}
		if (k == sizeof(j) / sizeof(j[0]))
			return false;
		s += (uint32_t)strlen(j[k]);
	}
	return true;
}

/* A weekday said with a month-day names that day: the weekday takes the
 * date's value, and a date without a year of its own takes the year
 * nearest the one it resolved to in which it falls on that weekday. */
static void agree_weekday(jx_time *date, bool open_year, jx_time *wd, int wday)
{
	int y, m, d;
	if (strcmp(date->type, "DATE") || strlen(date->value) != 10 ||
	    sscanf(date->value, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    strlen(wd->value) < 10 ||
	    (wd->value[10] != '\0' && wd->value[10] != 'T'))
		return;
	if (weekday(y, m, d) != wday && open_year) {
		for (int k = 1; k <= 1; k++) {
			if (jx_date_valid(y - k, m, d) &&
			    weekday(y - k, m, d) == wday) {
				y -= k;
				break;
			}
			if (jx_date_valid(y + k, m, d) &&
			    weekday(y + k, m, d) == wday) {
				y += k;
				break;
			}
		}
	}
	if (!jx_date_valid(y, m, d) || weekday(y, m, d) != wday)
		return;
	char v[16];
	snprintf(v, sizeof(v), "%04d-%02d-%02d", y, m, d);
	memcpy(date->value, v, 10);
	memcpy(wd->value, v, 10);
	wd->anchor = date->anchor;
}

void jx_time_run(jishi_doc *doc)
{
	ctx c = {.doc = doc, .t = doc->norm, .n = doc->norm_len};
	tables_init(doc, &c.tb);
	if (c.tb.units == NULL || c.tb.numerals == NULL)
		return;
	if (c.tb.fold)
		c.f = fold_text(&c);
	find_quotes(&c);
	anchor base = {0, 0, 0, -1, -1, -1, NULL, false}, *ap = NULL;
	if (doc->anchor[0] &&
	    jx_date_parse(doc->anchor, 10, &base.y, &base.m, &base.d)) {
		base.kind = doc->anchor_src ? doc->anchor_src : "dateline";
		base.hh = doc->anchor_clock.hh;
		base.mi = doc->anchor_clock.mi;
		base.ss = doc->anchor_clock.ss;
		ap = &base;
	}
	/* explicit day-precision dates seen so far, for text and speech
	 * anchors */
	dayref last = {UINT32_MAX, 0, 0, 0}, first = {UINT32_MAX, 0, 0, 0};
	uint32_t last_e = 0; /* where the last date ends */
	/* the expression before, for a weekday said with a date */
	struct prevx {
		uint32_t i, e; /* doc->times index (UINT32_MAX: none), end */
		bool wd_only;  /* a bare weekday */
		bool md_open;  /* a month-day without a year of its own */
		bool md;       /* a month-day */
		int wday;
	} prev = {UINT32_MAX, 0, false, false, false, -1};
	uint32_t dl_s = UINT32_MAX, dl_e = 0;
	if (doc->dateline_span.start != JX_NOSPAN) {
		dl_s = jx_doc_norm(doc, doc->dateline_span.start);
		dl_e = jx_doc_norm(doc, doc->dateline_span.end);
	}
	uint32_t p = 0;
	while (p < c.n) {
		uint8_t b = c.t[p];
		if (b >= '0' && b <= '9' && p > 0 &&
		    ((c.t[p - 1] >= '0' && c.t[p - 1] <= '9') ||
		     (p > 1 && c.t[p - 1] == '.' && c.t[p - 2] >= '0' &&
		      c.t[p - 2] <= '9'))) {
			/* no expression starts inside a number: 0點 in
			 * 下跌280點, 17號 in 3417號 */
			while (p < c.n && c.t[p] >= '0' && c.t[p] <= '9')
				p++;
			continue;
		}
		if (b < 0x80 && !(b >= '0' && b <= '9') && b != 'U' &&
		    b != 'G') {
			p++;
			continue;
		}
		if (p >= 3 && !memcmp(c.t + p - 3, "最", 3) &&
		    (lit(&c, p, "後") || lit(&c, p, "后"))) {
			p += 3; /* 最後一天 is not 後一天 */
			continue;
		}
		if (!may_start(&c, p)) {
			size_t q = p;
			jx_utf8_next(c.t, c.n, &q);
			p = (uint32_t)q;
			continue;
		}
		expr x;
		read_expr(&c, p, &x);
		while (x.e > x.s && c.t[x.e - 1] == ' ')
			x.e--; /* numbers carry their spaces; spans do not */
		/* 2019年至今: from the date to the anchor's day */
		bool to_now = x.e > p && x.kind == T_DATE && x.mod == NULL &&
		              (lit(&c, x.e, "至今") || lit(&c, x.e, "迄今"));
		if (to_now)
			x.e += 6;
		if (x.e <= p) {
			size_t q = p;
			jx_utf8_next(c.t, c.n, &q);
			p = (uint32_t)q;
			continue;
		}
		/* the anchor this expression resolves against */
		anchor a = base, *use = ap;
		const jx_span *qt = quote_at(&c, x.s);
		bool clock_only = (x.hh >= 0 || x.part) && x.rel == R_NONE &&
		                  x.m < 0 && x.d < 0 && x.wday < 0 && !x.y_abs;
		if (qt && x.rel != R_NONE && ap) {
			/* inside a quote: the day the words were spoken, the
			 * last date of the passage before the quote, else the
			 * report's first dated event */
			const dayref *s =
			    last.at < qt->start && last.d > 0 &&
			            last.at >= line_start(&c, qt->start)
			        ? &last
			    : first.at != UINT32_MAX ? &first
			                             : NULL;
			if (s) {
				a.y = s->y, a.m = s->m, a.d = s->d;
				a.kind = "speech";
				use = &a;
			}
		} else if (last.at != UINT32_MAX &&
		           (last.at >= line_start(&c, x.s) ||
		            (x.text_base && x.rel == R_DAY)) &&
		           ((clock_only && last.d > 0) ||
		            ((x.text_base || x.n_unit) && last.d > 0) ||
		            (x.text_base && x.rel == R_YEAR) ||
		            (x.hol >= 0 && !x.y_abs && x.rel == R_NONE &&
		             last.y > 0 && last.m <= 0 &&
		             joined(&c, last_e, x.s)) ||
		            ((x.hol >= 0 ||
		              (x.wday > 0 && x.m < 0 && x.d < 0)) &&
		             !x.y_abs && x.rel == R_NONE && last.d > 0 &&
		             last_e < x.s &&
		             range_word(&c, last_e) == x.s - last_e) ||
		            (!x.y_abs && x.rel == R_NONE && x.wday < 0 &&
		             (x.m > 0 || x.d > 0) &&
		             (last.m > 0 || (x.m > 0 && last.y > 0 &&
		                             joined(&c, last_e, x.s)))))) {
			/* the passage's last date: 晚間6時 after 23日下午4時,
			 * 隔天, 同年9月, a bare 4日 after 12月3日 (forward),
			 * the holiday ending a range (去年春節到元宵節) */
			a.y = last.y, a.m = last.m > 0 ? last.m : 1;
			a.d = last.d > 0 ? last.d : 1;
			a.hh = -1;
			a.kind = "text";
			a.forward = true;
			use = &a;
		}
		jx_time *t = jx_vec_push(doc, &doc->times, sizeof(*t));
		if (t == NULL)
			return;
		t->span = jx_doc_span(doc, x.s, x.e);
		bool wd_only = x.wday > 0 && x.m < 0 && x.d < 0 &&
		               x.rel == R_NONE && !x.y_abs && x.hol < 0 &&
		               !x.weekend && x.mn <= 0;
		bool md_open = x.m > 0 && x.d > 0 && !x.y_abs &&
		               x.rel == R_NONE && x.wday < 0 && x.hol < 0 &&
		               !x.lunar && x.y2 < 0 && x.m2 < 0 && x.d2 < 0;
		int wday = x.wday;
		resolve(&c, &x, use, t);
		/* TIMEX3 writes a year before the common era BC0221 */
		if (x.bc && t->value[0] >= '0' && t->value[0] <= '9' &&
		    strlen(t->value) + 2 < sizeof(t->value)) {
			memmove(t->value + 2, t->value, strlen(t->value) + 1);
			memcpy(t->value, "BC", 2);
		}
		size_t vl = strlen(t->value);
		if (to_now && use && t->value[0] >= '0' && t->value[0] <= '9' &&
		    !strchr(t->value, '/') && !strchr(t->value, 'W') &&
		    vl < sizeof(t->value) - 12) {
			snprintf(t->value + vl, sizeof(t->value) - vl,
			         "/%04d-%02d-%02d", use->y, use->m, use->d);
			t->anchor = use->kind;
		}
		if (prev.i != UINT32_MAX && joined(&c, prev.e, x.s)) {
			jx_time *pt = (jx_time *)doc->times.items + prev.i;
			if (prev.wd_only && md_open)
				agree_weekday(t, true, pt, prev.wday);
			else if (prev.md_open && wd_only)
				agree_weekday(pt, true, t, wday);
			else if (prev.md && wd_only)
				agree_weekday(pt, false, t, wday);
		}
		prev.i = doc->times.n - 1;
		prev.e = x.e;
		prev.wd_only = wd_only;
		prev.md_open = md_open;
		prev.md = x.d > 0 && x.wday < 0;
		prev.wday = wday;
		{
			/* 大約晚上十點: the mod word is part of the expression;
			 * 大約晚上十點以後 keeps AFTER, its span the 大約 */
			uint32_t ms = x.s;
			const char *bm = mod_before(&c, x.s, &ms);
			if (t->mod == NULL)
				t->mod = bm;
			if (bm &&
			    (t->mod == bm || (!strcmp(bm, "APPROX") &&
			                      (!strcmp(t->mod, "BEFORE") ||
			                       !strcmp(t->mod, "AFTER")))))
				t->span = jx_doc_span(doc, ms, x.e);
		}
		if (x.kind == T_TIME && t->tz == NULL)
			t->tz = zone_after(&c, x.e); /* 8時（UTC+9） */
		/* remember dated days (not the dateline itself, not a clock
		 * time that took its day from elsewhere) */
		int yy = -1, mm = -1, dd = -1;
		if ((x.kind == T_DATE || x.kind == T_TIME) && !clock_only &&
		    t->value[0] >= '0' && t->value[0] <= '9' &&
		    !strchr(t->value, '/') && !strchr(t->value, 'W') &&
		    sscanf(t->value, "%4d-%2d-%2d", &yy, &mm, &dd) >= 1 &&
		    !(x.s >= dl_s && x.e <= dl_e)) {
			last = (dayref){x.s, yy, mm, dd};
			last_e = x.e;
			if (first.at == UINT32_MAX && !qt && dd > 0)
				first = last;
		}
		p = x.e;
	}
}
