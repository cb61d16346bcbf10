/*
 * sqlite.c -- the event store on SQLite (docs/internals/store.md).
 *
 * Invariants: every statement is prepared once with bound parameters; a
 * document is written inside the open batch transaction, so a kill leaves
 * either all of its facts or none; the file is in WAL mode so readers see
 * only committed batches.
 */
#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "store.h"

struct jx_store {
	sqlite3 *db;
	bool in_batch;
	jx_merge merge;
	char now[32]; /* the ingest time the caller gave */
	struct {
		const char *sql; /* a literal: compared by address */
		sqlite3_stmt *s;
	} cache[16]; /* run_sql's prepared statements */
	sqlite3_stmt *get_doc, *del[7], *ins_doc, *ins_ent, *ins_men, *ins_time,
	    *ins_quote, *ins_ev, *ins_act, *ins_fts;
};

static const char *const SCHEMA_V1 =
    "CREATE TABLE documents(id TEXT PRIMARY KEY, url TEXT, dateline TEXT,"
    " anchor TEXT, script TEXT, sha256 TEXT NOT NULL, bytes INTEGER,"
    " ingested TEXT NOT NULL, record TEXT NOT NULL);"
    "CREATE TABLE entities(doc TEXT NOT NULL, eid TEXT NOT NULL, type TEXT,"
    " name TEXT, country TEXT, actor TEXT, PRIMARY KEY(doc, eid));"
    "CREATE TABLE mentions(doc TEXT NOT NULL, eid TEXT NOT NULL,"
    " start INTEGER, end INTEGER);"
    "CREATE INDEX mentions_doc ON mentions(doc);"
    "CREATE TABLE times(doc TEXT NOT NULL, start INTEGER, end INTEGER,"
    " text TEXT, type TEXT, value TEXT, mod TEXT, tz TEXT, anchor TEXT);"
    "CREATE INDEX times_doc ON times(doc);"
    "CREATE TABLE quotes(doc TEXT NOT NULL, qid INTEGER NOT NULL,"
    " start INTEGER, end INTEGER, text TEXT, kind TEXT, speaker TEXT,"
    " addressee TEXT, cue TEXT, PRIMARY KEY(doc, qid));"
    "CREATE TABLE events(doc TEXT NOT NULL, vid TEXT NOT NULL, cameo TEXT,"
    " root TEXT, plover TEXT, quad INTEGER, day TEXT, place TEXT,"
    " duration TEXT, status TEXT, start INTEGER, end INTEGER,"
    " evidence TEXT, PRIMARY KEY(doc, vid));"
    "CREATE INDEX events_day ON events(day);"
    "CREATE INDEX events_cameo ON events(cameo);"
    "CREATE TABLE event_actors(doc TEXT NOT NULL, vid TEXT NOT NULL,"
    " side TEXT NOT NULL CHECK(side IN ('source','target')), ref TEXT,"
    " name TEXT, country TEXT, actor TEXT);"
    "CREATE INDEX event_actors_ev ON event_actors(doc, vid);"
    "CREATE INDEX event_actors_name ON event_actors(name);"
    "CREATE INDEX event_actors_country ON event_actors(country);"
    "CREATE VIRTUAL TABLE fts USING fts5(doc UNINDEXED, kind UNINDEXED,"
    " text, tokenize='trigram');";

/* Migrations from version k to k+1 are MIGRATIONS[k]; [0] creates v1. */
static const char *const MIGRATIONS[] = {
    NULL,
    /* 1 -> 2: cross-report merging (wire copies, stories) */
    "ALTER TABLE documents ADD COLUMN simhash INTEGER;"
    "ALTER TABLE documents ADD COLUMN wire TEXT;"
    "UPDATE documents SET wire = id;"
    "CREATE TABLE simhash_bands(band INTEGER NOT NULL, value INTEGER NOT"
    " NULL, doc TEXT NOT NULL);"
    "CREATE INDEX simhash_bands_bv ON simhash_bands(band, value);"
    "CREATE INDEX simhash_bands_doc ON simhash_bands(doc);"
    "CREATE TABLE stories(id INTEGER PRIMARY KEY, root TEXT NOT NULL,"
    " src TEXT NOT NULL, tgt TEXT NOT NULL, day TEXT);"
    "CREATE INDEX stories_key ON stories(root, src, tgt);"
    "CREATE TABLE story_events(story INTEGER NOT NULL, doc TEXT NOT NULL,"
    " vid TEXT NOT NULL);"
    "CREATE INDEX story_events_story ON story_events(story);"
    "CREATE INDEX story_events_doc ON story_events(doc);"
    "CREATE INDEX event_actors_actor ON event_actors(actor);"};

static int fail(char *err, size_t n, int rc, const char *fmt, ...)
{
	if (err && n) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, n, fmt, ap);
		va_end(ap);
	}
	return rc;
}

static int dberr(jx_store *st, char *err, size_t n, const char *what)
{
	return fail(err, n, JISHI_EIO, "%s: %s", what, sqlite3_errmsg(st->db));
}

static int exec(jx_store *st, const char *sql, char *err, size_t n)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = fail(err, n, JISHI_EIO, "%s", msg ? msg : "sql");
		sqlite3_free(msg);
		return rc;
	}
	return JISHI_OK;
}

static int migrate(jx_store *st, char *err, size_t n)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL))
		return dberr(st, err, n, "user_version");
	int v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	if (v > JX_STORE_VERSION)
		return fail(err, n, JISHI_EINVAL,
		            "store schema version %d is newer than this "
		            "jishi's (%d)",
		            v, JX_STORE_VERSION);
	if (v == JX_STORE_VERSION)
		return JISHI_OK;
	int rc = exec(st, "BEGIN IMMEDIATE", err, n);
	for (int k = v; rc == JISHI_OK && k < JX_STORE_VERSION; k++) {
		rc = exec(st, k == 0 ? SCHEMA_V1 : MIGRATIONS[k], err, n);
		if (rc == JISHI_OK) {
			char sql[64];
			snprintf(sql, sizeof sql, "PRAGMA user_version=%d",
			         k + 1);
			rc = exec(st, sql, err, n);
		}
	}
	if (rc == JISHI_OK)
		return exec(st, "COMMIT", err, n);
	exec(st, "ROLLBACK", NULL, 0);
	return rc;
}

