/*
 * jishi.h -- the public interface of libjishi (紀事, "a record of events").
 *
 * jishi reads a Chinese-language news report (Traditional or Simplified)
 * and writes down what it found as a record in the schema of
 * docs/schema.md (schema version JISHI_SCHEMA).
 *
 * Conventions (read these once; every function below follows them)
 * -----------------------------------------------------------------
 * Errors    Every function that can fail returns an int: JISHI_OK (0) or
 *           one of the JISHI_E* codes below. Objects a function creates
 *           come back through an out-parameter, which is set to NULL on
 *           failure. Detail (a message and, where it applies, the byte
 *           offset in the input) goes into a caller-provided jishi_err,
 *           which may be NULL when the caller does not want it.
 * NULL      Pointer parameters must not be NULL unless the comment says
 *           what NULL means. Every *_free / *_close accepts NULL and does
 *           nothing.
 * Ownership Strings and arrays returned by jishi_doc_* functions belong to
 *           the document: they stay valid until jishi_doc_free() on it.
 *           The library keeps no pointer to caller memory after a call
 *           returns (the input text is copied into the document).
 * Threads   A jishi_model is immutable once open and may be shared by any
 *           number of threads. A jishi_doc belongs to one thread at a time.
 *           There is no global state.
 * Process   The library never calls exit(), abort() or printf(), and never
 *           reads the machine's clock to resolve a date.
 * Offsets   Spans are half-open [start, end) offsets into the input exactly
 *           as it was given, in Unicode code points by default and in UTF-8
 *           bytes with JISHI_OFFSETS_BYTES.
 */
#ifndef JISHI_H
#define JISHI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(JISHI_BUILDING) && defined(__GNUC__)
#define JISHI_API __attribute__((visibility("default")))
#else
#define JISHI_API
#endif

#define JISHI_VERSION "0.1.0"
#define JISHI_SCHEMA  1 /* the "jishi" field of every record */

/* Error codes. Numbers are never reused; the list lives in
 * src/base/errors.def so that the enum and the name tables agree. */
enum {
#define JISHI_ERR(name, num, msg) JISHI_##name = num,
#include "jishi_errors.def"
#undef JISHI_ERR
	JISHI_ERR_LAST_
};

/* Detail of a failure. pos is a byte offset into the input the failing
 * call was given (UINT64_MAX when no offset applies). */
typedef struct jishi_err {
	int code;      /* JISHI_OK or a JISHI_E* code */
	uint64_t pos;  /* byte offset into the input, or UINT64_MAX */
	char msg[256]; /* NUL-terminated human-readable message */
} jishi_err;

/* A half-open range [start, end) of the input. */
typedef struct jishi_span {
	uint32_t start; /* first unit inside the span */
	uint32_t end;   /* first unit after the span */
} jishi_span;

typedef struct jishi_model jishi_model; /* compiled knowledge, read-only */
typedef struct jishi_doc jishi_doc;     /* one processed document */
typedef struct jishi_dict jishi_dict;   /* a user dictionary, read-only */
typedef struct jishi_segmenter jishi_segmenter; /* segmenting state */

/* Options for one document. Zero-initialise and set what you need. */
typedef struct jishi_opts {
	const char *id;   /* document id; NULL: sha256 of the input bytes */
	const char *date; /* anchor when the text has no dateline:
	                     "YYYY-MM-DD"; NULL: none */
	const char *url;  /* source URL to carry into the record; may be NULL */
	size_t max_bytes; /* refuse larger inputs with JISHI_ETOOBIG;
	                     0: JISHI_DEFAULT_MAX_BYTES */
	unsigned flags;   /* JISHI_F_* bits */
	const jishi_dict *dict; /* user words for the segmenter; may be NULL */
} jishi_opts;

#define JISHI_DEFAULT_MAX_BYTES ((size_t)16 << 20) /* 16 MiB */

#define JISHI_F_OFFSETS_BYTES 0x01u /* spans in bytes, not code points */
#define JISHI_F_PRETTY        0x02u /* indent the JSON record */
#define JISHI_F_TOKENS        0x04u /* add "tokens" to the JSON record */
/* A bare day, weekday, month or holiday with no tense cue in its clause
 * lies ahead of the anchor (schedules, announcements), not behind it (news
 * reports, the default). */
#define JISHI_F_FUTURE 0x08u

/* Document scripts, as in the record's doc.script. */
typedef enum jishi_script {
	JISHI_SCRIPT_UNKNOWN = 0, /* too few Han characters to tell */
	JISHI_SCRIPT_HANT = 1,    /* Traditional */
	JISHI_SCRIPT_HANS = 2,    /* Simplified */
	JISHI_SCRIPT_MIXED = 3    /* both, in real proportion */
} jishi_script;

/* ---- library ---------------------------------------------------------- */

/* "0.1.0": the library's version string (static storage). */
JISHI_API const char *jishi_version(void);

/* The message of an error code (static storage; never NULL). */
JISHI_API const char *jishi_strerror(int code);

/* The name of an error code, e.g. "JISHI_EUTF8" (static; never NULL). */
JISHI_API const char *jishi_errname(int code);

/* ---- model ------------------------------------------------------------ */

/* Open the compiled model at path (a model.bin written by jishi-compile),
 * validate it and map it read-only. path NULL: the JISHI_MODEL environment
 * variable, else the model installed with the library.
 * On success *out (OUT) is the model, to be shared freely between threads
 * and closed with jishi_model_close(). A missing file gives JISHI_EIO, a
 * corrupt or foreign one JISHI_EMODEL. */
