/*
 * date.c -- calendar arithmetic on the proleptic Gregorian calendar.
 * No clock is read here or anywhere in the library.
 */
#include "base.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool jx_date_valid(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
	                              31, 31, 30, 31, 30, 31};
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1] + (m == 2 && leap(y));
	return d <= max;
}

bool jx_date_parse(const char *s, size_t len, int *y, int *m, int *d)
{
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	int v[3] = {0, 0, 0};
	static const int pos[3][2] = {{0, 4}, {5, 7}, {8, 10}};
	for (int k = 0; k < 3; k++)
		for (int i = pos[k][0]; i < pos[k][1]; i++) {
			if (s[i] < '0' || s[i] > '9')
				return false;
			v[k] = v[k] * 10 + (s[i] - '0');
		}
	if (!jx_date_valid(v[0], v[1], v[2]))
		return false;
	*y = v[0];
	*m = v[1];
	*d = v[2];
	return true;
}