static int prep(jx_store *st, sqlite3_stmt **s, const char *sql, char *err,
                size_t n)
{
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, s,
	                       NULL) != SQLITE_OK)
		return dberr(st, err, n, sql);
	return JISHI_OK;
}

int jx_store_open(const char *path, bool readonly, jx_store **out, char *err,
                  size_t errlen)
{
	*out = NULL;
	jx_store *st = calloc(1, sizeof *st);
	if (st == NULL)
		return fail(err, errlen, JISHI_ENOMEM, "out of memory");
	int flags = readonly ? SQLITE_OPEN_READONLY
	                     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		int rc = fail(err, errlen, JISHI_EIO, "%s: %s", path,
		              st->db ? sqlite3_errmsg(st->db) : "cannot open");
		jx_store_close(st);
		return rc;
	}
	sqlite3_busy_timeout(st->db, 10000);
	int rc = JISHI_OK;
	if (!readonly) {
		rc = exec(st,
		          "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
		          " PRAGMA foreign_keys=ON",
		          err, errlen);
		if (rc == JISHI_OK)
			rc = migrate(st, err, errlen);
	} else {
		sqlite3_stmt *s;
		int v = 0;
		if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s,
		                       NULL) == SQLITE_OK) {
			if (sqlite3_step(s) == SQLITE_ROW)
				v = sqlite3_column_int(s, 0);
			sqlite3_finalize(s);
		}
		if (v != JX_STORE_VERSION)
			rc = fail(err, errlen, JISHI_EINVAL,
			          "%s: not a jishi store of version %d "
			          "(found %d)",
			          path, JX_STORE_VERSION, v);
	}
	/* FTS5 flushes its pending index at every savepoint, and ingest
	 * takes one per document: the text index rows wait in temp tables
	 * and go in at commit, one flush a batch */
	if (rc == JISHI_OK && !readonly)
		rc = exec(
		    st,
		    "CREATE TEMP TABLE IF NOT EXISTS fts_pending(doc TEXT,"
		    " kind TEXT, text TEXT); CREATE TEMP TABLE IF NOT EXISTS"
		    " fts_drop(doc TEXT)",
		    err, errlen);
	static const char *const dels[7] = {
	    "DELETE FROM entities WHERE doc=?1",
	    "DELETE FROM mentions WHERE doc=?1",
	    "DELETE FROM times WHERE doc=?1", "DELETE FROM quotes WHERE doc=?1",
	    "DELETE FROM events WHERE doc=?1",
	    "DELETE FROM event_actors WHERE doc=?1",
	    /* the text index is written at commit (see fts_flush) */
	    "INSERT INTO temp.fts_drop VALUES(?1)"};
	/* plus, on replacement: bands, story members, empty stories */
	for (int i = 0; rc == JISHI_OK && !readonly && i < 7; i++)
		rc = prep(st, &st->del[i], dels[i], err, errlen);
	if (rc == JISHI_OK && !readonly)
		rc = prep(st, &st->get_doc,
		          "SELECT sha256 FROM documents WHERE id=?1", err,
		          errlen);
	if (rc == JISHI_OK && !readonly)
		rc = prep(st, &st->ins_doc,
		          "INSERT OR REPLACE INTO documents(id, url, dateline,"
		          " anchor, script, sha256, bytes, ingested, record)"
		          " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
		          err, errlen);
	if (rc == JISHI_OK && !readonly)
		rc = prep(
		    st, &st->ins_ent,
		    "INSERT OR REPLACE INTO entities VALUES(?1,?2,?3,?4,?5,"
		    "?6)",
		    err, errlen);
	if (rc == JISHI_OK && !readonly)
		rc = prep(st, &st->ins_men,
		          "INSERT INTO mentions VALUES(?1,?2,?3,?4)", err,
		          errlen);
	if (rc == JISHI_OK && !readonly)
		rc =
		    prep(st, &st->ins_time,
		         "INSERT INTO times VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
		         err, errlen);
	if (rc == JISHI_OK && !readonly)
		rc = prep(st, &st->ins_quote,
		          "INSERT OR REPLACE INTO quotes VALUES(?1,?2,?3,?4,?5,"
		          "?6,?7,?8,?9)",
		          err, errlen);
	if (rc == JISHI_OK && !readonly)
		rc = prep(st, &st->ins_ev,
		          "INSERT OR REPLACE INTO events VALUES(?1,?2,?3,?4,?5,"
		          "?6,?7,?8,?9,?10,?11,?12,?13)",
		          err, errlen);
	if (rc == JISHI_OK && !readonly)
		rc = prep(
		    st, &st->ins_act,
		    "INSERT INTO event_actors VALUES(?1,?2,?3,?4,?5,?6,?7)",
		    err, errlen);
	if (rc == JISHI_OK && !readonly)
		rc = prep(st, &st->ins_fts,
		          "INSERT INTO temp.fts_pending VALUES(?1,?2,?3)", err,
		          errlen);
	if (rc) {
		jx_store_close(st);
		return rc;
	}
	st->merge.shingle = 4;
	st->merge.simhash_max = 6;
	st->merge.story_days = 1;
	*out = st;
	return JISHI_OK;
}

void jx_store_set_time(jx_store *st, const char *iso)
{
	snprintf(st->now, sizeof st->now, "%s", iso ? iso : "");
}

