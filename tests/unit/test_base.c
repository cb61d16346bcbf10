/*
 * test_base.c -- unit tests for src/base: UTF-8 validation and decoding,
 * the arena, capped buffers, CRC-32, SHA-256, dates, error names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "base.h"

static void utf8_validate(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t len, bad;
	} cases[] = {
	    {"", 0, 0},
	    {"abc", 3, 3},
	    {"紀事", 6, 6},
	    {"\xC3\xA9", 2, 2},
	    {"\xC0\xAF", 2, 0},         /* overlong '/' */
	    {"\xE0\x80\xAF", 3, 0},     /* overlong */
	    {"\xED\xA0\x80", 3, 0},     /* surrogate */
	    {"\xF4\x90\x80\x80", 4, 0}, /* > U+10FFFF */
	    {"ab\xFF", 3, 2},
	    {"\xE7\xB4", 2, 0},         /* truncated */
	    {"a\xE7\xB4\x80", 4, 4},    /* U+7D00 */
	    {"x\x80y", 3, 1},           /* lone continuation */
	    {"\xF0\x9F\x98\x80", 4, 4}, /* emoji */
	    {"a\0b", 3, 3},             /* NUL is valid */
	};
	for (size_t i = 0; i < JX_ARRAY_LEN(cases); i++)
		assert_int_equal(
		    jx_utf8_validate((const uint8_t *)cases[i].s, cases[i].len),
		    cases[i].bad);
}

static void utf8_decode(void **state)
{
	(void)state;
	const uint8_t *s = (const uint8_t *)"a紀\xF0\x9F\x98\x80";
	size_t i = 0, len = strlen((const char *)s);
	assert_int_equal(jx_utf8_next(s, len, &i), 'a');
	assert_int_equal(jx_utf8_next(s, len, &i), 0x7D00);
	assert_int_equal(jx_utf8_next(s, len, &i), 0x1F600);
	assert_int_equal(i, len);
	assert_int_equal(jx_utf8_prev(s, &i), 0x1F600);
	assert_int_equal(jx_utf8_prev(s, &i), 0x7D00);
	assert_int_equal(i, 1);
	assert_int_equal(jx_utf8_count(s, len), 3);
	char out[4];
	assert_int_equal(jx_utf8_encode(0x7D00, out), 3);
	assert_memory_equal(out, "紀", 3);
}

static void arena(void **state)
{
	(void)state;
	jx_arena a;
	jx_arena_init(&a);
	char *p = jx_arena_alloc(&a, 3);
	char *q = jx_arena_alloc(&a, 100000); /* larger than a block */
	assert_non_null(p);
	assert_non_null(q);
	assert_int_equal((uintptr_t)p % 8, 0);
	memset(q, 1, 100000);
	char *s = jx_arena_strndup(&a, "紀事x", 6);
	assert_string_equal(s, "紀事");
	jx_arena_free(&a);
	/* sticky failure */
	jx_arena_init(&a);
	jx_alloc_fail_after(1);
	assert_null(jx_arena_alloc(&a, 8));
	jx_alloc_fail_after(0);
	assert_null(jx_arena_alloc(&a, 8));
	assert_true(a.oom);
	jx_arena_free(&a);
}

static void buf_cap(void **state)
{
	(void)state;
	jx_buf b;
	jx_buf_init(&b, 8);
	assert_int_equal(jx_buf_puts(&b, "1234"), JISHI_OK);
	assert_int_equal(jx_buf_printf(&b, "%d", 5678), JISHI_OK);
	assert_string_equal(b.data, "12345678");
	assert_int_equal(jx_buf_putc(&b, '9'), JISHI_ETOOBIG);
	assert_int_equal(jx_buf_putc(&b, '9'), JISHI_ETOOBIG); /* sticky */
	assert_int_equal(b.len, 8);
	jx_buf_free(&b);
	jx_buf_init(&b, 1 << 20);
	char big[600];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(jx_buf_printf(&b, "<%s>", big), JISHI_OK);
	assert_int_equal(b.len, 601);
	jx_buf_free(&b);
}

static void hashes(void **state)
{
	(void)state;
	char hex[65];
	jx_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649"
	                         "b934ca495991b7852b855");
	jx_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a3961"
	                         "77a9cb410ff61f20015ad");
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnop"
	                "nopq";
	jx_sha256_hex(m, strlen(m), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964f"
	                         "f2167f6ecedd419db06c1");
	assert_int_equal(jx_crc32(0, "123456789", 9), 0xCBF43926u);
}

static void dates(void **state)
{
	(void)state;
	int y, m, d;
	assert_true(jx_date_parse("2025-08-24", 10, &y, &m, &d));
	assert_int_equal(y * 10000 + m * 100 + d, 20250824);
	assert_true(jx_date_parse("2024-02-29", 10, &y, &m, &d));
	assert_false(jx_date_parse("2025-02-29", 10, &y, &m, &d));
	assert_false(jx_date_parse("1900-02-29", 10, &y, &m, &d));
	assert_true(jx_date_parse("2000-02-29", 10, &y, &m, &d));
	assert_false(jx_date_parse("2025-13-01", 10, &y, &m, &d));
	assert_false(jx_date_parse("2025-8-24", 9, &y, &m, &d));
	assert_false(jx_date_parse("2025/08/24", 10, &y, &m, &d));
}

static void errors(void **state)
{
	(void)state;
	assert_string_equal(jishi_errname(JISHI_EUTF8), "JISHI_EUTF8");
	assert_string_equal(jishi_strerror(JISHI_OK), "success");
	assert_string_equal(jishi_errname(9999), "JISHI_EUNKNOWN");
	jishi_err e;
	assert_int_equal(jx_err_set(&e, JISHI_EIO, 7, "x %d", 1), JISHI_EIO);
	assert_string_equal(e.msg, "x 1");
	assert_int_equal(e.pos, 7);
	assert_int_equal(jx_err_set(NULL, JISHI_EIO, 7, NULL), JISHI_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(utf8_validate), cmocka_unit_test(utf8_decode),
	    cmocka_unit_test(arena),         cmocka_unit_test(buf_cap),
	    cmocka_unit_test(hashes),        cmocka_unit_test(dates),
	    cmocka_unit_test(errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
