/*
 * JUnit XML for CI test reports: one test suite per rule, one test case per
 * rule and analysed file. A case fails when the file has findings of the
 * rule that fail the gate (--fail-on, --new-only, triage); other findings
 * are listed in its system-out; a file that was not analysed is an error.
 * No timestamps, so a run gives the same bytes. Never changes the run.
 */
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "out_ci.h"
#include "out_file.h"

/* Writes s escaped for XML text and attributes. Characters XML 1.0 cannot
   carry (most controls) and bytes that are not UTF-8 become '?'. */
static void xml_esc(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (*p) {
		unsigned char c = *p;
		size_t len = 1, i;

		if (c == '&')
			fputs("&amp;", f);
		else if (c == '<')
			fputs("&lt;", f);
		else if (c == '>')
			fputs("&gt;", f);
		else if (c == '"')
			fputs("&quot;", f);
		else if (c == '\'')
			fputs("&apos;", f);
		else if (c == '\n' || c == '\t')
			fputc(c, f);
		else if (c < 0x20 || c == 0x7f)
			fputc('?', f);
		else if (c < 0x80)
			fputc(c, f);
		else {
			len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
			for (i = 1; len && i < len; i++)
				if ((p[i] & 0xC0) != 0x80)
					len = 0;
			/* surrogates and non-characters U+FFFE/U+FFFF are not XML */
			if (len == 3 && ((c == 0xED && p[1] >= 0xA0) ||
					 (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)))
				len = 0;
			if (len == 4 && (c > 0xF4 || (c == 0xF0 && p[1] < 0x90) ||
					 (c == 0xF4 && p[1] > 0x8F)))
				len = 0;
			if (len == 3 && c == 0xE0 && p[1] < 0xA0)
				len = 0;
			if (len)
				fwrite(p, 1, len, f);
			else
				fputc('?', f);
			if (!len)
				len = 1;
		}
		p += len;
	}
}

static void finding_line(FILE *f, const char *path, const struct run_finding *rf)
{
	fprintf(f, "%s:%u:%u: %s: ", path, rf->f->line, rf->f->column,
		ruleset_level_name(rf->level));
	xml_esc(f, rf->f->message);
	fprintf(f, " [%s]", rf->rule->id);
	if (rf->trace_id[0])
		fprintf(f, " %s", rf->trace_id);
	if (rf->f->suppression) {
		fputs(" (suppressed: ", f);
		xml_esc(f, rf->f->suppression);
		fputc(')', f);
	} else if (rf->state[0] && strcmp(rf->state, "open") != 0) {
		fprintf(f, " (%s)", rf->state);
	}
	fputc('\n', f);
}

struct suite {
	const struct rule *rule;
	size_t *idx;       /* findings of the rule, in run order (so by file) */
	size_t n;
	size_t failures, errors;
};

static int rule_used(const struct run *r, const struct rule *rule)
{
	size_t i;

	if (rule->enabled)
		return 1;
	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i].rule == rule)
			return 1;
	return 0;
}

/* The findings of suite s in file uri: [*from, end). Both lists are sorted by
   uri, so the cursor only moves forward. */
static size_t span(const struct run *r, const struct suite *s, const char *uri, size_t *from)
{
	size_t k = *from;

	while (k < s->n && strcmp(r->findings[s->idx[k]].uri, uri) < 0)
		k++;
	*from = k;
	while (k < s->n && strcmp(r->findings[s->idx[k]].uri, uri) == 0)
		k++;
	return k;
}

int out_junit_write(const struct run *r, const char *path, const struct out_ci_opts *o,
		    struct asp_error *err)
{
	const struct ruleset *rs = r->rules;
	struct suite *su = NULL;
	size_t *all = NULL, ns = 0, i, j, tests = 0, failures = 0, errors = 0;
	struct out_file of;
	int rc = ASP_OK;

