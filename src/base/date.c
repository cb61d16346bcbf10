/*
 * date.c -- calendar arithmetic on the proleptic Gregorian calendar.
 * No clock is read here or anywhere in the library.
 */
#include <stdio.h>
#include <string.h>

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

static int digits(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

bool jx_datetime_parse(const char *s, size_t len, jx_datetime *out)
{
	jx_datetime t = {0, 0, 0, -1, -1, -1, ""};
	if (len < 10 || !jx_date_parse(s, 10, &t.y, &t.m, &t.d))
		return false;
	if (len == 10) {
		*out = t;
		return true;
	}
	if ((s[10] != 'T' && s[10] != ' ') || len < 16 || s[13] != ':' ||
	    !digits(s + 11, 2, &t.hh) || !digits(s + 14, 2, &t.mi) ||
	    t.hh > 23 || t.mi > 59)
		return false;
	size_t p = 16;
	t.ss = 0;
	if (p < len && s[p] == ':') {
		if (p + 3 > len || !digits(s + p + 1, 2, &t.ss) || t.ss > 60)
			return false;
		p += 3;
		if (p < len && s[p] == '.') { /* fraction: dropped */
			p++;
			while (p < len && s[p] >= '0' && s[p] <= '9')
				p++;
		}
	}
	if (p == len) {
		*out = t;
		return true;
	}
	if (s[p] == 'Z' && p + 1 == len) {
		memcpy(t.tz, "+00:00", 7);
		*out = t;
		return true;
	}
	int zh, zm = 0;
	if ((s[p] != '+' && s[p] != '-') || p + 3 > len ||
	    !digits(s + p + 1, 2, &zh) || zh > 14)
		return false;
	size_t q = p + 3;
	if (q < len && s[q] == ':')
		q++;
	if (q < len) {
		if (q + 2 != len || !digits(s + q, 2, &zm) || zm > 59)
			return false;
	}
	snprintf(t.tz, sizeof(t.tz), "%c%02d:%02d", s[p], zh, zm);
	*out = t;
	return true;
}

/* Days from 1970-01-01 (H. Hinnant's days_from_civil). */
int64_t jx_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void jx_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400) + (mm <= 2);
	*m = mm;
	*d = dd;
}

int jx_month_days(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
	                              31, 31, 30, 31, 30, 31};
	return m < 1 || m > 12 ? 0 : mdays[m - 1] + (m == 2 && leap(y));
}
