/*
 * extract.c -- `jishi extract`: documents in, schema-v1 records out.
 *
 * With -j 1 everything runs on the calling thread. With -j N the main
 * thread reads inputs in batches into a ring of 2N+1 slots, N workers
 * process them (JSON Lines records are parsed there too) and a writer
 * thread prints finished slots strictly in input order, so the output is
 * byte-for-byte that of -j 1. At most (2N+1) x 64 documents, and about
 * (2N+1) MiB of input plus one document, are in memory at once, however
 * long the input stream.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base.h"
#include "cli.h"
#include "model.h"
#include "store.h"

typedef struct opts {
	const char *format; /* NULL: decide from the inputs */
	bool offsets_bytes;
	const char *date;
	int jobs;
	bool jsonl_input;
	size_t max_bytes;
	const char *model;
	bool quiet;
	bool tokens;            /* --tokens */
	bool future;            /* --future */
	const char *dict_path;  /* --dict */
	const jishi_dict *dict; /* loaded once, shared by the workers */
	const char *db;         /* ingest: the store file */
} opts;

typedef struct result {
	char *json; /* record (malloc), or NULL */
	size_t len;
	int err;
	uint64_t pos;
	char msg[300];
	bool none;      /* nothing to write (an export without events) */
	void *rec;      /* ingest: the record parsed on the worker */
	char sha[65];   /* ingest: sha256 of the text */
	char perr[160]; /* ingest: why the record did not parse */
} result;

/* Process one job into res. */
static void run_one(const jishi_model *model, const opts *o, bool pretty,
                    cli_job *job, result *res)
{
	memset(res, 0, sizeof(*res));
	res->pos = UINT64_MAX;
	if (job->raw_jsonl)
		cli_job_parse(job, o->max_bytes);
	if (job->err) {
		res->err = job->err;
		res->pos = job->pos;
		snprintf(res->msg, sizeof(res->msg), "%s", job->msg);
		return;
	}
	jishi_opts jo;
	memset(&jo, 0, sizeof(jo));
	jo.id = job->id;
	jo.date = job->date ? job->date : o->date;
	jo.url = job->url;
	jo.max_bytes = o->max_bytes;
	jo.flags = (o->offsets_bytes ? JISHI_F_OFFSETS_BYTES : 0) |
	           (pretty ? JISHI_F_PRETTY : 0) |
	           (o->tokens ? JISHI_F_TOKENS : 0) |
	           (o->future ? JISHI_F_FUTURE : 0);
	jo.dict = o->dict;
	jishi_doc *doc = NULL;
	jishi_err err = {0};
	int rc = jishi_doc_process(model, job->text, job->len, &jo, &doc, &err);
	if (rc == JISHI_OK) {
		const char *json;
		size_t len;
		bool exp = o->format && (strcmp(o->format, "gdelt") == 0 ||
		                         strcmp(o->format, "plover") == 0);
		if (exp) {
			rc = jishi_doc_export(doc, o->format, &json, &len);
			if (rc == JISHI_OK && len > 0)
				len--; /* emit() ends the last line */
			res->none = rc == JISHI_OK && len == 0;
		} else {
			rc = jishi_doc_json(doc, &json, &len);
		}
		if (rc == JISHI_OK) {
			res->json = malloc(len + 1);
			if (res->json == NULL) {
				rc = JISHI_ENOMEM;
			} else {
				memcpy(res->json, json, len + 1);
				res->len = len;
				if (o->db) { /* ingest: the writer only writes
					      */
					jx_sha256_hex(job->text, job->len,
					              res->sha);
					res->rec = jx_store_parse(
					    res->json, res->len, res->perr,
					    sizeof res->perr);
				}
			}
		}
		if (rc)
			snprintf(err.msg, sizeof(err.msg), "%s",
			         jishi_strerror(rc));
		err.pos = UINT64_MAX;
	}
	jishi_doc_free(doc);
	if (rc) {
		res->err = rc;
		res->pos = err.pos;
		snprintf(res->msg, sizeof(res->msg), "%s", err.msg);
	}
}

typedef struct writer {
	FILE *out;
	bool quiet;
	unsigned long ndocs, nfailed;
	bool write_failed;
	/* ingest */
	jx_store *store;
	unsigned long nnew, nrep, nskip, batch;
	long hint; /* documents expected, or -1 */
	double t0; /* start, seconds */
	bool tty;  /* stderr is a terminal: a progress line */
	bool store_failed;
} writer;

