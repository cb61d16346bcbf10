/*
 * err.c -- error names and messages, generated from the one list in
 * include/jishi_errors.def (libuv's UV_ERRNO_MAP), and the helper that
 * fills a caller's jishi_err.
 */
#include <stdio.h>
#include <string.h>

#include "base.h"

const char *jishi_strerror(int code)
{
	switch (code) {
#define JISHI_ERR(name, num, msg)                                              \
	case num:                                                              \
		return msg;
#include "jishi_errors.def"
#undef JISHI_ERR
	default:
		return "unknown error";
	}
}

const char *jishi_errname(int code)
{
	switch (code) {
#define JISHI_ERR(name, num, msg)                                              \
	case num:                                                              \
		return "JISHI_" #name;
#include "jishi_errors.def"
#undef JISHI_ERR
	default:
		return "JISHI_EUNKNOWN";
	}
}

const char *jishi_version(void)
{
	return JISHI_VERSION;
}

int jx_err_set(jishi_err *err, int code, uint64_t pos, const char *fmt, ...)
{
	if (err == NULL)
		return code;
	err->code = code;
	err->pos = pos;
	if (fmt == NULL) {
		snprintf(err->msg, sizeof(err->msg), "%s",
		         jishi_strerror(code));
	} else {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return code;
}