JISHI_API int jishi_model_open(const char *path, jishi_model **out,
                               jishi_err *err);

/* Unmap and free a model. No document made with it may be used after. */
JISHI_API void jishi_model_close(jishi_model *model);

/* ---- user dictionaries and the segmenter -------------------------------- */

/* Load a user dictionary for model: one word a line, `word [freq] [tag]`
 * (jieba's format; freq on the scale of the shipped lexicon, counts per
 * 60 million words; tag from the jieba/ICTCLAS set). Words join the
 * lexicon for every document given the dictionary in jishi_opts.dict or
 * jishi_segmenter_new(). The dictionary is read-only once loaded, may be
 * shared by threads, and must be freed before its model is closed.
 * Errors: JISHI_EIO, JISHI_EUTF8 (err->pos = byte offset in the file),
 * JISHI_EDATA (an unknown tag), JISHI_ENOMEM. */
JISHI_API int jishi_dict_open(const jishi_model *model, const char *path,
                              jishi_dict **out, jishi_err *err);
JISHI_API void jishi_dict_free(jishi_dict *dict);

/* One word of segmented text. */
typedef struct jishi_token {
	jishi_span span; /* in the unit the segment call was asked for */
	const char *pos; /* jieba/ICTCLAS tag: "n", "nr", "v", "m", "w" ... */
	unsigned oov;    /* 1: built by the unknown-word model */
} jishi_token;

/* A segmenter for one thread: reuses its buffers from call to call.
 * dict may be NULL. Free with jishi_segmenter_free(). */
JISHI_API int jishi_segmenter_new(const jishi_model *model,
                                  const jishi_dict *dict,
                                  jishi_segmenter **out);
JISHI_API void jishi_segmenter_free(jishi_segmenter *seg);

/* Segment text[0..len) (UTF-8) into words. *tokens (OUT) holds *ntokens
 * words in text order, valid until the next call on seg; whitespace is no
 * token. flags: JISHI_F_OFFSETS_BYTES for byte spans (default: code
 * points). Fails with JISHI_EUTF8 (err->pos = first bad byte),
 * JISHI_ETOOBIG (over 4 GiB) or JISHI_ENOMEM. */
JISHI_API int jishi_segment(jishi_segmenter *seg, const char *text, size_t len,
                            unsigned flags, const jishi_token **tokens,
                            size_t *ntokens, jishi_err *err);

/* ---- documents -------------------------------------------------------- */

/* Process one report: text[0..len) in UTF-8 (a leading BOM, CRLF line ends
 * and NUL bytes are accepted). opts may be NULL for defaults.
 * On success *out (OUT) holds the document, freed with jishi_doc_free().
 * Fails with JISHI_EUTF8 (err->pos = offset of the first bad byte),
 * JISHI_ETOOBIG (len over the cap), JISHI_EINVAL (a malformed opts->date,
 * an id or url that is not UTF-8)
 * or JISHI_ENOMEM. Odd but valid input is never an error: what a stage
 * could not read becomes a diagnostic in the record. */
JISHI_API int jishi_doc_process(const jishi_model *model, const char *text,
                                size_t len, const jishi_opts *opts,
                                jishi_doc **out, jishi_err *err);

/* Free a document and everything it returned. NULL is a no-op. */
JISHI_API void jishi_doc_free(jishi_doc *doc);

/* The document's record as JSON (schema version JISHI_SCHEMA), one line
 * without JISHI_F_PRETTY. *json (OUT) is NUL-terminated, *len (OUT, may be
 * NULL) its length; both stay valid until jishi_doc_free(). */
JISHI_API int jishi_doc_json(jishi_doc *doc, const char **json, size_t *len);

/* The document's events in another format (docs/internals/event.md):
 * "gdelt" -- GDELT 2.0 event rows, tab-separated, one per source-target
 * pair, newline-terminated; "plover" -- PLOVER JSON, one event a line.
 * An unknown format is JISHI_EINVAL. *out (OUT) is NUL-terminated, *len
 * (OUT, may be NULL) its length; both stay valid until the next call or
 * jishi_doc_free(). */
JISHI_API int jishi_doc_export(jishi_doc *doc, const char *format,
                               const char **out, size_t *len);

/* Read-only views of the record, for callers that walk it in C. */
typedef struct jishi_doc_info {
	const char *id;       /* given id or sha256 hex */
	size_t bytes;         /* input length in bytes */
	jishi_script script;  /* from character statistics */
	const char *dateline; /* "YYYY-MM-DD" read from the text, or NULL */
	const char *anchor;   /* dateline, else opts->date, else NULL */
	size_t nparagraphs;   /* body paragraphs */
	size_t ncaptions;     /* photo captions */
	size_t nsources;      /* cited media */
	size_t ndiagnostics;  /* things a stage could not read */
} jishi_doc_info;

/* Fill *info (OUT) for doc. */
JISHI_API void jishi_doc_get_info(const jishi_doc *doc, jishi_doc_info *info);

/* Paragraph i (0-based, < nparagraphs) as a span in the document's offset
 * unit. Returns JISHI_EINVAL when i is out of range. */
JISHI_API int jishi_doc_paragraph(const jishi_doc *doc, size_t i,
                                  jishi_span *span);

#ifdef __cplusplus
}
#endif
#endif /* JISHI_H */
