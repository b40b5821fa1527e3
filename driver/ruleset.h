/*
 * The rule catalogue: built-in rules embedded in the binary plus user rule
 * folders, validated on load, with profiles applied and a catalogue hash.
 */
#ifndef ASP_RULESET_H
#define ASP_RULESET_H

#include <stddef.h>

#include "base/error.h"

enum asp_level { ASP_LEVEL_NONE = 0, ASP_LEVEL_NOTE = 1, ASP_LEVEL_WARNING = 2,
		 ASP_LEVEL_ERROR = 3 };

/* builtin: reported by asepsis's own machinery (inline suppressions), not
   by a checker or a query; only the embedded catalogue may use it. */
enum rule_engine { RULE_ENGINE_CLANG = 1, RULE_ENGINE_PATTERN = 2, RULE_ENGINE_BUILTIN = 3 };

struct strlist {
	char **v;
	size_t n;
};

/* A further pattern version of a clang rule (key 'patterns'). */
struct rule_pattern {
	char *query, *message;
	int query_line;
};

struct rule {
	char *id;
	char *title;
	char *category;
	char *description;        /* plain text, one paragraph */
	char *rationale;          /* markdown */
	char *remediation;        /* markdown */
	char *precision;          /* very-high | high | medium | low */
	char *status;             /* active | retired */
	int severity;             /* enum asp_level from the rule file */
	int level;                /* effective level after profile and overrides */
	int engine;               /* enum rule_engine */
	char *checker;            /* engine clang */
	char *query;              /* engine pattern; for clang rules, the optional
	                             pattern version used where clang cannot parse */
	char *message;            /* message template of the query; {{capture}} */
	int query_line;           /* line of the rule file where the query starts */
	struct rule_pattern *patterns;   /* more pattern versions (clang rules) */
	size_t npatterns;
	char *security_severity;  /* "0.1".."10.0"; derived from severity if absent */
	struct strlist cwe, cert_c, misra, iec62304, iec81001, fda, hipaa, safety_classes;
	char *source;             /* file the rule came from, for messages */
	int source_line;
	int checker_line;         /* line of the checker: key */
	int builtin;
	int enabled;
	char *help_uri;           /* NULL: the rule reference page; set for rules
	                             made outside the catalogue (advisories) */
};

struct ruleset {
	struct rule *rules;       /* sorted by id */
	size_t n;
	char hash[65];            /* SHA-256 over every rule file loaded, hex */
	char *profile;            /* name of the applied profile */
};

/* Loads the embedded catalogue and then each folder in dirs (may be NULL). */
int ruleset_load(struct ruleset **out, const char *const *dirs, size_t ndirs,
		 struct asp_error *err);
void ruleset_free(struct ruleset *rs);

/* Enables the rules of a built-in profile (class-a, class-b, class-c, cert-c, all). */
int ruleset_apply_profile(struct ruleset *rs, const char *name, struct asp_error *err);
/* Sets the level of one rule (after the profile); "none" disables it. */
int ruleset_set_level(struct ruleset *rs, const char *id, int level, struct asp_error *err);
/* Comma-separated IDs (or categories prefixes like MDS-MEM) to enable/disable. */
int ruleset_enable_list(struct ruleset *rs, const char *list, int on, struct asp_error *err);

struct registry;
/* Enables the checkers that enabled clang rules name and builds the
   subscriber lists; a rule naming an unregistered checker is an error that
   names the rule file and line. */
int ruleset_bind(const struct ruleset *rs, struct registry *reg, struct asp_error *err);

const struct rule *ruleset_find(const struct ruleset *rs, const char *id);
size_t ruleset_count_enabled(const struct ruleset *rs);

const char *ruleset_level_name(int level);   /* "error", "warning", "note", "none" */
const char *ruleset_engine_name(int engine); /* "clang", "pattern", "builtin" */
int ruleset_level_parse(const char *s);      /* -1 when unknown */

/* Names of the built-in profiles, NULL-terminated. */
extern const char *const ruleset_profiles[];

#endif
