/*
 * `asepsis soup`: the third-party components (SOUP) among the files a build
 * compiles and includes, with version, licence, supplier, files and the
 * evidence for each; a CycloneDX SBOM; known vulnerabilities from offline
 * feeds, in the text, the SBOM and a SARIF run of their own. Reads the
 * code and the feeds; writes only the files it is asked for.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "compdb.h"
#include "config.h"
#include "discover.h"
#include "fingerprint.h"
#include "out.h"
#include "ruleset.h"
#include "run.h"
#include "soup.h"
#include "base/sbuf.h"

#define MAX_LIST 16

struct soup_opts {
	const char *build_dir;
	const char *config;
	const char *sbom;
	const char *sarif;
	const char *vulns[MAX_LIST];
	size_t nvulns;
	const char *dirs[MAX_LIST];
	size_t ndirs;
	int fail_on;
	int list_files;
	int quiet;
	char **paths;
	size_t npaths;
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: asepsis soup [PATH...] [-p BUILD_DIR] [options]\n"
		"\n"
		"Lists the third-party components (SOUP) among the files the build compiles\n"
		"and the headers they include: name, version, licence, supplier, files, and\n"
		"the evidence (file and line) each was identified by.\n"
		"\n"
		"  -p, --build-dir DIR   use DIR/compile_commands.json (PATHs then filter it);\n"
		"                        without it, every .c and .h under PATHs\n"
		"      --config FILE     settings file (default: .asepsis.yml at the project root)\n"
		"      --soup-dir DIR    more component signatures (repeatable; also soup_dirs:)\n"
		"      --sbom FILE       write a CycloneDX 1.5 JSON SBOM\n"
		"      --vulns FEED      match against an offline feed: OSV JSON file or folder,\n"
		"                        or a CycloneDX VEX document (repeatable)\n"
		"      --sarif FILE      write the matched vulnerabilities as SARIF 2.1.0\n"
		"                        (category asepsis/soup/)\n"
		"      --fail-on LEVEL   none|note|warning|error (default: error): exit 1 when a\n"
		"                        matched vulnerability is at or above LEVEL\n"
		"      --files           list every file of each component\n"
		"      --quiet           no summary line\n"
		"\n"
		"Exit status: 0 done, 1 vulnerabilities at or above --fail-on, 2 usage,\n"
		"configuration, signature or feed error, 3 the files could not be read.\n");
}

static int parse_opts(int argc, char **argv, struct soup_opts *o, struct asp_error *err)
{
	enum { O_CONFIG = 256, O_SBOM, O_VULNS, O_SARIF, O_DIR, O_FAILON, O_FILES, O_QUIET,
	       O_HELP };
	static const struct option lo[] = {
		{ "build-dir", required_argument, NULL, 'p' },
		{ "config", required_argument, NULL, O_CONFIG },
		{ "sbom", required_argument, NULL, O_SBOM },
		{ "vulns", required_argument, NULL, O_VULNS },
		{ "sarif", required_argument, NULL, O_SARIF },
		{ "soup-dir", required_argument, NULL, O_DIR },
		{ "fail-on", required_argument, NULL, O_FAILON },
		{ "files", no_argument, NULL, O_FILES },
		{ "quiet", no_argument, NULL, O_QUIET },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	o->fail_on = ASP_LEVEL_ERROR;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":p:", lo, NULL)) != -1) {
		switch (c) {
		case 'p': o->build_dir = optarg; break;
		case O_CONFIG: o->config = optarg; break;
		case O_SBOM: o->sbom = optarg; break;
		case O_SARIF: o->sarif = optarg; break;
		case O_FILES: o->list_files = 1; break;
		case O_QUIET: o->quiet = 1; break;
		case O_HELP: usage(stdout); return 1;
		case O_FAILON:
			o->fail_on = ruleset_level_parse(optarg);
			if (o->fail_on < 0)
				return error_set(err, ASP_EUSAGE, "--fail-on", 0, 0,
						 "'%s' is not none, note, warning or error", optarg);
			break;
		case O_VULNS:
			if (o->nvulns == MAX_LIST)
				return error_set(err, ASP_EUSAGE, "--vulns", 0, 0, "at most 16 feeds");
			o->vulns[o->nvulns++] = optarg;
			break;
		case O_DIR:
			if (o->ndirs == MAX_LIST)
				return error_set(err, ASP_EUSAGE, "--soup-dir", 0, 0,
						 "at most 16 signature folders");
			o->dirs[o->ndirs++] = optarg;
			break;
		case ':':
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "option needs an argument (see 'asepsis soup --help')");
		default:
			return error_set(err, ASP_EUSAGE, argv[optind - 1], 0, 0,
					 "unknown option (see 'asepsis soup --help')");
		}
	}
	if (o->sarif && !o->nvulns)
		return error_set(err, ASP_EUSAGE, "--sarif", 0, 0,
				 "the SARIF of soup holds matched vulnerabilities: give --vulns FEED");
	o->paths = argv + optind;
	o->npaths = (size_t)(argc - optind);
	return ASP_OK;
}

/* ---- levels of advisories --------------------------------------------------- */

