/*
 * Listings of the store for people and spreadsheets: `asepsis findings` and
 * `asepsis runs` as aligned text or RFC 4180 CSV (every field quoted, quotes
 * doubled, CRLF line ends). JSON goes through out_json.c. Never changes the
 * rows.
 */
#include <stdio.h>
#include <string.h>

#include "out.h"

int out_list_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "text") == 0)
		return OUT_LIST_TEXT;
	if (strcmp(s, "json") == 0)
		return OUT_LIST_JSON;
	if (strcmp(s, "csv") == 0)
		return OUT_LIST_CSV;
	return -1;
}

static void csv_field(FILE *f, const char *s, int last)
{
	fputc('"', f);
	for (; s && *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
	fputs(last ? "\r\n" : ",", f);
}

static void csv_int(FILE *f, long long v, int last)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	csv_field(f, buf, last);
}

/* "requirement:REQ-1; risk-control:RC-2" */
static void links_text(char *buf, size_t size, const struct run_link *l, size_t n)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%s %s", i ? "; " : "", l[i].kind, l[i].ref);

		if (w < 0)
			break;
		len += (size_t)w;
	}
}

/* The text, cut at the first line end: one finding per line stays true. */
static void one_line(FILE *f, const char *s)
{
	size_t n = s ? strcspn(s, "\r\n") : 0;

	if (s)
		fwrite(s, 1, n, f);
}

static int finish(FILE *f)
{
	return fflush(f) != 0 || ferror(f) ? ASP_EIO : ASP_OK;
}

int out_list_findings(FILE *f, int format, const struct store_finding_row *rows, size_t n,
		      long long run)
{
	char links[4096];
	size_t i;

	if (format == OUT_LIST_JSON)
		return out_json_findings(f, rows, n);
	if (format == OUT_LIST_CSV) {
		fputs("\"id\",\"state\",\"level\",\"rule\",\"file\",\"line\",\"column\",\"function\","
		      "\"message\",\"run\",\"first_run\",\"last_run\",\"fixed_run\",\"suppression\","
		      "\"justification\",\"triaged_by\",\"triaged_at\",\"links\"\r\n", f);
		for (i = 0; i < n; i++) {
			const struct store_finding_row *r = &rows[i];
			char id[32];

			snprintf(id, sizeof id, "ASF-%lld", r->id);
			links_text(links, sizeof links, r->links, r->nlinks);
			csv_field(f, id, 0);
			csv_field(f, r->state, 0);
			csv_field(f, r->level, 0);
			csv_field(f, r->rule, 0);
			csv_field(f, r->uri, 0);
			csv_int(f, r->line, 0);
			csv_int(f, r->column, 0);
			csv_field(f, r->function, 0);
			csv_field(f, r->message, 0);
			csv_int(f, r->run, 0);
			csv_int(f, r->first_run, 0);
			csv_int(f, r->last_run, 0);
			if (r->fixed_run)
				csv_int(f, r->fixed_run, 0);
			else
				csv_field(f, "", 0);
			csv_field(f, r->suppression, 0);
			csv_field(f, r->justification, 0);
			csv_field(f, r->triaged_by, 0);
			csv_field(f, r->triaged_at, 0);
			csv_field(f, links, 1);
		}
		return finish(f);
	}
	if (run)
		fprintf(f, "findings of run %lld:\n", run);
	for (i = 0; i < n; i++) {
		const struct store_finding_row *r = &rows[i];

		fprintf(f, "ASF-%lld  %-14s %-7s %s  %s:%u:%u: ", r->id, r->state,
			r->level ? r->level : "", r->rule, r->uri, r->line, r->column);
		one_line(f, r->message);
		fputc('\n', f);
		if (r->suppression) {
			fputs("    suppressed in the source: ", f);
			one_line(f, r->suppression);
			fputc('\n', f);
		}
		if (r->justification && *r->justification && r->triaged_by) {
			fprintf(f, "    %s by %s at %s: ", r->state, r->triaged_by,
				r->triaged_at ? r->triaged_at : "?");
			one_line(f, r->justification);
			fputc('\n', f);
		}
		if (r->nlinks) {
			links_text(links, sizeof links, r->links, r->nlinks);
			fprintf(f, "    links: %s\n", links);
		}
	}
	fprintf(f, "%zu finding%s\n", n, n == 1 ? "" : "s");
	return finish(f);
}

int out_list_runs(FILE *f, int format, const struct store_run_row *rows, size_t n)
{
	size_t i;

	if (format == OUT_LIST_JSON)
		return out_json_runs(f, rows, n);
	if (format == OUT_LIST_CSV) {
		fputs("\"run\",\"started\",\"finished\",\"commit\",\"branch\",\"profile\",\"files\","
		      "\"files_partial\",\"files_failed\",\"findings\",\"new\",\"fixed\",\"reopened\","
		      "\"suppressed\",\"complete\"\r\n", f);
		for (i = 0; i < n; i++) {
			const struct store_run_row *r = &rows[i];

			csv_int(f, r->id, 0);
			csv_field(f, r->started, 0);
			csv_field(f, r->finished, 0);
			csv_field(f, r->commit, 0);
			csv_field(f, r->branch, 0);
			csv_field(f, r->profile, 0);
			csv_int(f, r->files, 0);
			csv_int(f, r->files_partial, 0);
			csv_int(f, r->files_failed, 0);
			csv_int(f, r->findings, 0);
			csv_int(f, r->nnew, 0);
			csv_int(f, r->nfixed, 0);
			csv_int(f, r->nreopened, 0);
			csv_int(f, r->nsuppressed, 0);
			csv_field(f, r->complete ? "yes" : "no", 1);
		}
		return finish(f);
	}
	fprintf(f, "%-5s %-20s %-12s %6s %8s %5s %5s %8s %s\n", "run", "started", "commit",
		"files", "findings", "new", "fixed", "reopened", "complete");
	for (i = 0; i < n; i++) {
		const struct store_run_row *r = &rows[i];
		char commit[13];

		snprintf(commit, sizeof commit, "%.12s", r->commit ? r->commit : "-");
		fprintf(f, "%-5lld %-20s %-12s %6lld %8lld %5lld %5lld %8lld %s\n", r->id,
			r->started ? r->started : "", commit, r->files, r->findings, r->nnew,
			r->nfixed, r->nreopened, r->complete ? "yes" : "no");
	}
	return finish(f);
}