void jx_store_set_merge(jx_store *st, const jx_merge *m)
{
	st->merge = *m;
	if (st->merge.shingle < 1)
		st->merge.shingle = 4;
}

void jx_store_close(jx_store *st)
{
	if (st == NULL)
		return;
	sqlite3_stmt *all[] = {st->get_doc, st->ins_doc,  st->ins_ent,
	                       st->ins_men, st->ins_time, st->ins_quote,
	                       st->ins_ev,  st->ins_act,  st->ins_fts};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		sqlite3_finalize(all[i]);
	for (int i = 0; i < 7; i++)
		sqlite3_finalize(st->del[i]);
	for (int i = 0; i < 16; i++)
		sqlite3_finalize(st->cache[i].s);
	if (st->in_batch)
		jx_store_commit(st, NULL, 0);
	sqlite3_close(st->db);
	free(st);
}

/* ---- binding helpers --------------------------------------------------- */

static void bind_str(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static long long jint(json_t *a, size_t i)
{
	json_t *v = json_array_get(a, i);
	return json_is_integer(v) ? json_integer_value(v) : -1;
}

static int step(jx_store *st, sqlite3_stmt *s, char *err, size_t n)
{
	int r = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE && r != SQLITE_ROW)
		return dberr(st, err, n, "write");
	return JISHI_OK;
}

/* Byte offset of code point cp in text (or len when past its end). */
static size_t cp_to_byte(const char *text, size_t len, long long cp)
{
	size_t i = 0;
	for (long long k = 0; k < cp && i < len; k++) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* The name, country and actor of an event argument (entity id or code). */
static void actor_row(json_t *ents, const char *ref, const char **name,
                      const char **country, const char **actor)
{
	*name = ref;
	*country = NULL;
	*actor = NULL;
	size_t i;
	json_t *e;
	json_array_foreach(ents, i, e)
	{
		const char *id = jstr(e, "id");
		if (id && strcmp(id, ref) == 0) {
			*name = jstr(e, "name");
			*country = jstr(e, "country");
			*actor = jstr(e, "actor");
			return;
		}
	}
	if (strlen(ref) == 3) /* a bare country code */
		*country = ref;
}

static int begin(jx_store *st, char *err, size_t n)
{
	if (st->in_batch)
		return JISHI_OK;
	int rc = exec(st, "BEGIN IMMEDIATE", err, n);
	st->in_batch = rc == JISHI_OK;
	return rc;
}

int jx_store_commit(jx_store *st, char *err, size_t errlen)
{
	if (!st->in_batch)
		return JISHI_OK;
	st->in_batch = false;
	int rc =
	    exec(st,
	         "DELETE FROM fts WHERE doc IN (SELECT doc FROM"
	         " temp.fts_drop); INSERT INTO fts(doc, kind, text) SELECT"
	         " doc, kind, text FROM temp.fts_pending ORDER BY rowid;"
	         " DELETE FROM temp.fts_pending; DELETE FROM temp.fts_drop",
	         err, errlen);
	if (rc) {
		exec(st, "ROLLBACK", NULL, 0);
		return rc;
	}
	return exec(st, "COMMIT", err, errlen);
}

static int put_facts(jx_store *st, const char *id, const char *text, size_t len,
                     json_t *r, char *err, size_t n)
{
	int rc = JISHI_OK;
	size_t i, k;
	json_t *x, *m;
	json_t *ents = json_object_get(r, "entities");
	json_array_foreach(ents, i, x)
	{
		sqlite3_bind_text(st->ins_ent, 1, id, -1, SQLITE_TRANSIENT);
		bind_str(st->ins_ent, 2, jstr(x, "id"));
		bind_str(st->ins_ent, 3, jstr(x, "type"));
		bind_str(st->ins_ent, 4, jstr(x, "name"));
		bind_str(st->ins_ent, 5, jstr(x, "country"));
		bind_str(st->ins_ent, 6, jstr(x, "actor"));
		if ((rc = step(st, st->ins_ent, err, n)))
			return rc;
		json_array_foreach(json_object_get(x, "mentions"), k, m)
		{
			sqlite3_bind_text(st->ins_men, 1, id, -1,
			                  SQLITE_TRANSIENT);
			bind_str(st->ins_men, 2, jstr(x, "id"));
			sqlite3_bind_int64(st->ins_men, 3, jint(m, 0));
			sqlite3_bind_int64(st->ins_men, 4, jint(m, 1));
			if ((rc = step(st, st->ins_men, err, n)))
				return rc;
		}
	}
	json_array_foreach(json_object_get(r, "times"), i, x)
	{
		json_t *sp = json_object_get(x, "span");
		sqlite3_stmt *s = st->ins_time;
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, jint(sp, 0));
		sqlite3_bind_int64(s, 3, jint(sp, 1));
		bind_str(s, 4, jstr(x, "text"));
		bind_str(s, 5, jstr(x, "type"));
		bind_str(s, 6, jstr(x, "value"));
		bind_str(s, 7, jstr(x, "mod"));
		bind_str(s, 8, jstr(x, "tz"));
		bind_str(s, 9, jstr(x, "anchor"));
		if ((rc = step(st, s, err, n)))
			return rc;
	}
	json_array_foreach(json_object_get(r, "quotes"), i, x)
	{
		json_t *sp = json_object_get(x, "span");
		sqlite3_stmt *s = st->ins_quote;
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, (long long)i + 1);
		sqlite3_bind_int64(s, 3, jint(sp, 0));
		sqlite3_bind_int64(s, 4, jint(sp, 1));
		bind_str(s, 5, jstr(x, "text"));
		bind_str(s, 6, jstr(x, "kind"));
		bind_str(s, 7, jstr(x, "speaker"));
		bind_str(s, 8, jstr(x, "addressee"));
		bind_str(s, 9, jstr(x, "cue"));
		if ((rc = step(st, s, err, n)))
			return rc;
		sqlite3_bind_text(st->ins_fts, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st->ins_fts, 2, "quote", -1, SQLITE_STATIC);
		bind_str(st->ins_fts, 3, jstr(x, "text"));
		if ((rc = step(st, st->ins_fts, err, n)))
			return rc;
	}
	json_array_foreach(json_object_get(r, "events"), i, x)
	{
		sqlite3_stmt *s = st->ins_ev;
		json_t *sp = json_object_get(x, "span");
		const char *vid = jstr(x, "id");
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		bind_str(s, 2, vid);
		bind_str(s, 3, jstr(x, "cameo"));
		bind_str(s, 4, jstr(x, "root"));
		bind_str(s, 5, jstr(x, "plover"));
		json_t *q = json_object_get(x, "quad");
		sqlite3_bind_int64(
		    s, 6, json_is_integer(q) ? json_integer_value(q) : 0);
		bind_str(s, 7, jstr(x, "when"));
		bind_str(s, 8, jstr(x, "where"));
		bind_str(s, 9, jstr(x, "duration"));
		bind_str(s, 10, jstr(x, "status"));
		sqlite3_bind_int64(s, 11, jint(sp, 0));
		sqlite3_bind_int64(s, 12, jint(sp, 1));
		bind_str(s, 13, jstr(x, "evidence"));
		if ((rc = step(st, s, err, n)))
			return rc;
		static const char *const sides[2] = {"source", "target"};
		for (int side = 0; side < 2; side++) {
			json_array_foreach(json_object_get(x, sides[side]), k,
			                   m)
			{
				if (!json_is_string(m))
					continue;
				const char *ref = json_string_value(m);
				const char *name, *country, *actor;
				actor_row(ents, ref, &name, &country, &actor);
				sqlite3_stmt *a = st->ins_act;
				sqlite3_bind_text(a, 1, id, -1,
				                  SQLITE_TRANSIENT);
				bind_str(a, 2, vid);
				sqlite3_bind_text(a, 3, sides[side], -1,
				                  SQLITE_STATIC);
				bind_str(a, 4, ref);
				bind_str(a, 5, name);
				bind_str(a, 6, country);
				bind_str(a, 7, actor);
				if ((rc = step(st, a, err, n)))
					return rc;
			}
		}
	}
	json_array_foreach(json_object_get(r, "paragraphs"), i, x)
	{
		size_t b0 = cp_to_byte(text, len, jint(x, 0));
		size_t b1 = cp_to_byte(text, len, jint(x, 1));
		if (b1 <= b0)
			continue;
		sqlite3_bind_text(st->ins_fts, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st->ins_fts, 2, "paragraph", -1,
		                  SQLITE_STATIC);
		sqlite3_bind_text(st->ins_fts, 3, text + b0, (int)(b1 - b0),
		                  SQLITE_TRANSIENT);
		if ((rc = step(st, st->ins_fts, err, n)))
			return rc;
	}
	return rc;
}