static int match_level(const struct soup_match *m)
{
	const char *s = m->adv->severity;

	if (m->unknown_version)
		return ASP_LEVEL_NOTE;
	if (s && (!strcasecmp(s, "CRITICAL") || !strcasecmp(s, "HIGH")))
		return ASP_LEVEL_ERROR;
	if (s && (!strcasecmp(s, "MEDIUM") || !strcasecmp(s, "MODERATE")))
		return ASP_LEVEL_WARNING;
	if (s && !strcasecmp(s, "LOW"))
		return ASP_LEVEL_NOTE;
	if (m->adv->score >= 7.0)
		return ASP_LEVEL_ERROR;
	if (m->adv->score > 0 && m->adv->score < 4.0)
		return ASP_LEVEL_NOTE;
	return ASP_LEVEL_WARNING;
}

static const char *severity_word(const struct soup_advisory *a)
{
	const char *s = a->severity;

	if (s && (!strcasecmp(s, "CRITICAL")))
		return "critical";
	if (s && !strcasecmp(s, "HIGH"))
		return "high";
	if (s && (!strcasecmp(s, "MEDIUM") || !strcasecmp(s, "MODERATE")))
		return "medium";
	if (s && !strcasecmp(s, "LOW"))
		return "low";
	if (a->score >= 9.0)
		return "critical";
	if (a->score >= 7.0)
		return "high";
	if (a->score >= 4.0)
		return "medium";
	if (a->score > 0)
		return "low";
	return "unknown";
}

/* The evidence that best locates a component: its version, else the first. */
static const struct soup_evidence *anchor(const struct soup_component *c)
{
	size_t i;

	for (i = 0; i < c->nev; i++)
		if (c->ev[i].kind == SOUP_EV_VERSION && c->ev[i].line)
			return &c->ev[i];
	for (i = 0; i < c->nev; i++)
		if (c->ev[i].line)
			return &c->ev[i];
	return c->nev ? &c->ev[0] : NULL;
}

/* ---- text ------------------------------------------------------------------- */

