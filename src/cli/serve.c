/*
 * serve.c -- `jishi serve`: a JSON API and a timeline page over the event
 * store, on libmicrohttpd (docs/internals/store.md, "Serve").
 *
 * Bounds: it binds 127.0.0.1 unless told otherwise; requests are GET or
 * POST only, parameters are checked against each endpoint's list, are
 * valid UTF-8 and at most 256 bytes; a POST body is at most --max-bytes;
 * connections are capped and time out. Every error is a 4xx/5xx with a
 * JSON body {"error": "..."}. Each request opens its own read-only store
 * connection, so a running ingest never shows a partial document.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base.h"
#include "cli.h"
#include "out.h"
#include "store.h"

#ifndef JISHI_WEB_DIR
#define JISHI_WEB_DIR ""
#endif

#define MAX_PARAM 256

typedef struct server {
	const char *db;
	const jishi_model *model;
	size_t max_body;
	char *page; /* the timeline page (index.html) */
	size_t page_len;
} server;

/* A POST body being received. */
typedef struct upload {
	char *data;
	size_t len, cap;
	bool too_big;
} upload;

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status,
                               const char *type, const char *body, size_t len)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
	    len, (void *)body, MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status,
                                  const char *msg)
{
	jx_buf b;
	jx_buf_init(&b, 4096);
	jx_buf_puts(&b, "{\"error\":");
	jx_json_str(&b, msg, strlen(msg));
	jx_buf_puts(&b, "}");
	enum MHD_Result r =
	    respond(c, status, "application/json; charset=utf-8",
	            b.data ? b.data : "{}", b.data ? b.len : 2);
	jx_buf_free(&b);
	return r;
}

/* ---- parameters ---------------------------------------------------------- */

typedef struct params {
	const char *const *allowed;
	const char *bad; /* first offending key, or NULL */
	const char *why;
	jx_query q;
	const char *pair, *speaker;
} params;

static enum MHD_Result take(void *cls, enum MHD_ValueKind kind, const char *key,
                            const char *value)
{
	(void)kind;
	params *p = cls;
	if (p->bad)
		return MHD_NO;
	bool ok = false;
	for (const char *const *a = p->allowed; *a && !ok; a++)
		ok = strcmp(*a, key) == 0;
	if (!ok) {
		p->bad = key;
		p->why = "unknown parameter";
		return MHD_NO;
	}
	if (value == NULL)
		value = "";
	size_t n = strlen(value);
	if (n > MAX_PARAM || jx_utf8_validate((const uint8_t *)value, n) != n) {
		p->bad = key;
		p->why = n > MAX_PARAM ? "value too long"
		                       : "value is not valid UTF-8";
		return MHD_NO;
	}
	if ((strcmp(key, "from") == 0 || strcmp(key, "to") == 0) &&
	    !cli_is_date(value)) {
		p->bad = key;
		p->why = "not a date (YYYY[-MM[-DD]])";
		return MHD_NO;
	}
	if (strcmp(key, "limit") == 0) {
		char *end;
		long v = strtol(value, &end, 10);
		if (*end || v < 1 || v > 100000) {
			p->bad = key;
			p->why = "not a number from 1 to 100000";
			return MHD_NO;
		}
		p->q.limit = v;
		return MHD_YES;
	}
	if (n == 0)
		return MHD_YES;
	if (strcmp(key, "actor") == 0)
		p->q.actor = value;
	else if (strcmp(key, "pair") == 0)
		p->pair = value;
	else if (strcmp(key, "country") == 0)
		p->q.country = value;
	else if (strcmp(key, "cameo") == 0)
		p->q.cameo = value;
	else if (strcmp(key, "plover") == 0)
		p->q.plover = value;
	else if (strcmp(key, "from") == 0)
		p->q.from = value;
	else if (strcmp(key, "to") == 0)
		p->q.to = value;
	else if (strcmp(key, "text") == 0)
		p->q.text = value;
	else if (strcmp(key, "doc") == 0)
		p->q.doc = value;
	else if (strcmp(key, "speaker") == 0)
		p->speaker = value;
	return MHD_YES;
}

