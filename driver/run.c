/* Lifetime of a run record. */
#include "run.h"

#include <stdlib.h>

void run_free(struct run *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nfiles; i++) {
		free(r->files[i].path);
		free(r->files[i].uri);
	}
	free(r->files);
	for (i = 0; i < r->nfindings; i++)
		free(r->findings[i].uri);
	free(r->findings);
	analyze_result_free(&r->result);
	free(r->root);
	free(r->command_line);
	free(r->tool_version);
	free(r->frontend_version);
	free(r->vcs_commit);
	free(r->vcs_branch);
	free(r->vcs_uri);
	r->files = NULL;
	r->findings = NULL;
	r->nfiles = r->nfindings = 0;
}
