/*
 * SARIF writer: a hand-built run (rules with mappings, findings with
 * fingerprints and traceability IDs, files of every coverage status,
 * notices) is written, read back and checked value by value, then run
 * through the shared validator. Also: reruns are byte-identical apart from
 * the timestamps, and an unwritable path fails with ASP_EIO and no file.
 */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "fingerprint.h"
#include "out.h"

extern char **environ;

/* Line 3 holds 'é' (2 bytes, 1 UTF-16 unit) and an emoji (4 bytes, 2 units)
   before the flagged call, so its byte column is 3 more than its UTF-16 one. */
static const char pump_c[] =
	"#include <string.h>\n"
	"void pump_start(char *src) {\n"
	"\tchar buf[8]; const char *u = \"\xC3\xA9\xF0\x9F\x98\x80\"; strcpy(buf, src); (void)u;\n"
	"}\n"
	"void pump_alarm(int a) {\n"
	"    switch (a) {\n"
	"    case 1: break;\n"
	"    case 2: break;\n"
	"    }\n"
	"}\n";

static char *cwe_ctl[] = { "CWE-478" };
static char *iec_ctl[] = { "5.1.12", "5.5.4(b)" };
static char *iec81_ctl[] = { "5.5.2(c)" };
static char *cwe_mem[] = { "CWE-120", "cwe-787" };
static char *cert_mem[] = { "STR31-C" };
static char *misra_mem[] = { "21.17" };
static char *iec_mem[] = { "5.1.12", "5.5.4(g,h)" };
static char *iec81_mem[] = { "5.5.1", "5.5.2(b,c)" };
static char *fda_mem[] = { "SPDF: security testing (V.C)" };
static char *hipaa_mem[] = { "164.312(c)(1)" };
static char *classes[] = { "A", "B", "C" };
static char *cwe_many[] = {
	"CWE-1", "CWE-2", "CWE-3", "CWE-4", "CWE-5", "CWE-6", "CWE-7", "CWE-8", "CWE-9",
	"CWE-10", "CWE-11", "CWE-12", "CWE-13", "CWE-14", "CWE-15", "CWE-16", "CWE-17",
	"CWE-18", "CWE-19", "CWE-20", "CWE-21", "CWE-22", "CWE-23", "CWE-24", "CWE-25"
};

#define LIST(a) { (a), sizeof (a) / sizeof *(a) }

