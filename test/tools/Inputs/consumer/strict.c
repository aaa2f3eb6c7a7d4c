#include <sendsync.h>

struct SS_SEND message { char *text; };

int strict_count(void) { return 2; }