#define INGEST_BATCH 256 /* documents a transaction */

static void progress(writer *w, bool last)
{
	double dt = cli_now_ms() / 1e3 - w->t0;
	double rate = dt > 0 ? (double)w->ndocs / dt : 0;
	if (w->tty) {
		char eta[32] = "";
		if (w->hint > 0 && rate > 0 && (long)w->ndocs < w->hint)
			snprintf(eta, sizeof eta, ", ETA %.0f s",
			         (double)(w->hint - (long)w->ndocs) / rate);
		fprintf(stderr, "\r%lu", w->ndocs);
		if (w->hint > 0)
			fprintf(stderr, "/%ld", w->hint);
		fprintf(stderr, " documents, %.0f docs/s%s   %s", rate, eta,
		        last ? "\n" : "");
	} else if (last || w->ndocs % 1000 == 0) {
		fprintf(stderr, "jishi ingest: %lu documents, %.0f docs/s\n",
		        w->ndocs, rate);
	}
}

/* Store one record (the writer thread owns the connection). */
static void store_one(writer *w, const cli_job *job, result *res)
{
	char what = 0, err[300];
	int rc;
	if (res->rec) {
		rc = jx_store_put_parsed(w->store, job->text, job->len,
		                         res->sha, res->rec, res->json,
		                         res->len, &what, err, sizeof err);
		res->rec = NULL; /* taken */
	} else {
		rc = JISHI_EINVAL;
		snprintf(err, sizeof err, "%s", res->perr);
	}
	if (rc) {
		w->nfailed++;
		if (!w->quiet)
			fprintf(stderr, "jishi: %s: not stored: %s\n",
			        job->label, err);
		return;
	}
	w->nnew += what == 'n';
	w->nrep += what == 'r';
	w->nskip += what == 's';
	if (++w->batch >= INGEST_BATCH) {
		w->batch = 0;
		if (jx_store_commit(w->store, err, sizeof err)) {
			fprintf(stderr, "jishi: commit failed: %s\n", err);
			w->store_failed = true;
		}
	}
	if (w->tty || w->ndocs % 1000 == 0)
		progress(w, false);
}

static void emit(writer *w, const cli_job *job, result *res)
{
	w->ndocs++;
	if (res->err) {
		w->nfailed++;
		if (!w->quiet) {
			if (res->pos != UINT64_MAX)
				fprintf(stderr, "jishi: %s: byte %llu: %s\n",
				        job->label,
				        (unsigned long long)res->pos, res->msg);
			else
				fprintf(stderr, "jishi: %s: %s\n", job->label,
				        res->msg);
		}
		return;
	}
	if (w->store) {
		store_one(w, job, res);
		free(res->json);
		res->json = NULL;
		return;
	}
	if (res->none) {
		free(res->json);
		res->json = NULL;
		return; /* an export with no rows */
	}
	if (fwrite(res->json, 1, res->len, w->out) != res->len ||
	    putc('\n', w->out) == EOF)
		w->write_failed = true;
	free(res->json);
	res->json = NULL;
}

/* ---- threaded pipeline ------------------------------------------------ */

/* Documents travel in batches (up to BATCH_DOCS or BATCH_BYTES of text)
 * so that the cost of handing work between threads stays small next to
 * the work itself, even for reports of a few kilobytes. */
#define BATCH_DOCS  64
#define BATCH_BYTES ((size_t)1 << 20)

enum { S_EMPTY, S_READY, S_DONE };

typedef struct slot {
	int state;
	size_t n;
	cli_job job[BATCH_DOCS];
	result res[BATCH_DOCS];
} slot;

typedef struct pool {
	pthread_mutex_t mu;
	pthread_cond_t work;  /* a slot became READY, or eof */
	pthread_cond_t done;  /* a slot became DONE */
	pthread_cond_t empty; /* a slot became EMPTY */
	slot *slots;
	size_t nslots;
	unsigned long produced; /* batches put in slots */
	unsigned long taken;    /* batches taken by workers */
	unsigned long written;  /* batches written */
	bool eof;               /* producer finished */
	const jishi_model *model;
	const opts *o;
	bool pretty;
	writer *w;
} pool;

