/*
 * `asepsis rules [list | show ID | export --format md|csv]`: the catalogue as
 * the binary carries it, for users and for the coding-standard document.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "ruleset.h"

static void join(FILE *f, const struct strlist *l, const char *sep)
{
	size_t i;

	if (l->n == 0)
		fputs("none", f);
	for (i = 0; i < l->n; i++)
		fprintf(f, "%s%s", i ? sep : "", l->v[i]);
}

static void csv_field(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void csv_list(FILE *f, const struct strlist *l)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < l->n; i++) {
		const char *s;

		if (i)
			fputs("; ", f);
		for (s = l->v[i]; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
	}
	fputc('"', f);
}

static void show(FILE *f, const struct rule *r)
{
	fprintf(f, "%s: %s\n", r->id, r->title);
	fprintf(f, "  severity: %s   category: %s   precision: %s   status: %s\n",
		ruleset_level_name(r->severity), r->category, r->precision, r->status);
	fprintf(f, "  engine: %s", ruleset_engine_name(r->engine));
	if (r->checker)
		fprintf(f, " (checker %s)", r->checker);
	fprintf(f, "\n  CWE: ");
	join(f, &r->cwe, ", ");
	fprintf(f, "\n  SEI CERT C: ");
	join(f, &r->cert_c, ", ");
	fprintf(f, "\n  MISRA C:2012: ");
	join(f, &r->misra, ", ");
	fprintf(f, "\n  IEC 62304: ");
	join(f, &r->iec62304, ", ");
	fprintf(f, "\n  IEC 81001-5-1: ");
	join(f, &r->iec81001, ", ");
	fprintf(f, "\n  FDA: ");
	join(f, &r->fda, "; ");
	fprintf(f, "\n  HIPAA: ");
	join(f, &r->hipaa, ", ");
	fprintf(f, "\n  safety classes: ");
	join(f, &r->safety_classes, ", ");
	fprintf(f, "\n\n%s\n\nWhy it matters:\n%s\nHow to fix it:\n%s\n",
		r->description, r->rationale, r->remediation);
}

static void export_md(FILE *f, const struct rule *r)
{
	fprintf(f, "# %s: %s\n\n", r->id, r->title);
	fprintf(f, "| | |\n|---|---|\n");
	fprintf(f, "| Severity | %s |\n| Category | %s |\n| Precision | %s |\n",
		ruleset_level_name(r->severity), r->category, r->precision);
	fprintf(f, "| Engine | %s |\n", r->engine == RULE_ENGINE_CLANG ? "clang (semantic)"
		: r->engine == RULE_ENGINE_BUILTIN ? "builtin (inline suppressions)" : "pattern");
	fprintf(f, "| CWE | ");
	join(f, &r->cwe, ", ");
	fprintf(f, " |\n| SEI CERT C | ");
	join(f, &r->cert_c, ", ");
	fprintf(f, " |\n| MISRA C:2012 | ");
	join(f, &r->misra, ", ");
	fprintf(f, " |\n| IEC 62304 | ");
	join(f, &r->iec62304, ", ");
	fprintf(f, " |\n| IEC 81001-5-1 | ");
	join(f, &r->iec81001, ", ");
	fprintf(f, " |\n| FDA | ");
	join(f, &r->fda, "; ");
	fprintf(f, " |\n| HIPAA | ");
	join(f, &r->hipaa, ", ");
	fprintf(f, " |\n| Safety classes | ");
	join(f, &r->safety_classes, ", ");
	fprintf(f, " |\n\n%s\n\n## Why it matters\n\n%s\n## How to fix it\n\n%s\n",
		r->description, r->rationale, r->remediation);
}

/* One page per rule plus an index: the generated rule reference in docs/rules. */
static int export_md_dir(const struct ruleset *rs, const char *dir, struct asp_error *err)
{
	char path[4096];
	FILE *idx, *f;
	size_t i;

	snprintf(path, sizeof path, "%s/README.md", dir);
	idx = fopen(path, "w");
	if (!idx)
		return error_set(err, ASP_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
	fprintf(idx, "# Rule reference\n\nGenerated from `rules/` by `asepsis rules export "
		"--format md --output-dir docs/rules`; do not edit.\n\n"
		"| Rule | Severity | Title | CWE |\n|---|---|---|---|\n");
	for (i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->rules[i];

		fprintf(idx, "| [%s](%s.md) | %s | %s | ", r->id, r->id,
			ruleset_level_name(r->severity), r->title);
		join(idx, &r->cwe, ", ");
		fprintf(idx, " |\n");
		snprintf(path, sizeof path, "%s/%s.md", dir, r->id);
		f = fopen(path, "w");
		if (!f) {
			fclose(idx);
			return error_set(err, ASP_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
		}
		export_md(f, r);
		if (fclose(f) != 0) {
			fclose(idx);
			return error_set(err, ASP_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
		}
	}
	if (fclose(idx) != 0)
		return error_set(err, ASP_EIO, dir, 0, 0, "cannot write the index");
	return ASP_OK;
}

int cmd_rules(int argc, char **argv, struct asp_error *err)
{
	struct ruleset *rs = NULL;
	const char *verb = argc > 1 ? argv[1] : "list";
	size_t i;
	int rc;

	if (strcmp(verb, "--help") == 0) {
		printf("usage: asepsis rules [list | show ID | export --format md|csv [--output-dir DIR]]\n");
		return 0;
	}
	rc = ruleset_load(&rs, NULL, 0, err);
	if (rc)
		return rc;
	if (strcmp(verb, "list") == 0) {
		for (i = 0; i < rs->n; i++) {
			const struct rule *r = &rs->rules[i];

			printf("%-12s %-8s %s%s\n", r->id, ruleset_level_name(r->severity), r->title,
			       strcmp(r->status, "retired") == 0 ? " (retired)" : "");
		}
	} else if (strcmp(verb, "show") == 0) {
		const struct rule *r = argc > 2 ? ruleset_find(rs, argv[2]) : NULL;

		if (!r) {
			rc = error_set(err, ASP_EUSAGE, argc > 2 ? argv[2] : NULL, 0, 0,
				       argc > 2 ? "no such rule" : "'rules show' needs a rule ID");
			goto done;
		}
		show(stdout, r);
	} else if (strcmp(verb, "export") == 0) {
		const char *fmt = "md", *dir = NULL;

		for (i = 2; i < (size_t)argc; i++) {
			if (strcmp(argv[i], "--format") == 0 && i + 1 < (size_t)argc)
				fmt = argv[++i];
			else if (strncmp(argv[i], "--format=", 9) == 0)
				fmt = argv[i] + 9;
			else if (strcmp(argv[i], "--output-dir") == 0 && i + 1 < (size_t)argc)
				dir = argv[++i];
			else {
				rc = error_set(err, ASP_EUSAGE, argv[i], 0, 0, "unknown option");
				goto done;
			}
		}
		if (dir && strcmp(fmt, "md") == 0) {
			rc = export_md_dir(rs, dir, err);
		} else if (dir) {
			rc = error_set(err, ASP_EUSAGE, "--output-dir", 0, 0, "only with --format md");
		} else if (strcmp(fmt, "md") == 0) {
			for (i = 0; i < rs->n; i++) {
				if (i)
					printf("\n---\n\n");
				export_md(stdout, &rs->rules[i]);
			}
		} else if (strcmp(fmt, "csv") == 0) {
			printf("id,title,severity,category,precision,status,cwe,cert_c,misra_c_2012,"
			       "iec62304,iec81001_5_1,fda,hipaa,safety_classes\n");
			for (i = 0; i < rs->n; i++) {
				const struct rule *r = &rs->rules[i];

				printf("%s,", r->id);
				csv_field(stdout, r->title);
				printf(",%s,%s,%s,%s,", ruleset_level_name(r->severity), r->category,
				       r->precision, r->status);
				csv_list(stdout, &r->cwe); putchar(',');
				csv_list(stdout, &r->cert_c); putchar(',');
				csv_list(stdout, &r->misra); putchar(',');
				csv_list(stdout, &r->iec62304); putchar(',');
				csv_list(stdout, &r->iec81001); putchar(',');
				csv_list(stdout, &r->fda); putchar(',');
				csv_list(stdout, &r->hipaa); putchar(',');
				csv_list(stdout, &r->safety_classes); putchar('\n');
			}
		} else {
			rc = error_set(err, ASP_EUSAGE, fmt, 0, 0, "unknown export format (md, csv)");
		}
	} else {
		rc = error_set(err, ASP_EUSAGE, verb, 0, 0, "unknown 'rules' action (list, show, export)");
	}
done:
	ruleset_free(rs);
	return rc;
}
