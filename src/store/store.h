/*
 * store.h -- the event store: schema-v1 records in, queries out
 * (docs/internals/store.md). SQLite is the implementation (sqlite.c).
 *
 * One connection per jx_store; a store is used by one thread at a time.
 * Errors come back as JISHI_* codes with a message in the caller's buffer.
 */
#ifndef JX_STORE_H
#define JX_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "jishi.h"

typedef struct jx_store jx_store;

#define JX_STORE_VERSION 2

/* Open (creating and migrating as needed) the store file at path. */
int jx_store_open(const char *path, bool readonly, jx_store **out, char *err,
                  size_t errlen);
void jx_store_close(jx_store *st);

/* Store one document in two steps, so that the JSON parse can run on the
 * thread that made the record: jx_store_parse() (NULL and a message when
 * the record is not JSON), then jx_store_put_parsed() with its text, the
 * sha256 hex of the text and the record (text and parsed), which takes
 * the parsed record and frees it. *what (OUT) is 'n' new, 'r' replaced
 * (the text changed) or 's' skipped (already stored as it is). The write
 * joins the open batch; jx_store_commit() ends it. */
void *jx_store_parse(const char *json, size_t jlen, char *err, size_t errlen);
int jx_store_put_parsed(jx_store *st, const char *text, size_t len,
                        const char *sha256, void *parsed, const char *json,
                        size_t jlen, char *what, char *err, size_t errlen);

/* Thresholds of cross-report merging (data/store/merge.tsv). */
typedef struct jx_merge {
	int shingle;     /* characters a SimHash shingle */
	int simhash_max; /* differing bits for one wire story */
	int story_days;  /* days apart for one story */
} jx_merge;
void jx_store_set_merge(jx_store *st, const jx_merge *m);

/* The ingest time stored with the documents that follow (ISO 8601; the
 * store never reads the clock itself). */
void jx_store_set_time(jx_store *st, const char *iso);

/* Commit the open batch (no-op when none). */
int jx_store_commit(jx_store *st, char *err, size_t errlen);

/* A query of the event timeline; NULL fields do not filter. */
typedef struct jx_query {
	const char *actor;     /* name or code on either side */
	const char *actor2;    /* with actor: the other side (a pair) */
	const char *country;   /* ISO code of an actor on either side */
	const char *cameo;     /* code prefix: 04, 042 */
	const char *plover;    /* PLOVER type */
	const char *from, *to; /* YYYY-MM-DD bounds on the event's day */
	const char *text;      /* FTS5 query over the document's text */
	const char *doc;       /* one document id */
	long limit;            /* 0: no limit */
} jx_query;

enum { JX_OUT_TABLE, JX_OUT_JSON, JX_OUT_TSV };

/* Print the events the query selects, by day. *n (OUT) rows printed. */
int jx_store_timeline(jx_store *st, const jx_query *q, int format,
                      bool evidence, FILE *out, long *n, char *err,
                      size_t errlen);

/* Print the stories (events merged across reports) with GDELT's
 * NumMentions, NumArticles and NumSources; q's cameo, from, to, limit
 * filter. */
int jx_store_stories(jx_store *st, const jx_query *q, int format, FILE *out,
                     long *n, char *err, size_t errlen);

/* A stored document as one JSON object: id, url, anchor, dateline, its
 * paragraphs' text and its record; *found false when there is none. */
int jx_store_document(jx_store *st, const char *id, FILE *out, bool *found,
                      char *err, size_t errlen);
/* Quotes as JSON lines, by speaker (name, actor or country) and/or
 * document. */
int jx_store_quotes(jx_store *st, const char *speaker, const char *doc,
                    long limit, FILE *out, long *n, char *err, size_t errlen);

/* Counts for a summary line: documents, events. */
int jx_store_counts(jx_store *st, long *docs, long *events);

#endif
