/*
 * SOUP (software of unknown provenance): the third-party components among
 * the files a build compiles and the headers they include, identified from
 * component signatures (rules/soup/ and the project's soup_dirs), licence
 * tags and texts, and the project's own declarations. soup_sig.c loads the
 * signatures, soup_scan.c collects the files, soup.c identifies.
 */
#ifndef ASP_SOUP_H
#define ASP_SOUP_H

#include <stddef.h>

#include "base/error.h"
#include "compdb.h"

struct pat_regex;

/* ---- signatures (soup_sig.c) ------------------------------------------- */

/* A regular expression of a signature file, with where it was written. */
struct soup_re {
	char *pattern;
	struct pat_regex *re;
	char *file_glob;              /* basename glob of the files it applies to; NULL: all */
	int line;                     /* line in the signature file */
};

/* A version read from the code: one expression whose groups are the parts
   (joined by '.'), or one expression per part (major, minor, patch...). */
struct soup_version_rule {
	char *file_glob;              /* basename glob of the file that holds it */
	struct soup_re *parts;        /* each with at least one group */
	size_t nparts;
	int line;
};

struct soup_sig {
	char *name;                   /* component name, as the SBOM shows it */
	char *supplier;               /* may be NULL */
	char *licence;                /* SPDX expression the supplier publishes; may be NULL */
	char *description;            /* may be NULL */
	char *website;                /* may be NULL */
	char *purl;                   /* template with {version}; may be NULL */
	char *cpe;                    /* CPE 2.3 template with {version}; may be NULL */
	char **folders;               /* folder-name globs, matched on the last
	                                 components of a folder path */
	size_t nfolders;
	char **files;                 /* path suffixes of files typical of it */
	size_t nfiles;
	struct soup_re *markers;      /* content that identifies it */
	size_t nmarkers;
	struct soup_version_rule *versions;
	size_t nversions;
	char *source;                 /* the signature file, for messages */
	int line;
};

/* A well-known licence text: every `all` expression matches the text and
   no `none` expression does. */
struct soup_licence_sig {
	char *id;                     /* SPDX identifier or LicenseRef-... */
	struct soup_re *all, *none;
	size_t nall, nnone;
	char *source;
	int line;
};

struct soup_sigset {
	struct soup_sig *sigs;
	size_t n;
	struct soup_licence_sig *lics;
	size_t nlics;
	char hash[65];                /* SHA-256 over every signature file read */
};

/* Loads the signatures built into the binary and then those of each folder
   (*.yaml, *.yml, recursively). A bad file is ASP_ECONFIG naming the file
   and line: an unknown key, a missing field, a bad regular expression (with
   its offset), a duplicate component name. */
int soup_sig_load(struct soup_sigset **out, const char *const *dirs, size_t ndirs,
		  struct asp_error *err);
void soup_sig_free(struct soup_sigset *set);

/* The template t with every {version} replaced by version; NULL when t is
   NULL, or names {version} and version is NULL. Caller frees. */
char *soup_sig_expand(const char *t, const char *version);

/* 1 when the basename of path matches glob (NULL matches everything). */
int soup_sig_glob(const char *glob, const char *path);

/* ---- files of the build (soup_scan.c) ---------------------------------- */

struct soup_file {
	char *path;                   /* absolute */
	char *uri;                    /* relative to the root, '/'-separated */
	int compiled;                 /* a translation unit (else an included header) */
};

struct soup_files {
	struct soup_file *v;          /* sorted by uri */
	size_t n, cap;
	size_t outside;               /* included files outside the root, not listed */
	size_t unresolved;            /* quoted includes found nowhere */
};

/* The compiled files of the work list under root, and every file they
   include (resolved with the item's -I, -iquote, -isystem, -idirafter and
   -include options, recursively, without evaluating conditionals) that
   lies under root. */
int soup_scan(struct soup_files *out, const struct work_list *work, const char *root,
	      struct asp_error *err);