static void print_text(const struct soup_result *r, const struct soup_match *m, size_t nm,
		       const struct soup_opts *o, size_t nadv)
{
	size_t i, k, j = 0, ident = 0, unident = 0, decl = 0;

	for (i = 0; i < r->n; i++) {
		const struct soup_component *c = &r->comps[i];
		size_t compiled = 0;

		ident += c->origin == SOUP_IDENTIFIED;
		unident += c->origin == SOUP_UNIDENTIFIED;
		decl += c->origin == SOUP_DECLARED;
		for (k = 0; k < c->nfiles; k++)
			compiled += c->files[k].compiled;
		printf("%s %s [%s]\n", c->name, c->version ? c->version : "(version unknown)",
		       soup_origin_name(c->origin));
		printf("  licence:  %s", c->licence ? c->licence : "unknown");
		if (c->licence_basis)
			printf(" (%s)", c->licence_basis);
		printf("\n");
		if (c->supplier)
			printf("  supplier: %s\n", c->supplier);
		if (c->purl)
			printf("  purl:     %s\n", c->purl);
		if (c->cpe)
			printf("  cpe:      %s\n", c->cpe);
		for (k = 0; k < c->nfolders; k++)
			printf("  %s %s\n", k ? "         " : "folder:  ", c->folders[k]);
		printf("  files:    %zu (%zu compiled, %zu included)\n", c->nfiles, compiled,
		       c->nfiles - compiled);
		if (o->list_files)
			for (k = 0; k < c->nfiles; k++)
				printf("            %s%s\n", c->files[k].uri,
				       c->files[k].compiled ? "" : " (included)");
		printf("  evidence:\n");
		for (k = 0; k < c->nev; k++) {
			const struct soup_evidence *e = &c->ev[k];

			if (e->line)
				printf("    %s:%u: %s: %s\n", e->uri, e->line, soup_ev_kind_name(e->kind),
				       e->text);
			else
				printf("    %s: %s: %s\n", e->uri ? e->uri : "-",
				       soup_ev_kind_name(e->kind), e->text);
		}
		for (; j < nm && m[j].comp < i; j++)
			;
		if (o->nvulns) {
			size_t first = j;

			for (; j < nm && m[j].comp == i; j++) {
				const struct soup_advisory *a = m[j].adv;

				if (j == first)
					printf("  vulnerabilities:\n");
				printf("    %s: %s", ruleset_level_name(match_level(&m[j])), a->id);
				for (k = 0; k < a->naliases && k < 3; k++)
					printf("%s%s", k ? ", " : " (", a->aliases[k]);
				if (a->naliases)
					printf(")");
				printf(" [%s%s]", severity_word(a), a->score > 0 ? "" : "");
				if (a->score > 0)
					printf(" %.1f", a->score);
				printf(": %s", a->summary ? a->summary : "no summary");
				if (m[j].unknown_version)
					printf("; the version is unknown, so it is not ruled out");
				else if (m[j].fixed)
					printf("; fixed in %s", m[j].fixed);
				printf("\n");
			}
			if (j == first)
				printf("  vulnerabilities: none known in the feed\n");
		}
		printf("\n");
	}
	if (o->quiet)
		return;
	printf("asepsis: %zu component%s (%zu identified, %zu unidentified, %zu declared) in %zu of "
	       "%zu files; %zu file%s in unidentified third-party folders\n",
	       r->n, r->n == 1 ? "" : "s", ident, unident, decl, r->files_soup, r->files_total,
	       r->files_unidentified, r->files_unidentified == 1 ? "" : "s");
	if (o->nvulns)
		printf("asepsis: %zu known vulnerabilit%s matched (%zu advisories in the feed)\n", nm,
		       nm == 1 ? "y" : "ies", nadv);
}

/* ---- CycloneDX --------------------------------------------------------------- */

static const char *technique(int kind)
{
	switch (kind) {
	case SOUP_EV_FOLDER:
	case SOUP_EV_FILE: return "filename";
	case SOUP_EV_DECLARED: return "attestation";
	case SOUP_EV_LICENCE_FILE: return "manifest-analysis";
	default: return "source-code-analysis";
	}
}

static double confidence(int kind)
{
	switch (kind) {
	case SOUP_EV_DECLARED: return 1.0;
	case SOUP_EV_VERSION: return 0.9;
	case SOUP_EV_MARKER: return 0.8;
	case SOUP_EV_FOLDER:
	case SOUP_EV_FILE: return 0.3;
	default: return 0.5;
	}
}