/* ---- cross-report merging (docs/internals/store.md) ------------------ */

static bool keep_cp(uint32_t cp)
{
	return (cp < 0x80 && ((cp >= '0' && cp <= '9') ||
	                      ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))) ||
	       (cp >= 0x3400 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || cp >= 0x20000;
}

/* SimHash of the text's k-character shingles (letters, digits and CJK
 * characters only, so that punctuation and layout do not count). */
static uint64_t simhash(const char *text, size_t len, int k)
{
	uint32_t *cp = malloc((len + 1) * sizeof *cp);
	if (cp == NULL)
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t c = jx_utf8_next((const uint8_t *)text, len, &i);
		if (keep_cp(c))
			cp[n++] = c;
	}
	int votes[64] = {0};
	for (size_t i = 0; i + (size_t)k <= n; i++) {
		uint64_t h = 1469598103934665603ull; /* FNV-1a */
		for (int j = 0; j < k; j++) {
			h ^= cp[i + (size_t)j];
			h *= 1099511628211ull;
		}
		h ^= h >> 29; /* spread the low bits */
		h *= 0xbf58476d1ce4e5b9ull;
		h ^= h >> 32;
		for (int b = 0; b < 64; b++)
			votes[b] += (h >> b & 1) ? 1 : -1;
	}
	free(cp);
	uint64_t r = 0;
	for (int b = 0; b < 64; b++)
		if (votes[b] > 0)
			r |= 1ull << b;
	return r;
}

static int popcount64(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Run sql with text/int parameters given as a printf-like list: 's' a
 * string, 'i' an int64. A SELECT's first row's first column (int64) goes
 * to *first when given. */
static sqlite3_stmt *cached(jx_store *st, const char *sql)
{
	int k = 0;
	for (; k < 16 && st->cache[k].sql; k++)
		if (st->cache[k].sql == sql)
			return st->cache[k].s;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
	                       NULL) != SQLITE_OK)
		return NULL;
	if (k < 16) {
		st->cache[k].sql = sql;
		st->cache[k].s = s;
	}
	return s;
}

static int run_sql(jx_store *st, const char *sql, const char *types,
                   long long *first, ...)
{
	sqlite3_stmt *s = cached(st, sql);
	if (s == NULL)
		return JISHI_EIO;
	va_list ap;
	va_start(ap, first);
	for (int i = 0; types[i]; i++) {
		if (types[i] == 's')
			bind_str(s, i + 1, va_arg(ap, const char *));
		else
			sqlite3_bind_int64(s, i + 1, va_arg(ap, long long));
	}
	va_end(ap);
	int r = sqlite3_step(s);
	if (first && r == SQLITE_ROW)
		*first = sqlite3_column_int64(s, 0);
	else if (first)
		*first = -1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return r == SQLITE_ROW || r == SQLITE_DONE ? JISHI_OK : JISHI_EIO;
}