struct fixture {
	char root[64];
	char pump[128], partial[128], broken[128];
	struct rule rules[4];
	struct ruleset rs;
	struct asp_finding af[2];
	struct asp_step steps[2];
	struct asp_notice notices[3];
	struct run_file files[3];
	struct run_finding findings[2];
	struct run run;
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

static void make_rule(struct rule *r, char *id, char *title, char *category, int level)
{
	memset(r, 0, sizeof *r);
	r->id = id;
	r->title = title;
	r->category = category;
	r->description = "What the rule finds, in one paragraph.";
	r->rationale = "Why it matters on a device.\n";
	r->remediation = "How to fix it:\n\n```c\nsnprintf(buf, sizeof buf, \"%s\", src);\n```\n";
	r->precision = "high";
	r->status = "active";
	r->severity = r->level = level;
	r->engine = RULE_ENGINE_CLANG;
	r->security_severity = level == ASP_LEVEL_ERROR ? "8.0" : "2.0";
	r->enabled = 1;
	r->builtin = 1;
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct run *r;
	char dir[160];

	assert_non_null(fx);
	snprintf(fx->root, sizeof fx->root, "/tmp/asepsis-sarif-XXXXXX");
	assert_non_null(mkdtemp(fx->root));
	snprintf(dir, sizeof dir, "%s/src", fx->root);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(fx->pump, sizeof fx->pump, "%s/src/pump.c", fx->root);
	snprintf(fx->partial, sizeof fx->partial, "%s/src/partial.c", fx->root);
	snprintf(fx->broken, sizeof fx->broken, "%s/src/broken.c", fx->root);
	write_file(fx->pump, pump_c);
	write_file(fx->partial, "int x = ;\n");

	make_rule(&fx->rules[0], "MDS-CTL-001", "switch statement without a default label",
		  "control-flow", ASP_LEVEL_NOTE);
	fx->rules[0].cwe = (struct strlist)LIST(cwe_ctl);
	fx->rules[0].iec62304 = (struct strlist)LIST(iec_ctl);
	fx->rules[0].iec81001 = (struct strlist)LIST(iec81_ctl);
	fx->rules[0].safety_classes = (struct strlist){ classes + 1, 2 };
	make_rule(&fx->rules[1], "MDS-MEM-003", "Unbounded copy into a fixed-size buffer",
		  "memory", ASP_LEVEL_ERROR);
	fx->rules[1].cwe = (struct strlist)LIST(cwe_mem);
	fx->rules[1].cert_c = (struct strlist)LIST(cert_mem);
	fx->rules[1].misra = (struct strlist)LIST(misra_mem);
	fx->rules[1].iec62304 = (struct strlist)LIST(iec_mem);
	fx->rules[1].iec81001 = (struct strlist)LIST(iec81_mem);
	fx->rules[1].fda = (struct strlist)LIST(fda_mem);
	fx->rules[1].hipaa = (struct strlist)LIST(hipaa_mem);
	fx->rules[1].safety_classes = (struct strlist)LIST(classes);
	make_rule(&fx->rules[2], "MDS-TAG-001", "A rule with many weaknesses", "memory",
		  ASP_LEVEL_WARNING);
	fx->rules[2].cwe = (struct strlist)LIST(cwe_many);
	make_rule(&fx->rules[3], "MDS-ZZZ-900", "Disabled rule", "misc", ASP_LEVEL_WARNING);
	fx->rules[3].enabled = 0;
	fx->rs.rules = fx->rules;
	fx->rs.n = 4;
	fx->rs.profile = "class-c";
	memset(fx->rs.hash, 'a', 64);

	fx->af[0] = (struct asp_finding){ "MDS-MEM-003", fx->pump, 3, 0, 3, 0,
		"copy into 'buf' without a bound", "pump_start", "strcpy(buf, src)",
		NULL, NULL, NULL, 0 };
	fx->af[0].snippet = "\tchar buf[8]; const char *u = \"\xC3\xA9\xF0\x9F\x98\x80\"; "
			    "strcpy(buf, src); (void)u;";
	fx->af[0].column = (unsigned)(strstr(fx->af[0].snippet, "strcpy") - fx->af[0].snippet) + 1;
	fx->af[0].end_column = fx->af[0].column + (unsigned)strlen("strcpy(buf, src)");
	fx->af[1] = (struct asp_finding){ "MDS-CTL-001", fx->pump, 6, 5, 9, 6,
		"switch statement has no default label", NULL, "switch (a)",
		"    switch (a) {", NULL, NULL, 0 };
	/* a path of two steps to the first finding, one of them in another file */
	fx->steps[0] = (struct asp_step){ fx->partial, 2, 1, 1, "'src' comes from here" };
	fx->steps[1] = (struct asp_step){ fx->pump, 3, fx->af[0].column, 2,
		"taking the true branch" };
	fx->af[0].steps = fx->steps;
	fx->af[0].nsteps = 2;

	fx->notices[0] = (struct asp_notice){ ASP_NOTICE_WARNING, "parse-error", fx->partial, 1, 9,
		"expected expression" };
	fx->notices[1] = (struct asp_notice){ ASP_NOTICE_ERROR, "analysis-failed", fx->broken, 0, 0,
		"caf\xE9 cannot be read" };
	fx->notices[2] = fx->notices[0];   /* a header seen by two TUs */

	r = &fx->run;
	fx->files[0] = (struct run_file){ fx->broken, "src/broken.c", "", RUN_FILE_FAILED };
	fx->files[1] = (struct run_file){ fx->partial, "src/partial.c", "", RUN_FILE_PARTIAL };
	fx->files[2] = (struct run_file){ fx->pump, "src/pump.c", "", RUN_FILE_ANALYSED };
	assert_int_equal(fingerprint_file_sha256(fx->pump, fx->files[2].sha256), ASP_OK);
	assert_int_equal(fingerprint_file_sha256(fx->partial, fx->files[1].sha256), ASP_OK);

	fx->findings[0].f = &fx->af[0];
	fx->findings[0].rule = &fx->rules[1];
	fx->findings[0].uri = "src/pump.c";
	fx->findings[0].level = ASP_LEVEL_ERROR;
	fx->findings[0].baseline = BASELINE_NEW;
	fx->findings[0].trace_num = 7;
	snprintf(fx->findings[0].trace_id, sizeof fx->findings[0].trace_id, "ASF-7");
	fx->findings[1].f = &fx->af[1];
	fx->findings[1].rule = &fx->rules[0];
	fx->findings[1].uri = "src/pump.c";
	fx->findings[1].level = ASP_LEVEL_NOTE;

	snprintf(r->started, sizeof r->started, "2026-01-02T03:04:05Z");
	snprintf(r->finished, sizeof r->finished, "2026-01-02T03:04:09Z");
	r->root = fx->root;
	r->command_line = "asepsis check -p build --sarif out.sarif";
	r->rules = &fx->rs;
	r->tool_version = "0.1.0";
	r->frontend_version = "clang version 19.1.7";
	r->vcs_commit = "0123456789abcdef0123456789abcdef01234567";
	r->vcs_branch = "main";
	r->vcs_uri = "git@github.com:acme/pump.git";
	r->files = fx->files;
	r->nfiles = 3;
	r->findings = fx->findings;
	r->nfindings = 2;
	r->result.notices = fx->notices;
	r->result.nnotices = 3;
	r->complete = 0;
	assert_int_equal(fingerprint_run(r), ASP_OK);
	assert_int_equal(fingerprint_line_hash_run(r), ASP_OK);
	*state = fx;
	return 0;
}

static void remove_in(const char *root, const char *name)
{
	char p[256];

	snprintf(p, sizeof p, "%s/%s", root, name);
	unlink(p);
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char p[256];

	remove_in(fx->root, "src/pump.c");
	remove_in(fx->root, "src/partial.c");
	remove_in(fx->root, "a.sarif");
	remove_in(fx->root, "b.sarif");
	snprintf(p, sizeof p, "%s/src", fx->root);
	rmdir(p);
	snprintf(p, sizeof p, "%s/ro", fx->root);
	chmod(p, 0755);
	rmdir(p);
	snprintf(p, sizeof p, "%s/dir.sarif", fx->root);
	rmdir(p);
	rmdir(fx->root);
	free(fx);
	return 0;
}

static json_t *write_and_load(struct fixture *fx, const struct out_sarif_opts *o,
			      const char *name)
{
	struct asp_error err;
	json_error_t jerr;
	char path[256];
	json_t *doc;

	error_clear(&err);
	snprintf(path, sizeof path, "%s/%s", fx->root, name);
	assert_int_equal(out_sarif_write(&fx->run, path, o, &err), ASP_OK);
	doc = json_load_file(path, 0, &jerr);
	if (!doc)
		fail_msg("%s:%d: %s", path, jerr.line, jerr.text);
	return doc;
}

/* "runs.0.tool.driver.name": object keys and array indexes; "\\." is a dot
   inside a key ("problem\\.severity"). */
static json_t *at(json_t *v, const char *pathspec)
{
	const char *p = pathspec;

	while (*p && v) {
		char key[128];
		size_t n = 0;

		for (; *p && *p != '.' && n + 1 < sizeof key; p++) {
			if (*p == '\\' && p[1] == '.')
				p++;
			key[n++] = *p;
		}
		key[n] = '\0';
		if (*p == '.')
			p++;
		if (json_is_array(v))
			v = json_array_get(v, strtoul(key, NULL, 10));
		else
			v = json_object_get(v, key);
	}
	if (!v)
		fail_msg("no value at %s", pathspec);
	return v;
}

static const char *str_at(json_t *v, const char *pathspec)
{
	json_t *s = at(v, pathspec);

	if (!json_is_string(s))
		fail_msg("%s is not a string", pathspec);
	return json_string_value(s);
}

static long long int_at(json_t *v, const char *pathspec)
{
	json_t *i = at(v, pathspec);

	if (!json_is_integer(i))
		fail_msg("%s is not an integer", pathspec);
	return json_integer_value(i);
}

static int array_has(json_t *a, const char *s)
{
	size_t i;
	json_t *v;

	json_array_foreach(a, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
			return 1;
	return 0;
}

static json_t *find_by(json_t *a, const char *key, const char *value)
{
	size_t i;
	json_t *v;

	json_array_foreach(a, i, v) {
		json_t *k = json_object_get(v, key);

		if (json_is_string(k) && strcmp(json_string_value(k), value) == 0)
			return v;
	}
	fail_msg("no element with %s = %s", key, value);
	return NULL;
}

static void test_tool_and_rules(void **state)
{
	struct fixture *fx = *state;
	json_t *doc = write_and_load(fx, NULL, "a.sarif");
	json_t *rules = at(doc, "runs.0.tool.driver.rules"), *mem, *tags;

	assert_string_equal(str_at(doc, "$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
	assert_string_equal(str_at(doc, "version"), "2.1.0");
	assert_int_equal(json_array_size(at(doc, "runs")), 1);
	assert_string_equal(str_at(doc, "runs.0.tool.driver.name"), "asepsis");
	assert_string_equal(str_at(doc, "runs.0.tool.driver.semanticVersion"), "0.1.0");
	assert_string_equal(str_at(doc, "runs.0.automationDetails.id"), "asepsis/full/");
	assert_string_equal(str_at(doc, "runs.0.columnKind"), "utf16CodeUnits");

	/* enabled rules only, by id; the disabled one is left out */
	assert_int_equal(json_array_size(rules), 3);
	assert_string_equal(str_at(rules, "0.id"), "MDS-CTL-001");
	assert_string_equal(str_at(rules, "1.id"), "MDS-MEM-003");
	assert_string_equal(str_at(rules, "2.id"), "MDS-TAG-001");
	mem = json_array_get(rules, 1);
	assert_string_equal(str_at(mem, "name"), "UnboundedCopyIntoFixedSizeBuffer");
	assert_string_equal(str_at(rules, "0.name"), "SwitchStatementWithoutDefaultLabel");
	assert_string_equal(str_at(mem, "shortDescription.text"),
			    "Unbounded copy into a fixed-size buffer");
	assert_string_equal(str_at(mem, "fullDescription.text"),
			    "What the rule finds, in one paragraph.");
	assert_string_equal(str_at(mem, "defaultConfiguration.level"), "error");
	assert_string_equal(str_at(mem, "helpUri"),
			    "https://github.com/asepsis/asepsis/blob/main/docs/rules/MDS-MEM-003.md");
	assert_non_null(strstr(str_at(mem, "help.markdown"), "## Remediation"));
	assert_non_null(strstr(str_at(mem, "help.markdown"),
			       "[CWE-787](https://cwe.mitre.org/data/definitions/787.html)"));
	assert_non_null(strstr(str_at(mem, "help.text"), "Why it matters on a device."));
	assert_string_equal(str_at(mem, "properties.security-severity"), "8.0");
	assert_string_equal(str_at(mem, "properties.precision"), "high");
	assert_string_equal(str_at(mem, "properties.problem\\.severity"), "error");
	tags = at(mem, "properties.tags");
	assert_true(array_has(tags, "security"));
	assert_true(array_has(tags, "external/cwe/cwe-120"));
	assert_true(array_has(tags, "external/cwe/cwe-787"));
	assert_true(array_has(tags, "memory"));
	assert_string_equal(str_at(mem, "properties.iec62304.1"), "5.5.4(g,h)");
	assert_string_equal(str_at(mem, "properties.cert_c.0"), "STR31-C");
	assert_string_equal(str_at(mem, "properties.hipaa.0"), "164.312(c)(1)");
	assert_string_equal(str_at(rules, "0.properties.problem\\.severity"), "recommendation");
	/* GitHub rejects more than 20 tags */
	tags = at(rules, "2.properties.tags");
	assert_int_equal(json_array_size(tags), 20);
	assert_true(array_has(tags, "security"));
	assert_true(array_has(tags, "memory"));
	json_decref(doc);
}

static void test_taxonomies(void **state)
{
	struct fixture *fx = *state;
	json_t *doc = write_and_load(fx, NULL, "a.sarif");
	json_t *tax = at(doc, "runs.0.taxonomies"), *cwe, *iec, *iec81, *rels, *rel;
	size_t i;

	assert_int_equal(json_array_size(tax), 3);
	cwe = find_by(tax, "name", "CWE");
	iec = find_by(tax, "name", "IEC 62304");
	iec81 = find_by(tax, "name", "IEC 81001-5-1");
	assert_string_equal(str_at(cwe, "organization"), "MITRE");
	assert_string_equal(str_at(cwe, "informationUri"), "https://cwe.mitre.org/");
	/* numeric order: 1..25, 120, 478, 787 */
	assert_int_equal(json_array_size(at(cwe, "taxa")), 28);
	assert_string_equal(str_at(cwe, "taxa.0.id"), "1");
	assert_string_equal(str_at(cwe, "taxa.25.id"), "120");
	assert_string_equal(str_at(cwe, "taxa.25.name"), "CWE-120");
	assert_string_equal(str_at(cwe, "taxa.27.id"), "787");
	/* criterion lists become one taxon per criterion, in clause order */
	assert_int_equal(json_array_size(at(iec, "taxa")), 4);
	assert_string_equal(str_at(iec, "taxa.0.id"), "5.1.12");
	assert_string_equal(str_at(iec, "taxa.1.id"), "5.5.4(b)");
	assert_string_equal(str_at(iec, "taxa.2.id"), "5.5.4(g)");
	assert_string_equal(str_at(iec, "taxa.3.id"), "5.5.4(h)");
	assert_string_equal(str_at(iec, "taxa.2.shortDescription.text"),
			    "Additional acceptance criterion (class C): memory management and "
			    "memory overflows");
	assert_int_equal(json_array_size(at(iec81, "taxa")), 3);
	assert_string_equal(str_at(iec81, "taxa.1.id"), "5.5.2(b)");
	assert_string_equal(str_at(iec81, "taxa.2.id"), "5.5.2(c)");
	assert_non_null(strstr(str_at(iec81, "taxa.2.shortDescription.text"), "static code analysis"));

	/* every relationship of MDS-MEM-003 resolves to its taxon */
	rels = at(doc, "runs.0.tool.driver.rules.1.relationships");
	assert_int_equal(json_array_size(rels), 2 + 3 + 3);
	json_array_foreach(rels, i, rel) {
		json_t *comp = find_by(tax, "name", str_at(rel, "target.toolComponent.name"));
		json_t *taxon;

		taxon = json_array_get(at(comp, "taxa"), (size_t)int_at(rel, "target.index"));
		assert_non_null(taxon);
		assert_string_equal(str_at(taxon, "id"), str_at(rel, "target.id"));
		assert_string_equal(str_at(rel, "kinds.0"), "relevant");
	}
	assert_string_equal(str_at(rels, "0.target.id"), "120");
	assert_string_equal(str_at(rels, "1.target.id"), "787");
	assert_string_equal(str_at(doc, "runs.0.tool.driver.supportedTaxonomies.1.name"), "IEC 62304");
	json_decref(doc);
}

static void test_results(void **state)
{
	struct fixture *fx = *state;
	json_t *doc = write_and_load(fx, NULL, "a.sarif");
	json_t *res = at(doc, "runs.0.results"), *r0, *r1, *arts;
	const struct run_finding *f0 = &fx->run.findings[0];
	const char *guid;
	char root_uri[128];

	assert_int_equal(json_array_size(res), 2);
	r0 = json_array_get(res, 0);
	r1 = json_array_get(res, 1);
	assert_string_equal(str_at(r0, "ruleId"), "MDS-MEM-003");
	assert_int_equal(int_at(r0, "ruleIndex"), 1);
	assert_string_equal(str_at(r0, "level"), "error");
	assert_string_equal(str_at(r0, "message.text"), "copy into 'buf' without a bound");
	assert_string_equal(str_at(r0, "locations.0.physicalLocation.artifactLocation.uri"),
			    "src/pump.c");
	assert_string_equal(str_at(r0, "locations.0.physicalLocation.artifactLocation.uriBaseId"),
			    "%SRCROOT%");
	arts = at(doc, "runs.0.artifacts");
	assert_int_equal(json_array_size(arts), 3);
	assert_string_equal(str_at(arts, "2.location.uri"), "src/pump.c");
	assert_int_equal(int_at(r0, "locations.0.physicalLocation.artifactLocation.index"), 2);
	assert_string_equal(str_at(arts, "2.hashes.sha-256"), fx->files[2].sha256);
	assert_null(json_object_get(json_array_get(arts, 0), "hashes"));

	/* byte columns become UTF-16 columns: é is 2 bytes, the emoji 4 bytes/2 units */
	assert_int_equal(int_at(r0, "locations.0.physicalLocation.region.startLine"), 3);
	assert_int_equal(int_at(r0, "locations.0.physicalLocation.region.startColumn"),
			 fx->af[0].column - 3);
	assert_int_equal(int_at(r0, "locations.0.physicalLocation.region.endColumn"),
			 fx->af[0].end_column - 3);
	assert_string_equal(str_at(r0, "locations.0.physicalLocation.region.snippet.text"),
			    "strcpy(buf, src)");
	assert_string_equal(str_at(r0, "locations.0.physicalLocation.contextRegion.snippet.text"),
			    fx->af[0].snippet);
	assert_string_equal(str_at(r0, "locations.0.logicalLocations.0.name"), "pump_start");

	assert_string_equal(str_at(r0, "partialFingerprints.primaryLocationLineHash"),
			    f0->line_hash);
	assert_true(strlen(f0->line_hash) > 2);
	assert_string_equal(str_at(r0, "partialFingerprints.asepsisFingerprint/v1"),
			    f0->fingerprint);
	guid = str_at(r0, "correlationGuid");
	assert_int_equal(strlen(guid), 36);
	assert_true(guid[14] >= '1' && guid[14] <= '5');
	assert_non_null(strchr("89ab", guid[19]));
	assert_memory_equal(guid, f0->correlation, 14);
	assert_string_equal(str_at(r0, "properties.traceabilityId"), "ASF-7");
	assert_string_equal(str_at(r0, "baselineState"), "new");

	/* its path: the steps, then the finding itself, also as related locations */
	assert_int_equal(json_array_size(at(r0, "codeFlows.0.threadFlows.0.locations")), 3);
	assert_string_equal(str_at(r0, "codeFlows.0.threadFlows.0.locations.0.location."
				   "physicalLocation.artifactLocation.uri"), "src/partial.c");
	assert_string_equal(str_at(r0, "codeFlows.0.threadFlows.0.locations.0.location.message.text"),
			    "'src' comes from here");
	assert_string_equal(str_at(r0, "codeFlows.0.threadFlows.0.locations.0.kinds.0"), "source");
	assert_string_equal(str_at(r0, "codeFlows.0.threadFlows.0.locations.1.kinds.0"), "branch");
	/* same file: the column is in UTF-16 units like the result's */
	assert_int_equal(int_at(r0, "codeFlows.0.threadFlows.0.locations.1.location."
				"physicalLocation.region.startColumn"), fx->af[0].column - 3);
	assert_int_equal(int_at(r0, "codeFlows.0.threadFlows.0.locations.2.location."
				"physicalLocation.region.startLine"), 3);
	assert_string_equal(str_at(r0, "codeFlows.0.threadFlows.0.locations.2.location.message.text"),
			    "copy into 'buf' without a bound");
	assert_int_equal(int_at(r0, "codeFlows.0.threadFlows.0.locations.2.executionOrder"), 3);
	assert_int_equal(json_array_size(at(r0, "relatedLocations")), 2);
	assert_int_equal(int_at(r0, "relatedLocations.1.id"), 2);
	assert_null(json_object_get(r1, "codeFlows"));
	assert_null(json_object_get(r1, "relatedLocations"));

	/* a multi-line region: exact text, whole lines as context, no function */
	assert_string_equal(str_at(r1, "ruleId"), "MDS-CTL-001");
	assert_int_equal(int_at(r1, "ruleIndex"), 0);
	assert_int_equal(int_at(r1, "locations.0.physicalLocation.region.endLine"), 9);
	assert_string_equal(str_at(r1, "locations.0.physicalLocation.region.snippet.text"),
			    "switch (a) {\n    case 1: break;\n    case 2: break;\n    }");
	assert_null(json_object_get(at(r1, "locations.0"), "logicalLocations"));
	assert_null(json_object_get(r1, "properties"));
	assert_null(json_object_get(r1, "baselineState"));

	snprintf(root_uri, sizeof root_uri, "file://%s/", fx->root);
	assert_string_equal(str_at(doc, "runs.0.originalUriBaseIds.%SRCROOT%.uri"), root_uri);
	json_decref(doc);
}

static void test_invocation(void **state)
{
	struct fixture *fx = *state;
	json_t *doc = write_and_load(fx, NULL, "a.sarif");
	json_t *inv = at(doc, "runs.0.invocations.0"), *notes = at(inv, "toolExecutionNotifications");
	json_t *n;

	assert_true(json_is_true(at(inv, "executionSuccessful")));
	assert_string_equal(str_at(inv, "commandLine"), "asepsis check -p build --sarif out.sarif");
	assert_string_equal(str_at(inv, "startTimeUtc"), "2026-01-02T03:04:05Z");
	assert_string_equal(str_at(inv, "endTimeUtc"), "2026-01-02T03:04:09Z");
	/* two notices (one duplicate dropped) and one per file not fully analysed */
	assert_int_equal(json_array_size(notes), 4);
	n = json_array_get(notes, 0);
	assert_string_equal(str_at(n, "descriptor.id"), "analysis-failed");
	assert_string_equal(str_at(n, "level"), "error");
	assert_string_equal(str_at(n, "message.text"), "caf\xEF\xBF\xBD cannot be read");
	assert_string_equal(str_at(n, "locations.0.physicalLocation.artifactLocation.uri"),
			    "src/broken.c");
	n = json_array_get(notes, 1);
	assert_string_equal(str_at(n, "descriptor.id"), "parse-error");
	assert_string_equal(str_at(n, "level"), "warning");
	assert_int_equal(int_at(n, "locations.0.physicalLocation.region.startLine"), 1);
	assert_string_equal(str_at(notes, "2.descriptor.id"), "not-analysed");
	assert_string_equal(str_at(notes, "2.level"), "error");
	assert_string_equal(str_at(notes, "3.descriptor.id"), "partial-coverage");
	assert_string_equal(str_at(notes, "3.locations.0.physicalLocation.artifactLocation.uri"),
			    "src/partial.c");

	assert_string_equal(str_at(doc, "runs.0.versionControlProvenance.0.repositoryUri"),
			    "https://github.com/acme/pump.git");
	assert_string_equal(str_at(doc, "runs.0.versionControlProvenance.0.revisionId"),
			    fx->run.vcs_commit);
	assert_string_equal(str_at(doc, "runs.0.versionControlProvenance.0.branch"), "main");
	json_decref(doc);

	/* nothing analysed: the invocation failed */
	fx->files[1].status = RUN_FILE_FAILED;
	fx->files[2].status = RUN_FILE_FAILED;
	doc = write_and_load(fx, NULL, "a.sarif");
	assert_true(json_is_false(at(doc, "runs.0.invocations.0.executionSuccessful")));
	json_decref(doc);
}

static void test_category_and_remotes(void **state)
{
	static const struct { char *remote; const char *uri; } cases[] = {
		{ "https://x-access-token:ghs_secret@github.com/acme/pump",
		  "https://github.com/acme/pump" },
		{ "ssh://git@gitlab.example.com:2222/fw/pump.git",
		  "https://gitlab.example.com/fw/pump.git" },
		{ "git@github.com:acme/pump.git", "https://github.com/acme/pump.git" },
		{ "/srv/git/my pump.git", "file:///srv/git/my%20pump.git" },
		{ "../pump", NULL },       /* the local repository at the root */
		{ NULL, NULL },
	};
	struct fixture *fx = *state;
	struct out_sarif_opts o;
	char local[128];
	size_t i;

	memset(&o, 0, sizeof o);
	o.category = "asepsis/diff";
	snprintf(local, sizeof local, "file://%s/", fx->root);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		json_t *doc;

		fx->run.vcs_uri = cases[i].remote;
		doc = write_and_load(fx, &o, "a.sarif");
		assert_string_equal(str_at(doc, "runs.0.automationDetails.id"), "asepsis/diff/");
		assert_string_equal(str_at(doc, "runs.0.versionControlProvenance.0.repositoryUri"),
				    cases[i].uri ? cases[i].uri : local);
		json_decref(doc);
	}
	fx->run.vcs_commit = NULL;
	{
		json_t *doc = write_and_load(fx, &o, "a.sarif");

		assert_null(json_object_get(at(doc, "runs.0"), "versionControlProvenance"));
		json_decref(doc);
	}
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void blank_value(char *text, const char *key)
{
	char *p = strstr(text, key);

	assert_non_null(p);
	p = strchr(p + strlen(key), '"');
	assert_non_null(p);
	for (p++; *p && *p != '"'; p++)
		*p = '0';
}

static void test_deterministic(void **state)
{
	struct fixture *fx = *state;
	struct asp_error err;
	char a[256], b[256], *ta, *tb;
	size_t la, lb;

	snprintf(a, sizeof a, "%s/a.sarif", fx->root);
	snprintf(b, sizeof b, "%s/b.sarif", fx->root);
	assert_int_equal(out_sarif_write(&fx->run, a, NULL, &err), ASP_OK);
	snprintf(fx->run.started, sizeof fx->run.started, "2027-12-31T23:59:58Z");
	snprintf(fx->run.finished, sizeof fx->run.finished, "2027-12-31T23:59:59Z");
	assert_int_equal(out_sarif_write(&fx->run, b, NULL, &err), ASP_OK);
	ta = slurp(a, &la);
	tb = slurp(b, &lb);
	assert_int_equal(la, lb);
	assert_true(memcmp(ta, tb, la) != 0);
	blank_value(ta, "\"startTimeUtc\"");
	blank_value(ta, "\"endTimeUtc\"");
	blank_value(tb, "\"startTimeUtc\"");
	blank_value(tb, "\"endTimeUtc\"");
	assert_memory_equal(ta, tb, la);
	assert_int_equal(ta[la - 1], '\n');
	free(ta);
	free(tb);
}

/* No temporary output file (hidden, ending in .tmp) is left in dir. */
static int dir_is_empty_of_tmp(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int clean = 1;

	if (!d)
		return 1;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.' && n > 4 && strcmp(e->d_name + n - 4, ".tmp") == 0)
			clean = 0;
	}
	closedir(d);
	return clean;
}

static void test_unwritable(void **state)
{
	struct fixture *fx = *state;
	struct asp_error err;
	char path[256], dir[200];
	struct stat st;

	snprintf(path, sizeof path, "%s/missing/out.sarif", fx->root);
	error_clear(&err);
	assert_int_equal(out_sarif_write(&fx->run, path, NULL, &err), ASP_EIO);
	assert_string_equal(err.input, path);
	assert_int_not_equal(stat(path, &st), 0);

	/* the target is a folder: refused before anything is written */
	snprintf(path, sizeof path, "%s/dir.sarif", fx->root);
	assert_int_equal(mkdir(path, 0755), 0);
	error_clear(&err);
	assert_int_equal(out_sarif_write(&fx->run, path, NULL, &err), ASP_EUSAGE);
	assert_string_equal(err.input, path);
	assert_true(dir_is_empty_of_tmp(fx->root));

	/* a symbolic link: refused, and what it points to is left alone */
	{
		char link[256], victim[256];
		FILE *v;

		snprintf(victim, sizeof victim, "%s/victim", fx->root);
		snprintf(link, sizeof link, "%s/link.sarif", fx->root);
		v = fopen(victim, "w");
		assert_non_null(v);
		fputs("keep", v);
		fclose(v);
		assert_int_equal(symlink(victim, link), 0);
		error_clear(&err);
		assert_int_equal(out_sarif_write(&fx->run, link, NULL, &err), ASP_EUSAGE);
		assert_int_equal(stat(victim, &st), 0);
		assert_int_equal((int)st.st_size, 4);
		assert_true(dir_is_empty_of_tmp(fx->root));
	}

	/* a read-only folder (root writes anyway, so only checked for others) */
	snprintf(dir, sizeof dir, "%s/ro", fx->root);
	assert_int_equal(mkdir(dir, 0555), 0);
	if (geteuid() != 0) {
		snprintf(path, sizeof path, "%s/out.sarif", dir);
		error_clear(&err);
		assert_int_equal(out_sarif_write(&fx->run, path, NULL, &err), ASP_EIO);
		assert_string_equal(err.input, path);
		assert_int_not_equal(stat(path, &st), 0);
		assert_true(dir_is_empty_of_tmp(dir));
	}
}

static int have_program(const char *name)
{
	const char *path = getenv("PATH");
	char buf[4096];

	while (path && *path) {
		size_t n = strcspn(path, ":");

		snprintf(buf, sizeof buf, "%.*s/%s", (int)n, path, name);
		if (n && access(buf, X_OK) == 0)
			return 1;
		path += n + (path[n] == ':');
	}
	return 0;
}

static void test_validator(void **state)
{
	struct fixture *fx = *state;
	struct asp_error err;
	char path[256];
	char *argv[5];
	pid_t pid;
	int status = 0;

	if (!have_program("node"))
		skip();
	snprintf(path, sizeof path, "%s/a.sarif", fx->root);
	assert_int_equal(out_sarif_write(&fx->run, path, NULL, &err), ASP_OK);
	argv[0] = ASEPSIS_SARIF_VALIDATE;
	argv[1] = "--srcroot";
	argv[2] = fx->root;
	argv[3] = path;
	argv[4] = NULL;
	assert_int_equal(posix_spawn(&pid, argv[0], NULL, NULL, argv, environ), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tool_and_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_taxonomies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_results, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invocation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_category_and_remotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_validator, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
