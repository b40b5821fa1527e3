/*
 * Stable identities of findings: asepsis's own fingerprint (SHA-256 over
 * rule, path, function, normalised statement text and occurrence index),
 * GitHub's primaryLocationLineHash, and SHA-256 of files and buffers.
 */
#ifndef ASP_FINGERPRINT_H
#define ASP_FINGERPRINT_H

#include <stddef.h>

#include "run.h"

/* Hex SHA-256 of a buffer into out[65]. */
void fingerprint_sha256_hex(const void *data, size_t len, char out[65]);
/* Hex SHA-256 of a file's contents; ASP_EIO if unreadable. */
int fingerprint_file_sha256(const char *path, char out[65]);

struct fingerprint_sha256;
struct fingerprint_sha256 *fingerprint_sha256_begin(void);
void fingerprint_sha256_update(struct fingerprint_sha256 *h, const void *data, size_t len);
void fingerprint_sha256_end(struct fingerprint_sha256 *h, char out[65]);  /* frees h */

/* Collapses whitespace runs to one space and trims; caller frees. */
char *fingerprint_normalise(const char *text);

/* correlationGuid form of a 64-digit hex fingerprint. */
void fingerprint_correlation(const char *fp, char out[37]);

/* Fills fingerprint, correlation and occurrence of every finding of the run;
   the findings must already be sorted. */
int fingerprint_run(struct run *r);

/* GitHub primaryLocationLineHash of every line of a text: out[i] is line i+1
   ("hex:n"); returns the number of lines, or -1 on failure. Caller frees
   out[] and each entry. */
long fingerprint_line_hashes(const char *text, size_t len, char ***out);

/* Fills line_hash of every finding, reading each file once. */
int fingerprint_line_hash_run(struct run *r);

#endif