void soup_files_free(struct soup_files *f);

/* ---- components (soup.c) ----------------------------------------------- */

enum soup_ev_kind {
	SOUP_EV_FOLDER = 1,           /* the folder layout matches the signature */
	SOUP_EV_FILE,                 /* a file typical of the component */
	SOUP_EV_VERSION,              /* a version macro */
	SOUP_EV_MARKER,               /* content typical of the component */
	SOUP_EV_SPDX,                 /* an SPDX-License-Identifier tag */
	SOUP_EV_LICENCE_TEXT,         /* a well-known licence text */
	SOUP_EV_LICENCE_FILE,         /* a licence file in the folder */
	SOUP_EV_DECLARED              /* the project's configuration */
};

struct soup_evidence {
	int kind;                     /* enum soup_ev_kind */
	char *uri;                    /* root-relative file or folder */
	unsigned line;                /* 0: the file or folder as a whole */
	char *text;                   /* what was found */
};

struct soup_member {
	char *uri;                    /* root-relative */
	char *path;                   /* absolute */
	char sha256[65];              /* "" when unreadable */
	int compiled;
};

enum soup_origin { SOUP_IDENTIFIED = 1, SOUP_UNIDENTIFIED, SOUP_DECLARED };

struct soup_component {
	char *name;                   /* signature name; the folder for unidentified code */
	char *version;                /* NULL when unknown */
	char *licence;                /* SPDX expression; NULL when unknown */
	char *supplier, *description, *website;   /* may be NULL */
	char *purl, *cpe;             /* NULL when none can be formed */
	char **folders;               /* root-relative folders it occupies; may be none
	                                 (files found by their content alone) */
	size_t nfolders;
	int origin;                   /* enum soup_origin */
	const char *licence_basis;    /* "SPDX tags", "licence file", "licence text",
	                                 "signature", "declared"; static; NULL when unknown */
	char *source;                 /* signature file or configuration; may be NULL */
	struct soup_member *files;    /* sorted by uri */
	size_t nfiles;
	struct soup_evidence *ev;     /* in the order found */
	size_t nev;
	char bom_ref[80];             /* stable reference inside an SBOM */
};

/* A component the project declares (soup: in .asepsis.yml). */
struct soup_decl {
	const char *name, *version, *path;   /* path: root-relative folder or file */
	const char *licence, *supplier, *purl, *cpe;   /* may be NULL */
	const char *source;           /* the configuration file */
	int line;
};

struct soup_owner {
	char *uri;                    /* root-relative file */
	size_t comp;                  /* index in comps */
};

struct soup_result {
	struct soup_component *comps; /* sorted by name, version, first folder */
	size_t n;
	struct soup_owner *owners;    /* every member file, sorted by uri */
	size_t nowners;
	size_t files_total;           /* files looked at */
	size_t files_soup;            /* of them, in a component */
	size_t files_unidentified;    /* of them, in an unidentified component */
};

/* Identifies the components among files. Declarations override detection
   for the files under their path; two declarations of one path, or of one
   name with two versions, are ASP_ECONFIG naming the configuration line. */
int soup_identify(struct soup_result *out, const struct soup_sigset *sigs,
		  const struct soup_files *files, const char *root,
		  const struct soup_decl *decls, size_t ndecls, struct asp_error *err);
void soup_result_free(struct soup_result *r);

struct config;

/* The whole identification for a work list: signatures (built in, then
   the configuration's soup_dirs, then extra dirs), the files the work list
   compiles and includes, the configuration's declarations. cfg may be NULL.
   out->files_total counts the files looked at. */
int soup_identify_work(struct soup_result *out, const struct work_list *work, const char *root,
		       const struct config *cfg, const char *const *dirs, size_t ndirs,
		       struct asp_error *err);

/* The component a root-relative file belongs to, or NULL. */
const struct soup_component *soup_component_of(const struct soup_result *r, const char *uri);

