/*
 * buf.c -- growable byte buffers with a named cap (curl's dynbuf).
 *
 * Invariants: data is NUL-terminated whenever len > 0; len never exceeds
 * toobig; the first failure is sticky in err and later appends are no-ops
 * returning the same code.
 */
#include <stdio.h>
#include <string.h>

#include "base.h"

void jx_buf_init(jx_buf *b, size_t toobig)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->toobig = toobig;
	b->err = JISHI_OK;
}

static int grow(jx_buf *b, size_t extra)
{
	if (b->err)
		return b->err;
	if (extra > b->toobig || b->len > b->toobig - extra) {
		b->err = JISHI_ETOOBIG;
		return b->err;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return JISHI_OK;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	char *p = jx_realloc(b->data, cap);
	if (p == NULL) {
		b->err = JISHI_ENOMEM;
		return b->err;
	}
	b->data = p;
	b->cap = cap;
	return JISHI_OK;
}

int jx_buf_reserve(jx_buf *b, size_t extra)
{
	return grow(b, extra);
}

int jx_buf_append(jx_buf *b, const void *p, size_t n)
{
	int rc = grow(b, n);
	if (rc)
		return rc;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return JISHI_OK;
}

int jx_buf_putc(jx_buf *b, char c)
{
	return jx_buf_append(b, &c, 1);
}

int jx_buf_puts(jx_buf *b, const char *s)
{
	return jx_buf_append(b, s, strlen(s));
}

int jx_buf_printf(jx_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return b->err ? b->err : (b->err = JISHI_EINVAL);
	if ((size_t)n < sizeof(small))
		return jx_buf_append(b, small, (size_t)n);
	int rc = grow(b, (size_t)n);
	if (rc)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return JISHI_OK;
}

void jx_buf_reset(jx_buf *b)
{
	b->len = 0;
	b->err = JISHI_OK;
	if (b->data)
		b->data[0] = '\0';
}

void jx_buf_free(jx_buf *b)
{
	jx_free(b->data);
	jx_buf_init(b, b->toobig);
}