static void *worker_main(void *arg)
{
	pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->taken == p->produced && !p->eof)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->taken == p->produced && p->eof)
			break;
		slot *s = &p->slots[p->taken % p->nslots];
		p->taken++;
		pthread_mutex_unlock(&p->mu);
		for (size_t i = 0; i < s->n; i++)
			run_one(p->model, p->o, p->pretty, &s->job[i],
			        &s->res[i]);
		pthread_mutex_lock(&p->mu);
		s->state = S_DONE;
		pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void *writer_main(void *arg)
{
	pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		slot *s = &p->slots[p->written % p->nslots];
		while (!(p->written < p->produced && s->state == S_DONE) &&
		       !(p->eof && p->written == p->produced))
			pthread_cond_wait(&p->done, &p->mu);
		if (p->eof && p->written == p->produced)
			break;
		pthread_mutex_unlock(&p->mu);
		for (size_t i = 0; i < s->n; i++) {
			emit(p->w, &s->job[i], &s->res[i]);
			cli_job_clear(&s->job[i]);
		}
		s->n = 0;
		pthread_mutex_lock(&p->mu);
		s->state = S_EMPTY;
		p->written++;
		pthread_cond_signal(&p->empty);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static int run_threads(cli_input *in, const jishi_model *model, const opts *o,
                       bool pretty, writer *w)
{
	pool p;
	memset(&p, 0, sizeof(p));
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	pthread_cond_init(&p.empty, NULL);
	p.nslots = (size_t)o->jobs * 2 + 1;
	p.slots = calloc(p.nslots, sizeof(slot));
	pthread_t *th = calloc((size_t)o->jobs + 1, sizeof(pthread_t));
	if (p.slots == NULL || th == NULL) {
		fputs("jishi: out of memory\n", stderr);
		exit(3);
	}
	p.model = model;
	p.o = o;
	p.pretty = pretty;
	p.w = w;
	int started = 0;
	for (int i = 0; i < o->jobs; i++)
		if (pthread_create(&th[started], NULL, worker_main, &p) == 0)
			started++;
	pthread_t wt;
	bool have_writer = pthread_create(&wt, NULL, writer_main, &p) == 0;
	if (started == 0 || !have_writer) {
		fputs("jishi: cannot start threads\n", stderr);
		exit(3);
	}
	bool more = true;
	while (more) {
		pthread_mutex_lock(&p.mu);
		slot *s = &p.slots[p.produced % p.nslots];
		while (s->state != S_EMPTY)
			pthread_cond_wait(&p.empty, &p.mu);
		pthread_mutex_unlock(&p.mu);
		/* the slot is ours until it is READY */
		size_t bytes = 0;
		s->n = 0;
		while (s->n < BATCH_DOCS && bytes < BATCH_BYTES) {
			memset(&s->job[s->n], 0, sizeof(cli_job));
			if (!cli_input_next(in, &s->job[s->n])) {
				cli_job_clear(&s->job[s->n]);
				more = false;
				break;
			}
			bytes += s->job[s->n].len;
			s->n++;
		}
		if (s->n == 0)
			break;
		pthread_mutex_lock(&p.mu);
		s->state = S_READY;
		p.produced++;
		pthread_cond_signal(&p.work);
		pthread_mutex_unlock(&p.mu);
	}
	pthread_mutex_lock(&p.mu);
	p.eof = true;
	pthread_cond_broadcast(&p.work);
	pthread_cond_broadcast(&p.done);
	pthread_mutex_unlock(&p.mu);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	pthread_join(wt, NULL);
	free(th);
	free(p.slots);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.work);
	pthread_cond_destroy(&p.done);
	pthread_cond_destroy(&p.empty);
	return JISHI_OK;
}

/* ---- command ---------------------------------------------------------- */