/* JSON lines -> one JSON array. */
static char *lines_to_array(const char *lines, size_t len, size_t *out)
{
	char *a = malloc(len + 3);
	if (a == NULL)
		return NULL;
	size_t k = 0;
	a[k++] = '[';
	for (size_t i = 0; i < len; i++) {
		if (lines[i] == '\n') {
			if (i + 1 < len)
				a[k++] = ',';
		} else {
			a[k++] = lines[i];
		}
	}
	a[k++] = ']';
	a[k] = '\0';
	*out = k;
	return a;
}

static const char *const EVENT_KEYS[] = {"actor",  "pair",  "country", "cameo",
                                         "plover", "from",  "to",      "text",
                                         "doc",    "limit", NULL};
static const char *const QUOTE_KEYS[] = {"speaker", "doc", "limit", NULL};
static const char *const NO_KEYS[] = {NULL};

static enum MHD_Result api_get(server *sv, struct MHD_Connection *c,
                               const char *url)
{
	bool events = strcmp(url, "/api/events") == 0;
	bool stories = strcmp(url, "/api/stories") == 0;
	bool quotes = strcmp(url, "/api/quotes") == 0;
	bool document = strncmp(url, "/api/documents/", 15) == 0;
	if (!events && !stories && !quotes && !document)
		return send_error(c, MHD_HTTP_NOT_FOUND, "no such resource");
	params p;
	memset(&p, 0, sizeof p);
	p.allowed = quotes ? QUOTE_KEYS : document ? NO_KEYS : EVENT_KEYS;
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, take, &p);
	if (p.bad) {
		char msg[128 + MAX_PARAM];
		snprintf(msg, sizeof msg, "%s: %s", p.why, p.bad);
		return send_error(c, MHD_HTTP_BAD_REQUEST, msg);
	}
	char pairbuf[MAX_PARAM + 1];
	if (p.pair) {
		snprintf(pairbuf, sizeof pairbuf, "%s", p.pair);
		char *comma = strchr(pairbuf, ',');
		if (comma == NULL || comma == pairbuf || !comma[1])
			return send_error(c, MHD_HTTP_BAD_REQUEST,
			                  "pair takes X,Y");
		*comma = '\0';
		p.q.actor = pairbuf;
		p.q.actor2 = comma + 1;
	}
	if (document) {
		const char *id = url + 15;
		size_t n = strlen(id);
		if (n == 0 || n > MAX_PARAM ||
		    jx_utf8_validate((const uint8_t *)id, n) != n)
			return send_error(c, MHD_HTTP_BAD_REQUEST,
			                  "bad document id");
	}
	if (p.q.limit == 0 && !document)
		p.q.limit = 5000;
	jx_store *st;
	char err[300];
	if (jx_store_open(sv->db, true, &st, err, sizeof err))
		return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, err);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (mem == NULL) {
		jx_store_close(st);
		return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "memory");
	}
	long n = 0;
	int rc;
	bool found = true;
	if (events)
		rc = jx_store_timeline(st, &p.q, JX_OUT_JSON, true, mem, &n,
		                       err, sizeof err);
	else if (stories)
		rc = jx_store_stories(st, &p.q, JX_OUT_JSON, mem, &n, err,
		                      sizeof err);
	else if (quotes)
		rc = jx_store_quotes(st, p.speaker, p.q.doc, p.q.limit, mem, &n,
		                     err, sizeof err);
	else
		rc = jx_store_document(st, url + 15, mem, &found, err,
		                       sizeof err);
	fclose(mem);
	jx_store_close(st);
	enum MHD_Result r;
	if (rc)
		r = send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, err);
	else if (!found)
		r = send_error(c, MHD_HTTP_NOT_FOUND, "no such document");
	else if (document)
		r = respond(c, MHD_HTTP_OK, "application/json; charset=utf-8",
		            buf, len);
	else {
		size_t alen = 0;
		char *arr = lines_to_array(buf, len, &alen);
		r = arr ? respond(c, MHD_HTTP_OK,
		                  "application/json; charset=utf-8", arr, alen)
		        : send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR,
		                     "memory");
		free(arr);
	}
	free(buf);
	return r;
}

