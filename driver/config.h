/*
 * .asepsis.yml: the project's analysis settings. Command-line options
 * override what it says. An unknown key or a value of the wrong type is an
 * error naming the file, line and key.
 */
#ifndef ASP_CONFIG_H
#define ASP_CONFIG_H

#include "ruleset.h"

struct config_pair {
	char *open;
	char *close;
};

struct config {
	char *path;                    /* the file read; NULL when none */
	char *root;                    /* its folder */
	char *profile;
	char *engine;                  /* auto | clang | pattern */
	int fail_on;                   /* enum asp_level; -1 when not set */
	char *compile_database;        /* absolute */
	struct strlist enable, disable;
	struct strlist severity_ids, severity_levels;
	struct strlist include, exclude;   /* path globs relative to the root */
	struct strlist rules_dirs;     /* absolute */
	struct strlist plugins;        /* absolute */
	struct strlist patient_data;   /* identifier patterns (PCRE2) */
	struct config_pair *resource_pairs;
	size_t nresource_pairs;
};

/* Reads path into cfg (zeroed first). A missing file is ASP_ENOTFOUND. */
int config_load(struct config *cfg, const char *path, struct asp_error *err);
void config_free(struct config *cfg);

/* 1 if a root-relative path is selected by include/exclude. */
int config_path_selected(const struct config *cfg, const char *relpath);

/* The patient-data identifier pattern: the configured names as one
   case-insensitive alternation, or NULL for the built-in default. Caller frees. */
char *config_patient_pattern(const struct config *cfg);

#endif
