#include "check_ids.h"

#include <string.h>

/* plugin/support/CheckIds.def is a plain X-macro list, valid C as well as C++.
 */
const ss_check_info ss_checks[] = {
#define SENDSYNC_CHECK(Enum, Id, Entry, Summary) {Id, #Enum, Summary},
#include "CheckIds.def"
};
const size_t ss_check_count = sizeof ss_checks / sizeof ss_checks[0];

const ss_check_info *ss_check_find(const char *id) {
  for (size_t i = 0; i < ss_check_count; i++)
    if (strcmp(ss_checks[i].id, id) == 0)
      return &ss_checks[i];
  return NULL;
}