static void usage(FILE *f)
{
	fputs("usage: jishi extract [options] [FILE|DIR|-]...\n"
	      "\n"
	      "Read Chinese news reports and write one schema-v1 JSON record "
	      "per document.\n"
	      "With no FILE, or -, read standard input. Directories are "
	      "walked recursively.\n"
	      "\n"
	      "  -f, --format json|jsonl  json: indented objects; jsonl: one "
	      "per line\n"
	      "                           (default: json for one document, "
	      "jsonl otherwise)\n"
	      "      --format gdelt       events as GDELT 2.0 event rows "
	      "(tab-separated)\n"
	      "      --format plover      events as PLOVER JSON, one a line\n"
	      "      --offsets chars|bytes  span unit (default chars = code "
	      "points)\n"
	      "      --date YYYY-MM-DD    anchor for documents without a "
	      "dateline\n"
	      "      --future             a bare day, weekday or month with "
	      "no tense cue lies\n"
	      "                           ahead of the anchor (default: "
	      "behind, as in news)\n"
	      "  -j, --jobs N             worker threads (default 1); output "
	      "keeps input order\n"
	      "      --input text|jsonl   jsonl: inputs are JSON Lines of "
	      "{\"id\",\"text\",\"date\",\"url\"}\n"
	      "      --max-bytes N        refuse documents over N bytes; "
	      "suffix K, M, G\n"
	      "                           (default 16M)\n"
	      "      --model PATH         compiled model (default: "
	      "$JISHI_MODEL, else the one\n"
	      "                           built or installed with jishi)\n"
	      "      --tokens             add the words with their POS tags "
	      "(\"tokens\")\n"
	      "      --dict FILE          user words for the segmenter: word "
	      "[freq] [tag]\n"
	      "  -q, --quiet              no per-document error lines\n"
	      "  -h, --help               this help\n"
	      "\n"
	      "Errors name the document and a byte offset:\n"
	      "  jishi: FILE: byte N: message        jishi: FILE:LINE: byte N: "
	      "message\n"
	      "Exit status: 0 all documents written, 1 some failed (the others "
	      "are written),\n"
	      "2 usage error or unusable model.\n",
	      f);
}

static int run(int argc, char **argv, bool ingest);

int cli_extract(int argc, char **argv)
{
	return run(argc, argv, false);
}

int cli_ingest(int argc, char **argv)
{
	return run(argc, argv, true);
}

static void usage_ingest(FILE *f)
{
	fputs("usage: jishi ingest [--db FILE] [extract options] "
	      "[FILE|DIR|-]...\n"
	      "\n"
	      "Extract reports and store their records in the event store "
	      "(SQLite, WAL).\n"
	      "Idempotent by document id: an unchanged document is skipped, "
	      "a changed text\n"
	      "replaces its document's facts. Documents are committed 256 at "
	      "a time, so an\n"
	      "interrupted ingest loses no committed document and can be run "
	      "again.\n"
	      "\n"
	      "      --db FILE            the store (default ./jishi.db)\n"
	      "  -j, --jobs N             extraction threads; one writer\n"
	      "      --input text|jsonl, --date, --max-bytes, --model, --dict, "
	      "-q: as in extract\n",
	      f);
}