static enum MHD_Result api_extract(server *sv, struct MHD_Connection *c,
                                   const upload *u)
{
	if (u->too_big)
		return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE,
		                  "request body over the size cap");
	params p;
	memset(&p, 0, sizeof p);
	static const char *const keys[] = {"date", NULL};
	p.allowed = keys;
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, take, &p);
	if (p.bad) {
		char msg[128 + MAX_PARAM];
		snprintf(msg, sizeof msg, "%s: %s", p.why, p.bad);
		return send_error(c, MHD_HTTP_BAD_REQUEST, msg);
	}
	const char *date =
	    MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "date");
	jishi_opts o;
	memset(&o, 0, sizeof o);
	o.date = date && *date ? date : NULL;
	o.max_bytes = sv->max_body;
	jishi_doc *d = NULL;
	jishi_err e = {0};
	int rc = jishi_doc_process(sv->model, u->data ? u->data : "", u->len,
	                           &o, &d, &e);
	if (rc) {
		char msg[400];
		if (e.pos != UINT64_MAX)
			snprintf(msg, sizeof msg, "byte %llu: %s",
			         (unsigned long long)e.pos, e.msg);
		else
			snprintf(msg, sizeof msg, "%s", e.msg);
		return send_error(c,
		                  rc == JISHI_ENOMEM
		                      ? MHD_HTTP_INTERNAL_SERVER_ERROR
		                      : MHD_HTTP_BAD_REQUEST,
		                  msg);
	}
	const char *json;
	size_t len;
	enum MHD_Result r;
	if (jishi_doc_json(d, &json, &len) == JISHI_OK)
		r = respond(c, MHD_HTTP_OK, "application/json; charset=utf-8",
		            json, len);
	else
		r = send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "record");
	jishi_doc_free(d);
	return r;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
                              const char *url, const char *method,
                              const char *version, const char *data,
                              size_t *data_size, void **state)
{
	(void)version;
	server *sv = cls;
	bool post = strcmp(method, "POST") == 0;
	if (*state == NULL) {
		upload *u = calloc(1, sizeof *u);
		if (u == NULL)
			return MHD_NO;
		*state = u;
		return MHD_YES;
	}
	upload *u = *state;
	if (*data_size) {
		if (!u->too_big && u->len + *data_size <= sv->max_body) {
			if (u->len + *data_size > u->cap) {
				size_t cap = (u->len + *data_size) * 2;
				char *nd = realloc(u->data, cap);
				if (nd == NULL) {
					u->too_big = true;
				} else {
					u->data = nd;
					u->cap = cap;
				}
			}
			if (!u->too_big) {
				memcpy(u->data + u->len, data, *data_size);
				u->len += *data_size;
			}
		} else {
			u->too_big = true;
		}
		*data_size = 0;
		return MHD_YES;
	}
	if (strlen(url) > 1024)
		return send_error(c, MHD_HTTP_URI_TOO_LONG, "URL too long");
	if (jx_utf8_validate((const uint8_t *)url, strlen(url)) != strlen(url))
		return send_error(c, MHD_HTTP_BAD_REQUEST,
		                  "URL is not valid UTF-8");
	if (post) {
		if (strcmp(url, "/api/extract") != 0)
			return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED,
			                  "POST is only for /api/extract");
		return api_extract(sv, c, u);
	}
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		                  "GET or POST only");
	if (strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0) {
		if (sv->page == NULL)
			return send_error(c, MHD_HTTP_NOT_FOUND,
			                  "no page (see --web)");
		return respond(c, MHD_HTTP_OK, "text/html; charset=utf-8",
		               sv->page, sv->page_len);
	}
	if (strncmp(url, "/api/", 5) == 0)
		return api_get(sv, c, url);
	return send_error(c, MHD_HTTP_NOT_FOUND, "no such resource");
}

static void completed(void *cls, struct MHD_Connection *c, void **state,
                      enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	upload *u = *state;
	if (u) {
		free(u->data);
		free(u);
		*state = NULL;
	}
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			char *nb = realloc(buf, cap);
			if (nb == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0)
			break;
	}
	fclose(f);
	*len = n;
	return buf;
}

