/* Version order, vers: ranges and CVSS v3 scores used to match SOUP against feeds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "soup.h"

static void test_vercmp(void **state)
{
	(void)state;
	assert_true(soup_vuln_vercmp("1.2.11", "1.2.13") < 0);
	assert_true(soup_vuln_vercmp("1.2.13", "1.2.3") > 0);        /* numbers, not text */
	assert_int_equal(soup_vuln_vercmp("V10.4.3", "10.4.3"), 0);  /* a leading v */
	assert_int_equal(soup_vuln_vercmp("2.1.02", "2.1.2"), 0);
	assert_true(soup_vuln_vercmp("1.0", "1.0.1") < 0);
	assert_true(soup_vuln_vercmp("3.0.0-rc1", "3.0.0") < 0);     /* pre-release first */
	assert_true(soup_vuln_vercmp("3.0.0rc1", "3.0.0") < 0);
	assert_true(soup_vuln_vercmp("1.0.1", "1.0rc1") > 0);
	assert_true(soup_vuln_vercmp("0.14b", "0.14") > 0);          /* a letter release */
	assert_true(soup_vuln_vercmp("1.1.1k", "1.1.1j") > 0);
	assert_int_equal(soup_vuln_vercmp("1.2.3+build5", "1.2.3"), 0);
}

static void test_vers(void **state)
{
	(void)state;
	assert_true(soup_vuln_in_vers("vers:generic/>=1.2.0|<1.2.12", "1.2.11"));
	assert_false(soup_vuln_in_vers("vers:generic/>=1.2.0|<1.2.12", "1.2.12"));
	assert_false(soup_vuln_in_vers("vers:generic/>=1.2.0|<1.2.12", "1.1.9"));
	assert_true(soup_vuln_in_vers("vers:generic/<2.0", "1.9.9"));
	assert_true(soup_vuln_in_vers("vers:generic/>=3.0", "3.5"));
	assert_true(soup_vuln_in_vers("vers:generic/1.0.2|1.0.4", "1.0.4"));
	assert_false(soup_vuln_in_vers("vers:generic/1.0.2|1.0.4", "1.0.3"));
	assert_true(soup_vuln_in_vers("vers:generic/*", "7"));
	assert_true(soup_vuln_in_vers("vers:generic/>=1.0|<=1.5|>=2.0|<2.1", "2.0.5"));
	assert_false(soup_vuln_in_vers("vers:generic/>=1.0|<=1.5|>=2.0|<2.1", "1.7"));
	assert_false(soup_vuln_in_vers("vers:generic/>=1.0|!=1.2|<2.0", "1.2"));
	assert_false(soup_vuln_in_vers("not-a-range", "1.0"));
}

static void test_cvss(void **state)
{
	(void)state;
	assert_true(fabs(soup_vuln_cvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") - 9.8) < 1e-9);
	assert_true(fabs(soup_vuln_cvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H") - 10.0) < 1e-9);
	assert_true(fabs(soup_vuln_cvss3("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N") - 5.5) < 1e-9);
	assert_true(fabs(soup_vuln_cvss3("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N") - 3.1) < 1e-9);
	assert_true(soup_vuln_cvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N") == 0);
	assert_true(soup_vuln_cvss3("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") < 0);
	assert_true(soup_vuln_cvss3("CVSS:2.0/AV:N") < 0);
	assert_true(soup_vuln_cvss3("CVSS:3.1/AV:N/AC:L") < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vercmp),
		cmocka_unit_test(test_vers),
		cmocka_unit_test(test_cvss),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
