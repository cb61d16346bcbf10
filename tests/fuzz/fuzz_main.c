/*
 * fuzz_main.c -- replay inputs through LLVMFuzzerTestOneInput without
 * libFuzzer, for gcc and ASan/UBSan builds under ctest (the habit of
 * utf8proc's test/fuzz_main.c).
 *
 * usage: fuzz_xxx_replay FILE|DIR...
 * Directories are walked recursively, entries in byte order, names
 * starting with '.' skipped. Each file is read whole and passed once.
 * Exit 0 after printing how many inputs ran; 1 if an argument cannot be
 * read or nothing was replayed. A finding aborts (the target's CHECK or a
 * sanitizer), which ctest reports as a failure.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static unsigned long nrun;
static int failed;

static void one_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "fuzz_main: %s: %s\n", path, strerror(errno));
		failed = 1;
		return;
	}
	size_t cap = 4096, len = 0, n;
	uint8_t *buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			uint8_t *nb = realloc(buf, cap * 2);
			if (nb == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	int err = ferror(f);
	fclose(f);
	if (buf == NULL || err) {
		fprintf(stderr, "fuzz_main: %s: cannot read\n", path);
		free(buf);
		failed = 1;
		return;
	}
	/* an exact-size copy, so ASan sees reads past the end */
	uint8_t *exact = malloc(len ? len : 1);
	if (exact == NULL) {
		free(buf);
		failed = 1;
		return;
	}
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	nrun++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "fuzz_main: %s: %s\n", path, strerror(errno));
		failed = 1;
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		one_file(path);
		return;
	}
	DIR *d = opendir(path);
	if (d == NULL) {
		fprintf(stderr, "fuzz_main: %s: %s\n", path, strerror(errno));
		failed = 1;
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof(*names));
			if (nn == NULL)
				break;
			names = nn;
		}
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		names[n] = malloc(len);
		if (names[n] == NULL)
			break;
		snprintf(names[n], len, "%s/%s", path, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		walk(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++)
		walk(argv[i]);
	printf("%s: replayed %lu input(s)\n", argv[0], nrun);
	return failed || nrun == 0;
}
