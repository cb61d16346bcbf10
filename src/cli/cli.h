/*
 * cli.h -- the jishi command line (internal to the jishi binary).
 *
 * main.c dispatches subcommands; input.c turns command-line operands into
 * a stream of documents (files, directories, stdin, JSON Lines records)
 * with bounded memory; extract.c runs them through the library on N
 * threads and writes the records in input order. docs/cli.md is the
 * contract.
 */
#ifndef JX_CLI_H
#define JX_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "jishi.h"

/* One unit of work: a document's bytes, or the reason it could not be read. */
typedef struct cli_job {
	char *label; /* "path" or "path:line", for messages (malloc) */
	char *text;  /* document bytes (malloc), or NULL on error */
	size_t len;
	char *id;       /* record id or NULL (malloc) */
	char *date;     /* record date "YYYY-MM-DD" or NULL (malloc) */
	char *url;      /* record url or NULL (malloc) */
	char *file;     /* path the document came from, or NULL (malloc) */
	bool raw_jsonl; /* text is an unparsed JSON Lines record */
	int err;        /* JISHI_OK, or why it could not be read */
	uint64_t pos;   /* byte offset of the read error, or UINT64_MAX */
	char msg[256];
} cli_job;

void cli_job_clear(cli_job *job);
/* Turn a raw JSON Lines record (job->raw_jsonl) into a document job, or
 * into a job carrying the record's error. Runs on a worker thread. */
void cli_job_parse(cli_job *job, size_t max_bytes);

typedef struct cli_input cli_input;

/* A reader over operands (NULL/empty: stdin). jsonl: records, not files. */
int cli_input_open(cli_input **out, char **operands, int n, bool jsonl,
                   size_t max_bytes);
/* The next job; false at the end. The job is owned by the caller. */
bool cli_input_next(cli_input *in, cli_job *job);
void cli_input_close(cli_input *in);
/* Number of documents the operands will give, when known before reading
 * (plain files only); -1 for streams and directories. */
long cli_input_count_hint(const cli_input *in);

/* Parse "16M", "1K", "123" into bytes; false if malformed. */
bool cli_parse_size(const char *s, size_t *out);

/* Open the model (model_path NULL: the default one) and, when dict_path
 * is given, a user dictionary; on failure print why and return 2. */
int cli_open_model(const char *model_path, const char *dict_path,
                   jishi_model **model, jishi_dict **dict);

/* A monotonic clock in milliseconds, for progress and --stats. */
double cli_now_ms(void);

/* The model path a subcommand uses when --model is not given. */
const char *cli_default_model(char *buf, size_t size);

int cli_extract(int argc, char **argv);
int cli_ingest(int argc, char **argv);
int cli_query(int argc, char **argv);
int cli_serve(int argc, char **argv);
/* YYYY, YYYY-MM or YYYY-MM-DD? (query filters) */
bool cli_is_date(const char *s);
int cli_seg(int argc, char **argv);

#endif
