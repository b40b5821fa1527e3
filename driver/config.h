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

/* A third-party component the project declares (soup:); it overrides what
   `asepsis soup` detects for the files under path. */
struct config_soup {
	char *name, *version;
	char *path;                    /* relative to the root, '/'-separated */
	char *licence, *supplier, *purl, *cpe;   /* may be NULL */
	int line;
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
	int plugins_line;              /* line of the plugins key; 0 when absent */
	struct strlist patient_data;   /* identifier patterns (PCRE2) */
	struct config_pair *resource_pairs;
	size_t nresource_pairs;
	struct strlist soup_dirs;      /* absolute: folders of component signatures */
	struct config_soup *soup;      /* declared components */
	size_t nsoup;
	char *soup_policy;             /* report | separate | ignore */
};

/* Reads path into cfg (zeroed first). A missing file is ASP_ENOTFOUND. */
int config_load(struct config *cfg, const char *path, struct asp_error *err);
void config_free(struct config *cfg);

/*
 * The user's own settings, outside any repository: checker plugins to load
 * and the project roots whose .asepsis.yml may name plugins of their own.
 * A repository's file must never be able to run code on the machine that
 * analyses it, so only this file (or the command line) can allow that.
 */
struct config_user {
	char *path;                    /* the file read; NULL when none */
	struct strlist plugins;        /* absolute */
	struct strlist trusted_roots;  /* absolute */
};

/* The user configuration's path: $ASEPSIS_USER_CONFIG, else
   $XDG_CONFIG_HOME/asepsis/config.yml, else ~/.config/asepsis/config.yml.
   NULL when no home is known. Caller frees. */
char *config_user_path(void);

/* Reads the user configuration at path into u (zeroed first); a missing file
   is ASP_OK with u->path NULL. Refused (ASP_ECONFIG) when the file lies under
   root, or when others than its owner may write to it, or its owner is
   neither the user nor root. */
int config_user_load(struct config_user *u, const char *path, const char *root,
		     struct asp_error *err);
void config_user_free(struct config_user *u);

/* 1 if the user configuration trusts the project at root to name plugins. */
int config_user_trusts(const struct config_user *u, const char *root);

/* 1 if a root-relative path is selected by include/exclude. */
int config_path_selected(const struct config *cfg, const char *relpath);

/* The patient-data identifier pattern: the configured names as one
   case-insensitive alternation, or NULL for the built-in default. Caller frees. */
char *config_patient_pattern(const struct config *cfg);

#endif
