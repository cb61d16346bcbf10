/*
 * seg.c -- `jishi seg`: the segmenter alone, line by line.
 *
 * Reads UTF-8 text a line at a time (memory bounded by the longest line)
 * and writes one output line per input line: words separated by single
 * spaces (the SIGHAN format), word/tag with --pos, or a JSON object with
 * spans with --format jsonl. A line that is not UTF-8 is reported with
 * its line number and byte offset and written as an empty line, so output
 * lines stay aligned with input lines.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base.h"
#include "cli.h"
#include "out.h"

#define COPY_SLACK 16 /* bytes a short word's copy may read and write */

static void usage(FILE *f)
{
	fputs("usage: jishi seg [options] [FILE|-]\n"
	      "\n"
	      "Segment Chinese text into words, one output line per input "
	      "line.\n"
	      "\n"
	      "  --dict FILE            user words, one a line: word [freq] "
	      "[tag] (jieba format)\n"
	      "  --pos                  write word/tag\n"
	      "  -f, --format text|jsonl  text: words separated by spaces "
	      "(default);\n"
	      "                         jsonl: "
	      "{\"line\":N,\"tokens\":[[word,start,end,tag],...]}\n"
	      "                         with code-point spans in the line\n"
	      "  --stats                timings on stderr: load_ms seg_ms "
	      "bytes lines\n"
	      "  --model PATH           compiled model\n"
	      "  -h, --help             this help\n"
	      "\n"
	      "Exit status: 0 all lines segmented, 1 some lines were not "
	      "UTF-8, 2 usage error.\n",
	      f);
}

