/*
 * doc.h -- the document every stage reads and adds to (internal).
 *
 * A jishi_doc owns: a copy of the original input bytes (src), a
 * normalised view of them (norm) with a map back to original offsets, the
 * layers the stages add, and the arena all of it lives in.
 *
 * Invariants
 *  - src is valid UTF-8 (checked before any stage runs).
 *  - Every jx_span stored in the document is a half-open range of BYTE
 *    offsets into src, on code-point boundaries. Stages work on norm and
 *    convert with jx_doc_orig() before storing a span.
 *  - Output converts spans to code points (default) or leaves them bytes.
 */
#ifndef JX_DOC_H
#define JX_DOC_H

#include "base.h"
#include "model.h"

#define JX_NOSPAN UINT32_MAX

typedef struct jx_span {
	uint32_t start, end; /* byte offsets into src; start == JX_NOSPAN:
	                        absent */
} jx_span;

/* A growable array in the document's arena. */
typedef struct jx_vec {
	void *items;
	uint32_t n, cap;
} jx_vec;

typedef struct jx_caption {
	jx_span span; /* the caption line, mark and credit included */
	jx_span credit; /* the credit group, e.g. （圖／達志影像／美聯社） */
	jx_vec credits; /* jx_span: each credited name */
} jx_caption;

typedef struct jx_byline {
	jx_span span;     /* JX_NOSPAN start: no byline */
	jx_vec reporters; /* jx_span */
	jx_span desk;     /* e.g. 綜合外電報導, or absent */
	jx_span agency;   /* e.g. 中央社, or absent */
} jx_byline;

typedef struct jx_source {
	jx_span span;   /* the cited name with its 《》 if any */
	jx_span name;   /* the name alone */
	int32_t entity; /* index into doc->entities, or -1 */
} jx_source;

/* Entity types (schema v1 entities[].type). */
enum {
	JX_ENT_PERSON,
	JX_ENT_GPE,
	JX_ENT_LOC,
	JX_ENT_ORG,
	JX_ENT_MEDIA,
	JX_ENT_NORP
};

typedef struct jx_title {
	jx_span span;          /* the title as written, e.g. 首相 */
	const char *org;       /* country code or organisation key, or NULL */
	const char *country;   /* the country org is or belongs to, or NULL */
	const char *org_actor; /* the organisation's CAMEO code, or NULL */
	const char *role;      /* head_of_government, ... (model strings) */
	bool then;             /* a former office: 時任 前 已故 */
} jx_title;

typedef struct jx_entity {
	int type;            /* JX_ENT_* */
	const char *key;     /* what makes two mentions one referent */
	jx_span name;        /* the form that names it (first full mention) */
	const char *country; /* ISO alpha-3, or NULL */
	const char *actor;   /* CAMEO actor code, or NULL */
	jx_vec mentions;     /* jx_span, in text order */
	jx_vec forms;  /* jx_span: other forms (李在明總統, 金惠慶) */
	jx_vec titles; /* jx_title */
	int32_t prow;  /* first actors/people row of the name, or -1 */
} jx_entity;

/* A time expression (schema v1 times[]). */
typedef struct jx_time {
	jx_span span;
	const char *type;   /* DATE, TIME, DURATION, SET, ANNIVERSARY */
	char value[48];     /* TIMEX3 / ISO 8601 value */
	const char *mod;    /* START, END, APPROX, ... or NULL */
	const char *tz;     /* "+08:00", "local", or NULL */
	const char *anchor; /* dateline, option, speech, text, none */
} jx_time;

/* A quotation (schema v1 quotes[]). */
typedef struct jx_quote {
	jx_span span;      /* the words inside the marks */
	jx_span cue;       /* the speech cue, or absent */
	bool speech;       /* reported words (else a quoted term) */
	uint8_t depth;     /* 0 outermost, 1 inside another quote */
	int32_t speaker;   /* doc->entities index, or -1 */
	int32_t addressee; /* doc->entities index, or -1 */
} jx_quote;

/* An event argument: an entity, or a bare actor code (CHN) where the
 * text names the whole country without a mention of it (訪華). */
typedef struct jx_arg {
	int32_t ent;      /* doc->entities index, or -1 */
	const char *code; /* model string when ent < 0 */
} jx_arg;

#define JX_EV_ARGS 8

