/*
 * query.c -- `jishi query`: the stored events as a timeline
 * (docs/internals/store.md, docs/cli.md).
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static void usage(FILE *f)
{
	fputs(
	    "usage: jishi query [--db FILE] [filters] [--json|--tsv] "
	    "[--evidence]\n"
	    "\n"
	    "Print the stored events ordered by day (a timeline).\n"
	    "\n"
	    "      --db FILE        the store (default ./jishi.db)\n"
	    "      --actor X        an actor on either side: a name (李在明), "
	    "an actor\n"
	    "                       code (KORGOV) or a country code (KOR)\n"
	    "      --pair X,Y       events with both actors\n"
	    "      --country C      an actor of country C (ISO 3166 "
	    "alpha-3)\n"
	    "      --cameo CODE     CAMEO code or prefix (04, 042)\n"
	    "      --plover TYPE    PLOVER type (CONSULT, ACCUSE, ...)\n"
	    "      --from DATE      events on or after DATE (YYYY-MM-DD)\n"
	    "      --to DATE        events on or before DATE\n"
	    "      --text QUERY     reports whose text matches (SQLite FTS5 "
	    "syntax)\n"
	    "      --doc ID         one document\n"
	    "      --limit N        at most N rows\n"
	    "      --json           one JSON object a line\n"
	    "      --tsv            GDELT-style columns: Day, Actor1Code, "
	    "Actor1Name,\n"
	    "                       Actor2Code, Actor2Name, EventCode, "
	    "EventRootCode,\n"
	    "                       QuadClass, SOURCEURL\n"
	    "      --evidence       add the text each event was read from\n",
	    f);
}

bool cli_is_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Quotations by speaker: JSON lines as they come, or a table. */
static int print_quotes(jx_store *st, const jx_query *q, int format, long *n,
                        char *err, size_t errlen)
{
	if (format == JX_OUT_JSON)
		return jx_store_quotes(st, q->actor, q->doc, q->limit, stdout,
		                       n, err, errlen);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (mem == NULL)
		return JISHI_ENOMEM;
	int rc = jx_store_quotes(st, q->actor, q->doc, q->limit, mem, n, err,
	                         errlen);
	fclose(mem);
	for (char *line = buf; rc == JISHI_OK && line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		json_error_t je;
		json_t *o = json_loads(line, 0, &je);
		const char *who =
		    json_string_value(json_object_get(o, "speaker"));
		const char *txt = json_string_value(json_object_get(o, "text"));
		const char *kind =
		    json_string_value(json_object_get(o, "kind"));
		const char *doc = json_string_value(json_object_get(o, "doc"));
		printf("%-10s  %-6s  %s  「%s」\n", who ? who : "?",
		       kind ? kind : "", doc ? doc : "", txt ? txt : "");
		json_decref(o);
		line = nl ? nl + 1 : NULL;
	}
	free(buf);
	return rc;
}

int cli_query(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'B'},
	    {"actor", required_argument, NULL, 'a'},
	    {"pair", required_argument, NULL, 'p'},
	    {"country", required_argument, NULL, 'c'},
	    {"cameo", required_argument, NULL, 'e'},
	    {"plover", required_argument, NULL, 'P'},
	    {"from", required_argument, NULL, 'F'},
	    {"to", required_argument, NULL, 'T'},
	    {"text", required_argument, NULL, 't'},
	    {"doc", required_argument, NULL, 'D'},
	    {"limit", required_argument, NULL, 'l'},
	    {"json", no_argument, NULL, 'J'},
	    {"tsv", no_argument, NULL, 'S'},
	    {"evidence", no_argument, NULL, 'E'},
	    {"stories", no_argument, NULL, 's'},
	    {"quotes", no_argument, NULL, 'Q'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	jx_query q;
	memset(&q, 0, sizeof q);
	const char *db = "jishi.db";
	int format = JX_OUT_TABLE;
	bool evidence = false, stories = false, quotes = false;
	char *pair = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'B':
			db = optarg;
			break;
		case 'a':
			q.actor = optarg;
			break;
		case 'p': {
			char *comma = strchr(optarg, ',');
			if (comma == NULL || comma == optarg || !comma[1]) {
				fprintf(stderr, "jishi query: --pair takes "
				                "X,Y\n");
				return 2;
			}
			pair = strdup(optarg);
			if (pair == NULL)
				return 3;
			pair[comma - optarg] = '\0';
			q.actor = pair;
			q.actor2 = pair + (comma - optarg) + 1;
			break;
		}
		case 'c':
			q.country = optarg;
			break;
		case 'e':
			q.cameo = optarg;
			break;
		case 'P':
			q.plover = optarg;
			break;
		case 'F':
		case 'T':
			if (!cli_is_date(optarg)) {
				fprintf(stderr,
				        "jishi query: --%s takes "
				        "YYYY[-MM[-DD]]\n",
				        c == 'F' ? "from" : "to");
				free(pair);
				return 2;
			}
			if (c == 'F')
				q.from = optarg;
			else
				q.to = optarg;
			break;
		case 't':
			q.text = optarg;
			break;
		case 'D':
			q.doc = optarg;
			break;
		case 'l': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1) {
				fprintf(stderr, "jishi query: --limit takes a "
				                "positive number\n");
				free(pair);
				return 2;
			}
			q.limit = v;
			break;
		}
		case 'J':
			format = JX_OUT_JSON;
			break;
		case 'S':
			format = JX_OUT_TSV;
			break;
		case 'E':
			evidence = true;
			break;
		case 's':
			stories = true;
			break;
		case 'Q':
			quotes = true;
			break;
		case 'h':
			usage(stdout);
			free(pair);
			return 0;
		default:
			usage(stderr);
			free(pair);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "jishi query: unexpected argument '%s'\n",
		        argv[optind]);
		free(pair);
		return 2;
	}
	jx_store *st;
	char err[300];
	if (jx_store_open(db, true, &st, err, sizeof err)) {
		fprintf(stderr, "jishi query: %s\n", err);
		free(pair);
		return 2;
	}
	long n = 0;
	int rc;
	if (quotes)
		rc = print_quotes(st, &q, format, &n, err, sizeof err);
	else if (stories)
		rc = jx_store_stories(st, &q, format, stdout, &n, err,
		                      sizeof err);
	else
		rc = jx_store_timeline(st, &q, format, evidence, stdout, &n,
		                       err, sizeof err);
	jx_store_close(st);
	free(pair);
	if (rc) {
		fprintf(stderr, "jishi query: %s\n", err);
		return 1;
	}
	if (format == JX_OUT_TABLE) {
		fflush(stdout);
		fprintf(stderr, "%ld %s\n", n,
		        quotes    ? "quotes"
		        : stories ? "stories"
		                  : "events");
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
