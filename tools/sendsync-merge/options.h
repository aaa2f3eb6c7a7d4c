/* The command line of sendsync-merge (see usage() in options.c). */
#ifndef SENDSYNC_MERGE_OPTIONS_H
#define SENDSYNC_MERGE_OPTIONS_H

#include <stddef.h>

typedef struct merge_options {
  const char *output; /* -o: the program database to write */
  char **facts;       /* the facts files: arguments, then --list lines */
  size_t fact_count;
} merge_options;

/* Parses argv (reading --list files). Returns -1 to continue, else the exit
 * code to exit with (after --help or --version: 0; after an unreadable
 * --list: 1; after a usage error: 2). */
int parse_merge_options(int argc, char **argv, merge_options *o);
void free_merge_options(merge_options *o);

#endif
