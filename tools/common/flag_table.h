/* The filter's tables (flag_table.c): how clang spells each option the
 * filter knows, and what the filter does with it. Internal to flag_filter.c. */
#ifndef SENDSYNC_FLAG_TABLE_H
#define SENDSYNC_FLAG_TABLE_H

typedef enum ss_flag_kind {
  SS_FLAG,                /* exactly the name, no value */
  SS_JOINED,              /* name + value in one argument (a prefix) */
  SS_SEPARATE,            /* exactly the name; the value is the next argument */
  SS_JOINED_OR_SEPARATE,  /* "-Idir" or "-I dir" */
  SS_JOINED_AND_SEPARATE, /* "-Xarch_x86_64 <arg>" */
} ss_flag_kind;

typedef enum ss_flag_action {
  SS_KEEP,   /* always kept */
  SS_DROP,   /* kept only when the database is trusted; else reported */
  SS_REMOVE, /* always removed, never reported (output flags, sendsync's own) */
  SS_F_OPTION, /* "-f...": kept if ss_flag_f_option_allowed() */
  SS_XCLANG,   /* "-Xclang <arg>": see flag_filter.c */
  SS_TARGET,   /* kept if the value is a plain triple: see flag_filter.c */
  SS_LANGUAGE, /* -x: kept for source languages, not for ASTs and PCHs */
} ss_flag_action;

typedef struct ss_flag_rule {
  const char *name;
  ss_flag_kind kind;
  ss_flag_action action;
} ss_flag_rule;

/* The rule clang would apply to `arg`: the longest name that matches it,
 * as clang's option table does. NULL for an unknown flag. */
const ss_flag_rule *ss_flag_rule_find(const char *arg);

/* Whether a "-f..." flag only changes the language, diagnostics or code
 * generation (which a syntax-only run ignores), and reads and loads
 * nothing: "-fno-x" is judged as "-fx". */
int ss_flag_f_option_allowed(const char *arg);

#endif