/* The wire group of a new text: a stored near-duplicate's, else its own. */
static int put_wire(jx_store *st, const char *id, const char *text, size_t len)
{
	uint64_t h = simhash(text, len, st->merge.shingle);
	char *wire = NULL;
	sqlite3_stmt *s;
	if ((s = cached(st, "SELECT d.simhash, d.wire FROM simhash_bands b"
	                    " JOIN documents d ON d.id = b.doc WHERE"
	                    " b.band = ?1 AND b.value = ?2 AND b.doc <> ?3"
	                    " ORDER BY d.rowid")) == NULL)
		return JISHI_EIO;
	for (int b = 0; b < 4 && wire == NULL; b++) {
		sqlite3_bind_int(s, 1, b);
		sqlite3_bind_int64(s, 2, (long long)(h >> (16 * b) & 0xFFFF));
		sqlite3_bind_text(s, 3, id, -1, SQLITE_TRANSIENT);
		while (wire == NULL && sqlite3_step(s) == SQLITE_ROW) {
			uint64_t o = (uint64_t)sqlite3_column_int64(s, 0);
			const unsigned char *w = sqlite3_column_text(s, 1);
			if (w && popcount64(o ^ h) <= st->merge.simhash_max)
				wire = strdup((const char *)w);
		}
		sqlite3_reset(s);
	}
	sqlite3_reset(s);
	int rc = JISHI_OK;
	for (int b = 0; b < 4 && rc == JISHI_OK; b++)
		rc = run_sql(st, "INSERT INTO simhash_bands VALUES(?1, ?2, ?3)",
		             "iis", NULL, (long long)b,
		             (long long)(h >> (16 * b) & 0xFFFF), id);
	if (rc == JISHI_OK)
		rc =
		    run_sql(st,
		            "UPDATE documents SET simhash = ?1, wire = ?2 WHERE"
		            " id = ?3",
		            "iss", NULL, (long long)h, wire ? wire : id, id);
	free(wire);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted, distinct keys joined by ',' into out. */
static void join_keys(char **k, int n, char *out, size_t size)
{
	qsort(k, (size_t)n, sizeof *k, cmp_str);
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i && strcmp(k[i], k[i - 1]) == 0)
			continue;
		int w = snprintf(out + used, size - used, "%s%s",
		                 used ? "," : "", k[i]);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
}

#define MAX_KEYS 16

/* Each event of the document joins a story or starts one. */
static int put_stories(jx_store *st, const char *id, const char *anchor)
{
	sqlite3_stmt *ev, *ac;
	if ((ev = cached(
	         st, "SELECT vid, root, day FROM events WHERE doc=?1")) == NULL)
		return JISHI_EIO;
	if ((ac = cached(st, "SELECT side, coalesce(country, actor, name,"
	                     " ref) FROM event_actors WHERE doc=?1 AND"
	                     " vid=?2")) == NULL) {
		sqlite3_reset(ev);
		return JISHI_EIO;
	}
	sqlite3_bind_text(ev, 1, id, -1, SQLITE_TRANSIENT);
	int rc = JISHI_OK;
	while (rc == JISHI_OK && sqlite3_step(ev) == SQLITE_ROW) {
		const char *vid = (const char *)sqlite3_column_text(ev, 0);
		const char *root = (const char *)sqlite3_column_text(ev, 1);
		const char *day = (const char *)sqlite3_column_text(ev, 2);
		char *sk[MAX_KEYS], *tk[MAX_KEYS], *uk[2 * MAX_KEYS];
		int ns = 0, nt = 0;
		sqlite3_bind_text(ac, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ac, 2, vid, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(ac) == SQLITE_ROW) {
			const char *side =
			    (const char *)sqlite3_column_text(ac, 0);
			const unsigned char *k = sqlite3_column_text(ac, 1);
			if (k == NULL)
				continue;
			char *dup = strdup((const char *)k);
			if (dup == NULL)
				continue;
			if (side[0] == 's' && ns < MAX_KEYS)
				sk[ns++] = dup;
			else if (side[0] == 't' && nt < MAX_KEYS)
				tk[nt++] = dup;
			else
				free(dup);
		}
		sqlite3_reset(ac);
		char src[512], tgt[512];
		join_keys(sk, ns, src, sizeof src);
		join_keys(tk, nt, tgt, sizeof tgt);
		/* meetings and mutual acts do not depend on who is named
		 * first */
		if (root &&
		    (strcmp(root, "04") == 0 || strcmp(src, tgt) == 0)) {
			int nu = 0;
			for (int i = 0; i < ns; i++)
				uk[nu++] = sk[i];
			for (int i = 0; i < nt; i++)
				uk[nu++] = tk[i];
			join_keys(uk, nu, src, sizeof src);
			memcpy(tgt, src, sizeof tgt);
		}
		for (int i = 0; i < ns; i++)
			free(sk[i]);
		for (int i = 0; i < nt; i++)
			free(tk[i]);
		const char *when = day ? day : anchor;
		long long story = -1;
		rc = run_sql(
		    st,
		    "SELECT id FROM stories WHERE root=?1 AND src=?2 AND"
		    " tgt=?3 AND (day IS ?4 OR abs(julianday(day) -"
		    " julianday(?4)) <= ?5) ORDER BY id LIMIT 1",
		    "ssssi", &story, root, src, tgt, when,
		    (long long)st->merge.story_days);
		if (rc == JISHI_OK && story < 0) {
			rc = run_sql(st,
			             "INSERT INTO stories(root, src, tgt, day)"
			             " VALUES(?1, ?2, ?3, ?4)",
			             "ssss", NULL, root, src, tgt, when);
			story = sqlite3_last_insert_rowid(st->db);
		}
		if (rc == JISHI_OK)
			rc = run_sql(
			    st, "INSERT INTO story_events VALUES(?1, ?2, ?3)",
			    "iss", NULL, story, id, vid);
	}
	sqlite3_reset(ac);
	sqlite3_reset(ev);
	return rc;
}