	memset(&of, 0, sizeof of);
	of.append_fd = -1;
	su = calloc(rs && rs->n ? rs->n : 1, sizeof *su);
	all = malloc((r->nfindings ? r->nfindings : 1) * sizeof *all);
	if (!su || !all) {
		rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	/* each suite's findings are a slice of one array, grouped by rule */
	{
		size_t used = 0;

		for (i = 0; rs && i < rs->n; i++) {
			struct suite *s;
			size_t from;

			if (!rule_used(r, &rs->rules[i]))
				continue;
			s = &su[ns++];
			s->rule = &rs->rules[i];
			s->idx = all + used;
			for (j = 0; j < r->nfindings; j++) {
				const struct run_finding *rf = &r->findings[j];

				if (rf->rule != s->rule || !rf->f || !rf->uri)
					continue;
				s->idx[s->n++] = j;
			}
			used += s->n;
			for (j = 0, from = 0; j < r->nfiles; j++) {
				size_t end = span(r, s, r->files[j].uri, &from), k;
				int fails = 0;

				if (r->files[j].status == RUN_FILE_FAILED)
					s->errors++;
				for (k = from; k < end && r->files[j].status != RUN_FILE_FAILED; k++)
					fails |= run_finding_gates(&r->findings[s->idx[k]], o->fail_on,
								   o->new_only) != 0;
				s->failures += fails;
				from = end;
			}
			tests += r->nfiles;
			failures += s->failures;
			errors += s->errors;
		}
	}
	rc = out_file_open(&of, path, "JUnit report", err);
	if (rc)
		goto done;
	fprintf(of.f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(of.f, "<testsuites name=\"asepsis\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
		"time=\"0\">\n", tests, failures, errors);
	for (i = 0; i < ns; i++) {
		const struct suite *s = &su[i];
		size_t from = 0;

		fprintf(of.f, "  <testsuite name=\"%s\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
			"skipped=\"0\" time=\"0\">\n", s->rule->id, r->nfiles, s->failures, s->errors);
		fprintf(of.f, "    <properties>\n      <property name=\"title\" value=\"");
		xml_esc(of.f, s->rule->title);
		fprintf(of.f, "\"/>\n      <property name=\"level\" value=\"%s\"/>\n"
			"      <property name=\"fail-on\" value=\"%s\"/>\n    </properties>\n",
			ruleset_level_name(s->rule->level), ruleset_level_name(o->fail_on));
		for (j = 0; j < r->nfiles; j++) {
			const struct run_file *file = &r->files[j];
			size_t end = span(r, s, file->uri, &from), k, gating = 0;
			char *shown = out_ci_path(r, o, file->path);

			if (!shown) {
				rc = error_set(err, ASP_ENOMEM, path, 0, 0, "out of memory");
				goto done;
			}
			fprintf(of.f, "    <testcase name=\"");
			xml_esc(of.f, shown);
			fprintf(of.f, "\" classname=\"%s\" file=\"", s->rule->id);
			xml_esc(of.f, shown);
			fprintf(of.f, "\" time=\"0\"");
			for (k = from; k < end; k++)
				gating += run_finding_gates(&r->findings[s->idx[k]], o->fail_on,
							    o->new_only) != 0;
			if (file->status == RUN_FILE_FAILED) {
				fprintf(of.f, ">\n      <error message=\"not analysed\" type=\"not-analysed\">");
				xml_esc(of.f, shown);
				fprintf(of.f, ": not analysed (see the tool's notifications)\n</error>\n"
					"    </testcase>\n");
			} else if (from == end) {
				fprintf(of.f, "/>\n");
			} else {
				fprintf(of.f, ">\n");
				if (gating) {
					fprintf(of.f, "      <failure message=\"%zu finding%s at or above %s\" "
						"type=\"%s\">", gating, gating == 1 ? "" : "s",
						ruleset_level_name(o->fail_on), s->rule->id);
					for (k = from; k < end; k++)
						if (run_finding_gates(&r->findings[s->idx[k]], o->fail_on,
								      o->new_only))
							finding_line(of.f, shown, &r->findings[s->idx[k]]);
					fprintf(of.f, "</failure>\n");
				}
				if (end - from > gating) {
					fprintf(of.f, "      <system-out>");
					for (k = from; k < end; k++)
						if (!run_finding_gates(&r->findings[s->idx[k]],
								       o->fail_on, o->new_only))
							finding_line(of.f, shown, &r->findings[s->idx[k]]);
					fprintf(of.f, "</system-out>\n");
				}
				fprintf(of.f, "    </testcase>\n");
			}
			free(shown);
			from = end;
		}
		fprintf(of.f, "  </testsuite>\n");
	}
	fprintf(of.f, "</testsuites>\n");
	if (ferror(of.f)) {
		rc = error_set(err, ASP_EIO, path, 0, 0, "cannot write the JUnit report");
		goto done;
	}
	rc = out_file_commit(&of, err);
done:
	out_file_abort(&of);
	free(all);
	free(su);
	return rc;
}