static void usage(FILE *f)
{
	fputs("usage: jishi serve [--db FILE] [--port N] [--bind ADDR] "
	      "[options]\n"
	      "\n"
	      "Serve the event store: a timeline page at / and a JSON API.\n"
	      "\n"
	      "  GET  /api/events?actor=&pair=X,Y&country=&cameo=&plover=&from="
	      "&to=&text=&doc=&limit=\n"
	      "  GET  /api/stories?(the same)   events merged across reports\n"
	      "  GET  /api/quotes?speaker=&doc=&limit=\n"
	      "  GET  /api/documents/ID         text paragraphs and record\n"
	      "  POST /api/extract?date=        a report in, its record out "
	      "(not stored)\n"
	      "\n"
	      "      --db FILE           the store (default ./jishi.db)\n"
	      "      --port N            TCP port (default 8080)\n"
	      "      --bind ADDR         IPv4 address (default 127.0.0.1)\n"
	      "      --max-bytes N       request body cap (default 1M)\n"
	      "      --connections N     concurrent connections (default "
	      "1024)\n"
	      "      --threads N         worker threads (default 4)\n"
	      "      --timeout S         idle connection timeout (default 10)\n"
	      "      --web DIR           the page's folder (default: the "
	      "source tree's web/)\n"
	      "      --model PATH        model for /api/extract\n",
	      f);
}

int cli_serve(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'B'},
	    {"port", required_argument, NULL, 'p'},
	    {"bind", required_argument, NULL, 'b'},
	    {"max-bytes", required_argument, NULL, 'M'},
	    {"connections", required_argument, NULL, 'c'},
	    {"threads", required_argument, NULL, 't'},
	    {"timeout", required_argument, NULL, 'T'},
	    {"web", required_argument, NULL, 'w'},
	    {"model", required_argument, NULL, 'm'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	server sv = {.db = "jishi.db", .max_body = (size_t)1 << 20};
	const char *bind = "127.0.0.1", *web = JISHI_WEB_DIR,
	           *model_path = NULL;
	long port = 8080, conns = 1024, threads = 4, timeout = 10;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		char *end = NULL;
		long *num = c == 'p'   ? &port
		            : c == 'c' ? &conns
		            : c == 't' ? &threads
		            : c == 'T' ? &timeout
		                       : NULL;
		if (num) {
			*num = strtol(optarg, &end, 10);
			if (*end || *num < (c == 'p' ? 1 : 1) ||
			    *num > (c == 'p' ? 65535 : 100000)) {
				fprintf(stderr,
				        "jishi serve: bad number '%s'\n",
				        optarg);
				return 2;
			}
			continue;
		}
		switch (c) {
		case 'B':
			sv.db = optarg;
			break;
		case 'b':
			bind = optarg;
			break;
		case 'M':
			if (!cli_parse_size(optarg, &sv.max_body)) {
				fprintf(stderr,
				        "jishi serve: --max-bytes takes "
				        "a size such as 1M\n");
				return 2;
			}
			break;
		case 'w':
			web = optarg;
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
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, bind, &addr.sin_addr) != 1) {
		fprintf(stderr, "jishi serve: --bind takes an IPv4 address\n");
		return 2;
	}
	jx_store *probe;
	char err[300];
	if (jx_store_open(sv.db, true, &probe, err, sizeof err)) {
		fprintf(stderr, "jishi serve: %s\n", err);
		return 2;
	}
	jx_store_close(probe);
	jishi_model *model;
	jishi_dict *dict;
	if (cli_open_model(model_path, NULL, &model, &dict))
		return 2;
	sv.model = model;
	if (web && *web) {
		char path[4096];
		snprintf(path, sizeof path, "%s/index.html", web);
		sv.page = read_file(path, &sv.page_len);
		if (sv.page == NULL)
			fprintf(stderr,
			        "jishi serve: no page at %s (the API "
			        "works without it)\n",
			        path);
	}
	struct MHD_Daemon *d = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
	    (uint16_t)port, NULL, NULL, handle, &sv, MHD_OPTION_SOCK_ADDR,
	    (struct sockaddr *)&addr, MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned)conns, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)timeout,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)128 * 1024,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "jishi serve: cannot listen on %s:%ld: %s\n",
		        bind, port, strerror(errno));
		free(sv.page);
		jishi_model_close(model);
		return 2;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	fprintf(stderr, "jishi serve: http://%s:%ld/ (store %s)\n", bind, port,
	        sv.db);
	while (!stop)
		pause();
	MHD_stop_daemon(d);
	free(sv.page);
	jishi_model_close(model);
	return 0;
}