static void iso_now(char out[32])
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int write_sbom(const struct soup_result *r, const struct soup_match *m, size_t nm,
		      const char *root, const char *path, struct asp_error *err)
{
	struct out_cdx_component *comps = calloc(r->n + 1, sizeof *comps), tool, subject;
	struct out_cdx_file **files = calloc(r->n + 1, sizeof *files);
	struct out_cdx_method **methods = calloc(r->n + 1, sizeof *methods);
	struct out_cdx_prop *props = calloc(2 * r->n + 1, sizeof *props);
	char **values = NULL, **vrefs = calloc(nm + 1, sizeof *vrefs);
	const char **on = calloc(r->n + 1, sizeof *on);
	struct out_cdx_dep *deps = calloc(r->n + 2, sizeof *deps);
	struct out_cdx_vuln *vulns = calloc(nm + 1, sizeof *vulns);
	struct out_cdx_rating *ratings = calloc(nm + 1, sizeof *ratings);
	unsigned long **cwes = calloc(nm + 1, sizeof *cwes);
	struct out_cdx_bom bom;
	size_t i, k, nvalues = 0;
	const char *base = strrchr(root, '/');
	char ts[32], *commit = NULL;
	static const char *const head[] = { "rev-parse", "HEAD", NULL };
	int rc = ASP_OK;

	for (i = 0; i < r->n; i++)
		nvalues += r->comps[i].nev;
	values = calloc(nvalues + 1, sizeof *values);
	if (!comps || !files || !methods || !props || !values || !vrefs || !on || !deps ||
	    !vulns || !ratings || !cwes) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	nvalues = 0;
	memset(&bom, 0, sizeof bom);
	memset(&tool, 0, sizeof tool);
	memset(&subject, 0, sizeof subject);
	for (i = 0; i < r->n; i++) {
		const struct soup_component *c = &r->comps[i];
		struct out_cdx_component *x = &comps[i];

		x->bom_ref = c->bom_ref;
		x->type = "library";
		x->name = c->name;
		x->version = c->version;
		x->supplier = c->supplier;
		x->description = c->description;
		x->website = c->website;
		x->licence = c->licence;
		x->purl = c->purl;
		x->cpe = c->cpe;
		files[i] = calloc(c->nfiles + 1, sizeof **files);
		methods[i] = calloc(c->nev + 1, sizeof **methods);
		if (!files[i] || !methods[i]) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		for (k = 0; k < c->nfiles; k++) {
			files[i][k].name = c->files[k].uri;
			files[i][k].sha256 = c->files[k].sha256;
		}
		for (k = 0; k < c->nev; k++) {
			struct sbuf b = SBUF_INIT(2048);

			if (c->ev[k].line)
				sbuf_printf(&b, "%s:%u: %s", c->ev[k].uri, c->ev[k].line, c->ev[k].text);
			else
				sbuf_printf(&b, "%s: %s", c->ev[k].uri ? c->ev[k].uri : "-", c->ev[k].text);
			values[nvalues] = sbuf_take(&b);
			methods[i][k].technique = technique(c->ev[k].kind);
			methods[i][k].confidence = confidence(c->ev[k].kind);
			methods[i][k].value = values[nvalues++] ? values[nvalues - 1] : "";
		}
		x->files = files[i];
		x->nfiles = c->nfiles;
		x->methods = methods[i];
		x->nmethods = c->nev;
		x->identity_field = c->version ? "version" : "name";
		props[2 * i].name = "asepsis:soup:origin";
		props[2 * i].value = soup_origin_name(c->origin);
		props[2 * i + 1].name = "asepsis:soup:folders";
		props[2 * i + 1].value = c->nfolders ? c->folders[0] : "";
		x->props = &props[2 * i];
		x->nprops = 2;
		on[i] = c->bom_ref;
	}
	tool.type = "application";
	tool.bom_ref = "asepsis";
	tool.name = "asepsis";
	tool.version = ASEPSIS_VERSION;
	tool.description = "static analyzer for the C source of medical devices";
	subject.type = "firmware";
	subject.bom_ref = "product";
	subject.name = base && base[1] ? base + 1 : root;
	commit = discover_git(root, head);
	subject.version = commit;
	deps[0].ref = "product";
	deps[0].depends_on = on;
	deps[0].n = r->n;
	for (i = 0; i < r->n; i++) {
		deps[i + 1].ref = r->comps[i].bom_ref;
		deps[i + 1].n = 0;
	}
	for (i = 0; i < nm; i++) {
		const struct soup_advisory *a = m[i].adv;
		const struct soup_component *c = &r->comps[m[i].comp];
		struct out_cdx_vuln *v = &vulns[i];
		struct sbuf b = SBUF_INIT(512);

		sbuf_printf(&b, "%s/%s", a->id, c->bom_ref);
		vrefs[i] = sbuf_take(&b);
		v->bom_ref = vrefs[i];
		v->id = a->id;
		v->source_name = strncmp(a->id, "CVE-", 4) == 0 ? "NVD"
				 : strncmp(a->id, "GHSA-", 5) == 0 ? "GitHub" : "OSV";
		v->source_url = a->nrefs ? a->refs[0] : NULL;
		v->aliases = (const char *const *)a->aliases;
		v->naliases = a->naliases;
		ratings[i].score = a->score;
		ratings[i].severity = severity_word(a);
		ratings[i].method = a->cvss ? (strncmp(a->cvss, "CVSS:3.1", 8) == 0 ? "CVSSv31"
					       : "CVSSv3") : "other";
		ratings[i].vector = a->cvss;
		v->ratings = &ratings[i];
		v->nratings = 1;
		cwes[i] = calloc(a->ncwes + 1, sizeof **cwes);
		if (!cwes[i]) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		for (k = 0; k < a->ncwes; k++)
			if (strncmp(a->cwes[k], "CWE-", 4) == 0 && strtoul(a->cwes[k] + 4, NULL, 10))
				cwes[i][v->ncwes++] = strtoul(a->cwes[k] + 4, NULL, 10);
		v->cwes = cwes[i];
		v->description = a->summary;
		v->detail = a->details;
		v->advisories = (const char *const *)a->refs;
		v->nadvisories = a->nrefs;
		v->published = a->published;
		v->updated = a->modified;
		v->affects_ref = c->bom_ref;
		v->affects_version = c->version;
		v->affects_status = m[i].unknown_version ? "unknown" : "affected";
		if (m[i].unknown_version) {
			v->analysis_state = "in_triage";
			v->analysis_detail = "the component's version could not be read from the code";
		}
	}
	iso_now(ts);
	bom.timestamp = ts;
	bom.tool = &tool;
	bom.subject = &subject;
	bom.components = comps;
	bom.ncomponents = r->n;
	bom.deps = deps;
	bom.ndeps = r->n + 1;
	bom.vulns = vulns;
	bom.nvulns = nm;
	rc = out_cyclonedx_write(&bom, path, err);
done:
	for (i = 0; files && methods && i < r->n; i++) {
		free(files[i]);
		free(methods[i]);
	}
	for (i = 0; values && i < nvalues; i++)
		free(values[i]);
	for (i = 0; vrefs && cwes && i < nm; i++) {
		free(vrefs[i]);
		free(cwes[i]);
	}
	free(commit);
	free(comps);
	free(files);
	free(methods);
	free(props);
	free(values);
	free(vrefs);
	free(on);
	free(deps);
	free(vulns);
	free(ratings);
	free(cwes);
	return rc;
}