int cli_seg(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"dict", required_argument, NULL, 'd'},
	    {"pos", no_argument, NULL, 'p'},
	    {"format", required_argument, NULL, 'f'},
	    {"stats", no_argument, NULL, 's'},
	    {"model", required_argument, NULL, 'm'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *dict_path = NULL, *model_path = NULL;
	bool pos = false, jsonl = false, stats = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dict_path = optarg;
			break;
		case 'p':
			pos = true;
			break;
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "jsonl")) {
				fputs("jishi seg: --format must be text or "
				      "jsonl\n",
				      stderr);
				return 2;
			}
			jsonl = strcmp(optarg, "jsonl") == 0;
			break;
		case 's':
			stats = true;
			break;
		case 'm':
			model_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind > 1) {
		fputs("jishi seg: one input at most\n", stderr);
		return 2;
	}
	const char *path = optind < argc ? argv[optind] : "-";
	double t0 = cli_now_ms();
	jishi_model *model;
	jishi_dict *dict;
	jishi_segmenter *seg = NULL;
	jishi_err err = {0};
	if (cli_open_model(model_path, dict_path, &model, &dict))
		return 2;
	if (jishi_segmenter_new(model, dict, &seg) != JISHI_OK) {
		fputs("jishi seg: out of memory\n", stderr);
		return 3;
	}
	double t1 = cli_now_ms();
	FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (in == NULL) {
		fprintf(stderr, "jishi seg: %s: %s\n", path, strerror(errno));
		jishi_segmenter_free(seg);
		jishi_dict_free(dict);
		jishi_model_close(model);
		return 1;
	}
	/* big stdio buffers: a pipe otherwise costs a write per 4 KiB */
	setvbuf(in, NULL, _IOFBF, (size_t)1 << 18);
	setvbuf(stdout, NULL, _IOFBF, (size_t)1 << 18);
	char *line = NULL;
	size_t cap = 0;
	jx_buf out, text; /* an output line; the input line with slack */
	jx_buf_init(&out, (size_t)1 << 31);
	jx_buf_init(&text, (size_t)1 << 31);
	ssize_t n;
	unsigned long lineno = 0, bad = 0;
	unsigned long long bytes = 0, offset = 0;
	double seg_ms = 0;
	while ((n = getline(&line, &cap, in)) != -1) {
		lineno++;
		size_t len = (size_t)n;
		unsigned long long line_at = offset;
		offset += len;
		bytes += len;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		const jishi_token *tk;
		size_t nt;
		double a = stats ? cli_now_ms() : 0;
		int rc = jishi_segment(seg, line, len, JISHI_F_OFFSETS_BYTES,
		                       &tk, &nt, &err);
		if (stats)
			seg_ms += cli_now_ms() - a;
		if (rc) {
			bad++;
			if (err.pos != UINT64_MAX)
				fprintf(stderr,
				        "jishi seg: %s:%lu: byte %llu: %s\n",
				        strcmp(path, "-") ? path : "<stdin>",
				        lineno, line_at + err.pos, err.msg);
			else
				fprintf(stderr, "jishi seg: %s:%lu: %s\n",
				        strcmp(path, "-") ? path : "<stdin>",
				        lineno, err.msg);
			out.len = 0;
			if (jsonl) {
				jx_buf_printf(&out,
				              "{\"line\":%lu,\"tokens\":[],"
				              "\"error\":",
				              lineno);
				jx_json_str(&out, err.msg, strlen(err.msg));
				jx_buf_putc(&out, '}');
			}
			jx_buf_putc(&out, '\n');
			fwrite(out.data, 1, out.len, stdout);
			continue;
		}
		/* one buffer per line, one write */
		out.len = 0;
		bool plain = !jsonl && !pos; /* words copied from text */
		if (jx_buf_reserve(&out, 2 * len + 2 + COPY_SLACK) ||
		    (plain && jx_buf_reserve(&text, len + COPY_SLACK))) {
			fputs("jishi seg: out of memory\n", stderr);
			return 3;
		}
		if (plain)
			memcpy(text.data, line, len);
		if (jsonl)
			jx_buf_printf(&out, "{\"line\":%lu,\"tokens\":[",
			              lineno);
		uint32_t cp = 0, at = 0;
		for (size_t i = 0; i < nt; i++) {
			uint32_t s = tk[i].span.start, e = tk[i].span.end;
			if (jsonl) {
				/* code points of the line for the spans */
				cp += (uint32_t)jx_utf8_count(
				    (const uint8_t *)line + at, s - at);
				uint32_t cs = cp;
				cp += (uint32_t)jx_utf8_count(
				    (const uint8_t *)line + s, e - s);
				at = e;
				if (i)
					jx_buf_putc(&out, ',');
				jx_buf_putc(&out, '[');
				jx_json_str(&out, line + s, e - s);
				jx_buf_printf(&out, ",%u,%u,\"%s\"]", cs, cp,
				              tk[i].pos);
			} else if (pos) {
				jx_buf_printf(&out, "%s%.*s/%s", i ? " " : "",
				              (int)(e - s), line + s,
				              tk[i].pos);
			} else {
				/* reserved above: the line, a space a word and
				 * COPY_SLACK; a short word (most are) is copied
				 * as a fixed COPY_SLACK bytes from the line's
				 * copy, which has that much slack too */
				char *dst = out.data + out.len;
				const char *src = text.data + s;
				*dst = ' ';
				dst += i != 0;
				if (e - s <= COPY_SLACK)
					memcpy(dst, src, COPY_SLACK);
				else
					memcpy(dst, src, e - s);
				out.len += (i != 0) + (e - s);
			}
		}
		jx_buf_puts(&out, jsonl ? "]}\n" : "\n");
		if (out.err) {
			fputs("jishi seg: out of memory\n", stderr);
			return 3;
		}
		fwrite(out.data, 1, out.len, stdout);
	}
	jx_buf_free(&out);
	jx_buf_free(&text);
	free(line);
	if (in != stdin)
		fclose(in);
	jishi_segmenter_free(seg);
	jishi_dict_free(dict);
	jishi_model_close(model);
	if (stats)
		fprintf(stderr,
		        "load_ms=%.2f seg_ms=%.2f bytes=%llu lines=%lu\n",
		        t1 - t0, seg_ms, bytes, lineno);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "jishi seg: write error: %s\n",
		        strerror(errno));
		return 1;
	}
	return bad ? 1 : 0;
}
