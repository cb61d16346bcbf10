/* friso_seg.c -- friso (Debian libfriso, mmseg "complex" mode) as a
 * SIGHAN-format segmenter: one input line (UTF-8, LF or CRLF) -> its words
 * separated by single spaces.
 *
 * usage: friso_seg [INI] < IN > OUT      (INI default /etc/friso/friso.ini)
 *
 * The ini (Debian's points at /usr/share/friso/dict/UTF-8/) is loaded as is,
 * then the options that would add or drop text are turned off: synonyms
 * (add_syn), stop-word removal (clr_stw), English secondary segmentation
 * (en_sseg), sphinx output; unrecognised words are kept (keep_urec).
 * friso's tokens are normalised copies (full-width ASCII folded to
 * half-width, Latin lower-cased) and their offset/rlen fields are not
 * reliable for punctuation and mixed tokens, so each token is matched back
 * onto the input, code point by code point under the same folding, and the
 * input's own bytes are printed.  Input characters that friso skipped are
 * printed as one-character words, so the output keeps every non-blank
 * character of the input.
 * build: cc -O2 -o friso_seg friso_seg.c $(pkg-config --cflags --libs friso) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "friso.h"

/* decode one UTF-8 code point at s (invalid bytes count as themselves) */
static int cp_at(const unsigned char *s, int *len) {
	int c = s[0], n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80) { *len = 1; return c; }
	*len = n;
	if (n == 1) return c;
	c &= 0x3F >> (n - 1);
	for (int i = 1; i < n; i++) c = c << 6 | (s[i] & 0x3F);
	return c;
}
static int fold(int c) {
	if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}
static int blank(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000; }

static int first;
static void out(const char *s, int n) {
	if (n <= 0) return;
	if (!first) putchar(' ');
	fwrite(s, 1, (size_t)n, stdout);
	first = 0;
}

int main(int argc, char **argv) {
	const char *ini = argc > 1 ? argv[1] : "/etc/friso/friso.ini";
	friso_t friso = friso_new();
	friso_config_t config = friso_new_config();
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	if (!friso_init_from_ifile(friso, config, (fstring)ini)) {
		fprintf(stderr, "friso_seg: cannot load %s\n", ini);
		return 1;
	}
	config->add_syn = 0; config->clr_stw = 0; config->keep_urec = 1;
	config->spx_out = 0; config->en_sseg = 0;
	friso_task_t task = friso_new_task();
	/* the same 256 KiB stdio buffers jishi seg uses */
	setvbuf(stdin, NULL, _IOFBF, (size_t)1 << 18);
	setvbuf(stdout, NULL, _IOFBF, (size_t)1 << 18);
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
		const unsigned char *u = (const unsigned char *)line;
		int pos = 0, l;
		first = 1;
		friso_set_text(task, line);
		while (config->next_token(friso, config, task) != NULL) {
			const unsigned char *w = (const unsigned char *)task->token->word;
			if (!w[0]) continue;
			for (;;) {                         /* find where the token starts */
				while (pos < n && blank(cp_at(u + pos, &l))) pos += l;
				if (pos >= n) break;
				int wl, c = cp_at(u + pos, &l);
				if (fold(c) == fold(cp_at(w, &wl))) break;
				out(line + pos, l);            /* a character friso skipped */
				pos += l;
			}
			int start = pos, k = 0, wl;
			while (w[k] && pos < n && fold(cp_at(u + pos, &l)) == fold(cp_at(w + k, &wl))) {
				pos += l;
				k += wl;
			}
			out(line + start, pos - start);
		}
		while (pos < n) {                        /* the rest friso skipped */
			if (!blank(cp_at(u + pos, &l))) out(line + pos, l);
			pos += l;
		}
		putchar('\n');
	}
	friso_free_task(task);
	friso_free_config(config);
	friso_free(friso);
	free(line);
	return ferror(stdout) ? 1 : 0;
}