/* An event (schema v1 events[]). */
typedef struct jx_event {
	char cameo[5];      /* "040", "0311" */
	const char *plover; /* PLOVER type, or NULL */
	const char *label;  /* CAMEO description (model string) */
	int quad;           /* GDELT QuadClass 1..4 */
	jx_arg src[JX_EV_ARGS], tgt[JX_EV_ARGS];
	uint8_t nsrc, ntgt;
	int32_t when;       /* doc->times index, or -1 */
	int32_t duration;   /* doc->times index, or -1 */
	int32_t where;      /* doc->entities index, or -1 */
	const char *status; /* asserted, planned, negated, ... */
	uint32_t mentions;  /* times the text reports it (merged) */
	jx_span span;       /* the clause(s) it is read from */
	jx_span trigger;
} jx_event;

typedef struct jx_diag {
	const char *stage; /* "layout", ... (static) */
	const char *code;  /* short machine-readable code (static) */
	jx_span span;      /* where, or absent */
} jx_diag;

/* One break in the norm -> src offset map: from norm offset `norm` on,
 * src = orig + (x - norm), until the next break. */
typedef struct jx_normbreak {
	uint32_t norm, orig;
} jx_normbreak;

struct jishi_doc {
	jx_arena arena;
	const jishi_model *model;
	unsigned flags;       /* JISHI_F_* */
	const uint8_t *src;   /* original bytes (arena copy, NUL after) */
	uint32_t len;         /* bytes in src */
	uint32_t *cpmark;     /* code points before byte 64*k */
	const char *id;       /* given or sha256 hex */
	const char *url;      /* or NULL */
	const char *opt_date; /* opts->date, "YYYY-MM-DD", or NULL */

	/* normalised view (norm.c) */
	const uint8_t *norm; /* folded text, NUL after */
	uint32_t norm_len;
	jx_normbreak *breaks; /* sorted by norm */
	uint32_t nbreaks;

	/* doc-level facts */
	jishi_script script;
	char dateline[11]; /* "YYYY-MM-DD" or "" */
	jx_span dateline_span;
	char anchor[11];          /* "YYYY-MM-DD" or "" */
	jx_datetime anchor_clock; /* the clock of the option; hh -1: none */
	const char *anchor_src;   /* "dateline", "option" or NULL */

	/* layout layer */
	jx_byline byline;
	jx_vec captions;   /* jx_caption */
	jx_vec paragraphs; /* jx_span */
	jx_vec sources;    /* jx_source */

	/* lex layer: every word of the text, in order */
	const struct jx_token *tokens;
	uint32_t ntokens;
	/* ent layer */
	jx_vec entities; /* jx_entity, in order of first mention */
	/* time layer */
	jx_vec times; /* jx_time, in text order */
	/* quote layer */
	jx_vec quotes; /* jx_quote, in text order of their opening mark */
	/* event layer */
	jx_vec events; /* jx_event, in text order of their trigger */

	jx_vec diags; /* jx_diag */
	jx_buf json;  /* serialised record */
	jx_buf exp;   /* an export (gdelt, plover) */
	int oom;      /* sticky JISHI_ENOMEM */
};

/* Push one item of size sz, returning it zeroed, or NULL (doc->oom set). */
void *jx_vec_push(jishi_doc *doc, jx_vec *v, size_t sz);
#define JX_VEC_AT(v, type, i) (((type *)(v)->items)[i])

/* Original byte offset of a norm offset. */
uint32_t jx_doc_orig(const jishi_doc *doc, uint32_t norm_off);
/* Norm offset of an original byte offset on a character boundary (the
 * inverse of jx_doc_orig). */
uint32_t jx_doc_norm(const jishi_doc *doc, uint32_t src_off);
/* jx_span of original bytes for norm range [s, e). */
jx_span jx_doc_span(const jishi_doc *doc, uint32_t s, uint32_t e);
/* Output unit (code point or byte per flags) of a src byte offset. */
uint32_t jx_doc_unit(const jishi_doc *doc, uint32_t byte_off);
/* Record a diagnostic. */
void jx_doc_diag(jishi_doc *doc, const char *stage, const char *code,
                 jx_span span);

/* Normalisation (norm.c): the folded form of one code point, as the
 * stages and the compiled data see it. Full-width ASCII U+FF01..U+FF5E
 * -> ASCII, U+3000 and U+00A0 -> space, NUL -> space. */
uint32_t jx_norm_fold(uint32_t cp);
/* Build doc->norm and its offset map from doc->src. */
int jx_norm_build(jishi_doc *doc);

#endif