/* Take a document out of the merging tables (before it is replaced). */
static int drop_merged(jx_store *st, const char *id)
{
	int rc = run_sql(st, "DELETE FROM simhash_bands WHERE doc=?1", "s",
	                 NULL, id);
	if (rc == JISHI_OK)
		rc = run_sql(st, "DELETE FROM story_events WHERE doc=?1", "s",
		             NULL, id);
	if (rc == JISHI_OK)
		rc = run_sql(st,
		             "DELETE FROM stories WHERE NOT EXISTS (SELECT 1"
		             " FROM story_events WHERE story = stories.id)",
		             "", NULL);
	return rc;
}

void *jx_store_parse(const char *json, size_t jlen, char *err, size_t errlen)
{
	json_error_t je;
	json_t *r = json_loadb(json, jlen, 0, &je);
	if (r == NULL)
		fail(err, errlen, JISHI_EINVAL,
		     "record is not JSON: %s (byte %d)", je.text, je.position);
	return r;
}

int jx_store_put_parsed(jx_store *st, const char *text, size_t len,
                        const char *sha256, void *parsed, const char *json,
                        size_t jlen, char *what, char *err, size_t errlen)
{
	json_t *r = parsed;
	json_t *doc = json_object_get(r, "doc");
	const char *id = jstr(doc, "id");
	if (id == NULL) {
		json_decref(r);
		return fail(err, errlen, JISHI_EINVAL, "record has no doc.id");
	}
	int rc = begin(st, err, errlen);
	if (rc) {
		json_decref(r);
		return rc;
	}
	/* unchanged: skip; changed: replace the document's facts */
	sqlite3_bind_text(st->get_doc, 1, id, -1, SQLITE_TRANSIENT);
	int got = sqlite3_step(st->get_doc);
	bool exists = got == SQLITE_ROW;
	bool same =
	    exists && strcmp((const char *)sqlite3_column_text(st->get_doc, 0),
	                     sha256) == 0;
	sqlite3_reset(st->get_doc);
	sqlite3_clear_bindings(st->get_doc);
	if (same) {
		*what = 's';
		json_decref(r);
		return JISHI_OK;
	}
	*what = exists ? 'r' : 'n';
	rc = exec(st, "SAVEPOINT doc", err, errlen);
	for (int i = 0; rc == JISHI_OK && exists && i < 7; i++) {
		sqlite3_bind_text(st->del[i], 1, id, -1, SQLITE_TRANSIENT);
		rc = step(st, st->del[i], err, errlen);
	}
	if (rc == JISHI_OK) {
		sqlite3_stmt *s = st->ins_doc;
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		bind_str(s, 2, jstr(doc, "url"));
		bind_str(s, 3, jstr(doc, "dateline"));
		bind_str(s, 4, jstr(doc, "anchor"));
		bind_str(s, 5, jstr(doc, "script"));
		bind_str(s, 6, sha256);
		sqlite3_bind_int64(s, 7, (long long)len);
		bind_str(s, 8, st->now);
		sqlite3_bind_text(s, 9, json, (int)jlen, SQLITE_TRANSIENT);
		rc = step(st, s, err, errlen);
	}
	if (rc == JISHI_OK && exists &&
	    run_sql(st, "DELETE FROM temp.fts_pending WHERE doc=?1", "s", NULL,
	            id))
		rc = dberr(st, err, errlen, "text index");
	if (rc == JISHI_OK && exists && drop_merged(st, id))
		rc = dberr(st, err, errlen, "merge");
	if (rc == JISHI_OK)
		rc = put_facts(st, id, text, len, r, err, errlen);
	if (rc == JISHI_OK && put_wire(st, id, text, len))
		rc = dberr(st, err, errlen, "wire copies");
	if (rc == JISHI_OK && put_stories(st, id, jstr(doc, "anchor")))
		rc = dberr(st, err, errlen, "stories");
	json_decref(r);
	if (rc == JISHI_OK)
		return exec(st, "RELEASE doc", err, errlen);
	/* this document goes; the batch keeps the others */
	exec(st, "ROLLBACK TO doc", NULL, 0);
	exec(st, "RELEASE doc", NULL, 0);
	return rc;
}

int jx_store_counts(jx_store *st, long *docs, long *events)
{
	sqlite3_stmt *s;
	*docs = *events = 0;
	if (sqlite3_prepare_v2(st->db,
	                       "SELECT (SELECT count(*) FROM documents),"
	                       " (SELECT count(*) FROM events)",
	                       -1, &s, NULL) != SQLITE_OK)
		return JISHI_EIO;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*docs = (long)sqlite3_column_int64(s, 0);
		*events = (long)sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	return JISHI_OK;
}

/* ---- query ------------------------------------------------------------- */

static const char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	return v ? (const char *)v : "";
}

