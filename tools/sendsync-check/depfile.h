/* Reading the dependency file clang writes with -MD -MF: the files the
 * preprocessor read for one translation unit. */
#ifndef SENDSYNC_CHECK_DEPFILE_H
#define SENDSYNC_CHECK_DEPFILE_H

#include "argv.h"

/* Parses the Makefile rule in `text` ("target: dep dep \<newline> dep";
 * "\ " is a space, "$$" a dollar) and pushes each dependency onto *deps,
 * made absolute against `directory`, without duplicates. Returns 0, or -1
 * when there is no rule. */
int ss_depfile_parse(const char *text, const char *directory, ss_argv *deps);

#endif