/* ---- SARIF: one result per matched advisory, under asepsis/soup/ ----------- */

static int strlist_one(struct strlist *l, const char *s)
{
	l->v = calloc(1, sizeof *l->v);
	if (!l->v || !(l->v[0] = strdup(s)))
		return ASP_ENOMEM;
	l->n = 1;
	return ASP_OK;
}

static void strlist_clear(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static int write_sarif(const struct soup_result *r, const struct soup_match *m, size_t nm,
		       const char *root, const char *path, struct asp_error *err)
{
	struct rule *rules = calloc(nm + 1, sizeof *rules);
	struct run run;
	struct out_sarif_opts so;
	size_t i, k, nr = 0;
	int rc = ASP_OK;

	memset(&run, 0, sizeof run);
	memset(&so, 0, sizeof so);
	if (!rules)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	run.root = strdup(root);
	run.tool_version = strdup(ASEPSIS_VERSION);
	run.findings = calloc(nm + 1, sizeof *run.findings);
	run.result.findings = calloc(nm + 1, sizeof *run.result.findings);
	if (!run.root || !run.tool_version || !run.findings || !run.result.findings) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; !rc && i < nm; i++) {
		const struct soup_advisory *a = m[i].adv;
		const struct soup_component *c = &r->comps[m[i].comp];
		const struct soup_evidence *at = anchor(c);
		struct rule *rule = NULL;
		struct asp_finding *f = &run.result.findings[run.result.nfindings];
		struct run_finding *rf = &run.findings[run.nfindings];
		struct sbuf msg = SBUF_INIT(4096), rem = SBUF_INIT(4096), desc = SBUF_INIT(1 << 16);
		char sev[16];

		for (k = 0; k < nr; k++)
			if (strcmp(rules[k].id, a->id) == 0)
				rule = &rules[k];
		if (!rule) {
			rule = &rules[nr++];
			rule->id = strdup(a->id);
			rule->title = strdup(a->summary ? a->summary : a->id);
			sbuf_printf(&desc, "%s", a->details ? a->details : a->summary ? a->summary : a->id);
			for (k = 0; k < a->naliases; k++)
				sbuf_printf(&desc, "%s%s", k ? ", " : "\n\nAliases: ", a->aliases[k]);
			rule->description = sbuf_take(&desc);
			rule->rationale = strdup("A third-party component (SOUP) in the build is a "
						 "version a published advisory names as affected. IEC "
						 "62304 asks that published anomaly lists of SOUP be "
						 "evaluated for their effect on the device.");
			sbuf_printf(&rem, "Evaluate the advisory for the device. Upgrade the "
				    "component to a fixed version%s%s, or record why the device is "
				    "not affected (VEX).", m[i].fixed ? " (" : "",
				    m[i].fixed ? m[i].fixed : "");
			if (m[i].fixed)
				sbuf_puts(&rem, " or later)");
			rule->remediation = sbuf_take(&rem);
			rule->precision = strdup(m[i].unknown_version ? "low" : "high");
			rule->category = strdup("soup");
			rule->level = rule->severity = match_level(&m[i]);
			snprintf(sev, sizeof sev, "%.1f", a->score > 0 ? a->score
				 : rule->level == ASP_LEVEL_ERROR ? 8.0
				 : rule->level == ASP_LEVEL_WARNING ? 5.0 : 2.0);
			rule->security_severity = strdup(sev);
			rule->help_uri = strdup(a->nrefs ? a->refs[0] : "https://osv.dev/");
			rule->enabled = 1;
			if (a->ncwes)
				rc = strlist_one(&rule->cwe, a->cwes[0]);
			else
				rc = strlist_one(&rule->cwe, "CWE-1395");
			if (!rc)
				rc = strlist_one(&rule->iec62304, "7.1.3");
			if (!rc)
				rc = strlist_one(&rule->iec81001, "5.3.2");
			if (!rc && (!rule->id || !rule->title || !rule->description ||
				    !rule->rationale || !rule->remediation || !rule->precision ||
				    !rule->category || !rule->security_severity || !rule->help_uri))
				rc = ASP_ENOMEM;
		}
		sbuf_printf(&msg, "%s %s is affected by %s", c->name,
			    c->version ? c->version : "(version unknown)", a->id);
		if (a->summary)
			sbuf_printf(&msg, ": %s", a->summary);
		if (m[i].unknown_version)
			sbuf_puts(&msg, " (the version could not be read, so this is not ruled out)");
		else if (m[i].fixed)
			sbuf_printf(&msg, " (fixed in %s)", m[i].fixed);
		f->message = sbuf_take(&msg);
		sbuf_free(&rem);
		sbuf_free(&desc);
		f->rule_id = rule->id;
		f->path = at && at->uri ? (at->uri[0] == '/' ? strdup(at->uri)
					  : discover_abspath(at->uri, root)) : strdup(root);
		f->line = at && at->line ? at->line : 1;
		f->column = 1;
		f->end_line = f->line;
		f->end_column = 1;
		sbuf_printf(&msg, "%s@%s %s", c->name, c->version ? c->version : "", a->id);
		f->stmt_text = sbuf_take(&msg);
		if (!f->message || !f->path || !f->stmt_text) {
			rc = ASP_ENOMEM;
			break;
		}
		run.result.nfindings++;
		rf->f = f;
		rf->rule = rule;
		rf->level = match_level(&m[i]);
		rf->uri = discover_relpath(root, f->path);
		rf->soup_component = c->name;
		rf->soup_version = c->version;
		if (!rf->uri)
			rf->uri = strdup(f->path);
		if (!rf->uri) {
			rc = ASP_ENOMEM;
			break;
		}
		run.nfindings++;
	}
	if (rc) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	if (fingerprint_run(&run) || fingerprint_line_hash_run(&run)) {
		rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	so.category = "asepsis/soup/";
	rc = out_sarif_write(&run, path, &so, err);
done:
	for (i = 0; i < nr; i++) {
		struct rule *x = &rules[i];

		free(x->id);
		free(x->title);
		free(x->description);
		free(x->rationale);
		free(x->remediation);
		free(x->precision);
		free(x->category);
		free(x->security_severity);
		free(x->help_uri);
		strlist_clear(&x->cwe);
		strlist_clear(&x->iec62304);
		strlist_clear(&x->iec81001);
	}
	free(rules);
	run_free(&run);
	return rc;
}

/* ---- the command ---------------------------------------------------------- */

int cmd_soup(int argc, char **argv, struct asp_error *err)
{
	struct soup_opts o;
	struct config cfg;
	struct work_list work = { NULL, 0, 0 };
	struct soup_result res;
	struct soup_feed feed;
	struct soup_match *m = NULL;
	char *root = NULL, **filters = NULL, path[4096];
	const char *cfgfile;
	size_t i, nm = 0;
	int rc, status = 0;

	memset(&o, 0, sizeof o);
	memset(&cfg, 0, sizeof cfg);
	memset(&res, 0, sizeof res);
	memset(&feed, 0, sizeof feed);
	rc = parse_opts(argc, argv, &o, err);
	if (rc == 1)
		return 0;
	if (rc)
		return rc;
	root = discover_root();
	if (!root)
		return error_set(err, ASP_EIO, ".", 0, 0, "cannot determine the current folder");
	cfgfile = o.config;
	snprintf(path, sizeof path, "%s/.asepsis.yml", root);
	if (!cfgfile && access(path, F_OK) == 0)
		cfgfile = path;
	if (cfgfile) {
		rc = config_load(&cfg, cfgfile, err);
		if (rc)
			goto done;
	}
	if (!o.build_dir && !o.npaths && cfg.compile_database)
		o.build_dir = cfg.compile_database;
	/* feeds first: a bad feed costs no scan */
	for (i = 0; i < o.nvulns; i++) {
		rc = out_vulnfeed_load(&feed, o.vulns[i], err);
		if (rc)
			goto done;
	}
	if (o.build_dir) {
		filters = calloc(o.npaths + 1, sizeof *filters);
		if (!filters) {
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		for (i = 0; i < o.npaths; i++) {
			filters[i] = discover_abspath(o.paths[i], NULL);
			if (!filters[i]) {
				rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
				goto done;
			}
			if (access(filters[i], F_OK) != 0) {
				rc = error_set(err, ASP_ENOTFOUND, o.paths[i], 0, 0, "%s", strerror(errno));
				goto done;
			}
		}
		rc = compdb_load(&work, o.build_dir, (const char *const *)filters, o.npaths, err);
	} else if (o.npaths) {
		rc = discover_paths(&work, (const char *const *)o.paths, o.npaths, 1, err);
	} else {
		usage(stderr);
		rc = error_set(err, ASP_EUSAGE, NULL, 0, 0,
			       "nothing to look at: give files or folders, or -p BUILD_DIR");
	}
	if (rc)
		goto done;
	rc = soup_identify_work(&res, &work, root, cfgfile ? &cfg : NULL, o.dirs, o.ndirs, err);
	if (!rc && o.nvulns)
		rc = soup_vuln_match(&res, &feed, &m, &nm, err);
	if (rc)
		goto done;
	print_text(&res, m, nm, &o, feed.n);
	fflush(stdout);
	if (o.sbom) {
		rc = write_sbom(&res, m, nm, root, o.sbom, err);
		if (rc)
			goto done;
	}
	if (o.sarif) {
		rc = write_sarif(&res, m, nm, root, o.sarif, err);
		if (rc)
			goto done;
	}
	for (i = 0; i < nm; i++)
		if (o.fail_on != ASP_LEVEL_NONE && match_level(&m[i]) >= o.fail_on)
			status = 1;
done:
	soup_matches_free(m, nm);
	soup_feed_free(&feed);
	soup_result_free(&res);
	work_list_free(&work);
	if (filters) {
		for (i = 0; i < o.npaths; i++)
			free(filters[i]);
		free(filters);
	}
	config_free(&cfg);
	free(root);
	return rc ? rc : status;
}
