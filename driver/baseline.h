/*
 * Baselines: the findings of a stored run or of a SARIF file, matched with
 * the current run by asepsis's own fingerprint to give each finding its
 * SARIF baselineState and to gate on new findings only (--new-only).
 */
#ifndef ASP_BASELINE_H
#define ASP_BASELINE_H

#include "run.h"

/* Reads a SARIF file asepsis wrote (asepsisFingerprint/v1 of every result
   that is not itself "absent"). ASP_EIO/ASP_EPARSE name the file. Lives in
   out/out_sarif_read.c, the only SARIF reader. */
int out_sarif_read_baseline(const char *path, struct baseline *out, struct asp_error *err);

/* Marks every finding of r new, unchanged or updated (same fingerprint,
   another message or line), and adds the baseline findings not found now
   to r->absent (with the rule from r->rules; rules it does not know are
   left out). b's items are marked matched. ASP_ENOMEM. */
int baseline_apply(struct run *r, struct baseline *b);

#endif
