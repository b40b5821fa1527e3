/* A data file compiled into the binary (see cmake/AsepsisEmbed.cmake). */
#ifndef ASP_BASE_EMBED_H
#define ASP_BASE_EMBED_H

#include <stddef.h>

struct asp_embedded_file {
	const char *path;   /* relative to its source folder, '/'-separated */
	const char *data;   /* NUL-terminated; len excludes the NUL */
	size_t len;
};

#endif