const char *soup_ev_kind_name(int kind);   /* "folder", "version", ... */
const char *soup_origin_name(int origin);  /* "identified", "unidentified", "declared" */

/* ---- known vulnerabilities (out/out_vulnfeed.c reads, soup_vuln.c matches) */

enum soup_event_kind { SOUP_INTRODUCED = 1, SOUP_FIXED, SOUP_LAST_AFFECTED, SOUP_LIMIT };

struct soup_event {
	int kind;                     /* enum soup_event_kind */
	char *version;
};

struct soup_range {
	char *type;                   /* SEMVER, ECOSYSTEM, GIT; "vers" for a vers: range */
	struct soup_event *ev;        /* in the feed's order */
	size_t nev;
	char *vers;                   /* the vers: string (CycloneDX VEX); NULL otherwise */
};

/* One package an advisory affects. */
struct soup_affected {
	char *ecosystem;              /* OSV ecosystem; NULL in a VEX document */
	char *name;                   /* package or component name; may be NULL */
	char *purl;                   /* may be NULL */
	char *cpe;                    /* may be NULL */
	char **versions;              /* versions named one by one */
	size_t nversions;
	struct soup_range *ranges;
	size_t nranges;
	int unaffected;               /* VEX: these versions are not affected */
};

struct soup_advisory {
	char *id;
	char **aliases;               /* CVE and other IDs */
	size_t naliases;
	char *summary, *details;      /* may be NULL */
	char *severity;               /* CRITICAL, HIGH, MEDIUM, LOW; NULL when unknown */
	char *cvss;                   /* CVSS v3 vector; may be NULL */
	double score;                 /* CVSS base score; 0 when unknown */
	char **refs;                  /* URLs */
	size_t nrefs;
	char **cwes;                  /* "CWE-n" */
	size_t ncwes;
	char *published, *modified;   /* may be NULL */
	char *source;                 /* the feed file */
	struct soup_affected *aff;
	size_t naff;
};

struct soup_feed {
	struct soup_advisory *v;
	size_t n;
	size_t files;                 /* feed files read */
};

/* Reads an OSV advisory (a JSON object, an array of them, or {"vulns": [...]}),
   a folder of such *.json files, or a CycloneDX document with
   vulnerabilities (VEX), appending to feed. Never touches the network. A
   malformed file, a missing field or an unknown ecosystem is ASP_ECONFIG
   naming the file (and the advisory). */
int out_vulnfeed_load(struct soup_feed *feed, const char *path, struct asp_error *err);
void soup_feed_free(struct soup_feed *feed);

struct soup_match {
	size_t comp;                  /* index in the soup_result */
	const struct soup_advisory *adv;
	char *fixed;                  /* lowest fixed version above the component's; may be NULL */
	const char *by;               /* "purl", "cpe" or "name" */
	int unknown_version;          /* the component's version is unknown: not ruled out */
};

/* Matches every component against the feed by purl, CPE or (in C
   ecosystems) name, and version range. Sorted by component, then advisory. */
int soup_vuln_match(const struct soup_result *r, const struct soup_feed *feed,
		    struct soup_match **out, size_t *n, struct asp_error *err);
void soup_matches_free(struct soup_match *m, size_t n);

/* Compares two version strings (a leading v/V ignored; numeric parts as
   numbers; a pre-release suffix sorts before the release). <0, 0, >0. */
int soup_vuln_vercmp(const char *a, const char *b);

/* 1 when version lies in the vers: range (vers:TYPE/constraint|...). */
int soup_vuln_in_vers(const char *vers, const char *version);

/* CVSS v3.x base score of a vector ("CVSS:3.1/AV:N/..."); -1 when invalid. */
double soup_vuln_cvss3(const char *vector);

/* The known OSV ecosystem names, NULL-terminated. */
extern const char *const soup_vuln_ecosystems[];

#endif