int jx_store_timeline(jx_store *st, const jx_query *q, int format,
                      bool evidence, FILE *out, long *n, char *err,
                      size_t errlen)
{
	/* ?1 actor ?2 actor2 ?3 country ?4 cameo prefix ?5 plover ?6 from
	 * ?7 to ?8 fts ?9 doc ?10 limit */
	static const char *const sql =
	    "SELECT e.day, e.cameo, e.plover, e.quad, e.status,"
	    " (SELECT group_concat(coalesce(name, ref), '、') FROM event_actors"
	    "  WHERE doc=e.doc AND vid=e.vid AND side='source'),"
	    " (SELECT group_concat(coalesce(name, ref), '、') FROM event_actors"
	    "  WHERE doc=e.doc AND vid=e.vid AND side='target'),"
	    " (SELECT group_concat(coalesce(actor, country, ''), ';') FROM"
	    "  event_actors WHERE doc=e.doc AND vid=e.vid AND side='source'),"
	    " (SELECT group_concat(coalesce(actor, country, ''), ';') FROM"
	    "  event_actors WHERE doc=e.doc AND vid=e.vid AND side='target'),"
	    " e.doc, e.vid, e.evidence, d.url"
	    " FROM events e JOIN documents d ON d.id = e.doc"
	    " WHERE (?1 IS NULL OR (e.doc, e.vid) IN (SELECT doc, vid FROM"
	    "   event_actors WHERE name = ?1 UNION SELECT doc, vid FROM"
	    "   event_actors WHERE country = ?1 UNION SELECT doc, vid FROM"
	    "   event_actors WHERE actor = ?1))"
	    " AND (?2 IS NULL OR (e.doc, e.vid) IN (SELECT doc, vid FROM"
	    "   event_actors WHERE name = ?2 UNION SELECT doc, vid FROM"
	    "   event_actors WHERE country = ?2 UNION SELECT doc, vid FROM"
	    "   event_actors WHERE actor = ?2))"
	    " AND (?3 IS NULL OR (e.doc, e.vid) IN (SELECT doc, vid FROM"
	    "   event_actors WHERE country = ?3))"
	    " AND (?4 IS NULL OR substr(e.cameo, 1, length(?4)) = ?4)"
	    " AND (?5 IS NULL OR e.plover = ?5)"
	    " AND (?6 IS NULL OR e.day >= ?6)"
	    " AND (?7 IS NULL OR e.day <= ?7 OR substr(e.day, 1, length(?7))"
	    "   = ?7)"
	    " AND (?8 IS NULL OR e.doc IN (SELECT doc FROM fts WHERE"
	    "   CASE WHEN length(?8) >= 3 THEN text LIKE '%' || ?8 || '%'"
	    "   ELSE instr(text, ?8) > 0 END))"
	    " AND (?9 IS NULL OR e.doc = ?9)"
	    " ORDER BY e.day IS NULL, e.day, e.doc, CAST(substr(e.vid, 2) AS"
	    " INTEGER)"
	    " LIMIT ?10";
	sqlite3_stmt *s;
	*n = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return dberr(st, err, errlen, "query");
	bind_str(s, 1, q->actor);
	bind_str(s, 2, q->actor2);
	bind_str(s, 3, q->country);
	bind_str(s, 4, q->cameo);
	bind_str(s, 5, q->plover);
	bind_str(s, 6, q->from);
	bind_str(s, 7, q->to);
	bind_str(s, 8, q->text);
	bind_str(s, 9, q->doc);
	sqlite3_bind_int64(s, 10, q->limit > 0 ? q->limit : -1);
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		(*n)++;
		if (format == JX_OUT_JSON) {
			json_t *o = json_pack(
			    "{s:s?, s:s, s:s?, s:i, s:s, s:s?, s:s?, s:s, s:s}",
			    "when",
			    sqlite3_column_text(s, 0) ? col(s, 0) : NULL,
			    "cameo", col(s, 1), "plover",
			    sqlite3_column_text(s, 2) ? col(s, 2) : NULL,
			    "quad", sqlite3_column_int(s, 3), "status",
			    col(s, 4), "source",
			    sqlite3_column_text(s, 5) ? col(s, 5) : NULL,
			    "target",
			    sqlite3_column_text(s, 6) ? col(s, 6) : NULL, "doc",
			    col(s, 9), "event", col(s, 10));
			if (o && evidence)
				json_object_set_new(o, "evidence",
				                    json_string(col(s, 11)));
			char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
			if (line)
				fprintf(out, "%s\n", line);
			free(line);
			json_decref(o);
		} else if (format == JX_OUT_TSV) {
			/* Day, Actor1Code, Actor1Name, Actor2Code, Actor2Name,
			 * EventCode, EventRootCode, QuadClass, source */
			char day[9] = "";
			const char *d = col(s, 0);
			if (strlen(d) >= 10)
				snprintf(day, sizeof day, "%.4s%.2s%.2s", d,
				         d + 5, d + 8);
			fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%.2s\t%d\t%s\n",
			        day, col(s, 7), col(s, 5), col(s, 8), col(s, 6),
			        col(s, 1), col(s, 1), sqlite3_column_int(s, 3),
			        sqlite3_column_text(s, 12) ? col(s, 12)
			                                   : col(s, 9));
		} else {
			const char *st_ = col(s, 4);
			fprintf(out, "%-10s  %-4s  %-9s  %s -> %s%s%s",
			        col(s, 0)[0] ? col(s, 0) : "?", col(s, 1),
			        col(s, 2), col(s, 5)[0] ? col(s, 5) : "?",
			        col(s, 6)[0] ? col(s, 6) : "-",
			        strcmp(st_, "asserted") ? "  [" : "",
			        strcmp(st_, "asserted") ? st_ : "");
			if (strcmp(st_, "asserted"))
				fputs("]", out);
			if (evidence)
				fprintf(out, "\n            「%s」",
				        col(s, 11));
			fputc('\n', out);
		}
	}
	int rc = r == SQLITE_DONE ? JISHI_OK : dberr(st, err, errlen, "query");
	sqlite3_finalize(s);
	return rc;
}

