#include "shared.h"

/* A sync claim broken by a plain int. */
struct SS_SYNC counter {
  int hits;
};

struct SS_UNSAFE_SEND("guarded by the pool lock") pool { char *buf; };

int a(void) { return 0; }
