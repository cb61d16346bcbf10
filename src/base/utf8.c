/*
 * utf8.c -- strict UTF-8 validation and decoding.
 *
 * Validation follows RFC 3629 / Unicode table 3-7: no overlong forms, no
 * UTF-16 surrogates (U+D800..U+DFFF), nothing above U+10FFFF. The decoders
 * assume input that jx_utf8_validate() accepted.
 */
#include "base.h"

size_t jx_utf8_seq(const uint8_t *s, size_t len)
{
	if (len == 0)
		return 0;
	uint8_t c = s[0];
	if (c < 0x80)
		return 1;
	size_t n;
	uint8_t lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 2;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 3;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (len <= n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k <= n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return n + 1;
}

size_t jx_utf8_validate(const uint8_t *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint8_t c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* the common case in Chinese text: U+3400..U+9FFF and the
		 * full-width forms: three bytes led by E1..EF but ED */
		if (c >= 0xE1 && c <= 0xEF && c != 0xED && len - i > 2 &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		size_t n = jx_utf8_seq(s + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

uint32_t jx_utf8_next(const uint8_t *s, size_t len, size_t *i)
{
	size_t p = *i;
	uint8_t c = s[p];
	uint32_t cp;
	size_t n;
	if (c < 0x80) {
		*i = p + 1;
		return c;
	} else if (c < 0xE0) {
		cp = c & 0x1Fu;
		n = 1;
	} else if (c < 0xF0) {
		cp = c & 0x0Fu;
		n = 2;
	} else {
		cp = c & 0x07u;
		n = 3;
	}
	if (p + n >= len) { /* truncated: never for validated input */
		*i = len;
		return 0xFFFD;
	}
	for (size_t k = 1; k <= n; k++)
		cp = (cp << 6) | (s[p + k] & 0x3Fu);
	*i = p + n + 1;
	return cp;
}

uint32_t jx_utf8_prev(const uint8_t *s, size_t *i)
{
	size_t p = *i;
	if (p == 0)
		return 0;
	do
		p--;
	while (p > 0 && (s[p] & 0xC0) == 0x80);
	size_t q = p;
	uint32_t cp = jx_utf8_next(s, *i, &q);
	*i = p;
	return cp;
}

size_t jx_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t jx_utf8_count(const uint8_t *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += (s[i] & 0xC0) != 0x80;
	return n;
}
