/* Lifetime of a run record, and the questions every writer asks of it. */
#include "run.h"

#include <stdlib.h>
#include <string.h>

int run_finding_dispositioned(const struct run_finding *rf)
{
	if (rf->f && rf->f->suppression)
		return 1;
	return strcmp(rf->state, "accepted-risk") == 0 || strcmp(rf->state, "false-positive") == 0 ||
	       strcmp(rf->state, "deferred") == 0;
}

int run_finding_suppressed(const struct run_finding *rf)
{
	if (rf->f && rf->f->suppression)
		return 1;
	return strcmp(rf->state, "accepted-risk") == 0 || strcmp(rf->state, "false-positive") == 0;
}

int run_finding_gates(const struct run_finding *rf, int fail_on, int new_only)
{
	if (fail_on == ASP_LEVEL_NONE || rf->level < fail_on || run_finding_dispositioned(rf) ||
	    rf->soup_separate)
		return 0;
	return !new_only || rf->baseline == BASELINE_NEW;
}

static void links_free(struct run_link *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(l[i].kind);
		free(l[i].ref);
	}
	free(l);
}

static void finding_free(struct asp_finding *f)
{
	free(f->path);
	free(f->message);
	free(f->function);
	free(f->stmt_text);
	free(f->snippet);
	free(f->suppression);
	analyze_steps_free(f->steps, f->nsteps);
}

void baseline_free(struct baseline *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n; i++) {
		struct baseline_item *it = &b->items[i];

		free(it->rule);
		free(it->uri);
		free(it->message);
		free(it->function);
		free(it->snippet);
	}
	free(b->items);
	free(b->name);
	memset(b, 0, sizeof *b);
}

void run_free_annotations(struct run *r)
{
	size_t i;

	for (i = 0; r && i < r->nfindings; i++) {
		struct run_finding *rf = &r->findings[i];

		rf->state[0] = '\0';
		free(rf->justification);
		rf->justification = NULL;
		links_free(rf->links, rf->nlinks);
		rf->links = NULL;
		rf->nlinks = 0;
	}
}

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
	run_free_annotations(r);
	for (i = 0; i < r->nfindings; i++)
		free(r->findings[i].uri);
	free(r->findings);
	for (i = 0; i < r->nabsent; i++) {
		free(r->absent[i].uri);
		finding_free(&r->absent_f[i]);
	}
	free(r->absent);
	free(r->absent_f);
	r->absent = NULL;
	r->absent_f = NULL;
	r->nabsent = 0;
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
