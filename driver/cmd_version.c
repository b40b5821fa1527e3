/* `asepsis version`: the tool identity an auditor records. */
#include <stdio.h>

#include "core/analyze.h"
#include "cli.h"
#include "ruleset.h"

int cmd_version(int argc, char **argv, struct asp_error *err)
{
	struct ruleset *rs = NULL;
	int rc;

	(void)argc;
	(void)argv;
	rc = ruleset_load(&rs, NULL, 0, err);
	if (rc)
		return rc;
	printf("asepsis %s\n", ASEPSIS_VERSION);
	printf("front end: %s\n", analyze_frontend_version());
	printf("rule catalogue: %zu rules, sha256 %s\n", rs->n, rs->hash);
	ruleset_free(rs);
	return 0;
}
