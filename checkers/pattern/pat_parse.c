/*
 * One parser, query cursor and regex match block per worker thread: a
 * TSTree and a TSQueryCursor must not be shared between threads, a compiled
 * TSQuery may be.
 */
#include "pat_priv.h"

#include <stdlib.h>

/* Bounds the matches in progress at once, so a pathological file cannot
   make the cursor's memory grow without limit. */
#define PAT_MATCH_LIMIT 4096

int pat_worker_new(struct pat_worker **out, struct asp_error *err)
{
	struct pat_worker *w = calloc(1, sizeof *w);
	uint32_t v = ts_language_version(tree_sitter_c());

	*out = NULL;
	if (!w)
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	if (v < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || v > TREE_SITTER_LANGUAGE_VERSION) {
		free(w);
		return error_set(err, ASP_ERR, "tree-sitter-c", 0, 0,
				 "grammar ABI %u is outside what this tree-sitter runtime reads "
				 "(%u..%u)", v, TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION,
				 TREE_SITTER_LANGUAGE_VERSION);
	}
	w->parser = ts_parser_new();
	w->cursor = ts_query_cursor_new();
	w->md = pcre2_match_data_create(1, NULL);
	if (!w->parser || !w->cursor || !w->md ||
	    !ts_parser_set_language(w->parser, tree_sitter_c())) {
		pat_worker_free(w);
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "cannot set up the C parser");
	}
	ts_query_cursor_set_match_limit(w->cursor, PAT_MATCH_LIMIT);
	*out = w;
	return ASP_OK;
}

void pat_worker_free(struct pat_worker *w)
{
	if (!w)
		return;
	if (w->md)
		pcre2_match_data_free(w->md);
	if (w->cursor)
		ts_query_cursor_delete(w->cursor);
	if (w->parser)
		ts_parser_delete(w->parser);
	free(w);
}
