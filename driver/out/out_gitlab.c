/*
 * GitLab Code Quality report (the Code Climate issue format GitLab reads
 * from `artifacts: reports: codequality:`): one issue per finding that is
 * not dispositioned, in run order. Never changes the run.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "out.h"
#include "out_ci.h"
#include "out_file.h"

/* GitLab's five levels: info, minor, major, critical, blocker. An error whose
   rule rates 9.0 or more (CVSS-style security severity) blocks; a warning of
   a low-precision rule is minor. */
static const char *gitlab_severity(const struct run_finding *rf)
{
	double sec = rf->rule->security_severity ? strtod(rf->rule->security_severity, NULL) : 0;

	switch (rf->level) {
	case ASP_LEVEL_ERROR:
		return sec >= 9.0 ? "blocker" : "critical";
	case ASP_LEVEL_WARNING:
		return rf->rule->precision && strcmp(rf->rule->precision, "low") == 0 ? "minor"
			: "major";
	default:
		return "info";
	}
}

static void put(json_t *o, const char *k, json_t *v, int *oom)
{
	if (!v || json_object_set_new(o, k, v) != 0)
		*oom = 1;
}

/* Text as JSON; bytes that are not UTF-8 become '?'. */
static json_t *text(const char *s)
{
	json_t *v = json_string(s ? s : "");
	char *c;
	size_t i;

	if (v || !s)
		return v;
	c = strdup(s);
	if (!c)
		return NULL;
	for (i = 0; c[i]; i++)
		if ((unsigned char)c[i] >= 0x80)
			c[i] = '?';
	v = json_string(c);
	free(c);
	return v;
}

int out_gitlab_write(const struct run *r, const char *path, const struct out_ci_opts *o,
		     struct asp_error *err)
{
	json_t *a = json_array();
	struct out_file of;
	size_t i;
	int oom = !a, rc;

	for (i = 0; i < r->nfindings && !oom; i++) {
		const struct run_finding *rf = &r->findings[i];
		json_t *issue, *loc, *lines, *cats;
		char *p, desc[2048];

		if (!rf->f || !rf->rule || run_finding_dispositioned(rf))
			continue;
		issue = json_object();
		loc = json_object();
		lines = json_object();
		cats = json_array();
		p = out_ci_path(r, o, rf->f->path);
		if (!issue || !loc || !lines || !cats || !p ||
		    json_array_append_new(cats, json_string("Security")) != 0)
			oom = 1;
		/* the ID helps whoever reads the merge request widget find the
		   finding in the store */
		snprintf(desc, sizeof desc, "%s%s%s", rf->f->message ? rf->f->message : "",
			 rf->trace_id[0] ? " " : "", rf->trace_id);
		put(issue, "type", json_string("issue"), &oom);
		put(issue, "description", text(desc), &oom);
		put(issue, "check_name", text(rf->rule->id), &oom);
		put(issue, "categories", cats, &oom);
		put(issue, "fingerprint", json_string(rf->fingerprint), &oom);
		put(issue, "severity", json_string(gitlab_severity(rf)), &oom);
		put(loc, "path", text(p), &oom);
		put(lines, "begin", json_integer(rf->f->line ? rf->f->line : 1), &oom);
		if (rf->f->end_line > rf->f->line)
			put(lines, "end", json_integer(rf->f->end_line), &oom);
		put(loc, "lines", lines, &oom);
		put(issue, "location", loc, &oom);
		if (json_array_append_new(a, issue) != 0)
			oom = 1;
		free(p);
	}
	if (oom) {
		json_decref(a);
		return error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
	}
	rc = out_file_open(&of, path, "GitLab Code Quality report", err);
	if (!rc && (json_dumpf(a, of.f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 ||
		    fputc('\n', of.f) == EOF)) {
		out_file_abort(&of);
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the GitLab report");
	}
	if (!rc)
		rc = out_file_commit(&of, err);
	json_decref(a);
	return rc;
}