int jx_store_stories(jx_store *st, const jx_query *q, int format, FILE *out,
                     long *n, char *err, size_t errlen)
{
	static const char *const sql =
	    "SELECT s.day, s.root, s.src, s.tgt, count(*),"
	    " count(DISTINCT se.doc), count(DISTINCT d.wire)"
	    " FROM stories s JOIN story_events se ON se.story = s.id"
	    " JOIN documents d ON d.id = se.doc"
	    " WHERE (?1 IS NULL OR substr(s.root, 1, length(?1)) ="
	    "  substr(?1, 1, 2))"
	    " AND (?2 IS NULL OR s.day >= ?2)"
	    " AND (?3 IS NULL OR s.day <= ?3 OR substr(s.day, 1, length(?3))"
	    "  = ?3)"
	    " AND (?4 IS NULL OR instr(s.src, ?4) > 0 OR instr(s.tgt, ?4) > 0)"
	    " GROUP BY s.id ORDER BY s.day IS NULL, s.day, s.id LIMIT ?5";
	sqlite3_stmt *s;
	*n = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return dberr(st, err, errlen, "stories");
	bind_str(s, 1, q->cameo);
	bind_str(s, 2, q->from);
	bind_str(s, 3, q->to);
	bind_str(s, 4, q->actor);
	sqlite3_bind_int64(s, 5, q->limit > 0 ? q->limit : -1);
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		(*n)++;
		if (format == JX_OUT_JSON) {
			json_t *o = json_pack(
			    "{s:s?, s:s, s:s, s:s, s:i, s:i, s:i}", "day",
			    sqlite3_column_text(s, 0) ? col(s, 0) : NULL,
			    "root", col(s, 1), "source", col(s, 2), "target",
			    col(s, 3), "num_mentions", sqlite3_column_int(s, 4),
			    "num_articles", sqlite3_column_int(s, 5),
			    "num_sources", sqlite3_column_int(s, 6));
			char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
			if (line)
				fprintf(out, "%s\n", line);
			free(line);
			json_decref(o);
		} else {
			fprintf(out,
			        "%-10s  %s  %s -> %s  mentions %d, articles "
			        "%d, sources %d\n",
			        col(s, 0)[0] ? col(s, 0) : "?", col(s, 1),
			        col(s, 2)[0] ? col(s, 2) : "?",
			        col(s, 3)[0] ? col(s, 3) : "-",
			        sqlite3_column_int(s, 4),
			        sqlite3_column_int(s, 5),
			        sqlite3_column_int(s, 6));
		}
	}
	int rc =
	    r == SQLITE_DONE ? JISHI_OK : dberr(st, err, errlen, "stories");
	sqlite3_finalize(s);
	return rc;
}

int jx_store_document(jx_store *st, const char *id, FILE *out, bool *found,
                      char *err, size_t errlen)
{
	sqlite3_stmt *s;
	*found = false;
	if (sqlite3_prepare_v2(st->db,
	                       "SELECT url, anchor, dateline, record FROM"
	                       " documents WHERE id = ?1",
	                       -1, &s, NULL) != SQLITE_OK)
		return dberr(st, err, errlen, "document");
	bind_str(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*found = true;
		json_t *o = json_pack(
		    "{s:s, s:s?, s:s?, s:s?, s:[]}", "id", id, "url",
		    (const char *)sqlite3_column_text(s, 0), "anchor",
		    (const char *)sqlite3_column_text(s, 1), "dateline",
		    (const char *)sqlite3_column_text(s, 2), "paragraphs");
		json_t *rec = json_loads(col(s, 3), 0, NULL);
		sqlite3_stmt *p;
		if (o &&
		    sqlite3_prepare_v2(st->db,
		                       "SELECT text FROM fts WHERE doc = ?1"
		                       " AND kind = 'paragraph' ORDER BY"
		                       " rowid",
		                       -1, &p, NULL) == SQLITE_OK) {
			bind_str(p, 1, id);
			json_t *a = json_object_get(o, "paragraphs");
			while (sqlite3_step(p) == SQLITE_ROW)
				json_array_append_new(a,
				                      json_string(col(p, 0)));
			sqlite3_finalize(p);
		}
		if (o && rec)
			json_object_set_new(o, "record", rec);
		else
			json_decref(rec);
		char *txt = o ? json_dumps(o, JSON_COMPACT) : NULL;
		if (txt)
			fputs(txt, out);
		free(txt);
		json_decref(o);
	}
	sqlite3_finalize(s);
	return JISHI_OK;
}

int jx_store_quotes(jx_store *st, const char *speaker, const char *doc,
                    long limit, FILE *out, long *n, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	*n = 0;
	if (sqlite3_prepare_v2(
	        st->db,
	        "SELECT q.doc, q.qid, q.text, q.kind, e.name, e.country, q.cue"
	        " FROM quotes q LEFT JOIN entities e ON e.doc = q.doc AND"
	        " e.eid = q.speaker WHERE (?1 IS NULL OR e.name = ?1 OR"
	        " e.actor = ?1 OR e.country = ?1) AND (?2 IS NULL OR q.doc ="
	        " ?2) ORDER BY q.doc, q.qid LIMIT ?3",
	        -1, &s, NULL) != SQLITE_OK)
		return dberr(st, err, errlen, "quotes");
	bind_str(s, 1, speaker);
	bind_str(s, 2, doc);
	sqlite3_bind_int64(s, 3, limit > 0 ? limit : -1);
	while (sqlite3_step(s) == SQLITE_ROW) {
		json_t *o = json_pack(
		    "{s:s, s:i, s:s, s:s, s:s?, s:s?, s:s?}", "doc", col(s, 0),
		    "quote", sqlite3_column_int(s, 1), "text", col(s, 2),
		    "kind", col(s, 3), "speaker",
		    (const char *)sqlite3_column_text(s, 4), "country",
		    (const char *)sqlite3_column_text(s, 5), "cue",
		    (const char *)sqlite3_column_text(s, 6));
		char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
		if (line) {
			fprintf(out, "%s\n", line);
			(*n)++;
		}
		free(line);
		json_decref(o);
	}
	sqlite3_finalize(s);
	return JISHI_OK;
}
