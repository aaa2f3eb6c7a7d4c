#include "shared.h"

struct foreign { int fd; };
SS_IMPL(struct foreign, unsafe_sync, "read-only after init");

int b(void) { return 1; }
