/*
 * GitHub Actions without code scanning: a markdown job summary and workflow
 * annotations (::error file=...::message), so private repositories see the
 * results too. Both stay inside GitHub's limits (1 MiB of summary per step,
 * 10 annotations per level per step). Never changes the run.
 */
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "out_ci.h"
#include "out_file.h"

#define SUMMARY_BUDGET (900u * 1024u)   /* GitHub refuses more than 1 MiB per step */
#define SUMMARY_ROWS 200

/* ---- annotations --------------------------------------------------------- */

/* Escapes for workflow commands: data escapes %, CR and LF; properties also
   ':' and ','. */
static void cmd_esc(FILE *f, const char *s, int property)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '%': fputs("%25", f); break;
		case '\r': fputs("%0D", f); break;
		case '\n': fputs("%0A", f); break;
		case ':': if (property) fputs("%3A", f); else fputc(':', f); break;
		case ',': if (property) fputs("%2C", f); else fputc(',', f); break;
		default: fputc(*s, f);
		}
	}
}

static const char *cmd_level(int level)
{
	return level == ASP_LEVEL_ERROR ? "error" : level == ASP_LEVEL_WARNING ? "warning" : "notice";
}

size_t out_github_annotations(FILE *f, const struct run *r, const struct out_ci_opts *o)
{
	size_t n = 0, i, left = 0, shown[4] = { 0, 0, 0, 0 };
	size_t cap = o->max_annotations ? (size_t)o->max_annotations : 10;
	int oom = 0;
	size_t *v = out_ci_open_by_level(r, &n, &oom);

	for (i = 0; i < n; i++) {
		const struct run_finding *rf = &r->findings[v[i]];
		char *p;

		if (rf->level < ASP_LEVEL_NOTE || rf->level > ASP_LEVEL_ERROR)
			continue;
		if (shown[rf->level] == cap) {
			left++;
			continue;
		}
		p = out_ci_path(r, o, rf->f->path);
		if (!p) {
			left++;
			continue;
		}
		shown[rf->level]++;
		fprintf(f, "::%s file=", cmd_level(rf->level));
		cmd_esc(f, p, 1);
		fprintf(f, ",line=%u,col=%u", rf->f->line, rf->f->column);
		if (rf->f->end_line >= rf->f->line && rf->f->end_line) {
			fprintf(f, ",endLine=%u", rf->f->end_line);
			if (rf->f->end_line == rf->f->line && rf->f->end_column > rf->f->column)
				fprintf(f, ",endColumn=%u", rf->f->end_column);
		}
		fputs(",title=", f);
		cmd_esc(f, rf->rule->id, 1);
		if (rf->trace_id[0]) {
			fputc(' ', f);
			cmd_esc(f, rf->trace_id, 1);
		}
		fputs("::", f);
		cmd_esc(f, rf->f->message, 0);
		fputc('\n', f);
		free(p);
	}
	if (left)
		fprintf(f, "asepsis: %zu more finding%s not annotated (GitHub shows %zu annotations "
			"per level and step); the job summary and the SARIF list them all\n",
			left, left == 1 ? "" : "s", cap);
	free(v);
	fflush(f);
	return left;
}

/* ---- job summary --------------------------------------------------------- */

/* Markdown-safe text for a table cell: no line breaks, and the characters
   that would start markup or end the cell escaped. */
static void md_esc(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r')
			fputc(' ', f);
		else if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else if (*s == '&')
			fputs("&amp;", f);
		else if (strchr("\\`*_[]|#~", *s)) {
			fputc('\\', f);
			fputc(*s, f);
		} else
			fputc(*s, f);
	}
}

/* A link target must not break the markdown: only safe characters pass,
   everything else is percent-encoded. */
