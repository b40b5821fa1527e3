/*
 * Compiler-style diagnostics: file:line:col: severity: message [RULE-ID],
 * the source line and a caret under the column; colour only when asked.
 * Then notifications and a one-line summary.
 */
#include <string.h>

#include "out.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"

static const char *shown_path(const char *path, const char *cwd)
{
	size_t n = cwd ? strlen(cwd) : 0;

	if (n && strncmp(path, cwd, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

static const char *level_color(int level)
{
	switch (level) {
	case ASP_LEVEL_ERROR: return C_RED;
	case ASP_LEVEL_WARNING: return C_MAGENTA;
	default: return C_CYAN;
	}
}

/* Prints the source line with tabs kept, and a caret aligned under column. */
static void print_snippet(FILE *f, const char *line, unsigned column, int color)
{
	unsigned i;

	if (!line)
		return;
	fprintf(f, "%s\n", line);
	for (i = 1; i < column && line[i - 1]; i++)
		fputc(line[i - 1] == '\t' ? '\t' : ' ', f);
	fprintf(f, "%s^%s\n", color ? C_GREEN : "", color ? C_RESET : "");
}

/* What follows the rule and ID: the triage state when it is not open, the
   baseline verdict, the suppression. */
static void print_marks(FILE *f, const struct run *r, const struct run_finding *rf)
{
	if (rf->state[0] && strcmp(rf->state, "open") != 0)
		fprintf(f, " (%s)", rf->state);
	if (r->baseline_name && rf->baseline == BASELINE_NEW)
		fprintf(f, " (new)");
	if (rf->f->suppression)
		fprintf(f, " (suppressed: %s)", rf->f->suppression);
}

/* The path to a finding, as the compiler prints notes: one line per step. */
static void print_steps(FILE *f, const struct asp_finding *af, const struct out_text_opts *o)
{
	size_t i;

	for (i = 0; i < af->nsteps; i++) {
		const struct asp_step *st = &af->steps[i];

		if (o->color)
			fprintf(f, C_BOLD "%s:%u:%u: " C_RESET C_CYAN "note:" C_RESET " %s\n",
				shown_path(st->path, o->cwd), st->line, st->column, st->message);
		else
			fprintf(f, "%s:%u:%u: note: %s\n", shown_path(st->path, o->cwd), st->line,
				st->column, st->message);
	}
}

static void print_finding(FILE *f, const struct run *r, const struct run_finding *rf,
			  const struct out_text_opts *o)
{
	const char *lv = ruleset_level_name(rf->level);

	if (o->color)
		fprintf(f, C_BOLD "%s:%u:%u: " C_RESET "%s%s:" C_RESET C_BOLD " %s" C_RESET
			" [%s]%s%s", shown_path(rf->f->path, o->cwd), rf->f->line,
			rf->f->column, level_color(rf->level), lv, rf->f->message,
			rf->rule->id, rf->trace_id[0] ? " " : "", rf->trace_id);
	else
		fprintf(f, "%s:%u:%u: %s: %s [%s]%s%s", shown_path(rf->f->path, o->cwd),
			rf->f->line, rf->f->column, lv, rf->f->message, rf->rule->id,
			rf->trace_id[0] ? " " : "", rf->trace_id);
	print_marks(f, r, rf);
	if (rf->soup_component)
		fprintf(f, " (SOUP: %s%s%s)", rf->soup_component, rf->soup_version ? " " : "",
			rf->soup_version ? rf->soup_version : "");
	fputc('\n', f);
	print_snippet(f, rf->f->snippet, rf->f->column, o->color);
	print_steps(f, rf->f, o);
}

int out_text_write(FILE *f, const struct run *r, const struct out_text_opts *o)
{
	size_t i, counts[4] = { 0, 0, 0, 0 }, reduced = 0, pattern_only = 0;
	size_t suppressed = 0, dispositioned = 0, fresh = 0, shown = 0, apart = 0;
	const char *pattern_msg = NULL;
	int pass;

	/* the product's own findings, then those in SOUP kept apart */
	for (pass = 0; pass < 2; pass++)
	for (i = 0; i < r->nfindings; i++) {
		const struct run_finding *rf = &r->findings[i];

		if (rf->soup_separate != pass)
			continue;
		if (rf->f->suppression) {
			suppressed++;
			if (!o->show_suppressed)
				continue;
		} else if (run_finding_dispositioned(rf)) {
			dispositioned++;
		}
		if (pass && !apart++)
			fprintf(f, "%sasepsis: findings in third-party components (SOUP), evaluated "
				"apart and not counted by --fail-on:\n", shown ? "\n" : "");
		fresh += r->baseline_name && rf->baseline == BASELINE_NEW;
		shown++;
		print_finding(f, r, rf, o);
		if (rf->level >= 0 && rf->level <= 3)
			counts[rf->level]++;
	}
	for (i = 0; i < r->nfiles; i++)
		reduced += r->files[i].status != RUN_FILE_ANALYSED;
	if (o->quiet)
		return 0;
	for (i = 0; i < r->result.nnotices; i++) {
		const struct asp_notice *n = &r->result.notices[i];

		/* said once below, not once per file */
		if (strcmp(n->kind, "pattern-only") == 0) {
			if (!pattern_only++)
				pattern_msg = n->message;
			continue;
		}
		if (n->path && n->line)
			fprintf(stderr, "asepsis: %s: %s:%u:%u: %s [%s]\n",
				n->level == ASP_NOTICE_ERROR ? "error" : "warning",
				shown_path(n->path, o->cwd), n->line, n->column, n->message, n->kind);
		else if (n->path)
			fprintf(stderr, "asepsis: %s: %s: %s [%s]\n",
				n->level == ASP_NOTICE_ERROR ? "error" : "warning",
				shown_path(n->path, o->cwd), n->message, n->kind);
		else
			fprintf(stderr, "asepsis: warning: %s [%s]\n", n->message, n->kind);
	}
	for (i = 0; i < r->nfiles; i++) {
		const struct run_file *rfile = &r->files[i];

		if (rfile->status == RUN_FILE_PARTIAL && pattern_only == 0)
			fprintf(stderr, "asepsis: note: %s was analysed with reduced coverage "
				"(parse errors; code clang could not recover was skipped)\n",
				shown_path(rfile->path, o->cwd));
		else if (rfile->status == RUN_FILE_FAILED)
			fprintf(stderr, "asepsis: note: %s was not analysed\n",
				shown_path(rfile->path, o->cwd));
	}
	if (pattern_only) {
		const char *list = strstr(pattern_msg, "did not run: ");

		fprintf(stderr, "asepsis: note: %zu file%s analysed by pattern rules only; semantic "
			"rules did not run on %s: %s\n", pattern_only, pattern_only == 1 ? "" : "s",
			pattern_only == 1 ? "it" : "them", list ? list + 13 : "");
	}
	fprintf(f, "asepsis: %zu finding%s (%zu error%s, %zu warning%s, %zu note%s) in %zu file%s",
		shown, shown == 1 ? "" : "s",
		counts[ASP_LEVEL_ERROR], counts[ASP_LEVEL_ERROR] == 1 ? "" : "s",
		counts[ASP_LEVEL_WARNING], counts[ASP_LEVEL_WARNING] == 1 ? "" : "s",
		counts[ASP_LEVEL_NOTE], counts[ASP_LEVEL_NOTE] == 1 ? "" : "s",
		r->nfiles, r->nfiles == 1 ? "" : "s");
	if (reduced)
		fprintf(f, "; %zu with reduced coverage", reduced);
	if (dispositioned)
		fprintf(f, "; %zu dispositioned (accepted-risk, false-positive, deferred)",
			dispositioned);
	if (apart)
		fprintf(f, "; %zu of them in SOUP, listed apart", apart);
	if (o->soup_ignored)
		fprintf(f, "; %zu in SOUP not shown (--soup-policy ignore)", o->soup_ignored);
	if (suppressed && !o->show_suppressed)
		fprintf(f, "; %zu suppressed in the source (--show-suppressed lists them)",
			suppressed);
	else if (suppressed)
		fprintf(f, "; %zu of them suppressed in the source", suppressed);
	fprintf(f, "\n");
	if (r->baseline_name)
		fprintf(f, "asepsis: against the baseline (%s): %zu new, %zu no longer found\n",
			r->baseline_name, fresh, r->nabsent);
	if (r->id && (r->nnew || r->nfixed || r->nreopened))
		fprintf(f, "asepsis: in the store: %lld new, %lld fixed, %lld reopened by this run\n",
			r->nnew, r->nfixed, r->nreopened);
	return 0;
}