static int run(int argc, char **argv, bool ingest)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"offsets", required_argument, NULL, 'O'},
	    {"date", required_argument, NULL, 'D'},
	    {"jobs", required_argument, NULL, 'j'},
	    {"input", required_argument, NULL, 'I'},
	    {"max-bytes", required_argument, NULL, 'M'},
	    {"model", required_argument, NULL, 'm'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"tokens", no_argument, NULL, 'T'},
	    {"future", no_argument, NULL, 'F'},
	    {"dict", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {"db", required_argument, NULL, 'B'},
	    {NULL, 0, NULL, 0}};
	opts o = {.jobs = 1, .max_bytes = JISHI_DEFAULT_MAX_BYTES};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:j:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") && strcmp(optarg, "jsonl") &&
			    strcmp(optarg, "gdelt") &&
			    strcmp(optarg, "plover")) {
				fprintf(stderr, "jishi extract: --format must "
				                "be json, jsonl, gdelt or "
				                "plover\n");
				return 2;
			}
			o.format = optarg;
			break;
		case 'O':
			if (strcmp(optarg, "chars") &&
			    strcmp(optarg, "bytes")) {
				fprintf(stderr, "jishi extract: --offsets must "
				                "be chars or bytes\n");
				return 2;
			}
			o.offsets_bytes = strcmp(optarg, "bytes") == 0;
			break;
		case 'D': {
			jx_datetime dt;
			if (!jx_datetime_parse(optarg, strlen(optarg), &dt)) {
				fprintf(stderr,
				        "jishi extract: --date '%s' is "
				        "not a YYYY-MM-DD date or a "
				        "YYYY-MM-DDThh:mm[:ss][+hh:mm] "
				        "date-time\n",
				        optarg);
				return 2;
			}
			o.date = optarg;
			break;
		}
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 256) {
				fprintf(stderr, "jishi extract: -j takes a "
				                "number from 1 to 256\n");
				return 2;
			}
			o.jobs = (int)v;
			break;
		}
		case 'I':
			if (strcmp(optarg, "text") && strcmp(optarg, "jsonl")) {
				fprintf(stderr, "jishi extract: --input must "
				                "be text or jsonl\n");
				return 2;
			}
			o.jsonl_input = strcmp(optarg, "jsonl") == 0;
			break;
		case 'M':
			if (!cli_parse_size(optarg, &o.max_bytes)) {
				fprintf(stderr, "jishi extract: --max-bytes "
				                "takes a size such as 16M\n");
				return 2;
			}
			break;
		case 'm':
			o.model = optarg;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'T':
			o.tokens = true;
			break;
		case 'F':
			o.future = true;
			break;
		case 'd':
			o.dict_path = optarg;
			break;
		case 'B':
			o.db = optarg;
			break;
		case 'h':
			if (ingest)
				usage_ingest(stdout);
			else
				usage(stdout);
			return 0;
		default:
			if (ingest)
				usage_ingest(stderr);
			else
				usage(stderr);
			return 2;
		}
	}
	if (o.db && !ingest) {
		fprintf(stderr, "jishi extract: --db is an ingest option\n");
		return 2;
	}
	if (ingest && o.db == NULL)
		o.db = "jishi.db";
	if (ingest && o.format) {
		fprintf(stderr,
		        "jishi ingest: --format is an extract option\n");
		return 2;
	}

	jishi_model *model;
	jishi_dict *dict;
	if (cli_open_model(o.model, o.dict_path, &model, &dict))
		return 2;
	o.dict = dict;
	cli_input *in = NULL;
	if (cli_input_open(&in, argv + optind, argc - optind, o.jsonl_input,
	                   o.max_bytes) != JISHI_OK) {
		jishi_model_close(model);
		return 3;
	}
	bool several = o.jsonl_input || cli_input_count_hint(in) != 1;
	const char *fmt = o.format ? o.format : several ? "jsonl" : "json";
	bool pretty = !ingest && strcmp(fmt, "json") == 0;
	writer w = {.out = stdout, .quiet = o.quiet};
	if (ingest) {
		char err[300];
		const char *db = o.db;
		if (jx_store_open(db, false, &w.store, err, sizeof err)) {
			fprintf(stderr, "jishi ingest: %s\n", err);
			cli_input_close(in);
			jishi_dict_free(dict);
			jishi_model_close(model);
			return 2;
		}
		jx_merge mp = {.shingle = (int)jx_model_param_in(
		                   model, "store/merge", "shingle", 4),
		               .simhash_max = (int)jx_model_param_in(
		                   model, "store/merge", "simhash_max", 6),
		               .story_days = (int)jx_model_param_in(
		                   model, "store/merge", "story_days", 1)};
		jx_store_set_merge(w.store, &mp);
		char now[32];
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
		jx_store_set_time(w.store, now);
		w.hint = cli_input_count_hint(in);
		w.t0 = cli_now_ms() / 1e3;
		w.tty = isatty(2);
	}

	if (o.jobs == 1) {
		cli_job job;
		result res;
		memset(&job, 0, sizeof(job));
		while (cli_input_next(in, &job)) {
			run_one(model, &o, pretty, &job, &res);
			emit(&w, &job, &res);
		}
		cli_job_clear(&job);
	} else {
		run_threads(in, model, &o, pretty, &w);
	}
	cli_input_close(in);
	jishi_dict_free(dict);
	jishi_model_close(model);
	if (ingest) {
		char err[300];
		if (jx_store_commit(w.store, err, sizeof err)) {
			fprintf(stderr, "jishi ingest: commit failed: %s\n",
			        err);
			w.store_failed = true;
		}
		progress(&w, true);
		long docs = 0, events = 0;
		jx_store_counts(w.store, &docs, &events);
		fprintf(
		    stderr,
		    "jishi ingest: %lu new, %lu replaced, %lu unchanged, "
		    "%lu failed; the store holds %ld documents, %ld events\n",
		    w.nnew, w.nrep, w.nskip, w.nfailed, docs, events);
		jx_store_close(w.store);
		if (w.store_failed)
			return 3;
	}
	if (fflush(stdout) != 0 || w.write_failed || ferror(stdout)) {
		int e = errno;
		fprintf(stderr, "jishi: write error: %s\n",
		        e ? strerror(e) : "output could not be written");
		return 1;
	}
	if (w.nfailed) {
		fprintf(stderr, "jishi: %lu of %lu documents failed\n",
		        w.nfailed, w.ndocs);
		return 1;
	}
	return 0;
}
