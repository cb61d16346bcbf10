/*
 * main.c -- the jishi binary: subcommand dispatch, --help, --version, and
 * where the model is found when --model is not given.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#ifndef JISHI_BUILD_MODEL
#define JISHI_BUILD_MODEL ""
#endif

static void usage(FILE *f)
{
	fputs("usage: jishi <command> [options] [args]\n"
	      "\n"
	      "jishi (紀事) turns Chinese news reports, Traditional and "
	      "Simplified, into\n"
	      "structured records: dateline, byline, captions, paragraphs, "
	      "cited media, ...\n"
	      "\n"
	      "commands:\n"
	      "  extract   reports in, schema-v1 JSON records out "
	      "(jishi extract --help)\n"
	      "  seg       words (and POS tags) only, line by line "
	      "(jishi seg --help)\n"
	      "  ingest    extract reports into the event store "
	      "(jishi ingest --help)\n"
	      "  query     the stored events as a timeline "
	      "(jishi query --help)\n"
	      "  serve     a JSON API and a timeline page over the store "
	      "(jishi serve --help)\n"
	      "\n"
	      "  jishi --version   print the version\n"
	      "  jishi --help      this help\n"
	      "\n"
	      "The model is taken from --model, else $JISHI_MODEL, else "
	      "model.bin beside the\n"
	      "binary, else ../share/jishi/model.bin relative to it.\n",
	      f);
}

static bool readable(const char *p)
{
	return p[0] && access(p, R_OK) == 0;
}

double cli_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

const char *cli_default_model(char *buf, size_t size)
{
	const char *env = getenv("JISHI_MODEL");
	if (env && *env)
		return env;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(buf, size, "%s/model.bin", exe);
			if (readable(buf))
				return buf;
			snprintf(buf, size, "%s/../share/jishi/model.bin", exe);
			if (readable(buf))
				return buf;
		}
	}
	if (readable(JISHI_BUILD_MODEL))
		return JISHI_BUILD_MODEL;
	return NULL; /* the library's installed default */
}

int cli_open_model(const char *model_path, const char *dict_path,
                   jishi_model **model, jishi_dict **dict)
{
	char buf[PATH_MAX];
	jishi_err err = {0};
	*model = NULL;
	*dict = NULL;
	if (model_path == NULL)
		model_path = cli_default_model(buf, sizeof(buf));
	if (jishi_model_open(model_path, model, &err) != JISHI_OK) {
		fprintf(stderr, "jishi: cannot open model: %s\n", err.msg);
		return 2;
	}
	if (dict_path && jishi_dict_open(*model, dict_path, dict, &err)) {
		fprintf(stderr, "jishi: cannot open dictionary: %s\n", err.msg);
		jishi_model_close(*model);
		*model = NULL;
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
	    strcmp(cmd, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("jishi %s (schema %d)\n", jishi_version(), JISHI_SCHEMA);
		return 0;
	}
	if (strcmp(cmd, "extract") == 0)
		return cli_extract(argc - 1, argv + 1);
	if (strcmp(cmd, "seg") == 0)
		return cli_seg(argc - 1, argv + 1);
	if (strcmp(cmd, "ingest") == 0)
		return cli_ingest(argc - 1, argv + 1);
	if (strcmp(cmd, "query") == 0)
		return cli_query(argc - 1, argv + 1);
	if (strcmp(cmd, "serve") == 0)
		return cli_serve(argc - 1, argv + 1);
	fprintf(stderr, "jishi: unknown command '%s' (see jishi --help)\n",
	        cmd);
	return 2;
}