static void url_esc(FILE *f, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c))
			fputc(c, f);
		else
			fprintf(f, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

struct rule_count {
	const struct rule *rule;
	size_t n[4];
};

static int by_rule_id(const void *a, const void *b)
{
	return strcmp(((const struct rule_count *)a)->rule->id,
		      ((const struct rule_count *)b)->rule->id);
}

int out_github_summary(const struct run *r, const char *path, const struct out_ci_opts *o,
		       struct asp_error *err)
{
	struct out_file of;
	struct rule_count *rc_ = NULL;
	size_t nrc = 0, i, k, counts[4] = { 0, 0, 0, 0 }, blocking = 0, dispositioned = 0;
	size_t fresh = 0, nopen = 0, rows = 0, reduced = 0, failed = 0;
	size_t *order = NULL;
	int rc, oom = 0;
	long start;

	rc = out_file_open_append(&of, path, "job summary", err);
	if (rc)
		return rc;
	rc_ = calloc(r->nfindings ? r->nfindings : 1, sizeof *rc_);
	order = out_ci_open_by_level(r, &nopen, &oom);
	if (!rc_ || oom) {
		rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < r->nfindings; i++) {
		const struct run_finding *rf = &r->findings[i];

		if (run_finding_dispositioned(rf)) {
			dispositioned++;
			continue;
		}
		if (rf->level < 0 || rf->level > 3)
			continue;
		counts[rf->level]++;
		blocking += run_finding_gates(rf, o->fail_on, o->new_only) != 0;
		fresh += r->baseline_name && rf->baseline == BASELINE_NEW;
		for (k = 0; k < nrc && rc_[k].rule != rf->rule; k++)
			;
		if (k == nrc)
			rc_[nrc++].rule = rf->rule;
		rc_[k].n[rf->level]++;
	}
	for (i = 0; i < r->nfiles; i++) {
		reduced += r->files[i].status == RUN_FILE_PARTIAL;
		failed += r->files[i].status == RUN_FILE_FAILED;
	}
	if (nrc)
		qsort(rc_, nrc, sizeof *rc_, by_rule_id);
	start = ftell(of.f);
	fprintf(of.f, "## asepsis: %s\n\n", blocking ? "failed" : "passed");
	if (blocking)
		fprintf(of.f, "%zu finding%s at or above **%s**%s fail%s the gate.\n\n", blocking,
			blocking == 1 ? "" : "s", ruleset_level_name(o->fail_on),
			o->new_only ? " and new against the baseline" : "", blocking == 1 ? "s" : "");
	else
		fprintf(of.f, "No open finding at or above **%s**%s.\n\n",
			ruleset_level_name(o->fail_on),
			o->new_only ? " is new against the baseline" : "");
	fprintf(of.f, "| severity | open findings |\n|---|---:|\n| error | %zu |\n| warning | %zu |\n"
		"| note | %zu |\n\n", counts[ASP_LEVEL_ERROR], counts[ASP_LEVEL_WARNING],
		counts[ASP_LEVEL_NOTE]);
	fprintf(of.f, "%zu file%s analysed", r->nfiles - failed, r->nfiles - failed == 1 ? "" : "s");
	if (reduced)
		fprintf(of.f, ", %zu with reduced coverage", reduced);
	if (failed)
		fprintf(of.f, ", **%zu not analysed**", failed);
	if (dispositioned)
		fprintf(of.f, "; %zu finding%s suppressed or dispositioned (not counted)", dispositioned,
			dispositioned == 1 ? "" : "s");
	if (r->baseline_name) {
		fprintf(of.f, "; against the baseline (");
		md_esc(of.f, r->baseline_name);
		fprintf(of.f, "): %zu new, %zu no longer found", fresh, r->nabsent);
	}
	fprintf(of.f, ".\n\n");
	if (nrc) {
		fprintf(of.f, "| rule | title | error | warning | note |\n|---|---|---:|---:|---:|\n");
		for (k = 0; k < nrc; k++) {
			fprintf(of.f, "| %s | ", rc_[k].rule->id);
			md_esc(of.f, rc_[k].rule->title);
			fprintf(of.f, " | %zu | %zu | %zu |\n", rc_[k].n[ASP_LEVEL_ERROR],
				rc_[k].n[ASP_LEVEL_WARNING], rc_[k].n[ASP_LEVEL_NOTE]);
		}
		fputc('\n', of.f);
	}
	if (nopen) {
		size_t listed = r->baseline_name ? fresh : nopen;

		fprintf(of.f, "### %s\n\n", r->baseline_name ? "New findings" : "Open findings");
		if (listed)
			fprintf(of.f, "| | ID | rule | location | message |\n|---|---|---|---|---|\n");
		for (i = 0; i < nopen; i++) {
			const struct run_finding *rf = &r->findings[order[i]];
			char *p;

			if (r->baseline_name && rf->baseline != BASELINE_NEW)
				continue;
			if (rows == SUMMARY_ROWS || ftell(of.f) - start > (long)SUMMARY_BUDGET)
				break;
			p = out_ci_path(r, o, rf->f->path);
			if (!p) {
				rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
				goto done;
			}
			fprintf(of.f, "| %s | %s | %s | ", rf->level == ASP_LEVEL_ERROR ? ":x:"
				: rf->level == ASP_LEVEL_WARNING ? ":warning:" : ":information_source:",
				rf->trace_id[0] ? rf->trace_id : "-", rf->rule->id);
			if (o->link_base && *o->link_base) {
				fputc('[', of.f);
				md_esc(of.f, p);
				fprintf(of.f, ":%u](%s/", rf->f->line, o->link_base);
				url_esc(of.f, p);
				fprintf(of.f, "#L%u)", rf->f->line);
			} else {
				fputc('`', of.f);
				fprintf(of.f, "%s:%u", p, rf->f->line);
				fputc('`', of.f);
			}
			fputs(" | ", of.f);
			md_esc(of.f, rf->f->message);
			fputs(" |\n", of.f);
			free(p);
			rows++;
		}
		if (rows < listed)
			fprintf(of.f, "\n%zu more not listed here; the SARIF file and `asepsis findings` "
				"have them all.\n", listed - rows);
		fputc('\n', of.f);
	}
	fprintf(of.f, "<sub>asepsis %s, profile %s, rule set `%s`",
		r->tool_version ? r->tool_version : "", r->rules && r->rules->profile
		? r->rules->profile : "all", r->rules ? r->rules->hash : "");
	if (r->id)
		fprintf(of.f, ", stored as run %lld", r->id);
	fprintf(of.f, "</sub>\n\n");
	if (ferror(of.f)) {
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the job summary");
		goto done;
	}
	rc = out_file_commit(&of, err);
done:
	out_file_abort(&of);
	free(order);
	free(rc_);
	return rc;
}
