/*
 * input.c -- from command-line operands to documents, with bounded memory.
 *
 * Operands are files, directories (walked recursively, paths in byte
 * order, dot-names skipped, each directory once even through symlink
 * loops) and "-" (stdin). In JSON Lines mode every
 * operand is read line by line, each line one {"id","text","date","url"}
 * record; a line longer than the cap is skipped to its end without being
 * held in memory, so a stream of any size needs memory for one document
 * only. A file over the cap is refused from its size, unread.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cli.h"

typedef struct strvec {
	char **v;
	size_t n, cap;
} strvec;

struct cli_input {
	strvec paths; /* expanded operands; "-" is stdin */
	size_t next;  /* next path */
	bool jsonl;
	size_t max_bytes; /* per-document cap */
	FILE *stream;     /* open JSON Lines stream */
	const char *stream_name;
	unsigned long lineno;
	char *line; /* line buffer, capacity linecap */
	size_t linecap;
	char rbuf[65536]; /* read buffer for JSON Lines streams */
	size_t rpos, rlen;
	bool counted; /* all operands were plain files */
};

void cli_job_clear(cli_job *job)
{
	free(job->label);
	free(job->text);
	free(job->id);
	free(job->date);
	free(job->url);
	free(job->file);
	memset(job, 0, sizeof(*job));
	job->pos = UINT64_MAX;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (p == NULL) {
		fputs("jishi: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

static void push(strvec *sv, char *s)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = realloc(sv->v, sv->cap * sizeof(char *));
		if (sv->v == NULL) {
			fputs("jishi: out of memory\n", stderr);
			exit(3);
		}
	}
	sv->v[sv->n++] = s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Directories already walked, by device and inode, so that a symlink
 * loop (or two links to one folder) is read once. */
typedef struct seen {
	struct {
		dev_t dev;
		ino_t ino;
	} * v;
	size_t n, cap;
} seen;

static bool visit(seen *sn, const char *dir)
{
	struct stat st;
	if (stat(dir, &st) != 0)
		return true; /* reported when read */
	for (size_t i = 0; i < sn->n; i++)
		if (sn->v[i].dev == st.st_dev && sn->v[i].ino == st.st_ino)
			return false;
	if (sn->n == sn->cap) {
		sn->cap = sn->cap ? sn->cap * 2 : 16;
		sn->v = realloc(sn->v, sn->cap * sizeof(*sn->v));
		if (sn->v == NULL) {
			fputs("jishi: out of memory\n", stderr);
			exit(3);
		}
	}
	sn->v[sn->n].dev = st.st_dev;
	sn->v[sn->n].ino = st.st_ino;
	sn->n++;
	return true;
}

static void walk(strvec *out, seen *sn, const char *dir)
{
	DIR *d;
	strvec here = {0};
	struct dirent *e;
	if (!visit(sn, dir))
		return;
	d = opendir(dir);
	if (d == NULL) {
		push(out, xstrdup(dir)); /* reported when read */
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *p = malloc(n);
		if (p == NULL)
			exit(3);
		snprintf(p, n, "%s/%s", dir, e->d_name);
		push(&here, p);
	}
	closedir(d);
	qsort(here.v, here.n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < here.n; i++) {
		struct stat st;
		if (stat(here.v[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(out, sn, here.v[i]);
			free(here.v[i]);
		} else if (stat(here.v[i], &st) == 0 && !S_ISREG(st.st_mode)) {
			free(here.v[i]); /* sockets, fifos: not documents */
		} else {
			push(out, here.v[i]);
		}
	}
	free(here.v);
}

int cli_input_open(cli_input **out, char **ops, int n, bool jsonl,
                   size_t max_bytes)
{
	cli_input *in = calloc(1, sizeof(*in));
	if (in == NULL)
		return JISHI_ENOMEM;
	in->jsonl = jsonl;
	in->max_bytes = max_bytes;
	in->counted = !jsonl;
	if (n == 0)
		push(&in->paths, xstrdup("-"));
	seen sn = {0};
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(ops[i], "-") != 0 && stat(ops[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			walk(&in->paths, &sn, ops[i]);
			in->counted = false; /* a directory: JSON Lines */
		} else {
			push(&in->paths, xstrdup(ops[i]));
		}
	}
	free(sn.v);
	for (size_t i = 0; i < in->paths.n; i++)
		if (strcmp(in->paths.v[i], "-") == 0)
			in->counted = false;
	*out = in;
	return JISHI_OK;
}

long cli_input_count_hint(const cli_input *in)
{
	return in->counted ? (long)in->paths.n : -1;
}

void cli_input_close(cli_input *in)
{
	if (in == NULL)
		return;
	if (in->stream && in->stream != stdin)
		fclose(in->stream);
	for (size_t i = 0; i < in->paths.n; i++)
		free(in->paths.v[i]);
	free(in->paths.v);
	free(in->line);
	free(in);
}

static void job_error(cli_job *job, int code, uint64_t pos, const char *msg)
{
	job->err = code;
	job->pos = pos;
	snprintf(job->msg, sizeof(job->msg), "%s", msg);
}

/* Read a whole file (or stdin) into job->text, refusing it past the cap. */
static void read_whole(cli_input *in, const char *path, cli_job *job)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	job->label = xstrdup(is_stdin ? "<stdin>" : path);
	job->file = xstrdup(is_stdin ? "-" : path);
	if (f == NULL) {
		job_error(job, JISHI_EIO, UINT64_MAX, strerror(errno));
		return;
	}
	struct stat st;
	if (!is_stdin && fstat(fileno(f), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			job_error(job, JISHI_EIO, UINT64_MAX, "is a directory");
			fclose(f);
			return;
		}
		if (S_ISREG(st.st_mode) &&
		    (uint64_t)st.st_size > in->max_bytes) {
			char m[128];
			snprintf(m, sizeof(m),
			         "document of %lld bytes is over the %zu-byte "
			         "cap (--max-bytes)",
			         (long long)st.st_size, in->max_bytes);
			job_error(job, JISHI_ETOOBIG, in->max_bytes, m);
			fclose(f);
			return;
		}
	}
	size_t cap = 65536, len = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (len == cap) {
			if (cap > in->max_bytes) {
				char m[96];
				snprintf(m, sizeof(m),
				         "document is over the %zu-byte cap "
				         "(--max-bytes)",
				         in->max_bytes);
				job_error(job, JISHI_ETOOBIG, in->max_bytes, m);
				free(buf);
				buf = NULL;
				break;
			}
			cap *= 2;
			char *nb = realloc(buf, cap);
			if (nb == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0) {
			if (ferror(f)) {
				job_error(job, JISHI_EIO, len, strerror(errno));
				free(buf);
				buf = NULL;
			}
			break;
		}
	}
	if (!is_stdin)
		fclose(f);
	if (buf == NULL) {
		if (job->err == JISHI_OK)
			job_error(job, JISHI_ENOMEM, UINT64_MAX,
			          "out of memory");
		return;
	}
	if (len > in->max_bytes) {
		char m[96];
		snprintf(m, sizeof(m),
		         "document is over the %zu-byte cap (--max-bytes)",
		         in->max_bytes);
		job_error(job, JISHI_ETOOBIG, in->max_bytes, m);
		free(buf);
		return;
	}
	job->text = buf;
	job->len = len;
}

/* Read one line of the stream into in->line (NUL-terminated); returns its
 * length, or -1 at the end. A line over limit is consumed to its end and
 * reported via *toolong without being kept. Reads in 64 KiB chunks. */
static long read_line(cli_input *in, size_t limit, bool *toolong)
{
	size_t len = 0;
	bool any = false;
	*toolong = false;
	for (;;) {
		if (in->rpos == in->rlen) {
			in->rpos = 0;
			in->rlen =
			    fread(in->rbuf, 1, sizeof(in->rbuf), in->stream);
			if (in->rlen == 0)
				break;
		}
		any = true;
		char *start = in->rbuf + in->rpos;
		size_t avail = in->rlen - in->rpos;
		char *nl = memchr(start, '\n', avail);
		size_t take = nl ? (size_t)(nl - start) : avail;
		in->rpos += take + (nl != NULL);
		if (!*toolong) {
			if (len + take > limit) {
				*toolong = true;
			} else {
				if (len + take + 1 > in->linecap) {
					size_t cap =
					    in->linecap ? in->linecap : 65536;
					while (cap < len + take + 1)
						cap *= 2;
					char *nb = realloc(in->line, cap);
					if (nb == NULL) {
						*toolong = true;
						goto next;
					}
					in->line = nb;
					in->linecap = cap;
				}
				memcpy(in->line + len, start, take);
				len += take;
			}
		}
	next:
		if (nl)
			break;
	}
	if (!any)
		return -1;
	if (in->line)
		in->line[len] = '\0';
	return (long)len;
}

static char *json_opt_str(json_t *obj, const char *key, bool *bad)
{
	json_t *v = json_object_get(obj, key);
	if (v == NULL || json_is_null(v))
		return NULL;
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_integer(v) && strcmp(key, "id") == 0) {
		char b[32];
		snprintf(b, sizeof(b), "%lld",
		         (long long)json_integer_value(v));
		return xstrdup(b);
	}
	*bad = true;
	return NULL;
}

void cli_job_parse(cli_job *job, size_t max_bytes)
{
	json_error_t jerr;
	char *raw = job->text;
	size_t len = job->len;
	job->text = NULL;
	job->len = 0;
	job->raw_jsonl = false;
	json_t *root = json_loadb(raw, len, JSON_ALLOW_NUL, &jerr);
	free(raw);
	if (root == NULL) {
		job_error(job, JISHI_EJSON, (uint64_t)jerr.position, jerr.text);
		return;
	}
	if (!json_is_object(root)) {
		job_error(job, JISHI_EJSON, 0, "record is not a JSON object");
		goto out;
	}
	json_t *text = json_object_get(root, "text");
	if (!json_is_string(text)) {
		job_error(job, JISHI_EJSON, 0, "record has no \"text\" string");
		goto out;
	}
	bool bad = false;
	job->id = json_opt_str(root, "id", &bad);
	job->date = json_opt_str(root, "date", &bad);
	job->url = json_opt_str(root, "url", &bad);
	if (bad) {
		job_error(job, JISHI_EJSON, 0,
		          "\"id\" must be a string or an integer, "
		          "\"date\" and \"url\" strings");
		goto out;
	}
	/* a date-time keeps its clock time: relative times use it */
	size_t tl = json_string_length(text);
	if (tl > max_bytes) {
		char m[96];
		snprintf(m, sizeof(m),
		         "document is over the %zu-byte cap (--max-bytes)",
		         max_bytes);
		job_error(job, JISHI_ETOOBIG, max_bytes, m);
		goto out;
	}
	job->text = malloc(tl ? tl : 1);
	if (job->text == NULL) {
		job_error(job, JISHI_ENOMEM, UINT64_MAX, "out of memory");
		goto out;
	}
	memcpy(job->text, json_string_value(text), tl);
	job->len = tl;
out:
	json_decref(root);
}

bool cli_input_next(cli_input *in, cli_job *job)
{
	cli_job_clear(job);
	for (;;) {
		if (in->jsonl && in->stream) {
			bool toolong;
			/* JSON escapes can take six bytes per input byte */
			size_t limit = in->max_bytes * 6 + 4096;
			long len = read_line(in, limit, &toolong);
			if (len < 0) {
				if (in->stream != stdin)
					fclose(in->stream);
				in->stream = NULL;
				continue;
			}
			in->lineno++;
			size_t ll = strlen(in->stream_name) + 32;
			job->label = malloc(ll);
			if (job->label == NULL)
				exit(3);
			snprintf(job->label, ll, "%s:%lu", in->stream_name,
			         in->lineno);
			job->file = xstrdup(in->stream_name);
			if (toolong) {
				char m[96];
				snprintf(m, sizeof(m),
				         "record is over the %zu-byte cap "
				         "(--max-bytes)",
				         in->max_bytes);
				job_error(job, JISHI_ETOOBIG, limit, m);
				return true;
			}
			size_t s = 0;
			/* a BOM opening the stream is no part of the record */
			if (in->lineno == 1 && len >= 3 &&
			    memcmp(in->line, "\xEF\xBB\xBF", 3) == 0) {
				memmove(in->line, in->line + 3,
				        (size_t)len - 2);
				len -= 3;
			}
			while (s < (size_t)len &&
			       (in->line[s] == ' ' || in->line[s] == '\t' ||
			        in->line[s] == '\r'))
				s++;
			if (s == (size_t)len) { /* blank line */
				free(job->label);
				free(job->file);
				job->label = job->file = NULL;
				continue;
			}
			/* the line is parsed by a worker (cli_job_parse) */
			job->text = malloc((size_t)len + 1);
			if (job->text == NULL) {
				job_error(job, JISHI_ENOMEM, UINT64_MAX,
				          "out of memory");
				return true;
			}
			memcpy(job->text, in->line, (size_t)len + 1);
			job->len = (size_t)len;
			job->raw_jsonl = true;
			return true;
		}
		if (in->next >= in->paths.n)
			return false;
		const char *path = in->paths.v[in->next++];
		if (!in->jsonl) {
			read_whole(in, path, job);
			return true;
		}
		bool is_stdin = strcmp(path, "-") == 0;
		in->stream = is_stdin ? stdin : fopen(path, "rb");
		in->stream_name = is_stdin ? "<stdin>" : path;
		in->lineno = 0;
		in->rpos = in->rlen = 0;
		if (in->stream == NULL) {
			job->label = xstrdup(path);
			job->file = xstrdup(path);
			job_error(job, JISHI_EIO, UINT64_MAX, strerror(errno));
			return true;
		}
	}
}

bool cli_parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || s[0] == '-')
		return false;
	unsigned shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10, end++;
	else if (*end == 'M' || *end == 'm')
		shift = 20, end++;
	else if (*end == 'G' || *end == 'g')
		shift = 30, end++;
	if (*end != '\0' || v == 0 || v > (1ull << 32) >> shift)
		return false;
	*out = (size_t)(v << shift);
	return true;
}
