/* sendsync-merge: merges the facts files of a program into its program
 * database (docs/facts.md, "The program database"). The work is
 * ss_program_db_merge (tools/common/program_db.c), which sendsync-check
 * --whole-program calls too. */
#include <stdio.h>

#include "options.h"
#include "program_db.h"

int main(int argc, char **argv) {
  merge_options o = {0};
  int rc = parse_merge_options(argc, argv, &o);
  if (rc < 0)
    rc = ss_program_db_merge((const char *const *)o.facts, o.fact_count,
                             o.output, stderr, "sendsync-merge: ", NULL) == 0
             ? 0
             : 1;
  free_merge_options(&o);
  return rc;
}
