/*
 * Inline suppressions: `// asepsis-ignore(ID[, ID...]): reason` or the same
 * in a block comment, on the flagged line or the line above. Parsed once
 * per file per TU into the arena. Internal to checkers/.
 */
#ifndef ASP_SUPPRESS_H
#define ASP_SUPPRESS_H

#include "ctx.h"

/* The rules the suppression machinery itself reports (engine "builtin" in
   the catalogue), NULL-terminated; the rule self-check compares the two. */
#define SUPPRESS_RULE_NO_REASON "MDS-SUP-001"
#define SUPPRESS_RULE_STALE "MDS-SUP-002"
extern const char *const suppress_rule_ids[];

/* The justification of a suppression in path that covers rule on line,
   marking it used; NULL when the finding is not suppressed. A suppression
   without a reason never suppresses. n is the reported node (its front end
   supplies the file's text), may be null. Arena memory. */
const char *suppress_match(struct asp_ctx *ctx, asp_node n, const char *path,
			   const char *rule, unsigned line);

/* Which engines ran over the whole main file, for stale detection. */
enum { SUPPRESS_RAN_CLANG = 1, SUPPRESS_RAN_PATTERN = 2 };

/* After the TU's walk: reports, for the main file, each suppression without
   a reason (MDS-SUP-001) and, when the file was analysed with full
   coverage, each rule of a suppression that matched nothing although the
   rule ran (MDS-SUP-002). ran: SUPPRESS_RAN_* flags, 0 for reduced
   coverage. */
void suppress_finish(struct asp_ctx *ctx, const char *main_file, unsigned ran);

#endif
