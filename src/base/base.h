/*
 * base.h -- the ground every stage stands on: one allocator, the
 * per-document arena, growable byte buffers with a cap, UTF-8 decoding,
 * checksums and error detail.
 *
 * Invariants: every allocation in the library goes through jx_malloc /
 * jx_realloc / jx_free, so a test can make the Nth call fail
 * (jx_alloc_fail_after). Nothing here keeps global state other than that
 * test hook, which is thread-local.
 */
#ifndef JX_BASE_H
#define JX_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jishi.h"

#define JX_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- allocation (alloc.c) ---------------------------------------------- */
void *jx_malloc(size_t n);
void *jx_calloc(size_t count, size_t size);
void *jx_realloc(void *p, size_t n);
void jx_free(void *p);
/* Test hook: the nth allocation from now on (1-based) and every later one
 * fail in this thread; 0 turns failures off. */
void jx_alloc_fail_after(unsigned long n);
/* Allocations made in this thread since the hook was last set. */
unsigned long jx_alloc_count(void);

/* ---- arena (arena.c) --------------------------------------------------- */
typedef struct jx_arena_block jx_arena_block;
typedef struct jx_arena {
	jx_arena_block *head; /* newest block first */
	size_t used;          /* bytes handed out, for statistics */
	bool oom;             /* sticky: an allocation failed */
} jx_arena;

void jx_arena_init(jx_arena *a);
/* n bytes aligned to 8, or NULL (and a->oom set) on failure. */
void *jx_arena_alloc(jx_arena *a, size_t n);
void *jx_arena_zalloc(jx_arena *a, size_t n);
/* A NUL-terminated copy of s[0..len). */
char *jx_arena_strndup(jx_arena *a, const char *s, size_t len);
void jx_arena_free(jx_arena *a);

/* ---- growable buffer with a cap (buf.c) -------------------------------- */
typedef struct jx_buf {
	char *data;    /* NUL-terminated when len > 0 */
	size_t len;    /* bytes used */
	size_t cap;    /* bytes allocated */
	size_t toobig; /* hard cap on len */
	int err;       /* sticky: JISHI_ENOMEM or JISHI_ETOOBIG */
} jx_buf;

void jx_buf_init(jx_buf *b, size_t toobig);
int jx_buf_append(jx_buf *b, const void *p, size_t n);
int jx_buf_putc(jx_buf *b, char c);
int jx_buf_puts(jx_buf *b, const char *s);
/* Make room for extra more bytes (and a NUL) without changing len. */
int jx_buf_reserve(jx_buf *b, size_t extra);
int jx_buf_printf(jx_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void jx_buf_reset(jx_buf *b);
void jx_buf_free(jx_buf *b);

/* ---- UTF-8 (utf8.c) ---------------------------------------------------- */
/* Offset of the first byte that does not start or continue a valid UTF-8
 * sequence (overlongs, surrogates and > U+10FFFF are invalid), or len
 * when all of s is valid. */
size_t jx_utf8_validate(const uint8_t *s, size_t len);
/* Length (1..4) of the valid UTF-8 sequence at s[0..len), or 0 when s
 * does not start one. */
size_t jx_utf8_seq(const uint8_t *s, size_t len);
/* Decode the code point at s[*i] (s valid UTF-8), advancing *i. */
uint32_t jx_utf8_next(const uint8_t *s, size_t len, size_t *i);
/* Decode the code point ending just before s[*i], moving *i back. */
uint32_t jx_utf8_prev(const uint8_t *s, size_t *i);
/* Encode cp into out (4 bytes room); returns the byte count. */
size_t jx_utf8_encode(uint32_t cp, char *out);
/* Number of code points in s[0..len) (valid UTF-8). */
size_t jx_utf8_count(const uint8_t *s, size_t len);

/* ---- checksums (hash.c) ------------------------------------------------ */
uint32_t jx_crc32(uint32_t crc, const void *p, size_t n);
/* A fast 32-bit checksum of p[0..n) (four multiply-xorshift lanes over
 * 8-byte words), for model sections: detects corruption, not tampering. */
uint32_t jx_sum32(const void *p, size_t n);
/* SHA-256 of p[0..n) as 64 lowercase hex digits + NUL into hex[65]. */
void jx_sha256_hex(const void *p, size_t n, char hex[65]);

/* ---- errors (err.c) ---------------------------------------------------- */
/* Fill err (may be NULL) and return code. */
int jx_err_set(jishi_err *err, int code, uint64_t pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- dates (date.c) ---------------------------------------------------- */
/* Proleptic Gregorian calendar helpers; no clock, no time zones. */
bool jx_date_valid(int y, int m, int d);
/* Parse "YYYY-MM-DD" exactly. */
bool jx_date_parse(const char *s, size_t len, int *y, int *m, int *d);
/* A date with an optional clock time and zone offset. */
typedef struct jx_datetime {
	int y, m, d;
	int hh, mi, ss; /* -1: no clock time given */
	char tz[7];     /* "+08:00", or "" */
} jx_datetime;
/* Parse "YYYY-MM-DD" or "YYYY-MM-DD(T| )hh:mm[:ss[.f]][Z|(+|-)hh[:]mm]". */
bool jx_datetime_parse(const char *s, size_t len, jx_datetime *out);
/* Days since 1970-01-01, and back. */
int64_t jx_days_from_civil(int y, int m, int d);
void jx_civil_from_days(int64_t days, int *y, int *m, int *d);
/* Days in month m of year y (0 for a bad month). */
int jx_month_days(int y, int m);

#endif /* JX_BASE_H */
