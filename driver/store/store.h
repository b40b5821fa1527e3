/*
 * The findings store (SQLite): runs, files, rules and findings with stable
 * ASF-n traceability IDs. Opaque handle; bound parameters only; one
 * transaction per run, so a failed or interrupted run leaves earlier runs
 * intact.
 */
#ifndef ASP_STORE_H
#define ASP_STORE_H

#include "run.h"

struct store;

/* Opens (creating the file and its folder if needed) and migrates the schema.
   ASP_EDB naming the file when it is not an asepsis store or has a newer
   schema (then nothing is written to it), or is corrupt or stays locked. */
int store_open(struct store **out, const char *path, struct asp_error *err);
void store_close(struct store *s);   /* accepts NULL */

/* Records r in one transaction: the run, its files, the rules, and every
   finding. A finding whose fingerprint the store knows keeps its ASF ID; a
   new one gets the next. Sets r->id and each finding's trace_num/trace_id.
   On failure nothing of r is stored and those stay 0 and "". */
int store_record_run(struct store *s, struct run *r, struct asp_error *err);

/* Schema version this binary writes (PRAGMA user_version). */
int store_schema_version(void);

#endif
