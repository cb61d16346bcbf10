/* icu_seg.c -- ICU word BreakIterator (locale "zh") as a SIGHAN-format
 * segmenter: one input line (UTF-8, LF or CRLF) -> the line's words separated
 * by single spaces; whitespace-only segments are dropped.
 * build: cc -O2 -o icu_seg icu_seg.c $(pkg-config --cflags --libs icu-uc icu-i18n) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

int main(void) {
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
	UText *ut = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	if (U_FAILURE(err)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(err)); return 1; }
	/* the same 256 KiB stdio buffers jishi seg uses */
	setvbuf(stdin, NULL, _IOFBF, (size_t)1 << 18);
	setvbuf(stdout, NULL, _IOFBF, (size_t)1 << 18);
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
		ut = utext_openUTF8(ut, line, n, &err); /* UTF-8 UText: boundaries are byte offsets */
		ubrk_setUText(bi, ut, &err);
		if (U_FAILURE(err)) { fprintf(stderr, "ICU: %s\n", u_errorName(err)); return 1; }
		int first = 1;
		for (int32_t s = ubrk_first(bi), e; (e = ubrk_next(bi)) != UBRK_DONE; s = e) {
			int32_t i = s, blank = 1;
			UChar32 c;
			while (i < e && blank) { U8_NEXT(line, i, e, c); blank = c >= 0 && u_isUWhiteSpace(c); }
			if (blank) continue;
			if (!first) putchar(' ');
			fwrite(line + s, 1, (size_t)(e - s), stdout);
			first = 0;
		}
		putchar('\n');
	}
	ubrk_close(bi);
	utext_close(ut);
	free(line);
	return ferror(stdout) ? 1 : 0;
}
