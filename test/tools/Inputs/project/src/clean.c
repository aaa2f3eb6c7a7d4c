#include <sendsync.h>

struct SS_SEND point { int x, y; };

int clean(void) { return 2; }
